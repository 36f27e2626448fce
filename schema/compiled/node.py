"""`node(id:)` read as an Order, a Contact, a Member, a Task, a Conversation or an
OrderSeries (plan.py's `NodePlan`) in one statement.

The executor's `node` (schema/queries/node.py) decodes the id with `decode_any_id`: nothing,
or a type it does not know, is null without a query; an Order's id is the order
`access_order_by_id` finds, that is `permissions.orders.visible_orders` with that id, else
null. Here the same: null for the first two, and for an Order's id the statement whose inner
SELECT is `visible_orders`' own queryset for a marker actor and a marker id (as order_sql.py builds
the list's), its row written by order_sql.py's `node_object`. Any other type's id (its object, seen
through `... on Order` only, is `{}` or null by its own rules) goes the ordinary way.

The other types alike: `resolvers.nodes` finds each with `visible_row` and its rule's filter
(`access_<thing>_by_id`), which is the rows here too (by_name.NodeType), the object written
by the list's own writer.
"""

from __future__ import annotations

from typing import Any

from tortoise.queryset import QuerySet

from compat.tortoise import model_meta, prepared_sql
from models import Order, Role
from permissions.actor import Actor
from permissions.orders import visible_orders
from schema.compiled import contacts, conversations, members, series, tasks
from schema.compiled.by_name import NodeType
from schema.compiled.order_sql import node_object
from schema.compiled.plan import NodePlan
from schema.compiled.selection import Out
from schema.compiled.sql import (
    NODE_ID_MARK,
    Params,
    Statement,
    json_object,
    marked_elsewhere,
    marker_actor,
    param_of,
)
from schema.ids import NO_ROW, decode_any_id
from schema.queries.node import NODE_TYPES

_NODE_TYPES: dict[str, NodeType] = {
    m.NODE.type_name: m.NODE for m in (contacts, members, tasks, conversations, series)
}


def build_node(plan: NodePlan, role: Role, has_contact: bool) -> Statement | None:
    """The statement for this caller shape, or None when the visibility rule's SQL does not
    carry the actor's values and the id as plain parameters."""
    actor = marker_actor(role, has_contact)
    if plan.type_name == "Order":
        rows: QuerySet[Any] = visible_orders(actor)
    else:
        node_type = _NODE_TYPES[plan.type_name]
        rows = node_type.model.filter(node_type.visible(actor))
    inner, raw = prepared_sql(rows.filter(id=NODE_ID_MARK).values("id"))
    params = Params([param_of(value, {(int, NODE_ID_MARK): "id"}) for value in raw])
    if any(marked_elsewhere(p) for p in params.params):
        return None
    if [p.value for p in params.params if p.source == "filter"] != ["id"]:
        return None  # the id's marker rewritten or left out
    node = Out(plan.root_key, "node", fields=plan.fields)
    found = _found(plan.type_name, node, actor, params)
    sql = (
        f"WITH visible AS NOT MATERIALIZED ({inner}) "
        f"SELECT {json_object([(plan.root_key, found)])}::text AS answer"
    )
    return Statement(sql, tuple(params.params))


def _found(type_name: str, node: Out, actor: Actor, params: Params) -> str:
    """The visible row's object, null without one."""
    if type_name == "Order":
        joins: list[str] = []
        row = node_object(node, actor, params, joins)
        table = model_meta(Order).db_table
        return f'(SELECT {row} FROM visible s JOIN "{table}" o ON o.id = s.id {" ".join(joins)})'
    node_type = _NODE_TYPES[type_name]
    row = node_type.write(node, actor, params)
    table = model_meta(node_type.model).db_table
    return f'(SELECT {row} FROM visible s JOIN "{table}" n ON n.id = s.id)'


def node_pk(plan: NodePlan, variables: dict[str, Any]) -> int | None:
    """The pk of the plan's type the id names; NO_ROW (0) where the executor answers null without a
    query; None where it answers otherwise (another type's id, a value that is no string)."""
    value = variables.get(plan.id.variable) if plan.id.variable else plan.id.value
    if type(value) is not str:
        return None
    parsed = decode_any_id(value)
    if parsed is None or parsed[0] not in NODE_TYPES:
        return NO_ROW
    return parsed[1] if parsed[0] == plan.type_name else None
