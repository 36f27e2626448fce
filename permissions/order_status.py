"""Who may make which move of the order status machine (`domain.order_status`).

Staff make any move; a contractor starts and finishes the work it is booked on; a client
cancels its NEW order or disputes DONE work, saying what is wrong.
"""

from __future__ import annotations

from domain.errors import DomainError, ErrorCode, forbidden
from domain.order_status import REOPEN, S, check_preconditions, check_transition
from models import Order, OrderStatus, Role
from permissions.actor import Actor
from permissions.orders import can_act_as_client, can_act_as_contractor

CONTRACTOR_MOVES = frozenset({(S.ASSIGNED, S.IN_PROGRESS), (S.IN_PROGRESS, S.DONE)})
CLIENT_MOVES = frozenset({(S.NEW, S.CANCELLED), REOPEN})


def check_move(actor: Actor, order: Order, target: OrderStatus, comment: str | None) -> None:
    """Raise unless `actor` may move the visible `order` to `target`."""
    move = check_transition(order, target)
    if actor.is_staff:
        allowed = True
    elif actor.role == Role.CONTRACTOR:
        allowed = move in CONTRACTOR_MOVES and can_act_as_contractor(actor, order)
    else:
        allowed = move in CLIENT_MOVES and can_act_as_client(actor, order)
    if not allowed:
        raise forbidden(f"You may not move this order from {order.status} to {target}")
    check_preconditions(order, move)
    if move == REOPEN and actor.role == Role.CLIENT and not (comment or "").strip():
        raise DomainError(ErrorCode.INVALID, "Say what is wrong with the work", ["comment"])


def can_assign(actor: Actor) -> bool:
    return actor.is_staff


def can_rate(actor: Actor, order: Order) -> bool:
    return can_act_as_client(actor, order)
