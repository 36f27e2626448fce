"""A compiled `tasks` read (plan.py's Plan with `root_name` "tasks"), paged by deadline as
by_name.py writes it.

The rows are `resolvers.tasks.matching_tasks` itself, the ordinary resolver's one definition
of the list (the visibility rule, the scope, the statuses and `overdue`, which compares with
the request's `now`); the nodes' columns, `overdue` as `resolvers.tasks.is_overdue` decides
it, and the assignee and creator as members (visible with the task: only staff see tasks, and
staff see the company's members). A task's `order` goes the ordinary way: whether the caller
may see that order is a rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLSchema

from models import Role, Task, TaskStatus
from permissions.actor import Actor
from permissions.tasks import visible_task_filter
from resolvers.tasks import BY_DEADLINE, TaskFilter, TaskScope, matching_tasks
from schema.compiled import by_name
from schema.compiled.columns import TASK_COLUMNS, TASK_PARTIES
from schema.compiled.filters import NOW_MARK
from schema.compiled.plan import Plan
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Param,
    Params,
    Statement,
    literal,
    marker_actor,
    object_sql,
    related,
)

_FILTER_FIELDS = {"scope", "status", "overdue"}
MODEL = Task
KEYSET = by_name.by_time(BY_DEADLINE)
# (scope, the distinct statuses asked for, overdue): what the statement's text depends on.
Shape = tuple[str | None, tuple[str, ...], bool | None]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's filter as the ordinary resolver reads it."""

    scope: TaskScope | None = None
    statuses: tuple[TaskStatus, ...] = ()  # distinct, in the enum's order
    overdue: bool | None = None

    @property
    def shape(self) -> Shape:
        scope = None if self.scope is None else self.scope.value
        return (scope, tuple(s.value for s in self.statuses), self.overdue)

    def values(self) -> dict[str, Any]:
        return {}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """The filter, coerced by graphql-core as the executor coerces it; None where the executor
    answers with an error."""
    raw = by_name.filter_of(plan, schema, variables, _FILTER_FIELDS)
    if raw is None:
        return None
    scope, statuses = raw.get("scope"), raw.get("status") or []
    # An IN of the same statuses in another order or repeated finds the same rows.
    wanted = {TaskStatus(by_name.enum_text(s)) for s in statuses}
    return Criteria(
        None if scope is None else TaskScope(by_name.enum_text(scope)),
        tuple(s for s in TaskStatus if s in wanted),
        raw.get("overdue"),
    )


def build(
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller and request shape (by_name.py's), or None."""
    actor = marker_actor(role, has_contact)
    scope, statuses, overdue = shape
    f = TaskFilter(
        None if scope is None else TaskScope(scope),
        [TaskStatus(s) for s in statuses] or None,
        overdue,
    )
    rows = matching_tasks(actor, f, NOW_MARK)
    now = {(type(NOW_MARK), NOW_MARK): "now"}
    return by_name.build(plan, rows, set(), "Task", _task, actor, size, after, KEYSET, now)


def _task(node: Out, actor: Actor, params: Params) -> str:
    def overdue(out: Out) -> str:
        now = params.add(Param("now"))
        return f"(n.status = {literal(TaskStatus.OPEN.value)} AND n.deadline < {now})"

    special = {"overdue": overdue, **related(TASK_PARTIES, actor, params)}
    return object_sql(node.fields, "Task", "n", TASK_COLUMNS, actor, params, special)


NODE = by_name.NodeType("Task", Task, visible_task_filter, _task)
