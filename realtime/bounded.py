"""A subscriber's bounded backlog: a reader that does not keep up is ended, not buffered
without limit (every realtime feed of a process hands its subscribers items this way)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Overflow(Exception):
    """The subscriber fell `size` items behind; its backlog was dropped."""


class Bounded(Generic[T]):
    __slots__ = ("_queue", "overflowed")

    def __init__(self, size: int) -> None:
        self._queue: asyncio.Queue[T | None] = asyncio.Queue(maxsize=size)
        self.overflowed = False

    def offer(self, item: T) -> None:
        """Take `item`, or, when full, drop the backlog and leave only the overflow mark."""
        try:
            self._queue.put_nowait(item)
        except asyncio.QueueFull:
            self.overflowed = True
            self._queue = asyncio.Queue(maxsize=1)
            self._queue.put_nowait(None)

    def qsize(self) -> int:
        return self._queue.qsize()

    async def get(self) -> T:
        item = await self._queue.get()
        if item is None:
            raise Overflow
        return item

    def take_waiting(self) -> None:
        """Drop what is waiting (the caller only needed to know something came)."""
        while not self._queue.empty():
            if self._queue.get_nowait() is None:
                raise Overflow

    async def items(self) -> AsyncIterator[T]:
        while True:
            yield await self.get()
