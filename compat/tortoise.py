"""Tortoise ORM's private names: a model's metadata (table, fields, columns), building a
query's SQL without running it, reading a database URL into the connection dict its
`credentials` can be extended in, and lookups, updates and whole queries whose SQL is built
once per shape."""

from __future__ import annotations

import types
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url as expand_db_url
from tortoise.expressions import Q
from tortoise.filters import escape_like
from tortoise.models import MetaInfo, Model
from tortoise.queryset import AwaitableQuery, QuerySet, ValuesQuery
from tortoise.router import router


def model_meta(model: type[Model] | Model) -> MetaInfo:
    """The model's `_meta`: `db_table`, `fields_map`, `fields_db_projection`…"""
    return model._meta


def prepared_sql(query: ValuesQuery[Any]) -> tuple[str, list[Any]]:
    """The query's SQL with placeholders, and their values, as Tortoise would run it."""
    return _parameterized(query, False)


# Cached statements. Building a query (Q.resolve, joins, pypika's get_sql) costs far more
# Python than running it: a request's authentication spent half its CPU there (py-spy of the
# suite). `cached_values`, `cached_instances` and `cached_update` let Tortoise build the SQL
# once per dialect and *shape* (the Q tree and the columns set, each int, str or set datetime
# replaced by a marker; constants such as None, booleans and enums are part of the shape), then
# run it with the values of each call through the connection method Tortoise uses (logged and
# counted like any statement). A shape whose markers do not come through, verbatim or in a
# LIKE pattern Tortoise made of them (`__startswith`), is left to Tortoise, as is a value no
# marker stands for (an expression).

_Converter = Callable[[Any], Any]
_MARKER_BASE = 8_000_000_000_000_000  # far from any id or constant a query carries
_MARKER_TIME = datetime(1901, 1, 1, tzinfo=UTC)  # plus the slot's microseconds
_MAX_SHAPES = 512


class _Uncacheable(Exception):
    """A value the shape cannot hold (an expression, a datetime filter…): Tortoise builds it."""


@dataclass(frozen=True, slots=True)
class _Statement:
    sql: str
    params: tuple[tuple[int, Any], ...]  # (how it gets its value, slot index or constant)
    columns: tuple[tuple[str, _Converter], ...]


def _marker(value: Any, index: int) -> int | str | datetime:
    if isinstance(value, datetime):
        return _MARKER_TIME + timedelta(microseconds=index)
    return _MARKER_BASE + index if isinstance(value, int) else f"\x1fslot{index}\x1f"


def _value_shape(value: Any, slots: list[Any]) -> Any:
    if value is None or isinstance(value, bool | Enum):
        return ("=", value)
    if isinstance(value, int | str):
        slots.append(value)
        return type(value)
    if isinstance(value, list | tuple | set | frozenset):
        return ("*", tuple(_value_shape(item, slots) for item in value))
    raise _Uncacheable(type(value).__name__)


def _shape(q: Q, slots: list[Any]) -> Any:
    """The Q tree's structure; its int and str values appended to `slots`, in a fixed order."""
    filters = tuple((key, _value_shape(value, slots)) for key, value in q.filters.items())
    children = tuple(_shape(child, slots) for child in q.children)
    return (q.join_type, q._is_negated, filters, children)


def _set_shape(model: type[Model], changes: dict[str, Any], slots: list[Any]) -> Any:
    """The columns an UPDATE sets; each value converted as Tortoise does (`to_db_value`), and
    those that vary (ints, strs, datetimes) appended to `slots`."""
    meta = model_meta(model)
    shape: list[tuple[str, Any]] = []
    for key, value in changes.items():
        if key not in meta.fields_db_projection or key in meta.fetch_fields:
            raise _Uncacheable(key)
        if value is None or isinstance(value, bool | Enum):
            shape.append((key, ("=", value)))
            continue
        field: Any = meta.fields_map[key]  # UpdateQuery converts with no instance: None
        stored = field.to_db_value(value, None)
        if not isinstance(stored, int | str | datetime) or isinstance(stored, bool | Enum):
            raise _Uncacheable(type(stored).__name__)
        slots.append(stored)
        shape.append((key, type(stored)))
    return tuple(shape)


