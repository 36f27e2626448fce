"""Whole queries (aggregates, counts, subqueries of the permission rules) whose SQL Tortoise
builds once per dialect and shape: compat/tortoise.py's cached statements for a query that
is not one model's filter.

The caller names the shape (`key`: everything the query's text depends on besides its
values) and gives a builder that makes the query from its values. The first call builds it
from markers in place of the values, finds each marker among the statement's parameters
(verbatim, or in a LIKE pattern Tortoise made of it) and keeps the statement; later calls
bind their values into it. A marker that reached the text itself, or a parameter in another
form (Tortoise formatted a time as text, as on SQLite), leaves that shape to Tortoise on
every call: never a statement bound to the wrong value.

Measured: the dashboard's three aggregates spent about 70% of the request's resolver time in
Tortoise and pypika building SQL (py-spy, 2 companies, wrk).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import AwaitableQuery

from compat.tortoise import (
    _CONSTANT,
    _MARKER_BASE,
    _bound,
    _marker,
    _parameterized,
    _params,
    _Statement,
    _statement,
)

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


__all__ = ["cached_rows"]
