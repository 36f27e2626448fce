"""CORS for the website chat widget: pages on a company's widget origins call `/graphql`.

`ALLOWED_ORIGINS` (the service's own web apps) is global and stays as it is, with Starlette's
CORS middleware. A widget's origins are per company, configured at run time, so this layer
sits in front of it: a request to `path` whose Origin is neither one of ALLOWED_ORIGINS nor
the service's own, but one that some company configured for its widget, gets its preflight
answered here and its response readable by that origin, and is marked in the scope state
(`widget_origin`), so that only the widget's operations run for it (schema/extensions.py)
and each checks the origin against its own company's list (resolvers/webchat.py). Any
other origin is left to the CORS middleware, which refuses it.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from permissions.webchat import configured_widget_origins, normalise_origin

WIDGET_ORIGIN_STATE = "widget_origin"
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
    "Vary": "Origin",
}


class WidgetCors:
    def __init__(
        self, app: ASGIApp, path: str, allowed_origins: tuple[str, ...], public_url: str
    ) -> None:
        self.app = app
        self.path = path
        self.own = {normalise_origin(o) for o in (*allowed_origins, public_url)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if (
            origin is None
            or normalise_origin(origin) in self.own
            or normalise_origin(origin) not in await configured_widget_origins()
        ):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            response = PlainTextResponse(
                "OK", headers={**PREFLIGHT_HEADERS, "Access-Control-Allow-Origin": origin}
            )
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})[WIDGET_ORIGIN_STATE] = origin

        async def readable(message: Message) -> None:
            if message["type"] == "http.response.start":
                # The CORS middleware inside added `Vary: Origin` and the exposed headers.
                MutableHeaders(scope=message)["Access-Control-Allow-Origin"] = origin
            await send(message)

        await self.app(scope, receive, readable)
