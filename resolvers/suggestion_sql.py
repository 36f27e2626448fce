"""The one statement behind `suggestContractors`, for SQLite and PostgreSQL.

Each of the company's contractors in the caller's scope, with what ranks it: its open orders
(ASSIGNED or IN_PROGRESS), the mean rating of its DONE orders, how many of the asked skills
it has, whether another non-cancelled visit of it overlaps the order's visit, its working
hours (checked in Python), and one row per address of it with coordinates (the nearest is
picked in Python). Each figure is a grouped derived table joined by contractor, so the
statement reads each kind of row once for the company, not once per contractor. The scope
is `permissions.scheduling.visible_suggested_contractors`, compiled in as a subquery with its
own parameters, so the rule is not written a second time here.
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
from models import Contact, ContactKind, OrderStatus

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
    positional): every f-string below evaluates its parts left to right."""

    def __init__(self, ctx: SqlContext) -> None:
        self.ctx = ctx

    def value(self, value: Any) -> str:
        assert self.ctx.parameterizer is not None
        return str(self.ctx.parameterizer.create_param(value).get_sql(self.ctx))

    def values(self, values: Sequence[Any]) -> str:
        return ", ".join(self.value(v) for v in values)

    def subquery(self, query: QuerySet[Contact]) -> str:
        return str(Subquery(query.values("id")).get_sql(self.ctx))


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
    parts = [
        f"""open_work AS (
  SELECT o.contractor_id AS id, COUNT(*) AS n FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)} AND o.status IN ({p.values(OPEN)})
    AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id)""",
        f"""rated AS (
  SELECT o.contractor_id AS id, AVG(o.rating) AS r FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)} AND o.status = {p.value(OrderStatus.DONE.value)}
    AND o.rating IS NOT NULL AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id)""",
    ]
    joins = [
        "LEFT JOIN open_work w ON w.id = c.id",
        "LEFT JOIN rated r ON r.id = c.id",
    ]
    skills, clashes = "0", "0"
    if target.skills:
        parts.append(f"""skilled AS (
  SELECT s.contact_id AS id, COUNT(*) AS n FROM contact_skill s
  WHERE s.company_id = {p.value(target.company_id)} AND s.skill IN ({p.values(target.skills)})
  GROUP BY s.contact_id)""")
        joins.append("LEFT JOIN skilled s ON s.id = c.id")
        skills = "COALESCE(s.n, 0)"
    if target.visit is not None:
        start, end = target.visit
        # A visit lasts at most MAX_VISIT: one that ends after `start` began after
        # start - MAX_VISIT, which keeps the (company, visit_start) index range short.
        parts.append(f"""busy AS (
  SELECT o.contractor_id AS id, COUNT(*) AS n FROM "order" o
  WHERE o.company_id = {p.value(target.company_id)} AND o.visit_start > {p.value(start - MAX_VISIT)}
    AND o.visit_start < {p.value(end)} AND o.visit_end > {p.value(start)}
    AND o.status <> {p.value(OrderStatus.CANCELLED.value)} AND o.id <> {p.value(target.order_id)}
    AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id)""")
        joins.append("LEFT JOIN busy b ON b.id = c.id")
        clashes = "COALESCE(b.n, 0)"
    joins.append("CROSS JOIN address t CROSS JOIN company co")
    where = (
        f"c.company_id = {p.value(target.company_id)}"
        f" AND c.kind = {p.value(ContactKind.CONTRACTOR.value)}"
        f" AND c.id IN ({p.subquery(scope)})"
        f" AND t.id = {p.value(target.address_id)} AND co.id = {p.value(target.company_id)}"
    )
    newline = "\n"
    sql = f"""WITH {("," + newline).join(parts)}
SELECT c.id, c.working_hours, COALESCE(w.n, 0) AS open_orders, r.r AS average_rating,
  {skills} AS skills_had, {clashes} AS clashes, a.latitude, a.longitude,
  t.latitude AS target_latitude, t.longitude AS target_longitude,
  co.timezone, co.working_hours AS company_hours
FROM contact c
{newline.join(joins)}
LEFT JOIN address a ON a.contact_id = c.id
  AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
WHERE {where}"""
    assert ctx.parameterizer is not None
    return sql, list(ctx.parameterizer.values)
