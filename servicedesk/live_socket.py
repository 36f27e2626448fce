"""The GraphQL WebSockets of this process: Strawberry's graphql-transport-ws handler, with
order-event subscriptions pushed, and the open sockets counted for /metrics and closed with
1001 (going away) when the process shuts down, so clients reconnect elsewhere at once.

Each `subscribe` runs in a task as usual, with a `LiveSlot` in its context; a resolver that
registers a pushed subscription there (schema/live.py) ends its stream at once, and the
operation stays open with no task of its own until the client completes it or the socket
closes. Every other operation is Strawberry's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from strawberry.http.async_base_view import AsyncWebSocketAdapter
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
    _OperationStreamClosed,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    CompleteMessage,
    ConnectionInitMessage,
)
from strawberry.utils.aio import aclosing

from schema.context import Context
from schema.live import LiveSlot, Pushed, live_slot
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
    """Held in its endpoint's `LiveSockets` for the socket's whole life."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pushed: dict[str, Pushed] = {}

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
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
                await self._send_result_stream(operation, source)
            if slot.subscription is not None and self.operations.get(operation.id) is operation:
                self.pushed[operation.id] = slot.subscription
                operation.task = None  # the task ends here; the operation stays open
                kept = True
                return
        except _OperationStreamClosed:
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
