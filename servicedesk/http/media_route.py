"""`GET /media/<key>?expires=…&sig=…`: a stored photo file, for whoever holds a valid link.

The link (permissions/media.py) is the whole authorisation, so an invalid or expired one is
refused with 403 before storage is touched. Responses are `Cache-Control: private` (a
shared cache must not keep a member's photo) for the link's remaining lifetime, and carry
headers that keep a browser from treating the bytes as anything but the image they are.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from media import storage
from permissions.media import link_is_valid

REFUSED = "This link is not valid or has expired; ask the API for the photo again"


async def media(request: Request) -> Response:
    key = str(request.path_params["key"])
    expires = request.query_params.get("expires")
    clock: Callable[[], float] = request.app.state.clock
    now = clock()
    valid = storage.is_key(key) and link_is_valid(
        key, expires, request.query_params.get("sig"), now
    )
    if not valid or expires is None:
        return PlainTextResponse(REFUSED, status_code=403, headers={"Cache-Control": "no-store"})
    found = await storage.current().open(key)
    if found is None:
        return PlainTextResponse(
            "Not found", status_code=404, headers={"Cache-Control": "no-store"}
        )
    headers = {
        "Cache-Control": f"private, max-age={max(0, int(int(expires) - now))}",
        "Content-Length": str(found.size),
        "Content-Disposition": "inline",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Referrer-Policy": "no-referrer",
    }
    return StreamingResponse(found.chunks, media_type=storage.content_type_of(key), headers=headers)
