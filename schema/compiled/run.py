"""The compiled path's hook: a schema extension that, after authentication, the document
limits, the operation gate and validation (every extension before it), answers a compiled
document with one statement instead of executing it. Whether a document compiles is decided
once per document, and its statement built once per (document, role, variable shape); both
caches are bounded. COMPILED_READS=0 (config/settings.py) switches it off.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import orjson
from graphql import ExecutionResult as GraphQLExecutionResult
from starlette.requests import Request
from strawberry.extensions import SchemaExtension
from tortoise import connections

from compat.strawberry import core_schema
from config.settings import current
from permissions.actor import Actor
from resolvers import json_input
from resolvers.orders import OrderFilter as FilterData
from resolvers.pagination import page_size
from schema.compiled import by_name, contacts, conversations, filters, members, series, tasks
from schema.compiled.columns import INT
from schema.compiled.node import build_node, node_pk
from schema.compiled.order_sql import CURSOR_COLUMNS, VISIT, build, sort_order
from schema.compiled.plan import Argument, NodePlan, Plan, plan_of
from schema.compiled.sql import PATHS, Statement, bind
from schema.ids import INT4_MAX, NO_ROW

MAX_ENTRIES = 512
# The lists paged by a column and the id (by_name.py), by root field: each module's MODEL,
# KEYSET, criteria_of and build.
_KEYSET_LISTS = {
    "contacts": contacts,
    "members": members,
    "tasks": tasks,
    "conversations": conversations,
    "orderSeries": series,
}
DEFAULT_SORT = "DEADLINE_ASC"  # schema/queries/orders.py: no sort, or null
_INT32 = 2**31


class Switch:
    """On unless COMPILED_READS=0; tests turn it over to run both paths."""

    def __init__(self) -> None:
        self.enabled: bool | None = None

    def on(self) -> bool:
        if self.enabled is None:
            self.enabled = current().compiled_reads
        return self.enabled


SWITCH = Switch()
_plans: dict[tuple[str, str | None], Plan | NodePlan | None] = {}
_statements: dict[tuple[Any, ...], Statement | None] = {}


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    if len(cache) >= MAX_ENTRIES:
        cache.clear()
    cache[key] = value
    return value


class CompiledReads(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        if SWITCH.on() and not context.pre_execution_errors and context.result is None:
            data = await compiled_answer(context)
            if data is not None:
                context.result = GraphQLExecutionResult(data=data, errors=None)
        yield


async def compiled_answer(context: Any) -> dict[str, Any] | None:
    """The response's data from one statement, or None: the ordinary path answers."""
    ctx = context.context
    actor: Actor | None = getattr(ctx, "actor", None)
    document, query = context.graphql_document, context.query
    if actor is None or document is None or query is None or not isinstance(ctx.request, Request):
        return None
    if not PATHS.fullmatch(actor.path):  # the plan admits queries only
        return None
    key = (query, context.operation_name)
    plan = _plans[key] if key in _plans else _remember(_plans, key, plan_of(document, key[1]))
    if plan is None:
        return None
    variables = context.variables or {}
    if any(variables.get(name) is None for name in plan.required):
        return None  # the executor's coercion error
    if isinstance(plan, NodePlan):
        return await _node_answer(plan, key, actor, variables, ctx.now)
    first, after = _value(plan.first, variables), _value(plan.after, variables)
    if (first is not None and type(first) is not int) or (
        after is not None and type(after) is not str
    ):
        return None
    if first is not None and not 0 < first < _INT32:  # 0, negative or past Int: ordinary
        return None
    if plan.root_name in _KEYSET_LISTS:
        return await _listed_answer(
            plan, key, actor, variables, ctx.now, context.schema, first, after
        )
    sort = _value(plan.sort, variables) or DEFAULT_SORT
    chosen = sort_order(sort) if isinstance(sort, str) else None
    if chosen is None:
        return None  # a name the executor refuses
    if chosen[0] == VISIT:
        values = None if after is None else _visit_cursor(after)
        after_kind = "" if after is None else "null" if values and values[0] is None else "value"
    else:
        values = _cursor(after, CURSOR_COLUMNS[chosen[0]]) if after else []
        after_kind = "value" if after else ""
    if values is None and after_kind != "":
        return None  # the ordinary path says why
    if values is None:
        values = []
    if not _on_postgres():
        return None
    criteria: FilterData | None = None
    filter_shape: filters.Shape = ()
    if plan.root is not None:
        criteria = filters.filter_of(plan, core_schema(context.schema), variables)
        found = None if criteria is None else filters.shape_of(criteria, actor, ctx.now)
        if criteria is None or found is None:
            return None  # the executor's error, or a search
        filter_shape = found
    size = page_size(first)
    has_contact = actor.contact_id is not None
    shape = (key, actor.role, has_contact, size, after_kind, sort, filter_shape)
    statement = _statement(
        shape, lambda: build(plan, actor.role, has_contact, size, after_kind, sort, filter_shape)
    )
    filter_values = None if criteria is None else filters.values(criteria)
    return await _run(statement, actor, ctx.now, values, filter_values)


