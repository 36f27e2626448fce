"""Publishing committed notifications on their company's channel, and their relay.

Right after the transaction that wrote them commits, the writer publishes its notifications
(order events' ones go out with their events: realtime.outbox.publish); whatever was left
unpublished (Redis away, a process that died in between) the relay of every process sends
later. A row published twice is delivered once: realtime/notification_listeners.py
remembers recent ids.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from tortoise.queryset import QuerySet

from models import Notification
from realtime.events import channel
from realtime.hub import current_hub
from realtime.notification_listeners import NotificationMessage

log = logging.getLogger("servicedesk.realtime")

BATCH = 1000
RELAY_GRACE = timedelta(seconds=2)


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
