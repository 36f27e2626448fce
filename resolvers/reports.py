"""Reports on the orders of a period, per contractor, client, responsible member or day.

Figures of a period [from, to); grouped by DAY, of each of the company's calendar days in it
(in the company's time zone, cut to the period):
- created: orders created in it.
- completed: orders completed in it (`completed_at`, which reopening an order clears).
- completedOnTime: of those, completed no later than their deadline.
- overdue: completed in it after their deadline, or open at its end and past their deadline
  then. For a period still running, "its end" is now; one not begun has no overdue work yet.
- cancelled: orders cancelled in it.
- averageCompletionHours: the mean time from creation to completion of those completed.
- averageRating (CONTRACTOR only): the mean rating of those completed that were rated.

A row appears for each key with an order counted in any figure (orders without a contractor
share the row with key None), and for every day of the period. Two statements at most,
whatever the data: the company's time zone (DAY only) and the report itself
(resolvers/report_sql.py). Who sees which orders: `permissions.dashboard.visible_report_orders`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from tortoise import connections
from tortoise.expressions import Q

from compat.tortoise import cached_values
from domain.errors import invalid
from models import Company
from permissions.actor import Actor
from permissions.dashboard import check_may_see_dashboard, visible_report_orders
from resolvers import validation
from resolvers.report_sql import Grouping, Period, counted, report_statement

MAX_DAYS = 366
NO_CONTRACTOR = "No contractor"


class ReportGrouping(StrEnum):
    CONTRACTOR = "CONTRACTOR"
    CLIENT = "CLIENT"
    RESPONSIBLE = "RESPONSIBLE"
    DAY = "DAY"


GROUPINGS = {
    ReportGrouping.CONTRACTOR: Grouping("contractor_id", "contact"),
    ReportGrouping.CLIENT: Grouping("client_id", "contact"),
    ReportGrouping.RESPONSIBLE: Grouping("responsible_id", "membership"),
    ReportGrouping.DAY: Grouping(None, None),
}


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One row: `key` is the contact's or member's pk (None by DAY and for no contractor)."""

    key: int | None
    label: str
    created: int = 0
    completed: int = 0
    completed_on_time: int = 0
    overdue: int = 0
    cancelled: int = 0
    average_completion_hours: float | None = None
    average_rating: float | None = None


async def company_timezone(actor: Actor) -> str:
    """The time zone the company's days are counted in (the dashboard's too)."""
    rows = await cached_values(Company, Q(id=actor.company_id), ("timezone",), limit=1)
    return str(rows[0]["timezone"])


def check_period(start: datetime, end: datetime, now: datetime) -> tuple[datetime, datetime]:
    start = validation.instant(start, now, "from", latest=validation.RANGE_END)
    end = validation.instant(end, now, "to", latest=validation.RANGE_END)
    if start >= end:
        raise invalid("The period must end after it starts", "to")
    return start, end


def company_days(start: datetime, end: datetime, timezone: str) -> list[tuple[date, Period]]:
    """The calendar days in `timezone` that [start, end) touches, each cut to it.

    Days end at the next local midnight, so a day with a daylight-saving change has its 23 or
    25 hours.
    """
    zone = ZoneInfo(timezone)
    day = start.astimezone(zone).date()
    days: list[tuple[date, Period]] = []
    while True:
        day_start = datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
        if day_start >= end:
            return days
        if len(days) == MAX_DAYS:
            raise invalid(f"A report by day covers at most {MAX_DAYS} days", "to")
        day_end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
        days.append((day, Period(max(day_start, start), min(day_end, end), None)))
        day += timedelta(days=1)


def _judged(period: Period, now: datetime) -> Period:
    """The period with the instant at which its open work is judged late."""
    open_end = min(period.ends, now) if now > period.starts else None
    return Period(period.starts, period.ends, open_end)


def _average(value: float | Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


async def order_report(
    actor: Actor,
    start: datetime,
    end: datetime,
    grouping: ReportGrouping,
    now: datetime,
    timezone: str | None = None,
) -> list[ReportRow]:
    """The report's rows: by label (no contractor last), or by day (FORBIDDEN for portal
    members, INVALID for a period that ends before it starts). `timezone`: the company's,
    when the caller has read it already."""
    check_may_see_dashboard(actor)
    start, end = check_period(start, end, now)
    days: list[date] = []
    if grouping is ReportGrouping.DAY:
        cut = company_days(start, end, timezone or await company_timezone(actor))
        days = [day for day, _ in cut]
        periods = [_judged(period, now) for _, period in cut]
    else:
        periods = [_judged(Period(start, end, None), now)]
    sql, params = report_statement(
        visible_report_orders(actor, counted(periods)),
        actor.company_id,
        periods,
        GROUPINGS[grouping],
        with_rating=grouping is ReportGrouping.CONTRACTOR,
    )
    found = await connections.get("default").execute_query_dict(sql, params)
    rows = {
        record["group_key"]: ReportRow(
            key=record["group_key"],
            label=record["label"] or (NO_CONTRACTOR if record["group_key"] is None else ""),
            created=int(record["created"]),
            completed=int(record["completed"]),
            completed_on_time=int(record["completed_on_time"]),
            overdue=int(record["overdue"]),
            cancelled=int(record["cancelled"]),
            average_completion_hours=_average(record["average_completion_hours"]),
            average_rating=_average(record["average_rating"]),
        )
        for record in found
    }
    if grouping is ReportGrouping.DAY:
        # Every day has its row, zeros for a day without work.
        return [
            replace(
                rows.get(index) or ReportRow(key=None, label=""), key=None, label=day.isoformat()
            )
            for index, day in enumerate(days)
        ]
    return sorted(
        rows.values(), key=lambda row: (row.key is None, row.label.casefold(), row.key or 0)
    )
