"""Who sees which order series, and who may make, change, skip and end one.

A series is seen by whoever would see the orders it makes: the OWNER all, STAFF those whose
responsible member is itself or below it, a client its own contact's, a contractor those it
is booked on. Making and changing one follow the order rules (permissions/orders.py), which
are reused here rather than written again.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from domain.errors import not_found
from models import OrderSeries
from permissions.actor import Actor
from permissions.lookup import visible_row
from permissions.orders import check_may_create_order, check_may_edit_order, visible_order_filter


def visible_series_filter(actor: Actor) -> Q:
    """The series the actor sees: the orders' rule itself, since a series carries the same
    keys under the same names (company, client, contractor, responsible)."""
    return visible_order_filter(actor)


def visible_series(actor: Actor) -> QuerySet[OrderSeries]:
    return OrderSeries.filter(visible_series_filter(actor))


async def access_series_by_id(
    actor: Actor, series_id: int | None, field: list[str] | None = None
) -> OrderSeries:
    """The series if the actor sees it; NOT_FOUND alike for hidden and missing."""
    series = await visible_row(OrderSeries, visible_series_filter(actor), series_id)
    if series is None:
        raise not_found("Order series", field)
    return series


def check_may_create_series(actor: Actor, given: set[str]) -> None:
    """As for an order: staff for any client, a client member for itself without staff terms."""
    check_may_create_order(actor, given)


def check_may_change_series(actor: Actor) -> None:
    """Changing, skipping a visit of and ending a visible series: staff, as editing an order."""
    check_may_edit_order(actor)
