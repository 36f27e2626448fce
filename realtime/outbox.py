"""Publishing committed outbox rows, and the relay that re-publishes what was not.

A change's events are published right after its transaction commits, with the notifications
their writer reported (no SELECT for them), and marked published in the process's next batch
(realtime.publish_batch: one UPDATE per table every ~50 ms, not two or three per change); a row whose publish
failed (Redis away) or never happened (the process died) is re-published by the relay that
runs in every process. Publishing twice is harmless: subscribers drop numbers they have.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from prometheus_client import Counter

from models import Notification, OrderEvent
from realtime.events import EventFacts, channel
from realtime.hub import current_hub
from realtime.notifications import (
    CAUSED,
    Written,
    publish_notifications,
    publish_written,
    relay_notifications,
)
from realtime.publish_batch import MARKS

log = logging.getLogger("servicedesk.realtime")

RELAY_SECONDS = 1.0
RELAY_GRACE = timedelta(seconds=2)
PRUNE_EVERY = 600
NOTIFICATION_RELAY_EVERY = 5


EVENTS_PUBLISHED = Counter(
    "servicedesk_events_published",
    "Order events published on the broadcast channel (the relay's re-publishing included).",
)


async def publish(events: Sequence[OrderEvent]) -> None:
    """Publish committed events and their notifications; failures are left to the relay.
    The notifications are those their writer reported (realtime.notifications.CAUSED), else
    found with one SELECT; the `published_at` marks go with the process's next batch
    (realtime.publish_batch: one UPDATE per table every FLUSH_SECONDS)."""
    caused = [CAUSED.take(event.id) for event in events]
    await _publish(events, caused)


async def _publish(events: Sequence[OrderEvent], caused: Sequence[list[Written] | None]) -> None:
    hub = current_hub()
    if hub is None or not events:
        return
    published: list[int] = []
    try:
        for event in events:
            await hub.broadcast.publish(channel(event.company_id), EventFacts.of(event).to_json())
            published.append(event.id)
    except Exception as error:  # Redis away: the relay publishes these later
        log.warning("publishing events failed (%s); the relay will retry", type(error).__name__)
    if not published:
        return
    EVENTS_PUBLISHED.inc(len(published))
    MARKS.add(events=published)
    sent = caused[: len(published)]
    known = [row for rows in sent if rows is not None for row in rows]
    unknown = [event.id for event, rows in zip(events, sent, strict=False) if rows is None]
    if known:
        _ = await publish_written(known)
    if unknown:  # events this process did not record (the relay's): one statement to find them
        _ = await publish_notifications(Notification.filter(event_id__in=unknown))


async def relay_once() -> int:
    """Re-publish events committed a while ago but not published; prune old ones. This
    process's own marks are written first, so that it does not resend what it sent."""
    await MARKS.flush()
    cutoff = datetime.now(UTC) - RELAY_GRACE
    stale = (
        await OrderEvent.filter(published_at=None, at__lt=cutoff)
        .order_by("company_id", "seq")
        .limit(500)
    )
    await _publish(stale, [None] * len(stale))
    await MARKS.flush()
    return len(stale)


async def prune(retention: timedelta) -> int:
    deleted: int = await OrderEvent.filter(at__lt=datetime.now(UTC) - retention).delete()
    return deleted


async def run_relay(retention: timedelta) -> None:
    """The background work of every process: relay each second, prune now and then; when
    cancelled (the process stops), the marks this process still holds are written."""
    try:
        await _relay_rounds(retention)
    finally:
        with contextlib.suppress(Exception):
            await MARKS.close()


async def _relay_rounds(retention: timedelta) -> None:
    rounds = 0
    while True:
        try:
            await relay_once()
            if rounds % PRUNE_EVERY == 0:
                await prune(retention)
            if rounds % NOTIFICATION_RELAY_EVERY == 0:
                await relay_notifications()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("outbox relay failed; retrying")
        rounds += 1
        await asyncio.sleep(RELAY_SECONDS)
