"""Batch functions of the webhook deliveries' data loaders: a page each for any number of
webhooks in two statements, their counts in one.

Whoever sees a webhook sees all of its deliveries (permissions/webhooks.py), so these read
nothing of the actor: the webhooks asked about were filtered already.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tortoise.functions import Count

from models import WebhookDelivery
from resolvers.pagination import ParentPage, pages_per_parent

# Newest event first; the id ends it (a unique field, as keyset pagination needs).
DELIVERY_ORDER = ("-event_seq", "-id")

# (webhook id, first, after)
DeliveryPageKey = tuple[int, int | None, str | None]


async def delivery_pages(keys: Sequence[DeliveryPageKey]) -> list[ParentPage[WebhookDelivery]]:
    """Keys grouped by (first, after): one ranked query per group, usually one in all."""
    groups: dict[tuple[int | None, str | None], list[int]] = defaultdict(list)
    for webhook_id, first, after in keys:
        groups[(first, after)].append(webhook_id)
    found: dict[DeliveryPageKey, ParentPage[WebhookDelivery]] = {}
    for (first, after), ids in groups.items():
        query = WebhookDelivery.filter(webhook_id__in=ids)
        pages = await pages_per_parent(query, "webhook_id", DELIVERY_ORDER, first, after)
        for webhook_id in ids:
            found[(webhook_id, first, after)] = pages.get(webhook_id, ParentPage([], [], False))
    return [found[key] for key in keys]


async def delivery_counts(webhook_ids: Sequence[int]) -> list[int]:
    rows = (
        await WebhookDelivery.filter(webhook_id__in=list(webhook_ids))
        .annotate(n=Count("id"))
        .group_by("webhook_id")
        .values_list("webhook_id", "n")
    )
    counts = {int(webhook_id): int(n) for webhook_id, n in rows}
    return [counts.get(webhook_id, 0) for webhook_id in webhook_ids]
