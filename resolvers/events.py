"""Recording order events in the outbox, inside the transaction of the change itself."""

from __future__ import annotations

from tortoise.expressions import F

from models import Comment, EventCounter, Membership, Order, OrderEvent, OrderEventKind
from resolvers import notifications


async def next_seq(company_id: int) -> int:
    """The company's next event number; its counter row stays locked until commit, so
    numbers follow commit order with no gaps (a rollback gives the number back)."""
    updated = await EventCounter.filter(company_id=company_id).update(last_seq=F("last_seq") + 1)
    if not updated:
        _ = await EventCounter.create(company_id=company_id, last_seq=1)
        return 1
    seq: int = (await EventCounter.get(company_id=company_id)).last_seq
    return seq


async def record(
    order: Order, kind: OrderEventKind, actor_id: int | None, comment: Comment | None = None
) -> OrderEvent:
    """Write the event of a change to `order`; call inside the change's transaction."""
    responsible = await Membership.get(id=order.responsible_id)
    event = await OrderEvent.create(
        company_id=order.company_id,
        seq=await next_seq(order.company_id),
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
    return event
