"""Replaying the outbox for a subscriber that comes back with a cursor."""

from __future__ import annotations

from collections.abc import AsyncIterator

from models import Order, OrderEvent
from permissions.actor import Actor
from realtime.events import EventFacts

PAGE = 500


async def replay(actor: Actor, after: int, upto: int) -> AsyncIterator[tuple[EventFacts, Order]]:
    """The actor's events numbered in (after, upto], oldest first, with their orders."""
    while after < upto:
        rows = (
            await OrderEvent.filter(company_id=actor.company_id, seq__gt=after, seq__lte=upto)
            .order_by("seq")
            .limit(PAGE)
        )
        if not rows:
            return
        facts = [EventFacts.of(row) for row in rows]
        wanted = [f for f in facts if f.visible_to(actor)]
        orders = {o.id: o for o in await Order.filter(id__in={f.order_id for f in wanted})}
        for f in wanted:
            if f.order_id in orders:
                yield f, orders[f.order_id]
        after = facts[-1].seq
