"""Publishing committed outbox rows, and the relay that re-publishes what was not.

A change's events are published right after its transaction commits; a row whose publish
failed (Redis away) or never happened (the process died) is re-published by the relay that
runs in every process. Publishing twice is harmless: subscribers drop numbers they have.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from prometheus_client import Counter
from tortoise.expressions import Q

from compat.tortoise import cached_update
from models import Notification, OrderEvent
from realtime.events import EventFacts, channel
from realtime.hub import current_hub
from realtime.notifications import publish_notifications, relay_notifications

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
    """Publish committed events; failures are left to the relay."""
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
    if published:
        EVENTS_PUBLISHED.inc(len(published))
        # Built once per number of events (compat.tortoise.cached_update): Tortoise built
        # this UPDATE anew for every change that published its events.
        await cached_update(OrderEvent, Q(id__in=published), published_at=datetime.now(UTC))
        # The notifications the events caused (written with them): one statement to find them.
        await publish_notifications(Notification.filter(event_id__in=published))


async def relay_once() -> int:
    """Re-publish events committed a while ago but not published; prune old ones."""
    cutoff = datetime.now(UTC) - RELAY_GRACE
    stale = (
        await OrderEvent.filter(published_at=None, at__lt=cutoff)
        .order_by("company_id", "seq")
        .limit(500)
    )
    await publish(stale)
    return len(stale)


async def prune(retention: timedelta) -> int:
    deleted: int = await OrderEvent.filter(at__lt=datetime.now(UTC) - retention).delete()
    return deleted


async def run_relay(retention: timedelta) -> None:
    """The background work of every process: relay each second, prune now and then."""
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
