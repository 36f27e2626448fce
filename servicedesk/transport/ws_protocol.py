"""uvicorn's wsproto WebSocket protocol with lighter per-socket state.

An idle subscriber's socket is mostly uvicorn's: an `asyncio.Queue` (three deques and an
Event, ~3 KB) that never holds more than a message or two, and an `asyncio.Event` for write
flow control. Both are replaced by minimal equivalents; the protocol is otherwise uvicorn's.
Served with `uvicorn --ws servicedesk.transport.ws_protocol:LeanWSProtocol` (what `servicedesk serve`
uses); bench/fanout/ measures the difference.
"""

from __future__ import annotations

import asyncio
from typing import Any, Generic, TypeVar

from compat.uvicorn import WebSocketProtocol
from servicedesk.http.http_protocol import connections

T = TypeVar("T")


class SmallQueue(Generic[T]):
    """Unbounded FIFO for one consumer: `put_nowait`, `get`, `empty`, as uvicorn uses them."""

    __slots__ = ("_items", "_waiter")

    def __init__(self) -> None:
        self._items: list[T] = []
        self._waiter: asyncio.Future[None] | None = None

    def put_nowait(self, item: T) -> None:
        self._items.append(item)
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def get(self) -> T:
        while not self._items:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        return self._items.pop(0)

    def empty(self) -> bool:
        return not self._items

    def qsize(self) -> int:
        return len(self._items)


class SmallEvent:
    """`asyncio.Event` without its waiter deque: `set`, `clear`, `is_set`, `wait`."""

    __slots__ = ("_set", "_waiters")

    def __init__(self) -> None:
        self._set = False
        self._waiters: list[asyncio.Future[None]] = []

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> None:
        if self._set:
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        await waiter


class LeanWSProtocol(WebSocketProtocol):
    """Messages are capped by uvicorn's `ws_max_size` (1 MiB under `servicedesk serve`, like
    HTTP bodies: servicedesk/cli.py); the socket's connection stays counted against its
    address (servicedesk/http/http_protocol.py) until it closes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        writable = SmallEvent()
        writable.set()
        self.replace_buffers(SmallQueue(), writable)

    def connection_lost(self, exc: Exception | None) -> None:
        connections.release(self.transport)
        super().connection_lost(exc)
