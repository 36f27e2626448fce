"""`uploadOrderPhoto`: a photo sent as a GraphQL multipart request (servicedesk/transport/uploads.py)."""

from __future__ import annotations

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from domain.errors import invalid
from resolvers import photos
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id
from schema.order_inputs import PhotoPayload
from schema.orders import Photo, PhotoKind


def incoming(file: object) -> photos.IncomingFile:
    """The transport's file as the resolver takes it; a value sent as JSON is no file."""
    if not isinstance(file, UploadFile):
        raise invalid("Send the file as a multipart upload", "file")
    return photos.IncomingFile(name=file.filename, size=file.size or 0, content=file.file)


@strawberry.type
class PhotoMutations:
    @strawberry.mutation
    async def upload_order_photo(
        self,
        info: Info,
        order_id: strawberry.ID,
        file: Upload,
        kind: PhotoKind | None = PhotoKind.COMPLETION,
        caption: str | None = None,
    ) -> PhotoPayload:
        async def act() -> PhotoPayload:
            row = await photos.upload_order_photo(
                info.context.require_actor(),
                decode_id(order_id, "Order"),
                incoming(file),
                kind or PhotoKind.COMPLETION,
                caption,
            )
            return PhotoPayload(photo=Photo.of(row))

        return await payload_of(PhotoPayload, act)
