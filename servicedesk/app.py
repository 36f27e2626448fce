"""The ASGI application: one lifespan, the GraphQL endpoint, the CSV report and the health
check."""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from channels.telegram import webhook as telegram_webhook
from channels.webchat import register as register_webchat
from compat.cancel import cancel_and_wait
from config.settings import Settings, configure, current
from media import storage
from media.configured import photo_storage
from permissions.counters import close_clients as close_counter_clients
from realtime.broadcast import create_broadcast, ping
from realtime.events import set_namespace
from realtime.hub import Hub, install
from resolvers.api_tokens import on_api_token_revoked
from resolvers.passwords import links_written
from servicedesk.db import tortoise_config
from servicedesk.http.attachments_route import attachment
from servicedesk.http.failures import FailureAnswers
from servicedesk.http.link_pages import ROUTES as LINK_PAGES
from servicedesk.http.media_route import media
from servicedesk.http.metrics_route import metrics
from servicedesk.http.middleware import MAX_BODY_BYTES, BodyLimit, RequestId, SocketShortcut
from servicedesk.http.rating_page import ROUTES as RATING_PAGE
from servicedesk.http.reports_csv import orders_csv
from servicedesk.http.security_headers import SecurityHeaders
from servicedesk.http.telemetry import RequestTelemetry
from servicedesk.http.unsubscribe_route import ROUTES as UNSUBSCRIBE
from servicedesk.http.widget_cors import WidgetCors
from servicedesk.http.widget_route import widget_demo, widget_js
from servicedesk.shutdown import take_over_exit_signals
from servicedesk.transport.endpoint import graphql_endpoint
from servicedesk.transport.graphiql_page import graphiql_asset
from servicedesk.transport.websocket_auth import guard
from servicedesk.workers import start_workers

# Headers a browser app sends: the token, JSON, and Apollo's CSRF-preflight headers.
CORS_HEADERS = [
    "Authorization",
    "Content-Type",
    "Apollo-Require-Preflight",
    "X-Apollo-Operation-Name",
]


async def healthz(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    checks: dict[str, str] = {}
    try:
        await connections.get("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # any failure means "down"; the reason is reported
        checks["database"] = f"down: {type(exc).__name__}"
    try:
        await ping(settings.redis_url)
        checks["broadcast"] = "ok"
    except Exception as exc:
        checks["broadcast"] = f"down: {type(exc).__name__}"
    checks["broadcast_backend"] = "redis" if settings.redis_url else "memory"
    try:
        await storage.current().ping()
        checks["storage"] = "ok"
    except Exception as exc:
        checks["storage"] = f"down: {type(exc).__name__}"
    healthy = all(checks[name] == "ok" for name in ("database", "broadcast", "storage"))
    return JSONResponse({"status": "ok" if healthy else "down", **checks}, 200 if healthy else 503)


@functools.cache
def tune_garbage_collector() -> None:
    """Full collections paused event fan-out for up to 1.8 s at 5,000 subscribers
    (bench/fanout.py): freeze what start-up built (schema, models) so no collection scans it
    again, and collect the young generation less often. Once per process: a second app in
    the same process (the tests start hundreds) would pay a full collection of everything
    built since for nothing (12 CPU-s of the suite, py-spy)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def create_app(settings: Settings | None = None) -> Starlette:
    """The app; settings default to the environment's. Migrations run before, not here."""
    settings = configure(settings or current())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        broadcast = create_broadcast(settings.redis_url)
        files = photo_storage(settings)
        async with RegisterTortoise(app, config=tortoise_config(settings, with_aerich=False)):
            await broadcast.connect()
            await files.start()
            storage.install(files)
            set_namespace(settings.database_url)
            tune_garbage_collector()
            hub = Hub(broadcast)
            await hub.start()
            install(hub)
            register_webchat()  # the website chat's replies go out on visitors' sockets
            background = start_workers(settings)  # every worker, listed in servicedesk/workers/
            # SIGTERM: WebSockets close with 1001, then uvicorn drains (servicedesk/shutdown.py).
            restore_signals = take_over_exit_signals(endpoint.live_sockets.close_all)
            try:
                yield
            finally:
                restore_signals()
                await endpoint.live_sockets.close_all()
                await links_written()  # a reset asked for just now still gets its mail
                await cancel_and_wait(background)
                install(None)
                guard.stop()
                await hub.stop()
                await broadcast.disconnect()
                storage.install(None)
                await files.close()
                await close_counter_clients()

    endpoint = graphql_endpoint(settings)
    on_api_token_revoked(guard.close_api_token)  # a revoked token's sockets close at once
    app = Starlette(
        routes=[
            Route("/graphql", endpoint, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", endpoint),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route("/media/{key}", media, methods=["GET"]),
            Route("/reports/orders.csv", orders_csv, methods=["GET"]),
            Route("/widget.js", widget_js, methods=["GET"]),
            Route("/widget-demo", widget_demo, methods=["GET"]),
            Route("/graphiql/{name}", graphiql_asset, methods=["GET"]),
            Route("/telegram/webhook", telegram_webhook, methods=["POST"]),
            Route("/attachments/{key}", attachment, methods=["GET"]),
            *LINK_PAGES,  # /invite/<token>, /reset/<token>: the mailed links' pages
            *RATING_PAGE,  # /rate/<token>: a finished order's rating link
            *UNSUBSCRIBE,  # /unsubscribe/<token>: one-click unsubscribe (RFC 8058)
        ],
        middleware=[
            Middleware(SocketShortcut, path="/graphql", endpoint=endpoint),
            Middleware(RequestId),
            Middleware(SecurityHeaders, production=settings.production),
            Middleware(RequestTelemetry),
            # Pages on companies' chat widget origins: before the CORS middleware refuses them.
            Middleware(
                WidgetCors,
                path="/graphql",
                allowed_origins=settings.allowed_origins,
                public_url=settings.public_url,
            ),
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.allowed_origins),
                allow_methods=["GET", "POST"],
                allow_headers=CORS_HEADERS,
                expose_headers=["X-Request-Id"],
                max_age=600,
            ),
            # Inside CORS, so browser apps can read a failure's answer.
            Middleware(FailureAnswers),
            Middleware(BodyLimit, upload_bytes=settings.photo_max_bytes + MAX_BODY_BYTES),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = time.time  # the media route's clock (tests move it)
    return app
