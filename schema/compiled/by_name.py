"""The compiled lists paged by (name, id), as `resolvers.pagination.paginate` pages the
contacts (contacts.py) and the members (members.py): one statement whose rows are the
ordinary resolver's own queryset, built for a marker actor and, with a search, marker texts
that each request binds into their LIKE patterns (escaped as Tortoise escapes them, compat's
`like_infix`). A cursor is the base64 of `json.dumps([name, id])` with text as UTF-8, which
PostgreSQL's `to_json` writes byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise.models import Model
from tortoise.queryset import QuerySet

from compat.tortoise import model_meta, prepared_sql
from domain.errors import DomainError
from permissions.actor import Actor
from resolvers import validation
from resolvers.pagination import BY_NAME, decode_cursor
from schema.compiled.plan import Out, Plan
from schema.compiled.sql import (
    Param,
    Params,
    Statement,
    b64,
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


def search_of(value: Any) -> str | None:
    """A `search` argument cleaned as the resolvers clean it (`validation.search_text`), or
    None for text the database cannot take (a lone surrogate): the ordinary path answers."""
    text = validation.search_text(value)
    try:
        _ = text.encode()
    except UnicodeEncodeError:
        return None
    return text


def cursor_values(after: str, model: type[Model]) -> list[Any] | None:
    """The cursor's (name, id) as `paginate` reads it, or None where it refuses it."""
    try:
        return decode_cursor(after, model, BY_NAME)
    except DomainError:
        return None


def _cursor(row: str) -> str:
    return b64(f"('[' || to_json({row}.name)::text || ', ' || {row}.id || ']')")


def _param(value: Any) -> Param | None:
    """A marker text only as the whole of a __icontains pattern; None for any other form."""
    if isinstance(value, str) and any(mark in value for mark in _MARKS):
        mark = value[1:-1]
        return Param("like", _MARKS[mark]) if f"%{mark}%" == value and mark in _MARKS else None
    return param_of(value)


def build(
    plan: Plan,
    rows: QuerySet[Any],
    marks: set[str],
    type_name: str,
    node: NodeWriter,
    actor: Actor,
    size: int,
    after: bool,
) -> Statement | None:
    """The statement over `rows` (the resolver's queryset for the marker `actor`, with the
    search's `marks` in it), or None when its SQL does not carry the actor's values and the
    search as plain parameters."""
    inner, raw = prepared_sql(rows.values(*BY_NAME))
    found = [_param(value) for value in raw]
    if None in found:
        return None
    params = Params([p for p in found if p is not None])
    likes = {p.value for p in params.params if p.source == "like"}
    if any(marked_elsewhere(p) for p in params.params) or likes != {_MARKS[m] for m in marks}:
        return None
    where = ""
    if after:
        name, pk = params.add(Param("cursor", 0)), params.add(Param("cursor", 1))
        where = f"WHERE (v.name > {name} OR (v.name = {name} AND v.id > {pk}))"
    body: list[tuple[str, str]] = []
    for out in plan.connection:
        if out.name == "__typename":
            body.append((out.key, f"'{type_name}Connection'"))
        elif out.name == "totalCount":
            body.append((out.key, "(SELECT count(*) FROM visible)"))
        elif out.name == "pageInfo":
            body.append((out.key, page_info(out, _cursor, size, after)))
        else:
            body.append((out.key, _edges(out, rows.model, type_name, node, actor, params)))
    sql = paged(inner, "v.id, v.name", where, "v.name, v.id", size, plan.root_key, body)
    return Statement(sql, tuple(params.params))


def _edges(
    edges: Out, model: type[Model], type_name: str, node: NodeWriter, actor: Actor, params: Params
) -> str:
    pairs: list[tuple[str, str]] = []
    for out in edges.fields:
        if out.name == "__typename":
            pairs.append((out.key, f"'{type_name}Edge'"))
        elif out.name == "cursor":
            pairs.append((out.key, _cursor("s")))
        else:
            pairs.append((out.key, node(out, actor, params)))
    table = model_meta(model).db_table
    return (
        f"COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY s.position) FROM shown s "
        f"JOIN \"{table}\" n ON n.id = s.id), '[]'::json)"
    )