def _marked_value(value: Any, counter: list[int]) -> Any:
    if value is None or isinstance(value, bool | Enum):
        return value
    if isinstance(value, int | str):
        counter[0] += 1
        return _marker(value, counter[0] - 1)
    return [_marked_value(item, counter) for item in value]


def _marked(q: Q, counter: list[int]) -> Q:
    """A copy of `q` with each slot's value replaced by its marker (same walk as `_shape`)."""
    copy = Q(join_type=q.join_type)
    copy.filters = {key: _marked_value(value, counter) for key, value in q.filters.items()}
    copy.children = tuple(_marked(child, counter) for child in q.children)
    copy._is_negated = q._is_negated
    return copy


# How a statement's parameter gets its value: a constant of the statement, a slot's value as
# given, or a slot's value in a LIKE pattern (Tortoise's __startswith, __endswith and
# __contains: the value escaped as Tortoise escapes it, then the % added).
_CONSTANT, _VERBATIM, _PREFIX, _SUFFIX, _INFIX = range(5)
_PATTERNS = ((_INFIX, "%", "%"), (_PREFIX, "", "%"), (_SUFFIX, "%", ""))
_LIKE = {mode: f"{head}{{}}{tail}" for mode, head, tail in _PATTERNS}


def like_infix(text: str) -> str:
    """`text` in a LIKE pattern as Tortoise's __contains and __icontains bind it."""
    return _LIKE[_INFIX].format(escape_like(text))


def _pattern(param: str, markers: dict[tuple[type, Any], int]) -> tuple[int, int] | None:
    for mode, head, tail in _PATTERNS:
        if len(param) > len(head) + len(tail) and param.startswith(head) and param.endswith(tail):
            slot = markers.get((str, param[len(head) : len(param) - len(tail)]))
            if slot is not None:
                return mode, slot
    return None


def _params(
    raw: Sequence[Any], slots: Sequence[Any], every: bool = True
) -> tuple[tuple[int, Any], ...] | None:
    """Each parameter as (how it gets its value, slot index or constant); None unless every
    slot's marker came through (`every`; else any may be unused), verbatim or in a LIKE
    pattern. By type too: a Decimal or float column's value equals an int marker."""
    kinds = (int, str, datetime)
    markers = {(type(m), m): i for i, m in enumerate(_marker(v, i) for i, v in enumerate(slots))}
    params: list[tuple[int, Any]] = []
    for param in raw:
        key = (type(param), param)
        if type(param) in kinds and key in markers:
            params.append((_VERBATIM, markers[key]))
        elif type(param) is str and (found := _pattern(param, markers)) is not None:
            params.append(found)
        else:
            params.append((_CONSTANT, param))
    used = {slot for mode, slot in params if mode != _CONSTANT}
    return tuple(params) if used == set(range(len(slots))) or not every else None


def _parameterized(query: AwaitableQuery[Any], for_write: bool) -> tuple[str, list[Any]]:
    query._choose_db_if_not_chosen(for_write)
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return sql, list(params)


def _build_values(
    model: type[Model], condition: Q, fields: Sequence[str], limit: int | None, slots: list[Any]
) -> _Statement | None:
    query = _query(model, _marked(condition, [0]), fields, limit)
    try:
        sql, raw = _parameterized(query, False)
    except Exception:  # a marker Tortoise refuses (an enum column given a str): not cached
        return None
    params = _params(raw, slots)
    if params is None:
        return None
    columns = tuple(
        (alias, convert)
        for alias, convert in (
            (alias, query.resolve_to_python_value(model, name))
            for alias, name in query._fields_for_select.items()
        )
        if not isinstance(convert, types.LambdaType)
    )
    return _Statement(sql, params, columns)


