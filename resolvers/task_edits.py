"""Changing and cancelling tasks after they were made (updateTask, cancelTask).

Only an OPEN task changes: a done or cancelled one is history. Every write is conditional on
the task still being OPEN, so an edit racing a completion never reopens or rewrites it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode, invalid
from models import Membership, Notification, Task, TaskStatus
from permissions.actor import Actor
from permissions.members import check_staff
from permissions.tasks import (
    access_assignee_by_id,
    access_task_by_id,
    check_may_cancel_task,
    check_may_edit_task,
)
from realtime.notifications import publish_notifications
from resolvers import notifications, validation
from resolvers.tasks import closed


@dataclass(frozen=True, slots=True)
class TaskChanges:
    """Input of updateTask; `None` leaves that field as it is."""

    title: str | None = None
    description: str | None = None
    deadline: datetime | None = None
    assignee_id: int | None = None


async def _editable(actor: Actor, task_id: int | None, cancel: bool = False) -> Task:
    """A visible task (else NOT_FOUND) the actor may edit or cancel (else FORBIDDEN)."""
    check_staff(actor)
    task = await access_task_by_id(actor, task_id, ["id"])
    assignee = await Membership.get(id=task.assignee_id)
    check = check_may_cancel_task if cancel else check_may_edit_task
    check(actor, task, assignee.path)
    return task


async def _columns(actor: Actor, task: Task, changes: TaskChanges, now: datetime) -> dict[str, Any]:
    """The validated columns that change; a new deadline re-arms the overdue watch."""
    columns: dict[str, Any] = {}
    if changes.title is not None:
        columns["title"] = validation.required_name(changes.title, 300, "input", "title")
    if changes.description is not None:
        columns["description"] = (
            validation.optional_text(changes.description, 10000, "input", "description") or ""
        )
    if changes.deadline is not None:
        deadline = validation.future_deadline(changes.deadline, now, "input", "deadline")
        if deadline != task.deadline:
            # The watch tells of each deadline once (resolvers/deadline_watch.py); cleared,
            # even a deadline moved back to one already told of is told of again.
            columns.update(deadline=deadline, overdue_for=None)
    if changes.assignee_id is not None and changes.assignee_id != task.assignee_id:
        if task.requires_acknowledgement:
            raise invalid(
                "An announcement is meant for its assignee: it cannot be re-assigned",
                "input",
                "assigneeId",
            )
        member = await access_assignee_by_id(actor, changes.assignee_id, ["input", "assigneeId"])
        columns["assignee_id"] = member.id
    return columns


async def update_task(
    actor: Actor, task_id: int | None, changes: TaskChanges, now: datetime
) -> Task:
    """Change an open task; a new assignee is told as createTask tells one."""
    task = await _editable(actor, task_id)
    if task.status != TaskStatus.OPEN:
        raise closed()
    columns = await _columns(actor, task, changes, now)
    if not columns:
        return task
    told = 0
    async with in_transaction():
        if not await Task.filter(id=task.id, status=TaskStatus.OPEN).update(**columns):
            raise closed()
        for name, value in columns.items():
            setattr(task, name, value)
        if "assignee_id" in columns:
            told = await notifications.on_tasks_assigned([task])
    if told:
        await publish_notifications(Notification.filter(task_id=task.id))
    return task


async def cancel_task(actor: Actor, task_id: int | None) -> Task:
    """CANCELLED, with every other open task of its announcement in the same UPDATE.

    A done task stays done (CONFLICT); a cancelled one is returned as it is.
    """
    task = await _editable(actor, task_id, cancel=True)
    if task.status == TaskStatus.CANCELLED:
        return task
    if task.status == TaskStatus.DONE:
        raise _done()
    together = (
        Task.filter(id=task.id)
        if task.announcement is None
        else Task.filter(company_id=task.company_id, announcement=task.announcement)
    )
    async with in_transaction():
        await together.filter(status=TaskStatus.OPEN).update(status=TaskStatus.CANCELLED)
        task = await Task.get(id=task.id)
        if task.status == TaskStatus.DONE:  # completed or acknowledged meanwhile
            raise _done()
    return task


def _done() -> DomainError:
    return DomainError(ErrorCode.CONFLICT, "A done task cannot be cancelled")
