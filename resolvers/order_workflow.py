"""What happens to an order after it exists: assignment, status moves, comments, rating."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode, forbidden, invalid
from models import (
    CLOSED_STATUSES,
    Comment,
    CommentVisibility,
    Order,
    OrderEventKind,
    OrderStatus,
    OrderStatusChange,
)
from permissions.actor import Actor
from permissions.order_status import can_assign, can_rate, check_move
from permissions.orders import access_order_by_id, comment_visibilities, default_comment_visibility
from realtime.outbox import publish
from resolvers import events, validation, visits
from resolvers.orders import contractor_of

CHANGED_MEANWHILE = "The order changed meanwhile; reload it and try again"


async def _move(
    order: Order,
    to: OrderStatus,
    actor: Actor,
    comment: str | None,
    kind: OrderEventKind = OrderEventKind.STATUS_CHANGED,
    hold: Callable[[], Awaitable[None]] | None = None,
    **changes: Any,
) -> Order:
    """Change the status if nobody else did since it was read; history and event go with it.
    `hold` runs first in the same transaction (an assignment's locks and booking check)."""
    before = order.status
    async with in_transaction():
        if hold is not None:
            await hold()
        updated = await Order.filter(id=order.id, status=before).update(
            status=to, updated_at=datetime.now(UTC), **changes
        )
        if not updated:
            raise DomainError(ErrorCode.CONFLICT, CHANGED_MEANWHILE)
        _ = await OrderStatusChange.create(
            order_id=order.id,
            from_status=before,
            to_status=to,
            by_id=actor.membership_id,
            comment=comment,
        )
        moved = await Order.get(id=order.id)
        event = await events.record(moved, kind, actor.membership_id)
    await publish([event])
    return moved


async def assign_order(
    actor: Actor,
    order_id: int | None,
    contractor_id: int | None,
    fee: Decimal | None,
    allow_overlap: bool = False,
) -> Order:
    """Book a contractor; its other visits overlapping the order's are a CONFLICT unless
    `allow_overlap`."""
    order = await access_order_by_id(actor, order_id, ["id"])
    if not can_assign(actor):
        raise forbidden("Only staff assign contractors")
    if order.status in CLOSED_STATUSES:
        raise invalid(f"A {order.status} order cannot be reassigned", "id")
    contractor = await contractor_of(actor, contractor_id, ["contractorId"])
    fee = validation.money(fee, "contractorFee")
    changes: dict[str, Any] = {"contractor_id": contractor.id}
    if fee is not None:
        changes["contractor_fee"] = fee
    seen = (order.contractor_id, visits.visit_of(order))
    wanted = visits.booking(
        order.company_id,
        contractor.id,
        seen[1],
        order.id,
        status=order.status,
        allow_overlap=allow_overlap,
        field=["contractorId"],
    )

    async def hold() -> None:
        await visits.hold_order(order.id, *seen)
        await visits.hold(wanted)

    if order.status == OrderStatus.NEW:
        return await _move(
            order, OrderStatus.ASSIGNED, actor, None, OrderEventKind.ASSIGNED, hold, **changes
        )
    _ = order.update_from_dict(changes)
    async with in_transaction():
        await hold()
        await order.save(update_fields=[*changes, "updated_at"])
        event = await events.record(order, OrderEventKind.ASSIGNED, actor.membership_id)
    await publish([event])
    return order


async def set_order_status(
    actor: Actor, order_id: int | None, status: OrderStatus, comment: str | None, now: datetime
) -> Order:
    order = await access_order_by_id(actor, order_id, ["id"])
    note = validation.optional_text(comment, 5000, "comment")
    check_move(actor, order, status, note)
    changes: dict[str, Any] = {}
    if status == OrderStatus.DONE:
        changes["completed_at"] = now
    elif status == OrderStatus.CANCELLED:
        changes["cancelled_at"] = now
    elif order.status == OrderStatus.DONE:
        changes["completed_at"] = None
    return await _move(order, status, actor, note, **changes)


async def rate_order(
    actor: Actor, order_id: int | None, rating: int, feedback: str | None
) -> Order:
    order = await access_order_by_id(actor, order_id, ["id"])
    if not can_rate(actor, order):
        raise forbidden("Only the order's client rates it")
    if order.status != OrderStatus.DONE:
        raise invalid("Only a DONE order can be rated", "id")
    if not 1 <= rating <= 5:
        raise invalid("The rating is from 1 to 5", "rating")
    words = validation.optional_text(feedback, 5000, "feedback")
    _ = order.update_from_dict({"rating": rating, "feedback": words})
    return await events.save_with_event(
        order, ["rating", "feedback"], OrderEventKind.UPDATED, actor.membership_id
    )


async def add_comment(
    actor: Actor, order_id: int | None, body: str, visibility: CommentVisibility | None
) -> Comment:
    order = await access_order_by_id(actor, order_id, ["orderId"])
    text = validation.required_text(body, 10000, "body")
    chosen = visibility or default_comment_visibility(actor)
    if chosen not in comment_visibilities(actor):
        raise DomainError(
            ErrorCode.FORBIDDEN, "You may not write this kind of comment", ["visibility"]
        )
    async with in_transaction():
        comment = await Comment.create(
            company_id=actor.company_id,
            order_id=order.id,
            author_id=actor.membership_id,
            body=text,
            visibility=chosen,
        )
        event = await events.record(order, OrderEventKind.COMMENTED, actor.membership_id, comment)
    await publish([event])
    return comment