def _build_update(
    model: type[Model], condition: Q, changes: dict[str, Any], slots: list[Any]
) -> _Statement | None:
    counter = [0]
    where = _marked(condition, counter)
    marked: dict[str, Any] = {}
    for key, value in changes.items():  # after the condition's, as _set_shape appends them
        if value is None or isinstance(value, bool | Enum):
            marked[key] = value
        else:  # the marker of the converted value's type
            marked[key] = _marker(slots[counter[0]], counter[0])
            counter[0] += 1
    try:
        sql, raw = _parameterized(model.filter(where).update(**marked), True)
    except Exception:
        return None
    params = _params(raw, slots)
    return None if params is None else _Statement(sql, params, ())


_statements: dict[tuple[Any, ...], _Statement | None] = {}


def _statement(key: tuple[Any, ...], build: Callable[[], _Statement | None]) -> _Statement | None:
    if key in _statements:
        return _statements[key]
    statement = build()
    if len(_statements) >= _MAX_SHAPES:
        _statements.clear()
    _statements[key] = statement
    return statement


def _bound(statement: _Statement, slots: Sequence[Any]) -> list[Any]:
    values: list[Any] = []
    for mode, value in statement.params:
        if mode == _CONSTANT:
            values.append(value)
        elif mode == _VERBATIM:
            values.append(slots[value])
        else:
            values.append(_LIKE[mode].format(escape_like(slots[value])))
    return values


async def cached_values(
    model: type[Model], condition: Q, fields: Sequence[str], limit: int | None = None
) -> list[dict[str, Any]]:
    """`model.filter(condition).values(*fields)` (with `limit`): the same SQL, rows and
    connection, with the SQL built once per dialect and shape of `condition`."""
    slots: list[Any] = []
    try:
        shape = _shape(condition, slots)
    except _Uncacheable:
        return await _values(model, condition, fields, limit)
    db: BaseDBAsyncClient = router.db_for_read(model) or model_meta(model).db
    key = (db.capabilities.dialect, model, tuple(fields), limit, shape)
    statement = _statement(key, lambda: _build_values(model, condition, fields, limit, slots))
    if statement is None:
        return await _values(model, condition, fields, limit)
    rows = await db.execute_query_dict(statement.sql, _bound(statement, slots))
    for row in rows:
        for alias, convert in statement.columns:
            row[alias] = convert(row[alias])
    return rows


M = TypeVar("M", bound=Model)


def _select(model: type[M], condition: Q, order_by: tuple[str, ...]) -> QuerySet[M]:
    query = model.filter(condition)
    return query.order_by(*order_by) if order_by else query


def _build_instances(
    model: type[Model], condition: Q, order_by: tuple[str, ...], slots: list[Any]
) -> _Statement | None:
    try:
        sql, raw = _parameterized(_select(model, _marked(condition, [0]), order_by), False)
    except Exception:  # a marker Tortoise refuses: not cached
        return None
    params = _params(raw, slots)
    return None if params is None else _Statement(sql, params, ())


async def cached_instances(model: type[M], condition: Q, order_by: Sequence[str] = ()) -> list[M]:
    """`await model.filter(condition).order_by(*order_by)`: the same SQL, connection and
    instances (as Tortoise makes them from a row, `_init_from_db`), with the SQL built once
    per dialect and shape of `condition`. For the data loaders, which read rows by their ids
    or their parents' on almost every request."""
    order = tuple(order_by)
    slots: list[Any] = []
    try:
        shape = _shape(condition, slots)
    except _Uncacheable:
        return await _select(model, condition, order)
    db: BaseDBAsyncClient = router.db_for_read(model) or model_meta(model).db
    key = (db.capabilities.dialect, model, "instances", order, shape)
    statement = _statement(key, lambda: _build_instances(model, condition, order, slots))
    if statement is None:
        return await _select(model, condition, order)
    _, rows = await db.execute_query(statement.sql, _bound(statement, slots))
    return [model._init_from_db(**row) for row in rows]  # as Tortoise's execute_select


