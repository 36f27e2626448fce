"""Publishing committed notifications on their company's channel, and their relay.

Right after the transaction that wrote them commits, the writer publishes its notifications
(order events' ones go out with their events: realtime.outbox.publish); whatever was left
unpublished (Redis away, a process that died in between) the relay of every process sends
later. A row published twice is delivered once: realtime/notification_listeners.py
remembers recent ids.

An order event's notifications are known from their writing (`CAUSED`: the ids the INSERT
returned and the rows coalescing took over), so publishing them needs no SELECT; their
`published_at` marks go with the process's next batch (realtime.publish_batch).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.queryset import QuerySet

from models import Notification
from realtime.events import channel
from realtime.hub import current_hub
from realtime.notification_listeners import NotificationMessage
from realtime.publish_batch import MARKS

log = logging.getLogger("servicedesk.realtime")

BATCH = 1000
RELAY_GRACE = timedelta(seconds=2)
CAUSED_SECONDS = 60.0  # an event never published (its transaction rolled back) is forgotten
CAUSED_MAX = 10_000


@dataclass(frozen=True, slots=True)
class Written:
    """A notification row as its writer knows it: enough to publish it."""

    id: int
    company_id: int
    member_id: int
    event_id: int | None


class Caused:
    """The notifications written for each order event this process records, from the
    event's INSERT until its publishing takes them (resolvers.events.record expects an
    event; resolvers.notification_writes reports what it wrote for it)."""

    def __init__(self) -> None:
        self._by_event: OrderedDict[int, tuple[float, list[Written]]] = OrderedDict()

    def expect(self, event_id: int) -> None:
        """The event's notifications are about to be written (none so far)."""
        now = time.monotonic()
        while self._by_event:
            oldest = next(iter(self._by_event.values()))[0]
            if oldest > now - CAUSED_SECONDS and len(self._by_event) < CAUSED_MAX:
                break
            _ = self._by_event.popitem(last=False)
        self._by_event.pop(event_id, None)  # a number a rolled-back event had (SQLite)
        self._by_event[event_id] = (now, [])

    def expected(self, event_id: int | None) -> bool:
        return event_id is not None and event_id in self._by_event

    def written(self, rows: Iterable[Written]) -> None:
        """Rows written (inserted, or taken over by coalescing) for expected events."""
        for row in rows:
            entry = self._by_event.get(row.event_id) if row.event_id is not None else None
            if entry is not None:
                entry[1].append(row)

    def take(self, event_id: int) -> list[Written] | None:
        """The event's notifications, None when this process did not see them written."""
        entry = self._by_event.pop(event_id, None)
        return None if entry is None else entry[1]


CAUSED = Caused()


async def publish_written(rows: Sequence[Written]) -> list[int]:
    """Publish rows whose writer knows them, in id order; their ids that went out (marked
    published with the process's next batch: realtime.publish_batch)."""
    hub = current_hub()
    if hub is None or not rows:
        return []
    published: list[int] = []
    try:
        for row in sorted({r.id: r for r in rows}.values(), key=lambda r: r.id):
            message = NotificationMessage(row.id, row.member_id).to_json()
            await hub.broadcast.publish(channel(row.company_id), message)
            published.append(row.id)
    except Exception as error:  # Redis away: the relay publishes these later
        log.warning("publishing notifications failed (%s); relay will retry", type(error).__name__)
    MARKS.add(notifications=published)
    return published


async def publish_notifications(query: QuerySet[Notification]) -> int:
    """Publish the unpublished rows of `query` (at most BATCH); the number published."""
    hub = current_hub()
    if hub is None:
        return 0
    rows = (
        await query.filter(published_at=None)
        .order_by("id")
        .limit(BATCH)
        .values_list("id", "company_id", "member_id")
    )
    published: list[int] = []
    try:
        for pk, company_id, member_id in rows:
            message = NotificationMessage(pk, member_id).to_json()
            await hub.broadcast.publish(channel(company_id), message)
            published.append(pk)
    except Exception as error:  # Redis away: the relay publishes these later
        log.warning("publishing notifications failed (%s); relay will retry", type(error).__name__)
    if published:
        await Notification.filter(id__in=published).update(published_at=datetime.now(UTC))
    return len(published)


async def relay_notifications() -> int:
    """Publish notifications committed a while ago and still unpublished."""
    cutoff = datetime.now(UTC) - RELAY_GRACE
    return await publish_notifications(Notification.filter(created_at__lt=cutoff))
