"""The orders list's statement (plan.py's Plan with `root_name` "orders") and an order's
JSON object, which `node(id:)` (node.py) writes too.

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

from compat.tortoise import model_meta, prepared_sql
from models import CLOSED_STATUSES, Address, Contact, Membership, Order, Role
from permissions.actor import Actor
from permissions.orders import listed_orders
from resolvers.orders import SORTS, VISIT_ASC
from schema.compiled import filters
from schema.compiled.columns import DATETIME, INT, ORDER_COLUMNS, ORDER_LISTS, RELATIONS
from schema.compiled.order_lists import order_list
from schema.compiled.plan import Plan
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Param,
    Params,
    Statement,
    b64,
    column_value,
    global_id,
    guarded,
    iso,
    json_object,
    literal,
    marked_elsewhere,
    marker_actor,
    object_sql,
    page_info,
    paged,
    param_of,
)

# The first column of each sort the compiler writes (SORTS' entries: that column, then the id
# the same way), and how its cursor value is written.
CURSOR_COLUMNS = {"deadline": DATETIME, "created_at": DATETIME, "number": INT}
# VISIT_ASC (resolvers/visits.py's `visit_page`): booked visits by (visit_start, id), then the
# orders without one by id; its cursor's start is null for those. visit_page reads the two
# parts one after the other; here they are one order, `visit_start IS NULL` first.
VISIT = "visit_start"
_MODELS = {"Contact": Contact, "Address": Address, "Member": Membership}


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


def node_object(node: Out, actor: Actor, params: Params, joins: list[str]) -> str:
    pairs: list[tuple[str, str]] = []
    for out in node.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'Order'"))
        elif out.name == "id":
            pairs.append((out.key, global_id("Order", "o.id")))
        elif out.name == "overdue":
            closed = ", ".join(literal(s.value) for s in CLOSED_STATUSES)
            now = params.add(Param("now"))
            pairs.append((out.key, f"(o.status NOT IN ({closed}) AND o.deadline < {now})"))
        elif out.name in ORDER_LISTS:
            pairs.append((out.key, order_list(out, actor, params)))
        elif out.name in RELATIONS:
            type_name, key, columns = RELATIONS[out.name]
            alias = f"r{len(joins)}"
            table = model_meta(_MODELS[type_name]).db_table
            joins.append(f'LEFT JOIN "{table}" {alias} ON {alias}.id = o."{key}"')
            inner = object_sql(out.fields, type_name, alias, columns, actor, params)
            related = f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE {inner} END"
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
