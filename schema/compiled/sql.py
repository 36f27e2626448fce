"""The statement of a plan for one shape of caller (role, with or without a contact) and of
variables (page size, which cursor, the filter's shape): PostgreSQL builds the response's
JSON.

The rows are `permissions.orders.listed_orders` itself, narrowed by the resolver's own filter
function (`resolvers.orders.filtered_orders`): that queryset's SQL, built by Tortoise for an actor
and a filter whose values are markers (filters.py), is the inner SELECT; each parameter that
carries a marker is bound to that value of each request (compat's `cached_values` does the
same for lookups). The page's order, cursor and size are the ordinary resolver's (`SORTS`,
resolvers/visits.py's `visit_page` for VISIT_ASC, `page_size`); ids, cursors and DateTime
and Decimal texts are written as the executor writes them (schema/ids.py,
resolvers/pagination.py, Python's `isoformat`, `str(Decimal)`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from compat.tortoise import like_infix, model_meta, prepared_sql
from models import CLOSED_STATUSES, Address, Contact, Membership, Order, Role
from permissions.actor import Actor
from permissions.field_rules import FIELD_RULES, FieldRule
from permissions.orders import listed_orders
from resolvers.orders import SORTS, VISIT_ASC
from schema.compiled import filters
from schema.compiled.columns import BOOL, DATETIME, DECIMAL, INT, ORDER_COLUMNS, RELATIONS, TEXT
from schema.compiled.plan import SQL_FORMS, Out, Plan

# The first column of each sort the compiler writes (SORTS' entries: that column, then the id
# the same way), and how its cursor value is written.
CURSOR_COLUMNS = {"deadline": DATETIME, "created_at": DATETIME, "number": INT}
# VISIT_ASC (resolvers/visits.py's `visit_page`): booked visits by (visit_start, id), then the
# orders without one by id; its cursor's start is null for those. visit_page reads the two
# parts one after the other; here they are one order, `visit_start IS NULL` first.
VISIT = "visit_start"
_MARK = 8_000_000_000_000_000
# Actor values a statement reads, each stood for by its marker while Tortoise builds it.
MARKED = ("membership_id", "user_id", "company_id", "contact_id")
PATH_MARK = f"/{_MARK + 9}/"
PATHS = re.compile(r"[0-9/]+")  # no LIKE wildcard or escape: the marker's text is replaced
_MODELS = {"Contact": Contact, "Address": Address, "Member": Membership}


@dataclass(frozen=True, slots=True)
class Param:
    """Where a parameter's value comes from: `actor` (an Actor attribute), `path` (the text
    with the actor's path in place of the marker), `now`, `cursor` (index into the decoded
    cursor's values), `filter` (a key of the request's filter values), `like` (such a value in a
    LIKE pattern, as Tortoise's __icontains binds it) or `value` (a constant)."""

    source: str
    value: Any = None


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Param, ...]


def marker_actor(role: Role, has_contact: bool) -> Actor:
    return Actor(
        membership_id=_MARK,
        user_id=_MARK + 1,
        company_id=_MARK + 2,
        role=role,
        path=PATH_MARK,
        contact_id=_MARK + 3 if has_contact else None,
        session_id=None,
    )


def param_of(value: Any, marks: dict[tuple[type, Any], str] | None = None) -> Param:
    hashable = isinstance(value, int | str | datetime)
    mark = (marks or {}).get((type(value), value)) if hashable else None
    if mark is not None:
        return Param("now") if mark == "now" else Param("filter", mark)
    if type(value) is int and _MARK <= value < _MARK + len(MARKED):
        return Param("actor", MARKED[value - _MARK])
    if isinstance(value, str) and PATH_MARK in value:
        return Param("path", value)
    return Param("value", value)


class Params:
    def __init__(self, inner: list[Param]) -> None:
        self.params = list(inner)

    def add(self, param: Param) -> str:
        self.params.append(param)
        return f"${len(self.params)}"


def iso(column: str) -> str:
    """`datetime.isoformat()` of a UTC timestamptz: microseconds only when not zero."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', {utc})"
        f" = {utc} THEN '' ELSE to_char({utc}, '.US') END || '+00:00')"
    )


def b64(text: str) -> str:
    """URL-safe base64 without padding, as schema/ids.py and the cursors write it."""
    return f"rtrim(translate(encode(convert_to({text}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')"


def global_id(type_name: str, pk: str) -> str:
    return b64(f"('{type_name}:' || {pk})")


def sort_order(sort: str) -> tuple[str, bool] | None:
    """(first column, descending) of the ordinary resolver's `SORTS[sort]`, when the compiler
    writes it, or VISIT_ASC's (VISIT, False); None for any other."""
    if sort == VISIT_ASC:
        return VISIT, False
    spec = SORTS.get(sort)
    if spec is None or len(spec) != 2:
        return None
    descending = spec[0].startswith("-")
    column = spec[0].lstrip("-")
    if spec[1] != ("-id" if descending else "id") or column not in CURSOR_COLUMNS:
        return None
    return column, descending


