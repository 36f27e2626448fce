"""The broadcast backend: in-process memory by default, Redis with `REDIS_URL`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import cast

from broadcaster import Broadcast

MEMORY_URL = "memory://"


def create_broadcast(redis_url: str | None) -> Broadcast:
    if redis_url is None:
        return Broadcast(MEMORY_URL)
    from realtime.redis_backend import ResilientRedisBackend

    return Broadcast(backend=ResilientRedisBackend(redis_url))


async def ping(redis_url: str | None) -> None:
    """Raise if the backend does not answer; the memory backend always does."""
    if redis_url is None:
        return
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
    try:
        await cast("Awaitable[bool]", client.ping())
    finally:
        await client.aclose()
