"""The dashboard: live figures of the caller's orders and tasks, counted in SQL.

Four statements whatever the data size: the company's time zone, one aggregate over the
orders in scope, one over the tasks in scope (each figure is a `COUNT(CASE WHEN ...)`) and
the conversations' count; each built once per shape of actor (resolvers/scoped_queries.py),
which was about 70% of the resolver's time (py-spy, wrk, 2 companies).
Who sees which rows is `permissions.dashboard.visible_dashboard_scope`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import CountQuery, ValuesQuery

from compat.tortoise import Value
from models import (
    CLOSED_STATUSES,
    ConversationStatus,
    MessageDirection,
    OrderStatus,
    TaskStatus,
)
from permissions.actor import Actor
from permissions.conversations import visible_conversations
from permissions.dashboard import check_may_see_dashboard, visible_dashboard_scope
from resolvers.reports import company_timezone
from resolvers.scoped_queries import scoped_rows
from resolvers.tasks import overdue_filter

OPEN_ORDER_STATUSES = tuple(status for status in OrderStatus if status not in CLOSED_STATUSES)


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    open_orders: int
    overdue_orders: int
    due_today: int
    created_today: int
    completed_today: int
    open_tasks: int
    overdue_tasks: int
    unanswered_conversations: int


def day_bounds(now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """The company's calendar day holding `now`, as [start, end) instants in UTC.

    The end is the next local midnight, not start + 24 h, so a day with a daylight-saving
    change has its 23 or 25 hours.
    """
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=1), time(), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _in(field: str, start: datetime, end: datetime) -> Q:
    bounds: dict[str, Any] = {f"{field}__gte": start, f"{field}__lt": end}
    return Q(**bounds)


async def dashboard(actor: Actor, now: datetime) -> DashboardFigures:
    """The figures of the actor's dashboard at `now` (FORBIDDEN for portal members).

    - openOrders: NEW, ASSIGNED or IN_PROGRESS.
    - overdueOrders: open, deadline before `now` (the `overdue` of an order).
    - dueToday: open, deadline within today in the company's time zone, passed or not.
    - createdToday / completedToday: created / completed (`completed_at`, which leaving DONE
      clears) within today in the company's time zone.
    - openTasks / overdueTasks: OPEN tasks, and those of them past their deadline.
    - unansweredConversations: OPEN conversations the actor sees (permissions.conversations)
      whose last message is the other side's.
    """
    check_may_see_dashboard(actor)
    start, end = day_bounds(now, await company_timezone(actor))
    found = await scoped_rows("dashboard.orders", actor, (now, start, end), _order_figures)
    tasks = await scoped_rows("dashboard.tasks", actor, (now,), _task_figures)
    unanswered = await scoped_rows("dashboard.conversations", actor, (), _unanswered)
    return DashboardFigures(
        **{name: int(value or 0) for name, value in (found[0] | tasks[0]).items()},
        unanswered_conversations=int(next(iter(unanswered[0].values()))),
    )


def _order_figures(actor: Actor, values: Sequence[Value]) -> ValuesQuery[Any]:
    now, start, end = (_instant(value) for value in values)
    is_open = Q(status__in=OPEN_ORDER_STATUSES)
    # Only the rows some figure counts (open, or created or completed today: each an index
    # range), not two years of closed work; every figure stays the same.
    counted = is_open | _in("created_at", start, end) | _in("completed_at", start, end)
    scope = visible_dashboard_scope(actor, counted, few_needed=True)
    return scope.orders.annotate(
        open_orders=Count("id", _filter=is_open),
        overdue_orders=Count("id", _filter=is_open & Q(deadline__lt=now)),
        due_today=Count("id", _filter=is_open & _in("deadline", start, end)),
        created_today=Count("id", _filter=_in("created_at", start, end)),
        completed_today=Count("id", _filter=_in("completed_at", start, end)),
    ).values("open_orders", "overdue_orders", "due_today", "created_today", "completed_today")


def _task_figures(actor: Actor, values: Sequence[Value]) -> ValuesQuery[Any]:
    now = _instant(values[0])
    scope = visible_dashboard_scope(actor, tasks_needed=Q(status=TaskStatus.OPEN))
    return scope.tasks.annotate(
        open_tasks=Count("id", _filter=Q(status=TaskStatus.OPEN)),
        overdue_tasks=Count("id", _filter=overdue_filter(now)),
    ).values("open_tasks", "overdue_tasks")


def _unanswered(actor: Actor, values: Sequence[Value]) -> CountQuery:
    return (
        visible_conversations(actor)
        .filter(status=ConversationStatus.OPEN, last_direction=MessageDirection.INBOUND)
        .count()
    )


def _instant(value: Value) -> datetime:
    assert isinstance(value, datetime)
    return value
