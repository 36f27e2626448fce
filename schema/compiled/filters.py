"""The `filter:` argument of a compiled `orders` read: its conditions are the executor's own.

The ordinary resolver filters with `resolvers.orders.filtered_orders`; the compiled statement's inner
SELECT is that function's queryset too, built by Tortoise once per filter *shape* (which
fields are given, how many distinct statuses, which way `overdue` goes) from marker values, as
the row filter is built from a marker actor (schema/compiled/sql.py). Each marker that comes
through as a parameter is bound to the request's value; a shape whose markers do not come
through (Tortoise rewrote one) builds no statement, and the executor answers.

A request's filter is read the executor's way: its variables coerced by graphql-core, the
argument made the schema's `OrderFilter` input and decoded by its own `data()` (a
malformed or another type's id is `NO_ROW` there, a filter that matches nothing), then checked
by `filtered_orders` itself: whatever it refuses (a bound out of range, visitTo before visitFrom) the
executor refuses, with its error. `search` is not compiled (Tortoise writes its text into a
LIKE pattern): a non-empty search goes the ordinary way.
"""

from __future__ import annotations

import enum
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from graphql import GraphQLSchema
from tortoise.queryset import QuerySet

from domain.errors import DomainError
from models import Order, OrderStatus
from permissions.actor import Actor
from resolvers import validation
from resolvers.orders import OrderFilter as FilterData
from resolvers.orders import filtered_orders
from schema.compiled.plan import Plan, root_arguments
from schema.compiled.sql import FILTER_ID_MARK
from schema.order_inputs import OrderFilter

# A shape: (field, detail) pairs in FilterData's order; detail is the number of distinct
# statuses, overdue's value, or True for a given id or bound.
Shape = tuple[tuple[str, int | bool], ...]
IDS = ("client_id", "contractor_id", "responsible_id", "series_id")
TIMES = ("deadline_from", "deadline_to", "visit_from", "visit_to")
# Inside validation's ranges (EARLIEST..RANGE_END), visit_from before visit_to.
_TIME_MARK = datetime(2199, 12, 31, 23, 59, tzinfo=UTC)
NOW_MARK = _TIME_MARK  # the request's `now`, which `overdue` compares with


def filtered(actor: Actor, query: QuerySet[Order], f: FilterData, now: datetime) -> QuerySet[Order]:
    """The ordinary resolver's filter function, `resolvers.orders.filtered_orders`, the one
    definition of the filter's conditions."""
    return filtered_orders(actor, query, f, now)


# The schema's OrderFilter input: each GraphQL field name (camel case, the schema's names) and
# the input's Python field.
_INPUT_FIELDS = {
    "".join(w.capitalize() if i else w for i, w in enumerate(f.name.split("_"))): f.name
    for f in dataclass_fields(OrderFilter)
}


class _StatusMark(enum.Enum):
    """Stand-ins for statuses: Tortoise writes an enum's value (`CharEnumField`), and these
    values are no status's."""

    S0 = "~status:0"
    S1 = "~status:1"
    S2 = "~status:2"
    S3 = "~status:3"
    S4 = "~status:4"


def filter_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> FilterData | None:
    """The request's filter as the executor reads it, or None where the executor would answer
    with an error (a variable it refuses, an argument it cannot coerce)."""
    arguments = root_arguments(plan, schema, variables)
    if arguments is None:
        return None
    raw = arguments.get("filter")
    if raw is None:
        return FilterData()
    if not isinstance(raw, dict) or not set(raw) <= set(_INPUT_FIELDS):
        return None  # not the input this module knows: the executor reads it
    return OrderFilter(**{_INPUT_FIELDS[name]: value for name, value in raw.items()}).data()


def shape_of(f: FilterData, actor: Actor, now: datetime) -> Shape | None:
    """The filter's shape, or None: the executor answers (a search, or a value `filtered_orders`
    refuses with its own error)."""
    if validation.search_text(f.search):
        return None
    try:
        _ = filtered(actor, Order.all(), replace(f, search=None), now)
    except DomainError:
        return None
    shape: list[tuple[str, int | bool]] = []
    if f.statuses:
        shape.append(("statuses", len(_distinct(f.statuses))))
    if f.overdue is not None:
        shape.append(("overdue", f.overdue))
    shape += [(name, True) for name in (*IDS, *TIMES) if getattr(f, name) is not None]
    return tuple(shape)


def _distinct(statuses: list[OrderStatus]) -> list[str]:
    """The statuses' values, each once: `status IN (…)` matches the same rows."""
    return list(dict.fromkeys(str(s.value) for s in statuses))


def marked(shape: Shape) -> tuple[FilterData, dict[tuple[type, Any], str]]:
    """A filter of this shape made of markers, and the key of each marker (`values` gives the
    request's value of each key)."""
    given = dict(shape)
    keys: dict[tuple[type, Any], str] = {}
    kwargs: dict[str, Any] = {}
    for i, name in enumerate(IDS):
        if name in given:
            kwargs[name] = FILTER_ID_MARK + i
            keys[(int, FILTER_ID_MARK + i)] = name
    for i, name in enumerate(TIMES, start=1):
        if name in given:
            moment = _TIME_MARK - timedelta(microseconds=len(TIMES) + 1 - i)
            kwargs[name] = moment
            keys[(datetime, moment)] = name
    if "statuses" in given:
        marks = list(_StatusMark)[: int(given["statuses"])]
        kwargs["statuses"] = cast(list[OrderStatus], marks)
        keys.update({(str, m.value): f"statuses.{i}" for i, m in enumerate(marks)})
    if "overdue" in given:
        kwargs["overdue"] = bool(given["overdue"])
    return FilterData(**kwargs), keys


def values(f: FilterData) -> dict[str, Any]:
    """Each marker key's value in this request's filter (datetimes in UTC, as
    `validation.instant` passes them on)."""
    found: dict[str, Any] = {}
    for name in IDS:
        found[name] = getattr(f, name)
    for name in TIMES:
        moment = getattr(f, name)
        found[name] = None if moment is None else moment.astimezone(UTC)
    for i, status in enumerate(_distinct(f.statuses or [])):
        found[f"statuses.{i}"] = status
    return found
