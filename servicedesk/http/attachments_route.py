"""`GET /attachments/<key>?expires=…&sig=…`: a file that came with an inbox message, for
whoever holds a valid link (permissions/media.py; handed to staff who see the conversation).

The file's type is whatever the sender declared, so it is always served as a download
(`Content-Disposition: attachment`) with nosniff and a sandboxing CSP: a browser never runs
an attached page or script in the service's origin.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from media.attachments import KEY, read_attachment
from models import MessageAttachment
from permissions.media import link_is_valid

REFUSED = "This link is not valid or has expired; ask the API for the message again"


async def attachment(request: Request) -> Response:
    key = str(request.path_params["key"])
    expires = request.query_params.get("expires")
    clock: Callable[[], float] = request.app.state.clock
    now = clock()
    valid = KEY.fullmatch(key) is not None and link_is_valid(
        key, expires, request.query_params.get("sig"), now
    )
    if not valid or expires is None:
        return PlainTextResponse(REFUSED, status_code=403, headers={"Cache-Control": "no-store"})
    row = await MessageAttachment.get_or_none(storage_key=key)
    data = None if row is None else await asyncio.to_thread(read_attachment, key)
    if row is None or data is None:
        return PlainTextResponse(
            "Not found", status_code=404, headers={"Cache-Control": "no-store"}
        )
    headers = {
        "Cache-Control": f"private, max-age={max(0, int(int(expires) - now))}",
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(row.file_name)}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Referrer-Policy": "no-referrer",
    }
    return Response(data, media_type=row.content_type, headers=headers)
