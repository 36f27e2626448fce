"""The `published_at` marks of what this process broadcast, written in batches.

A change's events and notifications go out on the broadcast channel right after its commit
(realtime.outbox.publish); marking them sent is one UPDATE per table for everything this
process sent in the last FLUSH_SECONDS, not one or two per change (20 concurrent createOrders: 4-6
UPDATEs instead of 40). The flusher is a task of the running loop that starts with the first mark and
ends when nothing is left to mark; the relay flushes before each round and when it stops
(shutdown), so no relay re-publishes what this process sent. Marks a process never wrote
(it died, or the UPDATE failed) leave rows unmarked: the relay of any process re-publishes
them after its grace period, and subscribers drop what they already have.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from models import Notification, OrderEvent

log = logging.getLogger("servicedesk.realtime")

FLUSH_SECONDS = 0.05
FLUSHER = "background:publish-marks"  # background work: not a request's statements


class Marks:
    """Ids broadcast by this process and not yet marked published."""

    def __init__(self) -> None:
        self.events: set[int] = set()
        self.notifications: set[int] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.flusher: asyncio.Task[None] | None = None

    def add(self, events: Iterable[int] = (), notifications: Iterable[int] = ()) -> None:
        """Mark these sent within FLUSH_SECONDS (the flusher starts if it is not running)."""
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # another loop: the old one's marks and flusher are gone
            _ = self.abandon()
            self.loop = loop
        self.events.update(events)
        self.notifications.update(notifications)
        if (self.events or self.notifications) and (self.flusher is None or self.flusher.done()):
            self.flusher = loop.create_task(self._run(), name=FLUSHER)

    def forget_notifications(self, ids: Iterable[int]) -> None:
        """Rows to be published anew (coalesced): their earlier send must not mark them."""
        self.notifications.difference_update(ids)

    def abandon(self) -> tuple[set[int], set[int]]:
        """Drop the marks unwritten, as a process that died would (the relay sends those rows
        again); the events and notifications dropped."""
        dropped = self.events, self.notifications
        self.events, self.notifications = set(), set()
        if self.flusher is not None and not self.flusher.done():
            _ = self.flusher.cancel()
        self.flusher = None
        return dropped

    async def _run(self) -> None:
        while self.events or self.notifications:
            await asyncio.sleep(FLUSH_SECONDS)
            await self.flush()

    async def flush(self) -> None:
        """Write the marks now: one UPDATE per table that has any. A failure leaves the rows
        to the relay (logged)."""
        events, notifications = self.events, self.notifications
        if not events and not notifications:
            return
        self.events, self.notifications = set(), set()
        now = datetime.now(UTC)
        try:
            if events:
                _ = await OrderEvent.filter(id__in=sorted(events)).update(published_at=now)
            if notifications:
                ids = sorted(notifications)
                _ = await Notification.filter(id__in=ids).update(published_at=now)
        except Exception as error:  # the database away: the relay re-publishes these
            log.warning(
                "marking published failed (%s); the relay will resend", type(error).__name__
            )

    async def close(self) -> None:
        """Stop the flusher and write what is left (the process is stopping)."""
        if self.loop is not asyncio.get_running_loop():
            _ = self.abandon()  # another loop's: nothing of it can run here
            return
        flusher, self.flusher = self.flusher, None
        if flusher is not None and not flusher.done():
            _ = flusher.cancel()
            _ = await asyncio.gather(flusher, return_exceptions=True)
        await self.flush()


MARKS = Marks()