def cursor(row: str, column: str) -> str:
    """resolvers.pagination's cursor of (column, id): base64 of `json.dumps([value, id])`, a
    datetime as its ISO text (VISIT's: resolvers/visits.py's `_cursor`, null without a
    visit)."""
    if column == VISIT:
        start = f"{row}.{column}"
        value = f"CASE WHEN {start} IS NULL THEN 'null' ELSE '\"' || {iso(start)} || '\"' END"
    elif CURSOR_COLUMNS[column] == DATETIME:
        value = f"'\"' || {iso(f'{row}.{column}')} || '\"'"
    else:
        value = f"{row}.{column}"
    return b64(f"('[' || {value} || ', ' || {row}.id || ']')")


def column_value(alias: str, column: str, kind: str) -> str:
    ref = f'{alias}."{column}"'
    if kind == DATETIME:
        return iso(ref)
    if kind == DECIMAL:
        return f"{ref}::text"
    assert kind in (TEXT, INT, BOOL)
    return ref


def json_object(pairs: list[tuple[str, str]]) -> str:
    return "json_build_object(" + ", ".join(f"{_literal(k)}, {v}" for k, v in pairs) + ")"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def guarded(
    out: Out, expression: str, actor: Actor, params: Params, row: str = "o", otherwise: str = ""
) -> str:
    """The field's value where its rule's SQL form lets the actor read it (on the row of the
    object it belongs to), else null (or `otherwise`: a list's guard answers an empty one)."""
    if out.rule is None:
        return expression
    rule = FIELD_RULES[out.rule]
    assert isinstance(rule, FieldRule)
    check = SQL_FORMS[rule.check](actor)
    values = [params.add(param_of(v)) for v in check.values]
    condition = check.sql.format(*values, row=row)
    fallback = f" ELSE {otherwise}" if otherwise else ""
    return f"CASE WHEN {condition} THEN {expression}{fallback} END"


def node_object(node: Out, actor: Actor, params: Params, joins: list[str]) -> str:
    pairs: list[tuple[str, str]] = []
    for out in node.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'Order'"))
        elif out.name == "id":
            pairs.append((out.key, global_id("Order", "o.id")))
        elif out.name == "overdue":
            closed = ", ".join(_literal(s.value) for s in CLOSED_STATUSES)
            now = params.add(Param("now"))
            pairs.append((out.key, f"(o.status NOT IN ({closed}) AND o.deadline < {now})"))
        elif out.name in RELATIONS:
            type_name, key, columns = RELATIONS[out.name]
            alias = f"r{len(joins)}"
            table = model_meta(_MODELS[type_name]).db_table
            joins.append(f'LEFT JOIN "{table}" {alias} ON {alias}.id = o."{key}"')
            inner = [
                (
                    f.key,
                    f"'{type_name}'"
                    if f.name == "__typename"
                    else global_id(type_name, f"{alias}.id")
                    if f.name == "id"
                    else guarded(f, column_value(alias, *columns[f.name]), actor, params, alias),
                )
                for f in out.fields
            ]
            related = f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {json_object(inner)} END"
            pairs.append((out.key, guarded(out, related, actor, params)))
        else:
            column, kind = ORDER_COLUMNS[out.name]
            pairs.append((out.key, guarded(out, column_value("o", column, kind), actor, params)))
    return json_object(pairs)


def _edges(edges: Out, column: str, actor: Actor, params: Params) -> str:
    joins: list[str] = []
    pairs: list[tuple[str, str]] = []
    for out in edges.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'OrderEdge'"))
        elif out.name == "cursor":
            pairs.append((out.key, cursor("o", column)))
        else:
            pairs.append((out.key, node_object(out, actor, params, joins)))
    return (
        f"COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY s.position) FROM shown s "
        f"JOIN \"{model_meta(Order).db_table}\" o ON o.id = s.id {' '.join(joins)}), '[]'::json)"
    )


def _after(column: str, descending: bool, after: str, booked_only: bool, params: Params) -> str:
    """The page's condition: rows after the cursor (`after`: "" none, "value" a cursor's
    value, "null" a VISIT cursor of an order without a visit), in the sort's order."""
    if column != VISIT:
        if not after:
            return ""
        value, pk = params.add(Param("cursor", 0)), params.add(Param("cursor", 1))
        op = "<" if descending else ">"
        return f"WHERE (v.{column} {op} {value} OR (v.{column} = {value} AND v.id {op} {pk}))"
    # visit_page: the booked part after the cursor, then (unless the filter's visit range
    # leaves the rest out: `booked_only`) every order without a visit, or those past the id.
    booked = "v.visit_start IS NOT NULL"
    if after == "null":
        return (
            "WHERE FALSE"
            if booked_only
            else f"WHERE v.visit_start IS NULL AND v.id > {params.add(Param('cursor', 1))}"
        )
    if after:
        value, pk = params.add(Param("cursor", 0)), params.add(Param("cursor", 1))
        booked += f" AND (v.visit_start > {value} OR (v.visit_start = {value} AND v.id > {pk}))"
    return f"WHERE {booked}" if booked_only else f"WHERE (({booked}) OR v.visit_start IS NULL)"


