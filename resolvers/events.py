"""Recording order events in the outbox, inside the transaction of the change itself."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from models import Comment, EventCounter, Membership, Order, OrderEvent, OrderEventKind
from realtime.outbox import publish
from resolvers import notifications
from resolvers.counters import take_next
from resolvers.outbound_events import on_order_event_outbound


async def record(
    order: Order,
    kind: OrderEventKind,
    actor_id: int | None,
    comment: Comment | None = None,
    responsible: Membership | None = None,
) -> OrderEvent:
    """Write the event of a change to `order`; call inside the change's transaction. A caller
    that read the responsible member before the transaction passes it: every statement
    after the counter's UPDATE holds up the company's next change (resolvers/counters.py)."""
    if responsible is None or responsible.id != order.responsible_id:
        responsible = await Membership.get(id=order.responsible_id)
    event = await OrderEvent.create(
        company_id=order.company_id,
        seq=await take_next(EventCounter, order.company_id),
        kind=kind,
        order_id=order.id,
        actor_id=actor_id,
        client_id=order.client_id,
        contractor_id=order.contractor_id,
        responsible_path=responsible.path,
        comment_id=comment.id if comment else None,
        comment_visibility=comment.visibility if comment else None,
    )
    await notifications.on_order_event(order, event, responsible, comment)
    await on_order_event_outbound(order, event, comment)
    return event


async def save_with_event(
    order: Order, fields: list[str], kind: OrderEventKind, actor_id: int | None
) -> Order:
    """Save changed fields of `order` and their event in one transaction, then publish it."""
    async with in_transaction():
        await order.save(update_fields=[*fields, "updated_at"])
        event = await record(order, kind, actor_id)
    await publish([event])
    return order
