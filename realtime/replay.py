"""Replaying the outbox for a subscriber that comes back with a cursor.

An event is replayed only if the subscriber could see it when it happened (its keys) AND may
see its order today: a contractor taken off an order, or staff whose subtree lost it, gets
none of its old events, which would show the order as it is now. A skipped event still moves
the cursor on, so a later cursor resumes after it with no gap and no duplicate."""

from __future__ import annotations

from collections.abc import AsyncIterator

from models import Order, OrderEvent
from permissions.actor import Actor
from permissions.orders import can_see_order
from realtime.events import EventFacts, orders_now

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
        orders = await orders_now(actor.company_id, (f.order_id for f in wanted))
        for f in wanted:
            now = orders.get(f.order_id)
            if now is not None and can_see_order(actor, now.keys):
                yield f, now.order
        after = facts[-1].seq
