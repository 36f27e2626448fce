"""A Redis pub/sub backend for broadcaster that survives Redis outages.

broadcaster 0.3.1's own Redis backend stops listening for good when its connection drops and
marks itself ready before SUBSCRIBE completes, so events published meanwhile are lost. This one keeps the
set of channels, and on any error reconnects and subscribes to all of them again. Events lost
while Redis was away are not its concern: the hub fetches them from the outbox by number.

While Redis stays down, attempts (and their warnings) back off exponentially, from
RETRY_SECONDS to RETRY_CAP_SECONDS, so an outage of an hour logs a few hundred lines per
process, not one every half second; one INFO line says when the subscription is back.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from broadcaster import Event
from redis import asyncio as redis
from redis.backoff import ExponentialBackoff

from compat.broadcaster import BroadcastBackend
from compat.cancel import cancel_and_wait

log = logging.getLogger("servicedesk.realtime")

RETRY_SECONDS = 0.5
RETRY_CAP_SECONDS = 30.0


class ResilientRedisBackend(BroadcastBackend):
    def __init__(self, url: str) -> None:
        self._url = url
        self._publisher = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._changed = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()
        self.backoff = ExponentialBackoff(cap=RETRY_CAP_SECONDS, base=RETRY_SECONDS)
        # Consecutive attempts that failed since the subscription last worked; None while it
        # has never been lost.
        self.failures: int | None = None

    async def connect(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="background:redis-listener")

    async def disconnect(self) -> None:
        if self._listener is not None:
            await cancel_and_wait([self._listener])
        await self._publisher.aclose()

    async def subscribe(self, channel: str) -> None:
        self._channels.add(channel)
        self._changed.set()

    async def unsubscribe(self, channel: str) -> None:
        self._channels.discard(channel)
        self._changed.set()

    async def publish(self, channel: str, message: Any) -> None:
        await self._publisher.publish(channel, message)

    async def next_published(self) -> Event:
        return await self._queue.get()

    async def _listen(self) -> None:
        while True:
            client = redis.Redis.from_url(self._url, socket_connect_timeout=2)
            pubsub: Any = client.pubsub()
            try:
                await self._serve(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # any connection failure: reconnect and resubscribe
                await asyncio.sleep(self._failed(error))
            finally:
                await pubsub.aclose()
                await client.aclose()

    def _failed(self, error: Exception) -> float:
        """Seconds to wait before the next attempt; one warning per failure."""
        name = type(error).__name__
        if self.connected.is_set() or self.failures is None:
            self.connected.clear()
            self.failures = 0
            delay = self.backoff.compute(0)
            log.warning("Redis subscription lost (%s); reconnecting in %.1f s", name, delay)
            return delay
        self.failures += 1
        delay = self.backoff.compute(self.failures)
        log.warning(
            "Redis still unreachable after %d attempt(s) (%s); next in %.1f s",
            self.failures,
            name,
            delay,
        )
        return delay

    def _back(self) -> None:
        if self.failures is not None:
            log.info("Redis subscription back after %d failed attempt(s)", self.failures)
            self.failures = None
        self.connected.set()

    async def _serve(self, pubsub: Any) -> None:
        subscribed: set[str] = set()
        # A channel nobody will publish on keeps the connection listening while idle.
        await pubsub.subscribe("servicedesk:keepalive")
        self._back()
        while True:
            self._changed.clear()
            wanted = set(self._channels)
            if wanted - subscribed:
                await pubsub.subscribe(*(wanted - subscribed))
            if subscribed - wanted:
                await pubsub.unsubscribe(*(subscribed - wanted))
            subscribed = wanted
            while not self._changed.is_set():
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
                if message and message["type"] == "message":
                    channel = message["channel"].decode()
                    await self._queue.put(Event(channel=channel, message=message["data"].decode()))
