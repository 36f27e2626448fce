"""A compiled `orderSeries` read (plan.py's Plan with `root_name` "orderSeries"), newest
first as by_name.py writes it.

The rows are `resolvers.series.matching_series` itself, the ordinary resolver's one
definition of the list (the orders' visibility rule, the client and `active`); the client
asked for is a marker each request binds. The nodes' columns (money and the internal note
behind the orders' field rules, read on the series' own row), the recurrence (an object of
the same row), the client, address, contractor and responsible member. `upcoming` (the
company's calendar) and `orders` (their own rule) go the ordinary way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLSchema

from models import OrderSeries, Role
from permissions.actor import Actor
from permissions.series import visible_series_filter
from resolvers.series import SORT, matching_series
from schema.compiled import by_name
from schema.compiled.columns import (
    RECURRENCE_COLUMNS,
    SERIES_COLUMNS,
    SERIES_PARTIES,
)
from schema.compiled.plan import Plan, root_arguments
from schema.compiled.selection import Out
from schema.compiled.sql import (
    CLIENT_MARK,
    Params,
    Statement,
    marker_actor,
    object_sql,
    related,
)
from schema.ids import decode_optional_id

MODEL = OrderSeries
KEYSET = by_name.by_time(SORT)
# (a client asked for, active): what the statement's text depends on.
Shape = tuple[bool, bool | None]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's arguments as the ordinary resolver reads them."""

    client_id: int | None = None  # decoded as schema/queries/series.py decodes it
    active: bool | None = None

    @property
    def shape(self) -> Shape:
        return (self.client_id is not None, self.active)

    def values(self) -> dict[str, Any]:
        return {"client": self.client_id}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """`clientId` and `active`, coerced by graphql-core as the executor coerces them; None
    where the executor answers with an error."""
    if plan.root is None:
        return Criteria()
    arguments = root_arguments(plan, schema, variables)
    if arguments is None:
        return None
    return Criteria(
        decode_optional_id(arguments.get("clientId"), "Contact"), arguments.get("active")
    )


def build(
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller and request shape (by_name.py's), or None."""
    actor = marker_actor(role, has_contact)
    client, active = shape
    rows = matching_series(actor, CLIENT_MARK if client else None, active)
    marks: dict[tuple[type, Any], str] = {(int, CLIENT_MARK): "client"} if client else {}
    return by_name.build(
        plan, rows, set(), "OrderSeries", _series, actor, size, after, KEYSET, marks
    )


def _series(node: Out, actor: Actor, params: Params) -> str:
    special = {
        "recurrence": lambda out: object_sql(
            out.fields, "Recurrence", "n", RECURRENCE_COLUMNS, actor, params
        ),
        **related(SERIES_PARTIES, actor, params),
    }
    return object_sql(node.fields, "OrderSeries", "n", SERIES_COLUMNS, actor, params, special)


NODE = by_name.NodeType("OrderSeries", OrderSeries, visible_series_filter, _series)
