"""The GraphQL WebSockets of this process: Strawberry's graphql-transport-ws handler, with
order-event subscriptions pushed, and the open sockets counted for /metrics and closed with
1001 (going away) when the process shuts down, so clients reconnect elsewhere at once.

One client address (IPv6 by /64) holds at most MAX_SOCKETS_PER_ADDRESS sockets here and one
token (a login's session, an API token, a chat visitor's) MAX_SOCKETS_PER_TOKEN; one more is
closed with 4429 and the reason. A socket gives back everything it took when it ends: its
places under both caps, and the guard's timer and entries (servicedesk/transport/websocket_auth.py).

Each `subscribe` runs in a task as usual, with a `LiveSlot` in its context; a resolver that
registers a pushed subscription there (schema/live.py) ends its stream at once, and the
operation stays open with no task of its own until the client completes it or the socket
closes. Every other operation is Strawberry's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from starlette.websockets import WebSocket
from strawberry.http.async_base_view import AsyncWebSocketAdapter
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    CompleteMessage,
    ConnectionInitMessage,
)
from strawberry.utils.aio import aclosing

from compat.strawberry import Operation, OperationStreamClosed, TransportWSHandler
from config.settings import current
from permissions.throttle import address_key
from schema.context import Context
from schema.live import LiveSlot, Pushed, live_slot
from servicedesk.http.metrics import WEBSOCKETS_OPEN
from servicedesk.transport.websocket_auth import guard, holder_key, socket_token

log = logging.getLogger("servicedesk.realtime")

GOING_AWAY = 1001
TOO_MANY = 4429


class LiveSockets:
    """One per GraphQL endpoint (so per app); the gauge is the process's sum."""

    def __init__(self) -> None:
        self._open: set[AsyncWebSocketAdapter] = set()
        # Open sockets per client address and per token holder (websocket_auth.holder_key).
        self.per_address: Counter[str] = Counter()
        self.per_holder: Counter[str] = Counter()
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

    @staticmethod
    def take(counts: Counter[str], key: str | None, cap: int) -> bool:
        """One of `key`'s `cap` places (given back with `give`), or False if all are taken."""
        if key is None:
            return True
        if counts[key] >= cap:
            return False
        counts[key] += 1
        return True

    @staticmethod
    def give(counts: Counter[str], key: str | None) -> None:
        if key is not None:
            counts[key] -= 1
            if counts[key] <= 0:
                del counts[key]

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


class LiveSocketHandler(TransportWSHandler[Context, None]):
    """Held in its endpoint's `LiveSockets` for the socket's whole life."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pushed: dict[str, Pushed] = {}
        self.holder: str | None = None  # its place under the per-token cap, once taken

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        if not await self._take_holder_place(message):
            return
        await super().handle_connection_init(message)
        # The cancelled timeout task would otherwise stay referenced, with its traceback,
        # for the socket's whole life (~1.4 KB per idle socket).
        self.connection_init_timeout_task = None

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        async def complete() -> None:
            self.pushed.pop(operation.id, None)
            if self.operations.get(operation.id) is not operation:
                return  # completed by the client, or ended already
            await operation.send_operation_message(
                CompleteMessage(id=operation.id, type="complete")
            )

        slot = LiveSlot(
            operation.query,
            operation.variables,
            operation.operation_name,
            operation.send_next,
            complete,
        )
        live_slot.set(slot)  # this task's own context: seen by the resolver it runs
        kept = False
        try:
            source = await self.schema.stream(
                operation.query,
                variable_values=operation.variables,
                context_value=self.context,
                root_value=self.root_value,
                operation_name=operation.operation_name,
            )
            async with aclosing(source):
                await self.send_result_stream(operation, source)
            if slot.subscription is not None and self.operations.get(operation.id) is operation:
                self.pushed[operation.id] = slot.subscription
                operation.task = None  # the task ends here; the operation stays open
                kept = True
                return
        except OperationStreamClosed:
            return
        except Exception as error:
            await self.handle_task_exception(error)
        finally:
            if slot.subscription is not None and not kept:
                slot.subscription.stop()
        with suppress(Exception):
            await complete()

    async def cleanup_operation(self, operation_id: str) -> None:
        operation = self.operations.pop(operation_id, None)
        pushed = self.pushed.pop(operation_id, None)
        if pushed is not None:
            pushed.stop()
        if operation is not None and operation.task is not None:
            operation.task.cancel()

    async def shutdown(self) -> None:
        await super().shutdown()
        for pushed in self.pushed.values():
            pushed.stop()
        self.pushed.clear()

    async def _take_holder_place(self, message: ConnectionInitMessage) -> bool:
        """One of the token holder's places, taken before the token is checked (so that
        concurrent inits cannot all pass); False when the socket was closed for want of one."""
        sockets = getattr(self.view, "live_sockets", None)
        if not isinstance(sockets, LiveSockets) or self.holder is not None:
            return True
        payload = message.get("payload")
        params = payload if isinstance(payload, dict) else None
        token = socket_token(params, self.context.request.headers)
        if token is None:
            return True  # refused as unauthenticated
        key, cap = holder_key(token), current().max_sockets_per_token
        if not sockets.take(sockets.per_holder, key, cap):
            await self.websocket.close(TOO_MANY, f"Too many sockets for this token (at most {cap})")
            return False
        self.holder = key
        return True

    async def handle(self) -> None:
        sockets = getattr(self.view, "live_sockets", None)
        try:
            if isinstance(sockets, LiveSockets):
                await self._handle_counted(sockets)
            else:
                await super().handle()
        finally:
            if isinstance(sockets, LiveSockets):
                sockets.give(sockets.per_holder, self.holder)
            if isinstance(self.context.request, WebSocket):
                guard.release(self.context.request)

    async def _handle_counted(self, sockets: LiveSockets) -> None:
        client = self.context.request.client
        address = address_key(client.host if client else None)
        cap = current().max_sockets_per_address
        with sockets.opened(self.websocket):
            if sockets.closing:
                await _going_away(self.websocket)
                return
            if not sockets.take(sockets.per_address, address, cap):
                reason = f"Too many sockets from this address (at most {cap})"
                await self.websocket.close(TOO_MANY, reason)
                return
            try:
                await super().handle()
            finally:
                sockets.give(sockets.per_address, address)
