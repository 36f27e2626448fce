"""Internal tasks and announcements: creating, completing, acknowledging, listing.

Staff only. Every task has a deadline; an announcement is one acknowledgement task per
member of its audience, which each of them confirms having read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from uuid import uuid4

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode, invalid
from models import Membership, Notification, Task, TaskStatus, TemplateKind
from permissions.actor import Actor
from permissions.members import check_staff
from permissions.orders import access_order_by_id
from permissions.tasks import (
    access_assignee_by_id,
    access_task_by_id,
    check_acknowledge,
    check_complete,
    listed_announcement_audience,
    listed_team_tasks,
    visible_tasks,
)
from permissions.templates import access_template_by_id
from realtime.notifications import publish_notifications
from resolvers import notifications, validation
from resolvers.pagination import Page, paginate
from resolvers.templates import template_fill

# Rows per INSERT of an announcement: an audience of any size costs a bounded few statements.
ANNOUNCE_BATCH = 500


BY_DEADLINE = ("deadline", "id")  # the list's order, and its cursor's values


class TaskScope(StrEnum):
    MINE = "MINE"
    TEAM = "TEAM"
    CREATED = "CREATED"


class Audience(StrEnum):
    DIRECT_REPORTS = "DIRECT_REPORTS"
    SUBTREE = "SUBTREE"


@dataclass(frozen=True, slots=True)
class TaskData:
    """Input of createTask; `None` means "not given" (a template may fill it)."""

    title: str | None = None
    description: str | None = None
    assignee_id: int | None = None
    deadline: datetime | None = None
    order_id: int | None = None
    template_id: int | None = None


@dataclass(frozen=True, slots=True)
class TaskFilter:
    scope: TaskScope | None = None
    statuses: list[TaskStatus] | None = None
    overdue: bool | None = None


# `overdue` is one rule written twice, for a row in memory and as a query filter.


def is_overdue(status: TaskStatus, deadline: datetime, now: datetime) -> bool:
    return status == TaskStatus.OPEN and deadline < now


def overdue_filter(now: datetime) -> Q:
    return Q(status=TaskStatus.OPEN, deadline__lt=now)


async def create_task(actor: Actor, data: TaskData, now: datetime) -> Task:
    """A task for the creator or someone below it; a template fills what the input leaves out."""
    check_staff(actor)
    title, description, deadline = data.title, data.description, data.deadline
    if data.template_id is not None:
        template = await access_template_by_id(
            actor, data.template_id, TemplateKind.TASK, ["input", "templateId"]
        )
        fill = template_fill(template, now)
        title = fill.title if title is None else title
        description = fill.description if description is None else description
        deadline = fill.deadline if deadline is None else deadline
    fields: dict[str, Any] = {
        "title": validation.required_name(title, 300, "input", "title"),
        "description": validation.optional_text(description, 10000, "input", "description") or "",
        "deadline": validation.future_deadline(deadline, now, "input", "deadline"),
    }
    assignee = await access_assignee_by_id(
        actor,
        actor.membership_id if data.assignee_id is None else data.assignee_id,
        ["input", "assigneeId"],
    )
    order_id = None
    if data.order_id is not None:
        order_id = (await access_order_by_id(actor, data.order_id, ["input", "orderId"])).id
    async with in_transaction():
        task = await Task.create(
            company_id=actor.company_id,
            assignee_id=assignee.id,
            creator_id=actor.membership_id,
            order_id=order_id,
            **fields,
        )
        told = await notifications.on_tasks_assigned([task])
    if told:
        await publish_notifications(Notification.filter(task_id=task.id))
    return task


def closed() -> DomainError:
    return DomainError(ErrorCode.CONFLICT, "This task is already closed")


async def complete_task(actor: Actor, task_id: int | None, now: datetime) -> Task:
    check_staff(actor)
    task = await access_task_by_id(actor, task_id, ["id"])
    assignee = await Membership.get(id=task.assignee_id)
    check_complete(actor, task, assignee.path)
    claimed = await Task.filter(id=task.id, status=TaskStatus.OPEN).update(
        status=TaskStatus.DONE, completed_at=now
    )
    if not claimed:
        raise closed()
    task.status, task.completed_at = TaskStatus.DONE, now
    return task


async def acknowledge_task(actor: Actor, task_id: int | None, now: datetime) -> Task:
    """The assignee has read the announcement: that is all it asked, so the task is DONE."""
    check_staff(actor)
    task = await access_task_by_id(actor, task_id, ["id"])
    check_acknowledge(actor, task)
    claimed = await Task.filter(id=task.id, status=TaskStatus.OPEN).update(
        status=TaskStatus.DONE, acknowledged_at=now, completed_at=now
    )
    if not claimed:
        raise closed()
    task.status, task.acknowledged_at, task.completed_at = TaskStatus.DONE, now, now
    return task


async def announce(
    actor: Actor,
    title: str,
    description: str,
    deadline: datetime,
    audience: Audience,
    now: datetime,
) -> list[Task]:
    """One acknowledgement task per active staff member of the audience (never the announcer).

    Every task of the announcement carries one fresh UUID: the bulk INSERTs return no ids on
    every dialect, so the rows are read back by it, and cancelling one cancels them all.
    """
    check_staff(actor)
    fields: dict[str, Any] = {
        "title": validation.required_name(title, 300, "input", "title"),
        "description": validation.optional_text(description, 10000, "input", "description") or "",
        "deadline": validation.future_deadline(deadline, now, "input", "deadline"),
    }
    members = listed_announcement_audience(actor, audience == Audience.DIRECT_REPORTS)
    member_ids = list(await members.order_by("name", "id").values_list("id", flat=True))
    if not member_ids:
        raise invalid("No one is in this audience", "input", "audience")
    announcement, created_at = uuid4(), datetime.now(UTC)
    async with in_transaction():
        await Task.bulk_create(
            [
                Task(
                    company_id=actor.company_id,
                    assignee_id=member_id,
                    creator_id=actor.membership_id,
                    requires_acknowledgement=True,
                    announcement=announcement,
                    created_at=created_at,
                    **fields,
                )
                for member_id in member_ids
            ],
            batch_size=ANNOUNCE_BATCH,
        )
        created = list(
            await Task.filter(company_id=actor.company_id, announcement=announcement).order_by("id")
        )
        await notifications.on_tasks_assigned(created)
    await publish_notifications(Notification.filter(task_id__in=[t.id for t in created]))
    return created


async def list_tasks(
    actor: Actor, f: TaskFilter, first: int | None, after: str | None, now: datetime
) -> Page[Task]:
    """Visible tasks by deadline; the scope narrows them to the actor's own, team or created."""
    return await paginate(matching_tasks(actor, f, now), BY_DEADLINE, first, after)


def matching_tasks(actor: Actor, f: TaskFilter, now: datetime) -> QuerySet[Task]:
    """The list's rows before paging, the one definition the compiled reads build on too."""
    tasks = visible_tasks(actor)
    if f.scope == TaskScope.MINE:
        tasks = tasks.filter(assignee_id=actor.membership_id)
    elif f.scope == TaskScope.TEAM:
        tasks = listed_team_tasks(actor)
    elif f.scope == TaskScope.CREATED:
        tasks = tasks.filter(creator_id=actor.membership_id)
    if f.statuses:
        tasks = tasks.filter(status__in=f.statuses)
    if f.overdue is True:
        tasks = tasks.filter(overdue_filter(now))
    elif f.overdue is False:
        tasks = tasks.exclude(overdue_filter(now))
    return tasks