async def cached_update(model: type[Model], condition: Q, **changes: Any) -> int:
    """`model.filter(condition).update(**changes)`: the same SQL and connection, built once
    per dialect and shape; the number of rows changed."""
    slots: list[Any] = []
    try:
        shape = (_shape(condition, slots), _set_shape(model, changes, slots))
    except _Uncacheable:
        changed: int = await model.filter(condition).update(**changes)
        return changed
    db: BaseDBAsyncClient = router.db_for_write(model) or model_meta(model).db
    key = (db.capabilities.dialect, model, "update", shape)
    statement = _statement(key, lambda: _build_update(model, condition, changes, slots))
    if statement is None:
        changed = await model.filter(condition).update(**changes)
        return changed
    count, _ = await db.execute_query(statement.sql, _bound(statement, slots))
    return int(count)


def _query(
    model: type[Model], condition: Q, fields: Sequence[str], limit: int | None
) -> ValuesQuery[Any]:
    query = model.filter(condition)
    return (query.limit(limit) if limit is not None else query).values(*fields)


async def _values(
    model: type[Model], condition: Q, fields: Sequence[str], limit: int | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await _query(model, condition, fields, limit)
    return rows


# Whole queries (aggregates, counts, subqueries of the permission rules): the caller names the
# shape (`key`: everything the query's text depends on besides its values) and gives a
# builder that makes the query from its values. The first call builds it from markers in
# place of the values, finds each marker among the statement's parameters (verbatim, or in a
# LIKE pattern Tortoise made of it) and keeps the statement; later calls bind their values
# into it. A marker that reached the text itself, or a parameter in another form (a time
# written as text, as on SQLite; a number computed from a marker), leaves that shape to
# Tortoise on every call: never a statement bound to another caller's value. The dashboard's
# three aggregates spent about 70% of its resolver's time building SQL (py-spy, wrk).

Value = int | str | datetime
Build = Callable[[Sequence[Value]], AwaitableQuery[Any]]

# Traces of a marker in another form than a parameter's value: a number or time near a
# marker (the builder computed with it), a marker written as text.
_NEAR = 10**12
_TRACES = ("\x1fslot", str(_MARKER_BASE)[:6], str(_MARKER_BASE - _NEAR)[:6], "1901-01-01")


def _traced(value: Any) -> bool:
    if isinstance(value, datetime):
        return value.year < 1950
    if isinstance(value, int) and abs(value - _MARKER_BASE) < _NEAR:
        return True
    text = str(value)
    return any(trace in text for trace in _TRACES)


def _build(build: Build, values: Sequence[Value]) -> _Statement | None:
    markers = [_marker(value, index) for index, value in enumerate(values)]
    try:
        sql, raw = _parameterized(build(markers), False)
    except Exception:  # a marker Tortoise refuses (a str where an enum goes): not cached
        return None
    params = _params(raw, values, every=False)
    if params is None or _traced(sql):
        return None
    if any(mode == _CONSTANT and _traced(value) for mode, value in params):
        return None
    return _Statement(sql, params, ())


async def cached_rows(key: Hashable, build: Build, values: Sequence[Value]) -> list[dict[str, Any]]:
    """The rows of `build(values)`'s SQL as `execute_query_dict` reads them (no conversion:
    counts and plain columns), its SQL built once per dialect and `key`."""
    db: BaseDBAsyncClient = connections.get("default")
    statement = _statement((db.capabilities.dialect, "rows", key), lambda: _build(build, values))
    if statement is None:
        sql, params = _parameterized(build(values), False)
        rows: list[dict[str, Any]] = await db.execute_query_dict(sql, params)
        return rows
    found: list[dict[str, Any]] = await db.execute_query_dict(
        statement.sql, _bound(statement, values)
    )
    return found


__all__ = [
    "Value",
    "cached_instances",
    "cached_rows",
    "cached_update",
    "cached_values",
    "expand_db_url",
    "like_infix",
    "model_meta",
    "prepared_sql",
]
