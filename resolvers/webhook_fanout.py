"""Fan-out: a company's order events become one delivery row per (webhook, event).

For each active webhook, the events numbered after its `last_seq` (OrderEvent.seq is gap-free
per company in commit order) become WebhookDelivery rows, the kind filter applied (an empty
`events` list takes every kind), and `last_seq` moves to the last event read, in ONE
transaction per webhook and batch: the rows and the mark commit together or not at all.

Two processes may fan out at once: the batch moves `last_seq` with a conditional UPDATE
(`WHERE last_seq = <what I read>`) before inserting, so only one of them writes a batch; the
other's UPDATE changes nothing and it leaves the batch alone. The unique (webhook, event_seq)
constraint is the second guard (a conflicting insert is ignored). Statements per batch of
BATCH events: the SELECT of the events, the UPDATE of the mark, and one INSERT per
INSERT_BATCH rows; per round, one SELECT of the active webhooks.

Visibility is NOT decided here: it is checked when each delivery is sent, against what the
webhook's member may see then (resolvers/webhook_delivery.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from models import OrderEvent, Webhook, WebhookDelivery

BATCH = 1000
INSERT_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Hook:
    id: int
    company_id: int
    events: frozenset[str]
    last_seq: int


async def _active_hooks(companies: list[int] | None) -> list[Hook]:
    query = Webhook.filter(active=True)
    if companies is not None:
        query = query.filter(company_id__in=companies)
    rows = await query.order_by("id").values("id", "company_id", "events", "last_seq")
    return [
        Hook(r["id"], r["company_id"], frozenset(r["events"] or ()), r["last_seq"]) for r in rows
    ]


async def _fan_out_batch(hook: Hook) -> tuple[int, int]:
    """One batch of `hook`: (rows written, the new last_seq); last_seq unchanged when there
    was nothing to do or another process took the batch."""
    async with in_transaction():
        events = (
            await OrderEvent.filter(company_id=hook.company_id, seq__gt=hook.last_seq)
            .order_by("seq")
            .limit(BATCH)
            .values("seq", "order_id", "kind")
        )
        if not events:
            return 0, hook.last_seq
        upto = events[-1]["seq"]
        moved = await Webhook.filter(id=hook.id, last_seq=hook.last_seq, active=True).update(
            last_seq=upto
        )
        if not moved:
            return 0, hook.last_seq  # another process did this batch (or it was switched off)
        rows = [
            WebhookDelivery(
                webhook_id=hook.id,
                company_id=hook.company_id,
                event_seq=e["seq"],
                order_id=e["order_id"],
                kind=e["kind"],
            )
            for e in events
            if not hook.events or str(e["kind"]) in hook.events
        ]
        if rows:
            await WebhookDelivery.bulk_create(rows, batch_size=INSERT_BATCH, ignore_conflicts=True)
        return len(rows), upto


async def fan_out(companies: list[int] | None = None) -> int:
    """Turn every active webhook's new events into deliveries; the number of rows written.
    `companies` limits it to those companies (tests share one database)."""
    written = 0
    for hook in await _active_hooks(companies):
        while True:
            count, upto = await _fan_out_batch(hook)
            written += count
            if upto == hook.last_seq:
                break
            hook = Hook(hook.id, hook.company_id, hook.events, upto)
    return written
