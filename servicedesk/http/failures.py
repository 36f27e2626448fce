"""Every failure on every HTTP path answers as GraphQL JSON, never Starlette's bare
`text/plain` 500: whatever escapes a route before its answer started (the GraphQL context's
token check while PostgreSQL restarts, the CSV report, a media link) becomes a 503 with
Retry-After and code SERVICE_UNAVAILABLE when a backing service is away
(schema/outages.py), else the masked "internal error (request id …)" with code
INTERNAL_SERVER_ERROR; its text and traceback go to the log only. Apollo and urql then show
an error they can act on instead of a network error."""

from __future__ import annotations

import contextlib

import orjson
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.types import ExecutionResult

from schema.masking import UNAVAILABLE, masked
from schema.outages import RETRY_AFTER_SECONDS


def failure_response(error: BaseException, request_id: str) -> Response:
    """The answer to an unexpected exception: GraphQL's shape, 503 or 500."""
    message, code = masked(error, request_id)
    body = {
        "data": None,
        "errors": [{"message": message, "extensions": {"code": code, "requestId": request_id}}],
    }
    unavailable = code == UNAVAILABLE
    return Response(
        orjson.dumps(body),
        status_code=503 if unavailable else 500,
        media_type="application/json",
        headers={
            "Cache-Control": "no-store",
            **({"Retry-After": str(RETRY_AFTER_SECONDS)} if unavailable else {}),
        },
    )


class FailureAnswers:
    """Placed inside the CORS middleware, so a browser app may read the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:
            if started:  # too late for another answer: the server ends the connection
                raise
            request_id = str(scope.get("state", {}).get("request_id", "-"))
            await failure_response(error, request_id)(scope, receive, send)


def unavailable(result: ExecutionResult, response: Response) -> None:
    """A GraphQL answer whose errors say a backing service is away is a 503 with Retry-After,
    so that HTTP clients and load balancers retry it like the context's failures."""
    codes = {(error.extensions or {}).get("code") for error in result.errors or []}
    if UNAVAILABLE in codes:
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)


async def close_failed_socket(scope: Scope, send: Send, error: Exception) -> None:
    """A WebSocket whose handling failed (the context, `connection_init`'s token check) closes
    with 1013 (try again later) when a backing service is away, else 1011 (internal error),
    both of which clients retry; the reason is the masked message."""
    request_id = str(scope.get("state", {}).get("request_id", "-"))
    message, code = masked(error, request_id)
    close = {
        "type": "websocket.close",
        "code": 1013 if code == UNAVAILABLE else 1011,
        "reason": message,
    }
    with contextlib.suppress(Exception):  # closed already, by the client or the server
        await send(close)
