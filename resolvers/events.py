"""Recording order events in the outbox, inside the transaction of the change itself."""

from __future__ import annotations

from tortoise.exceptions import DoesNotExist
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from compat.tortoise import cached_values
from models import Comment, EventCounter, Membership, Order, OrderEvent, OrderEventKind
from realtime.notifications import CAUSED
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
    if responsible is not None and responsible.id == order.responsible_id:
        path = responsible.path
    else:
        path = await _path_of(order.responsible_id)
    event = await OrderEvent.create(
        company_id=order.company_id,
        seq=await take_next(EventCounter, order.company_id),
        kind=kind,
        order_id=order.id,
        actor_id=actor_id,
        client_id=order.client_id,
        contractor_id=order.contractor_id,
        responsible_path=path,
        comment_id=comment.id if comment else None,
        comment_visibility=comment.visibility if comment else None,
    )
    # Its notifications' writer reports their ids (INSERT ... RETURNING), so that publishing
    # needs no SELECT of them (realtime.notifications.CAUSED).
    CAUSED.expect(event.id)
    await notifications.on_order_event(order, event, comment)
    await on_order_event_outbound(order, event, comment)
    return event


async def _path_of(member_id: int) -> str:
    """The member's org-tree path (its SELECT built once per dialect: the lookup's query
    building cost more than the event's own INSERT, py-spy of the suite)."""
    rows = await cached_values(Membership, Q(id=member_id), ("path",), limit=1)
    if not rows:
        raise DoesNotExist(Membership)
    path: str = rows[0]["path"]
    return path


async def save_with_event(
    order: Order, fields: list[str], kind: OrderEventKind, actor_id: int | None
) -> Order:
    """Save changed fields of `order` and their event in one transaction, then publish it."""
    async with in_transaction():
        await order.save(update_fields=[*fields, "updated_at"])
        event = await record(order, kind, actor_id)
    await publish([event])
    return order
