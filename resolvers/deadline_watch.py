"""The deadline watch: overdue and due-soon orders, overdue tasks, each told of exactly once.

Every API process runs a round every few seconds (DEADLINE_WATCH_SECONDS; 0 turns it off).
A round takes a bounded batch of each kind and claims every row with a conditional update
that copies the deadline into a column of its own, e.g. for an overdue order

    UPDATE "order" SET overdue_for = deadline
    WHERE id = X AND status IN (open) AND deadline < now
      AND (overdue_for IS NULL OR overdue_for <> deadline)

Only the process (or round) whose update changed the row goes on; on PostgreSQL a second
update of the same row waits for the first transaction and then finds nothing to change, so
several processes at once still emit once per order and deadline. Moving a deadline makes it
differ from the column again: the watch is re-armed without anyone resetting anything.

- Overdue order: one transaction per order (claim, OVERDUE event via resolvers.events.record,
  whose notifications go to the executor and the client), then the events are published.
- Due soon (DEADLINE_SOON_MINUTES before, default 120): no event kind exists for it, so one
  transaction per batch claims the orders and writes ORDER_DEADLINE_SOON notifications.
- Overdue task: one transaction per batch, TASK_OVERDUE to the assignee.
Claims in a batch go in id order, so two rounds lock rows in the same order (no deadlock).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from prometheus_client import Counter
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from config.settings import Settings
from models import (
    CLOSED_STATUSES,
    Notification,
    NotificationKind,
    Order,
    OrderEvent,
    OrderEventKind,
    OrderStatus,
    Task,
    TaskStatus,
)
from realtime.notifications import publish_notifications
from realtime.outbox import publish
from resolvers import escalation, events, notifications

log = logging.getLogger("servicedesk.deadlines")

BATCH = 100
OPEN_ORDER = [s for s in OrderStatus if s not in CLOSED_STATUSES]


DEADLINE_WATCH_RUNS = Counter(
    "servicedesk_deadline_watch_runs",
    "Rounds of the deadline watch, by outcome (ok, failed).",
    ["outcome"],
)
DEADLINE_WATCH_CLAIMS = Counter(
    "servicedesk_deadline_watch_claims",
    "Deadlines told of by this process's watch: overdue_order, due_soon_order, overdue_task.",
    ["kind"],
)


@dataclass(frozen=True, slots=True)
class WatchRound:
    overdue_orders: int  # orders this round claimed (and emitted OVERDUE for)
    due_soon_orders: int
    overdue_tasks: int
    more: bool  # some batch was full: there may be more waiting right now


def _unclaimed(column: str) -> Q:
    """The deadline has not been told of yet (never, or an earlier deadline was)."""
    never: dict[str, Any] = {f"{column}__isnull": True}
    other: dict[str, Any] = {column: F("deadline")}
    return Q(**never) | ~Q(**other)


def _overdue_orders(now: datetime) -> Q:
    return Q(status__in=OPEN_ORDER, deadline__lt=now) & _unclaimed("overdue_for")


def _due_soon_orders(now: datetime, soon: timedelta) -> Q:
    window = Q(status__in=OPEN_ORDER, deadline__gte=now, deadline__lt=now + soon)
    return window & _unclaimed("due_soon_for")


def _overdue_tasks(now: datetime) -> Q:
    return Q(status=TaskStatus.OPEN, deadline__lt=now) & _unclaimed("overdue_for")


async def watch_once(
    now: datetime,
    soon: timedelta,
    batch: int = BATCH,
    companies: Sequence[int] | None = None,
) -> WatchRound:
    """One round of the watch at `now`. Tests pass a clock of their own, and `companies` to
    leave alone the other tests' companies that share their database."""
    scope = Q() if companies is None else Q(company_id__in=list(companies))
    try:
        overdue, full_overdue = await _emit_overdue_orders(_overdue_orders(now) & scope, batch)
        due_soon, full_soon = await _emit_due_soon(_due_soon_orders(now, soon) & scope, batch)
        tasks, full_tasks = await _emit_overdue_tasks(_overdue_tasks(now) & scope, batch)
        await escalation.escalate(now, batch, companies)  # resolvers/escalation.py
    except Exception:
        DEADLINE_WATCH_RUNS.labels("failed").inc()
        raise
    DEADLINE_WATCH_RUNS.labels("ok").inc()
    for kind, count in (
        ("overdue_order", overdue),
        ("due_soon_order", due_soon),
        ("overdue_task", tasks),
    ):
        DEADLINE_WATCH_CLAIMS.labels(kind).inc(count)
    return WatchRound(overdue, due_soon, tasks, full_overdue or full_soon or full_tasks)


async def _emit_overdue_orders(due: Q, batch: int) -> tuple[int, bool]:
    candidates = await Order.filter(due).order_by("deadline", "id").limit(batch).values("id")
    emitted: list[OrderEvent] = []
    for order_id in sorted(row["id"] for row in candidates):
        async with in_transaction():
            claimed = await Order.filter(due, id=order_id).update(overdue_for=F("deadline"))
            if not claimed:
                continue
            order = await Order.get(id=order_id)  # as claimed, under the row's lock
            emitted.append(await events.record(order, OrderEventKind.OVERDUE, None))
    await publish(emitted)
    return len(emitted), len(candidates) == batch


async def _emit_due_soon(due: Q, batch: int) -> tuple[int, bool]:
    candidates = await Order.filter(due).order_by("deadline", "id").limit(batch).values("id")
    if not candidates:
        return 0, False
    claimed: list[int] = []
    async with in_transaction():
        for order_id in sorted(row["id"] for row in candidates):
            if await Order.filter(due, id=order_id).update(due_soon_for=F("deadline")):
                claimed.append(order_id)
        if claimed:
            orders = await Order.filter(id__in=claimed).order_by("id")
            await notifications.notify_deadline(NotificationKind.ORDER_DEADLINE_SOON, orders)
    if claimed:
        await publish_notifications(
            Notification.filter(order_id__in=claimed, kind=NotificationKind.ORDER_DEADLINE_SOON)
        )
    return len(claimed), len(candidates) == batch


async def _emit_overdue_tasks(due: Q, batch: int) -> tuple[int, bool]:
    candidates = await Task.filter(due).order_by("deadline", "id").limit(batch).values("id")
    if not candidates:
        return 0, False
    claimed: list[int] = []
    async with in_transaction():
        for task_id in sorted(row["id"] for row in candidates):
            if await Task.filter(due, id=task_id).update(overdue_for=F("deadline")):
                claimed.append(task_id)
        if claimed:
            tasks = await Task.filter(id__in=claimed).order_by("id")
            await notifications.notify_tasks_overdue(tasks)
    if claimed:
        await publish_notifications(
            Notification.filter(task_id__in=claimed, kind=NotificationKind.TASK_OVERDUE)
        )
    return len(claimed), len(candidates) == batch


async def run_deadline_watch(settings: Settings) -> None:
    """The background loop of every process; a full batch goes straight on to the next."""
    if settings.deadline_watch_seconds <= 0:
        return
    soon = timedelta(minutes=settings.deadline_soon_minutes)
    while True:
        more = False
        try:
            more = (await watch_once(datetime.now(UTC), soon)).more
        except asyncio.CancelledError:
            raise
        except Exception:  # the database may be away for a moment; try next round
            log.exception("deadline watch round failed; retrying")
        if not more:
            await asyncio.sleep(settings.deadline_watch_seconds)