def page_info(info: Out, cursor_of: Callable[[str], str], size: int, has_after: bool) -> str:
    """pageInfo over the `page` and `shown` CTEs; `cursor_of(row)` writes a row's cursor."""
    values = {
        "__typename": "'PageInfo'",
        "hasNextPage": f"((SELECT count(*) FROM page) > {size})",
        "hasPreviousPage": "TRUE" if has_after else "FALSE",
        "startCursor": f"(SELECT {cursor_of('s')} FROM shown s ORDER BY s.position LIMIT 1)",
        "endCursor": f"(SELECT {cursor_of('s')} FROM shown s ORDER BY s.position DESC LIMIT 1)",
    }
    return json_object([(out.key, values[out.name]) for out in info.fields])


def marked_elsewhere(param: Param) -> bool:
    """A constant that carries a marker in another form (Tortoise rewrote an actor value):
    no statement, rather than one bound to the marker."""
    return param.source == "value" and str(_MARK)[:8] in str(param.value)


def build(
    plan: Plan,
    role: Role,
    has_contact: bool,
    size: int,
    after: str,
    sort: str,
    shape: filters.Shape = (),
) -> Statement | None:
    """The statement for this shape (`size`: the page size, 1 to MAX_PAGE; `after`: as
    `_after` reads it; `shape`: the filter's), or None when the row filter's or the filter's
    SQL does not carry the actor's and the filter's values as plain parameters."""
    actor = marker_actor(role, has_contact)
    chosen = sort_order(sort)
    if chosen is None:
        return None
    column, descending = chosen
    marked, marks = filters.marked(shape)
    marks[(type(filters.NOW_MARK), filters.NOW_MARK)] = "now"
    rows = filters.filtered(actor, listed_orders(actor), marked, filters.NOW_MARK)
    inner, raw = prepared_sql(rows.values(column, "id"))
    params = Params([param_of(value, marks) for value in raw])
    if any(marked_elsewhere(p) for p in params.params):
        return None
    found = {p.value for p in params.params if p.source == "filter"}
    if found != set(marks.values()) - {"now"} or any(
        isinstance(p.value, str) and p.value.startswith("~status:") for p in params.params
    ):
        return None  # a filter marker rewritten or left out: the executor answers
    booked_only = bool({"visit_from", "visit_to"} & set(dict(shape)))
    where = _after(column, descending, after, booked_only, params)
    way = " DESC" if descending else ""
    order = f"v.{column}{way}, v.id{way}"
    if column == VISIT:
        order = "(v.visit_start IS NULL), v.visit_start, v.id"
    body: list[tuple[str, str]] = []
    for out in plan.connection:
        if out.name == "__typename":
            body.append((out.key, "'OrderConnection'"))
        elif out.name == "totalCount":
            body.append((out.key, "(SELECT count(*) FROM visible)"))
        elif out.name == "pageInfo":
            body.append(
                (out.key, page_info(out, lambda row: cursor(row, column), size, bool(after)))
            )
        else:
            body.append((out.key, _edges(out, column, actor, params)))
    sql = paged(inner, f"v.id, v.{column}", where, order, size, plan.root_key, body)
    return Statement(sql, tuple(params.params))


def paged(
    inner: str,
    columns: str,
    where: str,
    order: str,
    size: int,
    root_key: str,
    body: list[tuple[str, str]],
) -> str:
    """The statement over the rows of `inner` (`visible`): the page's rows past the cursor
    (`where`) in `order`, one more than `size` (`page`: is there a next?), the `size` shown
    with their positions (`shown`), and the response's object of `body` under `root_key`."""
    return (
        f"WITH visible AS NOT MATERIALIZED ({inner}), "
        f"page AS MATERIALIZED (SELECT {columns} FROM visible v {where} "
        f"ORDER BY {order} LIMIT {size + 1}), "
        f"shown AS MATERIALIZED (SELECT {columns}, row_number() OVER (ORDER BY {order}) "
        f"AS position FROM page v ORDER BY {order} LIMIT {size}) "
        f"SELECT {json_object([(root_key, json_object(body))])}::text AS answer"
    )


def bind(
    statement: Statement,
    actor: Actor,
    now: Any,
    after: list[Any],
    filter_values: dict[str, Any] | None = None,
) -> list[Any]:
    sources: dict[str, Callable[[Param], Any]] = {
        "filter": lambda p: (filter_values or {})[p.value],
        "actor": lambda p: getattr(actor, p.value),
        "path": lambda p: p.value.replace(PATH_MARK, actor.path),
        "now": lambda p: now,
        "cursor": lambda p: after[p.value],
        "value": lambda p: p.value,
        "like": lambda p: like_infix((filter_values or {})[p.value]),
    }
    return [sources[p.source](p) for p in statement.params]
