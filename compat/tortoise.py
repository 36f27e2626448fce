"""Tortoise ORM's private names: a model's metadata (table, fields, columns), building a
query's SQL without running it, reading a database URL into the connection dict its
`credentials` can be extended in, and `values()` lookups whose SQL is built once per shape."""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url as expand_db_url
from tortoise.expressions import Q
from tortoise.models import MetaInfo, Model
from tortoise.queryset import ValuesQuery
from tortoise.router import router


def model_meta(model: type[Model] | Model) -> MetaInfo:
    """The model's `_meta`: `db_table`, `fields_map`, `fields_db_projection`…"""
    return model._meta


def prepared_sql(query: ValuesQuery[Any]) -> tuple[str, list[Any]]:
    """The query's SQL with placeholders, and their values, as Tortoise would run it."""
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return sql, list(params)


# Cached `values()` lookups. Building a query (Q.resolve, joins, pypika's get_sql) costs far
# more Python than running it: a request's authentication spent half its CPU there (py-spy of
# the suite). `cached_values` lets Tortoise build the SQL once per dialect and *shape* (the Q
# tree with each int or str value replaced by a marker; constants such as None, booleans and
# enums are part of the shape), then runs it with the values of each call through the same
# connection method Tortoise uses (so it is logged and counted like any statement).

_Converter = Callable[[Any], Any]
_MARKER_BASE = 8_000_000_000_000_000  # far from any id or constant a query carries
_MAX_SHAPES = 512


class _Uncacheable(Exception):
    """A value the shape cannot hold (an expression, a datetime…): Tortoise builds it."""


@dataclass(frozen=True, slots=True)
class _Statement:
    sql: str
    params: tuple[tuple[bool, Any], ...]  # (is a slot, slot index or constant value)
    columns: tuple[tuple[str, _Converter], ...]


def _marker(kind: type, index: int) -> int | str:
    return _MARKER_BASE + index if kind is int else f"\x1fslot{index}\x1f"


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


def _marked_value(value: Any, counter: list[int]) -> Any:
    if value is None or isinstance(value, bool | Enum):
        return value
    if isinstance(value, int | str):
        counter[0] += 1
        return _marker(int if isinstance(value, int) else str, counter[0] - 1)
    return [_marked_value(item, counter) for item in value]


def _marked(q: Q, counter: list[int]) -> Q:
    """A copy of `q` with each slot's value replaced by its marker (same walk as `_shape`)."""
    copy = Q(join_type=q.join_type)
    copy.filters = {key: _marked_value(value, counter) for key, value in q.filters.items()}
    copy.children = tuple(_marked(child, counter) for child in q.children)
    copy._is_negated = q._is_negated
    return copy


def _build(
    model: type[Model], condition: Q, fields: Sequence[str], limit: int | None, slots: int
) -> _Statement | None:
    """Tortoise's SQL for the marked condition; None when a marker did not come through
    verbatim (Tortoise changed the value, e.g. `__contains`): such a shape is not cached."""
    query = _query(model, _marked(condition, [0]), fields, limit)
    try:
        sql, raw = prepared_sql(query)
    except Exception:  # a marker Tortoise refuses (an enum column given a str): not cached
        return None
    # By type too: a Decimal or float column's value equals an int marker, yet is not one.
    markers = {(kind, _marker(kind, i)): i for i in range(slots) for kind in (int, str)}
    params = tuple(
        (True, markers[(type(p), p)])
        if type(p) in (int, str) and (type(p), p) in markers
        else (False, p)
        for p in raw
    )
    if {index for is_slot, index in params if is_slot} != set(range(slots)):
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


_statements: dict[tuple[Any, ...], _Statement | None] = {}


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
    if key in _statements:
        statement = _statements[key]
    else:
        statement = _build(model, condition, fields, limit, len(slots))
        if len(_statements) >= _MAX_SHAPES:
            _statements.clear()
        _statements[key] = statement
    if statement is None:
        return await _values(model, condition, fields, limit)
    params = [slots[value] if is_slot else value for is_slot, value in statement.params]
    rows = await db.execute_query_dict(statement.sql, params)
    for row in rows:
        for alias, convert in statement.columns:
            row[alias] = convert(row[alias])
    return rows


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


__all__ = ["cached_values", "expand_db_url", "model_meta", "prepared_sql"]
