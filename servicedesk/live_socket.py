"""The GraphQL WebSockets open in this process: counted for /metrics, and closed with 1001
(going away) when the process shuts down, so clients reconnect elsewhere at once instead of
waiting for a dead connection to time out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator

from strawberry.http.async_base_view import AsyncWebSocketAdapter
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from schema.context import Context
from servicedesk.metrics import WEBSOCKETS_OPEN

log = logging.getLogger("servicedesk.realtime")

GOING_AWAY = 1001


class LiveSockets:
    """One per GraphQL endpoint (so per app); the gauge is the process's sum."""

    def __init__(self) -> None:
        self._open: set[AsyncWebSocketAdapter] = set()
        self.closing = False

    def __len__(self) -> int:
        return len(self._open)

    @contextlib.contextmanager
    def opened(self, websocket: AsyncWebSocketAdapter) -> Iterator[None]:
        self._open.add(websocket)
        WEBSOCKETS_OPEN.inc()
        try:
            yield
        finally:
            self._open.discard(websocket)
            WEBSOCKETS_OPEN.dec()

    async def close_all(self) -> int:
        """Close every open socket with 1001, and any that opens from now on; how many."""
        self.closing = True
        sockets = list(self._open)
        await asyncio.gather(*(_going_away(websocket) for websocket in sockets))
        if sockets:
            log.info("closed %d WebSocket(s) with 1001 (going away)", len(sockets))
        return len(sockets)


async def _going_away(websocket: AsyncWebSocketAdapter) -> None:
    with contextlib.suppress(Exception):  # already closed by the client, or broken
        await websocket.close(GOING_AWAY, "Server shutting down")


class LiveSocketHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """Strawberry's graphql-transport-ws handler, its socket held in its endpoint's
    `LiveSockets` for the socket's whole life."""

    async def handle(self) -> None:
        sockets = getattr(self.view, "live_sockets", None)
        if not isinstance(sockets, LiveSockets):
            await super().handle()
            return
        with sockets.opened(self.websocket):
            if sockets.closing:
                await _going_away(self.websocket)
                return
            await super().handle()
