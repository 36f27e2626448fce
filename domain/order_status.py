"""The order status machine: which moves exist at all, whoever asks.

NEW -> ASSIGNED (contractor set) -> IN_PROGRESS -> DONE; any open status -> CANCELLED;
DONE -> IN_PROGRESS (a reopen: staff, or a client disputing the work with a comment).
Who may make which move is `permissions.order_status`.
"""

from __future__ import annotations

from domain.errors import DomainError, ErrorCode
from models import Order, OrderStatus

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

REOPEN = (S.DONE, S.IN_PROGRESS)


def check_transition(order: Order, target: OrderStatus) -> tuple[OrderStatus, OrderStatus]:
    """Raise unless the machine has a move from the order's status to `target`."""
    move = (order.status, target)
    if move not in MOVES:
        raise DomainError(
            ErrorCode.INVALID, f"An order cannot go from {order.status} to {target}", ["status"]
        )
    return move


def check_preconditions(order: Order, move: tuple[OrderStatus, OrderStatus]) -> None:
    """What the order itself must hold for the move, whoever makes it."""
    if move == (S.NEW, S.ASSIGNED) and order.contractor_id is None:
        raise DomainError(ErrorCode.INVALID, "Assign a contractor first", ["status"])
