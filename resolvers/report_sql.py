"""The one SQL statement behind a report, for SQLite and PostgreSQL.

A `period` relation (a VALUES list: the whole period, or each day of it) is joined with the
orders in the caller's scope that matter to it, and every figure is a conditional aggregate
grouped by period and key. The scope is `permissions.dashboard.visible_report_orders`, compiled into
the statement as a subquery with its own parameters, so the rule of who sees what is not
written a second time here.

Dialects differ in three places only: parameter placeholders (`?` / `$n`, both from the
Tortoise query builder), time parameters (PostgreSQL needs their type in a VALUES list) and
the hours between two instants (SQLite stores UTC times as ISO text: `julianday` reads them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Parameterizer
from tortoise import connections
from tortoise.expressions import Q, Subquery
from tortoise.queryset import AwaitableQuery, QuerySet

from models import Order


@dataclass(frozen=True, slots=True)
class Period:
    """[starts, ends), and the instant at which open work is judged late (None: not yet)."""

    starts: datetime
    ends: datetime
    open_end: datetime | None


@dataclass(frozen=True, slots=True)
class Grouping:
    """What rows are keyed by: an order column and the table naming it, or the period."""

    column: str | None  # None: one row per period
    names: str | None  # table with `id` and `name` for the label


HOURS = {
    "sqlite": "(julianday(o.completed_at) - julianday(o.created_at)) * 24.0",
    "postgres": "EXTRACT(EPOCH FROM (o.completed_at - o.created_at)) / 3600.0",
}

CREATED_IN = "o.created_at >= p.starts AND o.created_at < p.ends"
DONE_IN = "o.completed_at >= p.starts AND o.completed_at < p.ends"
CANCELLED_IN = "o.cancelled_at >= p.starts AND o.cancelled_at < p.ends"
# Open at the period's end and past its deadline then (NULL, so false, when open_end is).
OPEN_LATE = (
    "o.deadline < p.open_end AND o.created_at < p.open_end"
    " AND (o.completed_at IS NULL OR o.completed_at >= p.open_end)"
    " AND (o.cancelled_at IS NULL OR o.cancelled_at >= p.open_end)"
)


def counted(periods: Sequence[Period]) -> Q:
    """A superset of the orders the statement counts, as ranges an index finds (the scope's
    subquery applies it, `visible_report_orders`): created, completed or cancelled within the
    periods' span, or not completed by the earliest end at which open work is judged.
    Without it the scope gathered every order of a team (12,775 of them, 35 ms of a month's
    54 ms report over 36,500 orders) to keep the few hundred the periods match."""
    starts, ends = min(p.starts for p in periods), max(p.ends for p in periods)
    parts: list[Q] = []
    for column in ("created_at", "completed_at", "cancelled_at"):
        bounds: dict[str, Any] = {f"{column}__gte": starts, f"{column}__lt": ends}
        parts.append(Q(**bounds))
    judged = [p.open_end for p in periods if p.open_end is not None]
    if judged:
        parts += [Q(completed_at__isnull=True), Q(completed_at__gte=min(judged))]
    return Q(*parts, join_type="OR")


class _Params:
    """Placeholders in the order they appear in the text (SQLite's `?` are positional)."""

    def __init__(self, dialect: str, ctx: SqlContext) -> None:
        self.dialect = dialect
        self.ctx = ctx

    def value(self, value: Any) -> str:
        assert self.ctx.parameterizer is not None
        return str(self.ctx.parameterizer.create_param(value).get_sql(self.ctx))

    def time(self, value: datetime | None) -> str:
        placeholder = self.value(None if value is None else value.astimezone(UTC))
        return f"CAST({placeholder} AS TIMESTAMPTZ)" if self.dialect == "postgres" else placeholder

    def subquery(self, query: AwaitableQuery[Any]) -> str:
        return str(Subquery(query).get_sql(self.ctx))


def report_statement(
    scope: QuerySet[Order],
    company_id: int,
    periods: Sequence[Period],
    grouping: Grouping,
    with_rating: bool,
) -> tuple[str, list[Any]]:
    """The statement and its parameters.

    Each result row: group_key (the key, or the period's index), label (null when grouped
    by period), created, completed, completed_on_time, overdue, cancelled,
    average_completion_hours, average_rating.
    """
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    ctx = connection.query_class.SQL_CONTEXT.copy(parameterizer=Parameterizer())
    params = _Params(dialect, ctx)
    rows = ", ".join(
        f"({index}, {params.time(p.starts)}, {params.time(p.ends)}, {params.time(p.open_end)})"
        for index, p in enumerate(periods)
    )
    key = "p.idx" if grouping.column is None else f"o.{grouping.column}"
    rating = f"AVG(CASE WHEN {DONE_IN} THEN o.rating END)" if with_rating else "NULL"
    figures = f"""
WITH period (idx, starts, ends, open_end) AS (VALUES {rows}),
figures AS (
  SELECT {key} AS group_key,
    COUNT(CASE WHEN {CREATED_IN} THEN 1 END) AS created,
    COUNT(CASE WHEN {DONE_IN} THEN 1 END) AS completed,
    COUNT(CASE WHEN {DONE_IN} AND o.completed_at <= o.deadline THEN 1 END) AS completed_on_time,
    COUNT(CASE WHEN ({DONE_IN} AND o.completed_at > o.deadline) OR ({OPEN_LATE}) THEN 1 END)
      AS overdue,
    COUNT(CASE WHEN {CANCELLED_IN} THEN 1 END) AS cancelled,
    AVG(CASE WHEN {DONE_IN} THEN {HOURS[dialect]} END) AS average_completion_hours,
    {rating} AS average_rating
  FROM period p
  JOIN "order" o ON o.company_id = {params.value(company_id)}
    AND o.id IN ({params.subquery(scope.values("id"))})
    AND (({CREATED_IN}) OR ({DONE_IN}) OR ({CANCELLED_IN}) OR ({OPEN_LATE}))
  GROUP BY {key}
)"""
    if grouping.names is None:
        select = "SELECT f.*, NULL AS label FROM figures f"
    else:
        select = f'SELECT f.*, n.name AS label FROM figures f LEFT JOIN "{grouping.names}" n ON n.id = f.group_key'
    assert ctx.parameterizer is not None
    return f"{figures}\n{select}", list(ctx.parameterizer.values)
