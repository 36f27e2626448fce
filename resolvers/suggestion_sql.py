"""The one statement behind `suggestContractors`, for SQLite and PostgreSQL.

Each of the company's contractors in the caller's scope, with what ranks it: its open orders
(ASSIGNED or IN_PROGRESS), the mean rating of its DONE orders, how many other non-cancelled
visits of it overlap the order's visit, how many of the asked skills it has, its working
hours (checked in Python), and one row per address of it with coordinates (the nearest is
picked in Python).

The company's orders are read in one pass, grouped by contractor, and the skills in another;
both are MATERIALIZED, so each is computed once whatever join the planner picks: on tables
without statistics yet (a new database) PostgreSQL took every grouping for one row and
re-ran them for each contractor, 66 s for 700. The scope is
`permissions.scheduling.visible_suggested_contractors`, compiled in as the derived table the
contractors are read from, with its own parameters, so the rule is not written a second
time here (an `IN (subquery)` was planned as a nested loop over the contacts, 700 x 700).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Parameterizer
from tortoise import connections
from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from domain.visits import Interval
from models import Contact, OrderStatus

OPEN = (OrderStatus.ASSIGNED.value, OrderStatus.IN_PROGRESS.value)


@dataclass(frozen=True, slots=True)
class Target:
    """What the contractors are measured against: the order, its visit, the skills asked."""

    company_id: int
    order_id: int
    address_id: int
    visit: Interval | None
    skills: Sequence[str]


class _Params:
    """Placeholders made in the order they appear in the text, one per use (SQLite's `?` are
    positional): every f-string below evaluates its parts left to right, and the pieces
    inside them are functions called where they are written."""

    def __init__(self, ctx: SqlContext) -> None:
        self.ctx = ctx

    def value(self, value: Any) -> str:
        assert self.ctx.parameterizer is not None
        return str(self.ctx.parameterizer.create_param(value).get_sql(self.ctx))

    def values(self, values: Sequence[Any]) -> str:
        return ", ".join(self.value(v) for v in values)

    def subquery(self, query: QuerySet[Contact]) -> str:
        return str(Subquery(query.values("id", "working_hours")).get_sql(self.ctx))


def suggestion_statement(scope: QuerySet[Contact], target: Target) -> tuple[str, list[Any]]:
    """The statement and its parameters.

    Each result row: id, working_hours (JSON text or value), open_orders, average_rating,
    skills_had, clashes (0 when the order has no visit), latitude, longitude (null for a
    contractor without an address with coordinates; else one row per such address), and on
    every row the same target_latitude, target_longitude (the order's address), timezone
    and company_hours (the company's), so that nothing else needs a statement of its own.
    """
    connection = connections.get("default")
    ctx = connection.query_class.SQL_CONTEXT.copy(parameterizer=Parameterizer())
    p = _Params(ctx)

    def clash() -> str:
        # Half-open windows overlap when each starts before the other ends.
        if target.visit is None:
            return "0"
        start, end = target.visit
        return (
            f"CASE WHEN o.visit_start < {p.value(end)} AND o.visit_end > {p.value(start)}"
            f" AND o.status <> {p.value(OrderStatus.CANCELLED.value)}"
            f" AND o.id <> {p.value(target.order_id)} THEN 1 ELSE 0 END"
        )

    figures = f"""figures AS MATERIALIZED (
  SELECT o.contractor_id AS id,
    SUM(CASE WHEN o.status IN ({p.values(OPEN)}) THEN 1 ELSE 0 END) AS open_orders,
    AVG(CASE WHEN o.status = {p.value(OrderStatus.DONE.value)} THEN o.rating END) AS rating,
    SUM({clash()}) AS clashes
  FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)} AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id)"""

    def asked() -> str:
        # No skills asked: IN () is no SQL; IN (NULL) matches nothing and keeps one shape.
        return p.values(target.skills) if target.skills else "NULL"

    skilled = f"""skilled AS MATERIALIZED (
  SELECT s.contact_id AS id, COUNT(*) AS n FROM contact_skill s
  WHERE s.company_id = {p.value(target.company_id)} AND s.skill IN ({asked()})
  GROUP BY s.contact_id)"""
    place = f"""place AS MATERIALIZED (
  SELECT t.latitude, t.longitude, co.timezone, co.working_hours
  FROM address t, company co
  WHERE t.id = {p.value(target.address_id)} AND co.id = {p.value(target.company_id)})"""
    sql = f"""WITH {figures},
{skilled},
{place}
SELECT c.id, c.working_hours, COALESCE(f.open_orders, 0) AS open_orders,
  f.rating AS average_rating, COALESCE(s.n, 0) AS skills_had,
  COALESCE(f.clashes, 0) AS clashes, a.latitude, a.longitude,
  pl.latitude AS target_latitude, pl.longitude AS target_longitude,
  pl.timezone, pl.working_hours AS company_hours
FROM ({p.subquery(scope)}) c
CROSS JOIN place pl
LEFT JOIN figures f ON f.id = c.id
LEFT JOIN skilled s ON s.id = c.id
LEFT JOIN address a ON a.contact_id = c.id
  AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL"""
    assert ctx.parameterizer is not None
    return sql, list(ctx.parameterizer.values)
