"""The one statement behind `suggestContractors`, for SQLite and PostgreSQL.

Each of the company's contractors in the caller's scope, with what ranks it: its open orders
(ASSIGNED or IN_PROGRESS), the mean rating of its DONE orders, how many other non-cancelled
visits of it overlap the order's visit, how many of the asked skills it has and its working
hours (checked in Python); then, in the same result (UNION ALL), every active (not archived)
address of those contractors with coordinates (the nearest is picked in Python).

The company's open and DONE orders are read in one pass, grouped by contractor, the visits
near the order's in another, the skills in a third; all are MATERIALIZED, so each is
computed once whatever join the planner picks: on tables without statistics yet (a new
database) PostgreSQL took every grouping for one row and re-ran them for each contractor,
66 s for 700. The addresses are a branch of their own for the same reason: joined to the
contractors, a misestimate of how many have coordinates made PostgreSQL compare every
contractor with every address (1.2 million pairs, 120 ms). The scope is
`permissions.scheduling.visible_suggested_contractors`, compiled in (twice, each with its
own parameters) as the derived table the contractors are read from and the set the
addresses belong to, so the rule is not written a second time here.
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

from domain.visits import MAX_VISIT, Interval
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

    def subquery(self, query: QuerySet[Contact], *columns: str) -> str:
        chosen = columns or ("id", "working_hours")
        return str(Subquery(query.values(*chosen)).get_sql(self.ctx))


def suggestion_statement(scope: QuerySet[Contact], target: Target) -> tuple[str, list[Any]]:
    """The statement and its parameters.

    Rows of two kinds, told apart by `is_address`:
    - 0, a contractor: id, working_hours (JSON), open_orders, average_rating, skills_had,
      clashes (0 when the order has no visit), latitude and longitude of the order's address,
      and the company's timezone and company_hours, so nothing needs a statement of its own;
    - 1, an address with coordinates of a contractor: id (the contractor's), latitude,
      longitude.
    """
    connection = connections.get("default")
    ctx = connection.query_class.SQL_CONTEXT.copy(parameterizer=Parameterizer())
    p = _Params(ctx)

    figures = f"""figures AS MATERIALIZED (
  SELECT o.contractor_id AS id,
    SUM(CASE WHEN o.status IN ({p.values(OPEN)}) THEN 1 ELSE 0 END) AS open_orders,
    AVG(CASE WHEN o.status = {p.value(OrderStatus.DONE.value)} THEN o.rating END) AS rating
  FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)}
    AND o.status IN ({p.values((*OPEN, OrderStatus.DONE.value))})
    AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id)"""

    def window() -> str:
        # No visit: nothing clashes, and the grouping reads no row.
        if target.visit is None:
            return "1 = 0"
        start, end = target.visit
        # Half-open windows overlap when each starts before the other ends; a visit lasts
        # at most MAX_VISIT, so one that ends after `start` began after start - MAX_VISIT,
        # which bounds the (company, visit_start) index range.
        return (
            f"o.visit_start > {p.value(start - MAX_VISIT)} AND o.visit_start < {p.value(end)}"
            f" AND o.visit_end > {p.value(start)}"
        )

    busy = f"""busy AS MATERIALIZED (
  SELECT o.contractor_id AS id, COUNT(*) AS n FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)} AND {window()}
    AND o.status <> {p.value(OrderStatus.CANCELLED.value)} AND o.id <> {p.value(target.order_id)}
    AND o.contractor_id IS NOT NULL
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
{busy},
{skilled},
{place}
SELECT 0 AS is_address, c.id, c.working_hours, COALESCE(f.open_orders, 0) AS open_orders,
  f.rating AS average_rating, COALESCE(s.n, 0) AS skills_had,
  COALESCE(b.n, 0) AS clashes, pl.latitude, pl.longitude,
  pl.timezone, pl.working_hours AS company_hours
FROM ({p.subquery(scope)}) c
CROSS JOIN place pl
LEFT JOIN figures f ON f.id = c.id
LEFT JOIN busy b ON b.id = c.id
LEFT JOIN skilled s ON s.id = c.id
UNION ALL
SELECT 1, a.contact_id, NULL, 0, NULL, 0, 0, a.latitude, a.longitude, NULL, NULL
FROM address a
WHERE a.company_id = {p.value(target.company_id)}
  AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL AND a.archived = {p.value(False)}
  AND a.contact_id IN ({p.subquery(scope, "id")})"""
    assert ctx.parameterizer is not None
    return sql, list(ctx.parameterizer.values)
