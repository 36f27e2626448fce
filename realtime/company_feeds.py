"""Per company, one broadcast subscription while this process has listeners of it: what the
order-event hub does for order events, for channels whose messages need no ordering or replay
(the inbox's `conversationUpdated`, the website chat's replies)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from broadcaster import Broadcast

from compat.broadcaster import Unsubscribed
from compat.cancel import cancel
from realtime.hub import current_hub

log = logging.getLogger("servicedesk.realtime")

SUBSCRIBE_SECONDS = 5.0


@dataclass(eq=False)
class CompanyFeed:
    """One company's listeners in this process; subclasses say what a message does."""

    company_id: int
    task: asyncio.Task[None] | None = None

    @property
    def idle(self) -> bool:
        raise NotImplementedError

    async def take(self, raw: str) -> None:
        """One message of the company's channel; a malformed one is logged and skipped."""
        raise NotImplementedError


F = TypeVar("F", bound=CompanyFeed)
R = TypeVar("R")


class CompanyFeeds(Generic[F]):
    def __init__(
        self,
        broadcast: Broadcast,
        channel: Callable[[int], str],
        feed: Callable[[int], F],
        task_name: str,
    ) -> None:
        self.broadcast = broadcast
        self._channel = channel
        self._new_feed = feed
        self._task_name = task_name
        self.feeds: dict[int, F] = {}
        self._lock = asyncio.Lock()

    async def open(self, company_id: int) -> F:
        """The company's feed, subscribed first if this process had none (the caller adds
        its listener without awaiting, so the feed cannot close meanwhile)."""
        async with self._lock:
            feed = self.feeds.get(company_id)
            if feed is None:
                feed = self._new_feed(company_id)
                ready = asyncio.Event()
                feed.task = asyncio.create_task(self._follow(feed, ready), name=self._task_name)
                try:
                    # Subscribing never waits long; if the backend is away, callers poll or
                    # accept a live view's gap.
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(SUBSCRIBE_SECONDS):
                            _ = await ready.wait()
                except BaseException:  # the joiner's socket closed meanwhile
                    cancel(feed.task)  # else it would follow the channel for good, unlisted
                    raise
                self.feeds[company_id] = feed
            return feed

    def close_if_idle(self, company_id: int) -> None:
        feed = self.feeds.get(company_id)
        if feed is not None and feed.idle:
            del self.feeds[company_id]
            if feed.task is not None:
                cancel(feed.task)

    async def _follow(self, feed: F, ready: asyncio.Event) -> None:
        async with self.broadcast.subscribe(self._channel(feed.company_id)) as subscriber:
            ready.set()
            while True:
                try:
                    message = await subscriber.get()
                except Unsubscribed:
                    return
                await feed.take(message.message)


_registries: dict[str, object] = {}


def feeds_of(kind: str, make: Callable[[Broadcast], R]) -> R:
    """This process's feeds of `kind`, over the running hub's broadcast (made anew when the
    app restarts with another one, as tests do)."""
    hub = current_hub()
    if hub is None:
        raise RuntimeError("realtime is not running in this process")
    feeds = _registries.get(kind)
    if feeds is None or getattr(feeds, "broadcast", None) is not hub.broadcast:
        feeds = _registries[kind] = make(hub.broadcast)
    return cast(R, feeds)
