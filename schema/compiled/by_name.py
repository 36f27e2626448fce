"""The compiled lists paged by (column, id) as `resolvers.pagination.paginate` pages them:
by name the contacts (contacts.py) and the members (members.py), by deadline the tasks
(tasks.py), newest first the conversations (conversations.py). One statement whose rows are the ordinary resolver's own queryset, built for a
marker actor, a marker `now` and, with a search, marker texts that each request binds into
their LIKE patterns (escaped as Tortoise escapes them, compat's `like_infix`). A cursor is
the base64 of `json.dumps([value, id])`: a name as UTF-8 text, which PostgreSQL's `to_json`
writes byte for byte; a time as its ISO text (`by_time`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLSchema
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from compat.tortoise import model_meta, prepared_sql
from domain.errors import DomainError
from permissions.actor import Actor
from resolvers import validation
from resolvers.pagination import BY_NAME, decode_cursor
from schema.compiled.plan import Plan, root_arguments
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Param,
    Params,
    Statement,
    b64,
    iso,
    json_object,
    marked_elsewhere,
    page_info,
    paged,
    param_of,
)

# Stand-ins for a search and a contact search's phone form while Tortoise builds the rows.
SEARCH = "~compiled-search~"
PHONE = "~compiled-phone~"
_MARKS = {SEARCH: "search", PHONE: "phone"}
# A node's object on the row `n`.
NodeWriter = Callable[[Out, Actor, Params], str]


@dataclass(frozen=True, slots=True)
class NodeType:
    """A listed type as `node(id:)` finds it (node.py): the rule its `access_<thing>_by_id`
    applies, and the list's own writer of its object."""

    type_name: str
    model: type[Model]
    visible: Callable[[Actor], Q]
    write: NodeWriter


@dataclass(frozen=True, slots=True)
class Keyset:
    """A list's order as `paginate` is given it (("name", "id"), ("-at", "-id")), and how a
    row's cursor is written."""

    fields: tuple[str, str]
    cursor: Callable[[str], str]

    @property
    def column(self) -> str:
        return self.fields[0].lstrip("-")

    @property
    def descending(self) -> bool:
        return self.fields[0].startswith("-")


def _name_cursor(row: str) -> str:
    return b64(f"('[' || to_json({row}.name)::text || ', ' || {row}.id || ']')")


def by_time(fields: tuple[str, str]) -> Keyset:
    """The keyset of a DateTime column and the id: the cursor's value its ISO text."""
    column = fields[0].lstrip("-")

    def cursor(row: str) -> str:
        return b64(f"('[\"' || {iso(f'{row}.{column}')} || '\", ' || {row}.id || ']')")

    return Keyset(fields, cursor)


NAME = Keyset(BY_NAME, _name_cursor)


def search_of(value: Any) -> str | None:
    """A `search` argument cleaned as the resolvers clean it (`validation.search_text`), or
    None for text the database cannot take (a lone surrogate): the ordinary path answers."""
    text = validation.search_text(value)
    try:
        _ = text.encode()
    except UnicodeEncodeError:
        return None
    return text


def filter_of(
    plan: Plan, schema: GraphQLSchema, variables: dict[str, Any], fields: set[str]
) -> dict[str, Any] | None:
    """The root's `filter` coerced by graphql-core as the executor coerces it, `{}` without
    one; None where the executor answers with an error, or it holds a field not in `fields`."""
    if plan.root is None:
        return {}
    arguments = root_arguments(plan, schema, variables)
    if arguments is None:
        return None
    raw = arguments.get("filter")
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= fields:
        return None
    return raw


def enum_text(value: Any) -> str:
    """An enum argument as graphql-core coerced it (the enum member, or its value) as text."""
    return str(getattr(value, "value", value))


def cursor_values(after: str, model: type[Model], keyset: Keyset) -> list[Any] | None:
    """The cursor's values as `paginate` reads it, or None where it refuses it."""
    try:
        return decode_cursor(after, model, [f.lstrip("-") for f in keyset.fields])
    except DomainError:
        return None


def _param(value: Any, marks: dict[tuple[type, Any], str]) -> Param | None:
    """A marker text only as the whole of a __icontains pattern; None for any other form."""
    if isinstance(value, str) and any(mark in value for mark in _MARKS):
        mark = value[1:-1]
        return Param("like", _MARKS[mark]) if f"%{mark}%" == value and mark in _MARKS else None
    return param_of(value, marks)


def build(
    plan: Plan,
    rows: QuerySet[Any],
    marks: set[str],
    type_name: str,
    node: NodeWriter,
    actor: Actor,
    size: int,
    after: bool,
    keyset: Keyset = NAME,
    values: dict[tuple[type, Any], str] | None = None,
) -> Statement | None:
    """The statement over `rows` (the resolver's queryset for the marker `actor`, with the
    search's `marks` in it, and `values`' markers: "now" for the request's time, any other
    name a key of the request's filter values), or None when its SQL does not carry the
    actor's values, those and the search as plain parameters."""
    column = keyset.column
    inner, raw = prepared_sql(rows.values(column, "id"))
    found = [_param(value, values or {}) for value in raw]
    if None in found:
        return None
    params = Params([p for p in found if p is not None])
    likes = {p.value for p in params.params if p.source == "like"}
    if any(marked_elsewhere(p) for p in params.params) or likes != {_MARKS[m] for m in marks}:
        return None
    named = {p.value for p in params.params if p.source == "filter"}
    if named != set((values or {}).values()) - {"now"}:
        return None  # a marked value rewritten or left out: the executor answers
    where = ""
    if after:
        value, pk = params.add(Param("cursor", 0)), params.add(Param("cursor", 1))
        op = "<" if keyset.descending else ">"
        where = f"WHERE (v.{column} {op} {value} OR (v.{column} = {value} AND v.id {op} {pk}))"
    body: list[tuple[str, str]] = []
    for out in plan.connection:
        if out.name == "__typename":
            body.append((out.key, f"'{type_name}Connection'"))
        elif out.name == "totalCount":
            body.append((out.key, "(SELECT count(*) FROM visible)"))
        elif out.name == "pageInfo":
            body.append((out.key, page_info(out, keyset.cursor, size, after)))
        else:
            edges = _edges(out, rows.model, type_name, node, actor, params, keyset)
            body.append((out.key, edges))
    way = " DESC" if keyset.descending else ""
    order = f"v.{column}{way}, v.id{way}"
    sql = paged(inner, f"v.id, v.{column}", where, order, size, plan.root_key, body)
    return Statement(sql, tuple(params.params))


def _edges(
    edges: Out,
    model: type[Model],
    type_name: str,
    node: NodeWriter,
    actor: Actor,
    params: Params,
    keyset: Keyset,
) -> str:
    pairs: list[tuple[str, str]] = []
    for out in edges.fields:
        if out.name == "__typename":
            pairs.append((out.key, f"'{type_name}Edge'"))
        elif out.name == "cursor":
            pairs.append((out.key, keyset.cursor("s")))
        else:
            pairs.append((out.key, node(out, actor, params)))
    table = model_meta(model).db_table
    return (
        f"COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY s.position) FROM shown s "
        f"JOIN \"{table}\" n ON n.id = s.id), '[]'::json)"
    )