async def _listed_answer(
    plan: Plan,
    key: Any,
    actor: Actor,
    variables: dict[str, Any],
    now: datetime,
    schema: Any,
    first: int | None,
    after: str | None,
) -> dict[str, Any] | None:
    """A list paged by a column and the id (by_name.py): contacts, members, tasks,
    conversations or series."""
    if not _on_postgres():
        return None
    listing = _KEYSET_LISTS[plan.root_name]
    criteria = listing.criteria_of(plan, core_schema(schema), variables)
    values = by_name.cursor_values(after, listing.MODEL, listing.KEYSET) if after else []
    if criteria is None or values is None:
        return None  # the ordinary path answers (an error, or what is not compiled)
    size = page_size(first)
    has_contact = actor.contact_id is not None
    shape = (key, actor.role, has_contact, size, bool(after), criteria.shape)
    statement = _statement(
        shape,
        lambda: listing.build(plan, actor.role, has_contact, size, bool(after), criteria.shape),
    )
    return await _run(statement, actor, now, values, criteria.values())


async def _node_answer(
    plan: NodePlan, key: Any, actor: Actor, variables: dict[str, Any], now: Any
) -> dict[str, Any] | None:
    pk = node_pk(plan, variables)
    if pk is None:
        return None  # another type's id, or a value the executor reads otherwise
    if pk == NO_ROW:
        return {plan.root_key: None}  # as the executor answers it, without a query
    if not _on_postgres():
        return None
    has_contact = actor.contact_id is not None
    statement = _statement(
        (key, actor.role, has_contact), lambda: build_node(plan, actor.role, has_contact)
    )
    return await _run(statement, actor, now, [], {"id": pk})


def _on_postgres() -> bool:
    """Compiled statements are PostgreSQL's: on SQLite the ordinary path answers."""
    return bool(connections.get("default").capabilities.dialect == "postgres")


def _statement(shape: tuple[Any, ...], build: Callable[[], Statement | None]) -> Statement | None:
    """The statement of this shape, built once (None: its SQL does not compile, cached too)."""
    return _statements[shape] if shape in _statements else _remember(_statements, shape, build())


async def _run(
    statement: Statement | None,
    actor: Actor,
    now: Any,
    after: list[Any],
    filter_values: dict[str, Any] | None,
) -> dict[str, Any] | None:
    """The response's data from the statement, or None without one (the ordinary path)."""
    if statement is None:
        return None
    bound = bind(statement, actor, now, after, filter_values)
    rows = await connections.get("default").execute_query_dict(statement.sql, bound)
    answer: dict[str, Any] = orjson.loads(rows[0]["answer"])
    return answer


def _value(argument: Argument, variables: dict[str, Any]) -> Any:
    return variables.get(argument.variable) if argument.variable else argument.value


def _cursor(text: str, kind: str) -> list[Any] | None:
    """A (value, id) cursor's values, the value a datetime or an int as `kind` says; None for
    anything the ordinary path would refuse or read otherwise (it answers then)."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        values = json_input.loads(raw)
    except Exception:  # whatever the ordinary path refuses, it refuses itself
        return None
    if not isinstance(values, list) or len(values) != 2:
        return None
    value, pk = values
    if type(pk) is not int or not 0 <= pk <= INT4_MAX:
        return None
    if kind == INT:
        return [value, pk] if type(value) is int and 0 <= value <= INT4_MAX else None
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return None
        return [moment.astimezone(UTC), pk]
    except (ValueError, OverflowError):
        return None


# Visit cursors compiled: a start from here to there (anything else the ordinary path reads).
_VISIT_YEARS = range(2000, 2200)


def _visit_cursor(text: str) -> list[Any] | None:
    """resolvers/visits.py's cursor `[start or null, id]` as `_position` reads it (`json`,
    an id of 1 to 2**31 - 1, a start with an offset), or None: something it refuses, or a
    start outside `_VISIT_YEARS` (the ordinary path answers those)."""
    try:
        values = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != 2:
        return None
    start, pk = values
    if type(pk) is not int or not 0 < pk < _INT32:
        return None
    if start is None:
        return [None, pk]
    if not isinstance(start, str):
        return None
    try:
        moment = datetime.fromisoformat(start)
        if moment.utcoffset() is None:
            return None
        utc = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return [utc, pk] if utc.year in _VISIT_YEARS else None
