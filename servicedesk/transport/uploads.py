"""Multipart uploads (the GraphQL multipart request spec) as the GraphQL endpoint reads them.

- CSRF: a browser sends a multipart POST cross-site without asking first, so such a request
  must carry a header that no plain form can: `Apollo-Require-Preflight` or a non-empty
  `X-Apollo-Operation-Name`, as Apollo Server demands (Apollo and urql upload clients send it).
- Limits while streaming: one file per request; of a file past `max_file_bytes` only one byte
  more is kept (so the resolver refuses it as INVALID without the rest reaching disk), and the
  whole body is capped by servicedesk.http.middleware.BodyLimit before any of this runs.
- The parsed form's temporary files are closed when the request ends.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping

from cross_web import FormData, HTTPException, StarletteRequestAdapter
from starlette.datastructures import FormData as StarletteForm
from starlette.datastructures import Headers, UploadFile
from starlette.types import Scope

from compat.cross_web import starlette_request
from compat.starlette import FileWrappingMultiPartParser, MultiPartException

CSRF_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name")
CSRF_REFUSAL = (
    "This request has been blocked as a potential Cross-Site Request Forgery (CSRF): a "
    "multipart request needs a non-empty Apollo-Require-Preflight or X-Apollo-Operation-Name "
    "header"
)
MAX_FILES = 1
MAX_FIELDS = 10
MAX_FIELD_BYTES = 1024 * 1024
FORM_STATE = "upload_form"


def csrf_refusal(headers: Mapping[str, str]) -> str | None:
    """Why a multipart request is refused, or None when it carries a preflight header."""
    if any((headers.get(name) or "").strip() for name in CSRF_HEADERS):
        return None
    return CSRF_REFUSAL


class CappedUploadFile(UploadFile):
    """Keeps at most `keep` bytes; `size` still counts them, so `size == keep` means more came."""

    def __init__(self, original: UploadFile, keep: int) -> None:
        super().__init__(
            original.file, size=0, filename=original.filename, headers=original.headers
        )
        self.keep = keep

    async def write(self, data: bytes) -> None:
        room = self.keep - (self.size or 0)
        if room > 0:
            await super().write(data[:room])


class CappedMultiPartParser(FileWrappingMultiPartParser):
    def __init__(
        self, headers: Headers, stream: AsyncGenerator[bytes, None], max_file_bytes: int
    ) -> None:
        super().__init__(
            headers,
            stream,
            max_files=MAX_FILES,
            max_fields=MAX_FIELDS,
            max_part_size=MAX_FIELD_BYTES,
        )
        self.keep = max_file_bytes + 1

    def wrap_file(self, file: UploadFile) -> UploadFile:
        return CappedUploadFile(file, self.keep)


class UploadRequestAdapter(StarletteRequestAdapter):
    max_file_bytes = 10 * 1024 * 1024

    async def get_form_data(self) -> FormData:
        request = starlette_request(self)
        parser = CappedMultiPartParser(request.headers, request.stream(), self.max_file_bytes)
        try:
            form = await parser.parse()
        except MultiPartException as exc:
            raise HTTPException(400, exc.message) from exc
        setattr(request.state, FORM_STATE, form)
        return FormData(files=form, form=form)


def upload_adapter(max_file_bytes: int) -> type[UploadRequestAdapter]:
    """The request adapter class of an endpoint whose photos may be `max_file_bytes` long."""

    class Adapter(UploadRequestAdapter):
        pass

    Adapter.max_file_bytes = max_file_bytes
    return Adapter


async def close_form(scope: Scope) -> None:
    """Close the temporary files of the request's form (`request.state` lives in the scope)."""
    form = scope.get("state", {}).get(FORM_STATE)
    if isinstance(form, StarletteForm):
        await form.close()
