"""ASGI middleware: a request id on every request and a cap on request bodies."""

from __future__ import annotations

import uuid
from contextvars import Token

from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicedesk.logs import request_id_var

MAX_BODY_BYTES = 1024 * 1024


def _tag(scope: Scope) -> tuple[str, Token[str | None]]:
    """A new request id, in the scope's state (errors quote it) and on this task's log lines
    (servicedesk/logs.py); reset the token when the request ends."""
    request_id = uuid.uuid4().hex[:16]
    scope.setdefault("state", {})["request_id"] = request_id
    return request_id, request_id_var.set(request_id)


class RequestId:
    """Tag each request with an id (`X-Request-Id`) that error messages and logs quote."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id, token = _tag(scope)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("X-Request-Id", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id_var.reset(token)


class SocketShortcut:
    """WebSockets at `path` go straight to `endpoint`: every layer in between would keep a frame
    alive per open socket for its whole life, and none does anything for a socket but its id."""

    def __init__(self, app: ASGIApp, path: str, endpoint: ASGIApp) -> None:
        self.app = app
        self.path = path
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == self.path:
            _, token = _tag(scope)
            try:
                await self.endpoint(scope, receive, send)
            finally:
                request_id_var.reset(token)
        else:
            await self.app(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse bodies over the limit with 413, whether announced or streamed. Multipart bodies
    (photo uploads) may be `upload_bytes` long: a photo plus the limit of the rest."""

    def __init__(
        self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, upload_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        multipart = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        limit = self.upload_bytes if multipart else self.max_bytes
        too_large = PlainTextResponse(
            f"Request body too large: at most {limit} bytes", status_code=413
        )
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await too_large(scope, receive, send)
