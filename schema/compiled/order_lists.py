"""An order's lists in its compiled object (plan.py's `_order_list`): photos and history as
JSON arrays, and a page of comments as a connection, each a subquery on the order's row `o`.

Rows and order are the loaders' (resolvers/order_loaders.py): photos by (created_at, id),
history by id, comments by id with `pages_per_parent`'s page (the first `size`, a cursor
the base64 of `[id]`, hasNextPage when one more exists, hasPreviousPage false without
`after`) and the kinds the rule table's `Order.comments` row filter gives the actor.
Members (author, uploadedBy, by) are the member loader's rows by id, with no rule of their
own beyond their fields'.
"""

from __future__ import annotations

from tortoise.models import Model

from compat.tortoise import model_meta
from models import Comment, Membership, OrderStatusChange, Photo
from permissions.actor import Actor
from permissions.field_rules import FIELD_RULES, RowFilter
from permissions.orders import comment_visibilities
from schema.compiled.columns import MEMBER_COLUMNS, ORDER_LISTS
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Params,
    b64,
    guarded,
    json_object,
    literal,
    object_sql,
)

_MODELS: dict[str, type[Model]] = {
    "Comment": Comment,
    "Photo": Photo,
    "OrderStatusChange": OrderStatusChange,
}
_ORDER = {"comments": "x.id", "photos": "x.created_at, x.id", "history": "x.id"}


def order_list(out: Out, actor: Actor, params: Params) -> str:
    """The list field's value on the order row `o`."""
    type_name = ORDER_LISTS[out.name][0]
    table = model_meta(_MODELS[type_name]).db_table
    if out.name == "comments":
        return _comments(out, table, actor, params)
    item = _item(out.fields, out.name, actor, params)
    rows = f'"{table}" x {_members(out.fields, out.name)} WHERE x.order_id = o.id'
    return (
        f"COALESCE((SELECT json_agg({item} ORDER BY {_ORDER[out.name]}) FROM {rows}), '[]'::json)"
    )


def _item(fields: tuple[Out, ...], name: str, actor: Actor, params: Params) -> str:
    type_name, columns, members = ORDER_LISTS[name]

    def member(f: Out) -> str:
        return _member(f, _alias(f), actor, params)

    return object_sql(
        fields, type_name, "x", columns, actor, params, dict.fromkeys(members, member)
    )


def _members(fields: tuple[Out, ...], name: str) -> str:
    """A join of the members table for each member field selected (aliases by response key,
    which are unique in a selection)."""
    members = ORDER_LISTS[name][2]
    table = model_meta(Membership).db_table
    return " ".join(
        f'LEFT JOIN "{table}" {_alias(f)} ON {_alias(f)}.id = x."{members[f.name]}"'
        for f in fields
        if f.name in members
    )


def _alias(out: Out) -> str:
    """Quoted: response keys that differ in case only stay apart."""
    return f'"m_{out.key}"'


def _member(out: Out, alias: str, actor: Actor, params: Params) -> str:
    member = object_sql(out.fields, "Member", alias, MEMBER_COLUMNS, actor, params)
    return guarded(
        out, f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {member} END", actor, params, "x"
    )


def _comments(out: Out, table: str, actor: Actor, params: Params) -> str:
    rule = FIELD_RULES["Order.comments"]
    assert isinstance(rule, RowFilter)
    assert rule.function is comment_visibilities  # plan.py compiles no other
    kinds = ", ".join(literal(str(kind)) for kind in comment_visibilities(actor))
    shown = f'SELECT * FROM "{table}" WHERE order_id = o.id AND visibility IN ({kinds})'
    page = f"{shown} ORDER BY id LIMIT {out.size}"
    pairs: list[tuple[str, str]] = []
    for part in out.fields:
        if part.name == "__typename":
            pairs.append((part.key, "'CommentConnection'"))
        elif part.name == "totalCount":
            pairs.append((part.key, f"(SELECT count(*) FROM ({shown}) n)"))
        elif part.name == "pageInfo":
            pairs.append((part.key, _page_info(part, shown, page, out.size)))
        else:
            edge: list[tuple[str, str]] = []
            for f in part.fields:
                if f.name == "__typename":
                    edge.append((f.key, "'CommentEdge'"))
                elif f.name == "cursor":
                    edge.append((f.key, _cursor("x.id")))
                else:
                    edge.append((f.key, _item(f.fields, "comments", actor, params)))
            rows = f"({page}) x {_members(_node_fields(part), 'comments')}"
            pairs.append(
                (
                    part.key,
                    f"COALESCE((SELECT json_agg({json_object(edge)} ORDER BY x.id) FROM {rows}), "
                    "'[]'::json)",
                )
            )
    return json_object(pairs)


def _node_fields(edges: Out) -> tuple[Out, ...]:
    return next((f.fields for f in edges.fields if f.name == "node"), ())


def _cursor(pk: str) -> str:
    """resolvers.pagination's cursor of (id,): base64 of `json.dumps([id])`."""
    return b64(f"('[' || {pk} || ']')")


def _page_info(info: Out, shown: str, page: str, size: int) -> str:
    values = {
        "__typename": "'PageInfo'",
        "hasNextPage": f"((SELECT count(*) FROM ({shown} ORDER BY id LIMIT {size + 1}) n) > {size})",
        "hasPreviousPage": "FALSE",
        "startCursor": f"(SELECT {_cursor('min(p.id)')} FROM ({page}) p)",
        "endCursor": f"(SELECT {_cursor('max(p.id)')} FROM ({page}) p)",
    }
    return json_object([(f.key, values[f.name]) for f in info.fields])
