"""The order status machine and who may make which move.

NEW -> ASSIGNED (contractor set) -> IN_PROGRESS -> DONE; any open status -> CANCELLED;
DONE -> IN_PROGRESS (staff reopen; a client dispute, with a comment).
"""

from __future__ import annotations

from models import Order, OrderStatus, Role
from permissions.actor import Actor
from permissions.errors import DomainError, ErrorCode, forbidden
from permissions.orders import is_orders_client, is_orders_contractor

S = OrderStatus
OPEN = (S.NEW, S.ASSIGNED, S.IN_PROGRESS)

MOVES: frozenset[tuple[OrderStatus, OrderStatus]] = frozenset(
    {
        (S.NEW, S.ASSIGNED),
        (S.ASSIGNED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.DONE),
        (S.DONE, S.IN_PROGRESS),
    }
    | {(status, S.CANCELLED) for status in OPEN}
)

CONTRACTOR_MOVES = frozenset({(S.ASSIGNED, S.IN_PROGRESS), (S.IN_PROGRESS, S.DONE)})
CLIENT_MOVES = frozenset({(S.NEW, S.CANCELLED), (S.DONE, S.IN_PROGRESS)})
DISPUTE = (S.DONE, S.IN_PROGRESS)


def check_move(actor: Actor, order: Order, target: OrderStatus, comment: str | None) -> None:
    """Raise unless `actor` may move the visible `order` to `target`."""
    move = (order.status, target)
    if move not in MOVES:
        raise DomainError(
            ErrorCode.INVALID, f"An order cannot go from {order.status} to {target}", ["status"]
        )
    if actor.is_staff:
        allowed = True
    elif actor.role == Role.CONTRACTOR:
        allowed = move in CONTRACTOR_MOVES and is_orders_contractor(actor, order)
    else:
        allowed = move in CLIENT_MOVES and is_orders_client(actor, order)
    if not allowed:
        raise forbidden(f"You may not move this order from {order.status} to {target}")
    if move == (S.NEW, S.ASSIGNED) and order.contractor_id is None:
        raise DomainError(ErrorCode.INVALID, "Assign a contractor first", ["status"])
    if move == DISPUTE and actor.role == Role.CLIENT and not (comment or "").strip():
        raise DomainError(ErrorCode.INVALID, "Say what is wrong with the work", ["comment"])


def may_assign(actor: Actor) -> bool:
    return actor.is_staff


def may_rate(actor: Actor, order: Order) -> bool:
    return is_orders_client(actor, order)
