"""Who sees which internal tasks and who may complete, acknowledge, edit or cancel them.

Tasks are staff business: portal members (CLIENT, CONTRACTOR) see none and may do nothing
with them. A staff member sees the tasks assigned to it or to anyone below it in the org
tree, and the tasks it created; the OWNER sees the whole company's.
"""

from __future__ import annotations

from tortoise.expressions import F, Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import DomainError, ErrorCode, forbidden, not_found
from models import Membership, Role, Task
from permissions.actor import STAFF_ROLES, Actor
from permissions.lookup import visible_row
from permissions.members import (
    NO_ROW,
    access_subtree_member_by_id,
    check_staff,
    visible_team_members,
)
from permissions.subtree import visible_subtree


def visible_task_filter(actor: Actor) -> Q:
    company = Q(company_id=actor.company_id)
    if actor.role == Role.OWNER:
        return company
    if actor.role == Role.STAFF:
        return company & (
            visible_subtree(actor, via="assignee") | Q(creator_id=actor.membership_id)
        )
    return company & Q(id=NO_ROW)


def visible_tasks(actor: Actor) -> QuerySet[Task]:
    return Task.filter(visible_task_filter(actor))


def visible_team_tasks(actor: Actor) -> QuerySet[Task]:
    """The TEAM scope: visible tasks assigned to the actor or anyone below it (not those it
    merely created for someone who has since moved out of its subtree)."""
    return visible_tasks(actor).filter(visible_subtree(actor, via="assignee"))


def listed_team_tasks(actor: Actor) -> QuerySet[Task]:
    """`visible_team_tasks` written for a page by deadline: the same rows (test_tasks.py's
    scope matrix reads the TEAM scope through it).

    A STAFF member's team is `assignee_id + 0 IN (the team)`, as `listed_orders` writes the
    orders' one, so PostgreSQL walks the company's (deadline, id) index to the page's end.
    Joined to the assignee's path it gathered the team's every task instead, intersecting
    each member's with the company's: at 100 companies a head of 7 waited 1.9 ms a page,
    now 0.1 ms. A member alone in its team pays the walk past others' tasks (0.3 -> 0.4 ms),
    which is why the lists without a scope (its own and those it created) keep the join.
    """
    if actor.role != Role.STAFF:
        return visible_team_tasks(actor)
    team = Subquery(visible_team_members(actor).values("id"))
    return (
        Task.filter(company_id=actor.company_id)
        .annotate(assignee_of_team=F("assignee_id") + 0)
        .filter(assignee_of_team__in=team)
    )


def listed_announcement_audience(actor: Actor, direct_reports_only: bool) -> QuerySet[Membership]:
    """Who an announcement goes to: the active staff reporting to the actor directly, or its
    whole subtree; never the announcer itself, a leaver, nor a portal member."""
    check_staff(actor)
    members = Membership.filter(
        company_id=actor.company_id, role__in=STAFF_ROLES, active=True
    ).exclude(id=actor.membership_id)
    if direct_reports_only:
        return members.filter(manager_id=actor.membership_id)
    return members.filter(visible_subtree(actor))


async def access_task_by_id(
    actor: Actor, task_id: int | None, field: list[str] | None = None
) -> Task:
    task = await visible_row(Task, visible_task_filter(actor), task_id)
    if task is None:
        raise not_found("Task", field)
    return task


def check_complete(actor: Actor, task: Task, assignee_path: str) -> None:
    """Who may complete a visible task: its assignee, its creator, or anyone above the assignee.

    Those are exactly the staff who see it, so for them the check never refuses; it is
    written out so that a wider `visible_tasks` could not silently widen who completes.
    An announcement is not completed by anyone: its assignee acknowledges it.
    """
    check_staff(actor)
    if task.requires_acknowledgement:
        raise DomainError(
            ErrorCode.INVALID, "An announcement is acknowledged by its assignee, not completed"
        )
    if actor.membership_id not in (task.assignee_id, task.creator_id) and not (
        actor.is_above_or_self(assignee_path)
    ):
        raise forbidden("Only the assignee, the creator or their managers may complete a task")


def check_acknowledge(actor: Actor, task: Task) -> None:
    """Only the assignee confirms having read an announcement (its managers only see it)."""
    check_staff(actor)
    if task.assignee_id != actor.membership_id:
        raise forbidden("Only the assignee may acknowledge a task")
    if not task.requires_acknowledgement:
        raise DomainError(ErrorCode.INVALID, "This task needs completing, not acknowledging")


async def access_assignee_by_id(
    actor: Actor, member_id: int | None, field: list[str] | None = None
) -> Membership:
    """Whom the actor may give a task today: an active staff member at or below it (a leaver
    keeps its row and history, so it is found, and refused by name: the subtree rule's own
    `check_active`)."""
    return await access_subtree_member_by_id(actor, member_id, field=field)


def check_may_edit_task(actor: Actor, task: Task, assignee_path: str) -> None:
    """Who may change or cancel a visible task: its creator, or a manager above its assignee.

    The assignee itself sees its task but may not move its own deadline: FORBIDDEN.
    """
    check_staff(actor)
    is_creator = task.creator_id == actor.membership_id
    above = task.assignee_id != actor.membership_id and actor.is_above_or_self(assignee_path)
    if not (is_creator or above):
        raise forbidden("Only the task's creator or a manager above its assignee may change it")


def check_may_cancel_task(actor: Actor, task: Task, assignee_path: str) -> None:
    """As editing; an announcement's tasks are cancelled all together, so only by the one
    who announced it or the OWNER (a manager would reach members outside its subtree)."""
    check_may_edit_task(actor, task, assignee_path)
    if task.requires_acknowledgement and not (
        actor.is_owner or task.creator_id == actor.membership_id
    ):
        raise forbidden("Only the announcer or the company's owner may cancel an announcement")
