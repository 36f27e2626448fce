"""Per HTTP request: the request counter, the GraphQL timing per operation and the access log
line, all three from one place that sees the request from arrival to answer."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schema.extensions import OPERATION_STATE_KEY
from servicedesk.http.link_pages import loggable_path
from servicedesk.http.metrics import GRAPHQL_SECONDS, HTTP_REQUESTS, operation_names, route_label

access_log = logging.getLogger("servicedesk.access")

# Scraped and probed every few seconds: their lines would drown the rest.
QUIET_ROUTES = ("/healthz", "/metrics")


class RequestTelemetry:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # unless a response starts: an exception becomes a 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        route = route_label(scope["path"])
        method = scope["method"]
        HTTP_REQUESTS.labels(route, method, str(status)).inc()
        operation: str | None = None
        facts = scope.get("state", {}).get(OPERATION_STATE_KEY)
        if facts is not None:
            kind, name, executed = facts
            operation = operation_names.label(name, executed)
            GRAPHQL_SECONDS.labels(operation, kind).observe(seconds)
        # The path only: query strings may hold signatures (media links).
        access_log.log(
            logging.DEBUG if route in QUIET_ROUTES else logging.INFO,
            "%s %s %d %.1f ms%s",
            method,
            loggable_path(scope["path"]),
            status,
            seconds * 1000,
            f" {operation}" if operation else "",
            extra={
                "method": method,
                "path": loggable_path(scope["path"]),
                "status": status,
                "duration_ms": round(seconds * 1000, 1),
                **({"operation": operation} if operation else {}),
            },
        )
