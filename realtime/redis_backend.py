"""A Redis pub/sub backend for broadcaster that survives Redis outages.

broadcaster 0.3.1's own Redis backend stops listening for good when its connection drops and
marks itself ready before SUBSCRIBE completes (DESIGN.md "Known pitfalls"). This one keeps the
set of channels, and on any error reconnects and subscribes to all of them again. Events lost
while Redis was away are not its concern: the hub fetches them from the outbox by number.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from broadcaster import Event
from redis import asyncio as redis

from compat.broadcaster import BroadcastBackend

log = logging.getLogger("servicedesk.realtime")

RETRY_SECONDS = 0.5


class ResilientRedisBackend(BroadcastBackend):
    def __init__(self, url: str) -> None:
        self._url = url
        self._publisher = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._changed = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    async def connect(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="background:redis-listener")

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
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
                self.connected.clear()
                log.warning("Redis subscription lost (%s); reconnecting", type(error).__name__)
                await asyncio.sleep(RETRY_SECONDS)
            finally:
                await pubsub.aclose()
                await client.aclose()

    async def _serve(self, pubsub: Any) -> None:
        subscribed: set[str] = set()
        # A channel nobody will publish on keeps the connection listening while idle.
        await pubsub.subscribe("servicedesk:keepalive")
        self.connected.set()
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
