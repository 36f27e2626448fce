"""Streamed subscriptions' common end: a subscriber that fell too far behind its bounded
backlog (realtime/bounded.py) is closed with 4008 and replays on reconnecting, rather than
held in memory without limit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TypeVar

from starlette.websockets import WebSocket, WebSocketState

from realtime.bounded import Overflow
from schema.context import Context

T = TypeVar("T")

SLOW_READER = 4008


async def close_slow_reader(context: Context) -> None:
    socket = context.request
    if isinstance(socket, WebSocket) and socket.client_state == WebSocketState.CONNECTED:
        await socket.close(code=SLOW_READER, reason="Too slow to keep up with events")


async def until_overflow(context: Context, items: AsyncIterator[T]) -> AsyncIterator[T]:
    try:
        async for item in items:
            yield item
    except Overflow:
        await close_slow_reader(context)
        raise
