"""A compiled `contacts` read (plan.py's Plan with `root_name` "contacts") in one statement.

The rows are `resolvers.contacts.matching_contacts` itself, the ordinary resolver's one
definition of the list (the visibility rule, `archived`, `kind`, the search), built by Tortoise
for a marker actor and, with a search, marker texts; each request binds its values, the
search into LIKE patterns escaped as Tortoise escapes it (compat's `like_infix`). A filter
with a `skill` goes the ordinary way. The page is `resolvers.pagination.paginate`'s over
`CONTACT_ORDER`: (name, id) keyset, a cursor the base64 of `json.dumps([name, id])` with text
as UTF-8, which PostgreSQL's `to_json` writes byte for byte; the addresses are the loader's
(active ones, by id), guarded as a list: empty where the rule refuses the actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLSchema
from graphql.execution.values import get_argument_values, get_variable_values

from compat.tortoise import model_meta, prepared_sql
from domain.errors import DomainError
from models import Address, Contact, ContactKind, Role
from resolvers import validation
from resolvers.contacts import CONTACT_ORDER, matching_contacts, phone_needle
from resolvers.pagination import decode_cursor
from schema.compiled.columns import ADDRESS_COLUMNS, CONTACT_COLUMNS
from schema.compiled.plan import Out, Plan
from schema.compiled.sql import (
    Param,
    Params,
    Statement,
    b64,
    column_value,
    global_id,
    guarded,
    json_object,
    marked_elsewhere,
    marker_actor,
    page_info,
    paged,
    param_of,
)

# Stand-ins for the search and its phone form while Tortoise builds the statement.
_MARKS = {"~compiled-search~": "search", "~compiled-phone~": "phone"}
_SEARCH, _PHONE = _MARKS
_FILTER_FIELDS = {"kind", "search", "skill", "archived"}
# (kind, searched, archived): what the statement's text depends on.
Shape = tuple[str | None, bool, bool | None]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's filter as the ordinary resolver reads it."""

    kind: ContactKind | None = None
    text: str = ""  # validation.search_text's
    archived: bool | None = None

    @property
    def shape(self) -> Shape:
        return (None if self.kind is None else self.kind.value, bool(self.text), self.archived)

    def values(self) -> dict[str, Any]:
        return {"search": self.text, "phone": phone_needle(self.text)}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """The filter, coerced by graphql-core as the executor coerces it; None where the executor
    answers with an error, or filters by skill."""
    if plan.root is None:
        return Criteria()
    coerced = get_variable_values(schema, plan.variable_definitions, variables)
    if isinstance(coerced, list):
        return None
    query = schema.query_type
    assert query is not None
    try:
        arguments = get_argument_values(query.fields["contacts"], plan.root, coerced)
    except GraphQLError:
        return None
    raw = arguments.get("filter")
    if raw is None:
        return Criteria()
    if not isinstance(raw, dict) or not set(raw) <= _FILTER_FIELDS or raw.get("skill") is not None:
        return None
    text = validation.search_text(raw.get("search"))
    try:
        _ = text.encode()
    except UnicodeEncodeError:
        return None  # a lone surrogate: whatever the ordinary path answers
    kind = raw.get("kind")
    return Criteria(None if kind is None else ContactKind(kind), text, raw.get("archived"))


def cursor_values(after: str) -> list[Any] | None:
    """The cursor's (name, id) as `paginate` reads it, or None where it refuses it."""
    try:
        return decode_cursor(after, Contact, CONTACT_ORDER)
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
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller and request shape, or None when the list's SQL does not
    carry the actor's values and the search as plain parameters."""
    actor = marker_actor(role, has_contact)
    kind, searched, archived = shape
    rows = matching_contacts(
        actor,
        None if kind is None else ContactKind(kind),
        _SEARCH if searched else "",
        _PHONE if searched else "",
        None,
        archived,
    )
    inner, raw = prepared_sql(rows.values(*CONTACT_ORDER))
    found = [_param(value) for value in raw]
    if None in found:
        return None
    params = Params([p for p in found if p is not None])
    likes = {p.value for p in params.params if p.source == "like"}
    if any(marked_elsewhere(p) for p in params.params) or likes != (
        set(_MARKS.values()) if searched else set()
    ):
        return None
    where = ""
    if after:
        name, pk = params.add(Param("cursor", 0)), params.add(Param("cursor", 1))
        where = f"WHERE (v.name > {name} OR (v.name = {name} AND v.id > {pk}))"
    body: list[tuple[str, str]] = []
    for out in plan.connection:
        if out.name == "__typename":
            body.append((out.key, "'ContactConnection'"))
        elif out.name == "totalCount":
            body.append((out.key, "(SELECT count(*) FROM visible)"))
        elif out.name == "pageInfo":
            body.append((out.key, page_info(out, _cursor, size, after)))
        else:
            body.append((out.key, _edges(out, actor, params)))
    sql = paged(inner, "v.id, v.name", where, "v.name, v.id", size, plan.root_key, body)
    return Statement(sql, tuple(params.params))


def _edges(edges: Out, actor: Any, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for out in edges.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'ContactEdge'"))
        elif out.name == "cursor":
            pairs.append((out.key, _cursor("s")))
        else:
            pairs.append((out.key, _contact(out, actor, params)))
    table = model_meta(Contact).db_table
    return (
        f"COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY s.position) FROM shown s "
        f"JOIN \"{table}\" c ON c.id = s.id), '[]'::json)"
    )


def _contact(node: Out, actor: Any, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for out in node.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'Contact'"))
        elif out.name == "id":
            pairs.append((out.key, global_id("Contact", "c.id")))
        elif out.name == "addresses":
            listed = _addresses(out, actor, params)
            pairs.append((out.key, guarded(out, listed, actor, params, "c", "'[]'::json")))
        else:
            value = column_value("c", *CONTACT_COLUMNS[out.name])
            pairs.append((out.key, guarded(out, value, actor, params, "c")))
    return json_object(pairs)


def _addresses(out: Out, actor: Any, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for f in out.fields:
        if f.name == "__typename":
            pairs.append((f.key, "'Address'"))
        elif f.name == "id":
            pairs.append((f.key, global_id("Address", "a.id")))
        else:
            value = column_value("a", *ADDRESS_COLUMNS[f.name])
            pairs.append((f.key, guarded(f, value, actor, params, "a")))
    table = model_meta(Address).db_table
    return (
        f'COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY a.id) FROM "{table}" a '
        "WHERE a.contact_id = c.id AND NOT a.archived), '[]'::json)"
    )
