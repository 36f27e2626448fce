"""Types of internal tasks, announcements and templates."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

import models
from resolvers import task_edits, tasks, templates
from schema.connection import Connection
from schema.context import Info
from schema.errors import UserError
from schema.executor import context_only
from schema.ids import decode_optional_id, to_global_id
from schema.node import Node
from schema.orders import Order, load_visible_order
from schema.people import Member, load_member

TaskStatus = models.TaskStatus
TemplateKind = models.TemplateKind
strawberry.enum(TaskStatus, name="TaskStatus")
strawberry.enum(TemplateKind, name="TemplateKind")


@strawberry.enum
class TaskScope(Enum):
    MINE = strawberry.enum_value("MINE", description="Assigned to me.")
    TEAM = strawberry.enum_value("TEAM", description="Assigned to me or anyone below me.")
    CREATED = strawberry.enum_value("CREATED", description="Created by me.")


@strawberry.enum
class Audience(Enum):
    DIRECT_REPORTS = "DIRECT_REPORTS"
    SUBTREE = strawberry.enum_value("SUBTREE", description="Everyone below me in the org tree.")


@strawberry.type
class Task(Node):
    title: str
    description: str
    status: TaskStatus
    deadline: datetime
    requires_acknowledgement: bool = strawberry.field(
        description="An announcement: the assignee only has to confirm having read it."
    )
    acknowledged_at: datetime | None
    created_at: datetime
    completed_at: datetime | None
    assignee_id: strawberry.Private[int]
    creator_id: strawberry.Private[int]
    order_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: models.Task) -> Task:
        return cls(
            id=strawberry.ID(to_global_id("Task", row.id)),
            title=row.title,
            description=row.description,
            status=row.status,
            deadline=row.deadline,
            requires_acknowledgement=row.requires_acknowledgement,
            acknowledged_at=row.acknowledged_at,
            created_at=row.created_at,
            completed_at=row.completed_at,
            assignee_id=row.assignee_id,
            creator_id=row.creator_id,
            order_id=row.order_id,
        )

    @strawberry.field
    @context_only
    def overdue(self, info: Info) -> bool:
        return tasks.is_overdue(self.status, self.deadline, info.context.now)

    @strawberry.field
    async def assignee(self, info: Info) -> Member:
        member = await load_member(info, self.assignee_id)
        assert member is not None, "a task always has its assignee"
        return member

    @strawberry.field
    async def creator(self, info: Info) -> Member:
        member = await load_member(info, self.creator_id)
        assert member is not None, "a task always has its creator"
        return member

    @strawberry.field
    async def order(self, info: Info) -> Order | None:
        """Null also when the caller may not see the order (a task outlives such a change)."""
        return await load_visible_order(info, self.order_id)


TaskConnection = Connection[Task]


@strawberry.type
class Template(Node):
    kind: TemplateKind
    name: str
    title: str
    description: str
    deadline_in_hours: int = strawberry.field(
        description="The deadline an order or task made from this template gets: "
        "now + this many hours."
    )
    shared_with_all: bool
    pk: strawberry.Private[int]
    owner_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: models.Template) -> Template:
        return cls(
            id=strawberry.ID(to_global_id("Template", row.id)),
            kind=row.kind,
            name=row.name,
            title=row.title,
            description=row.description,
            deadline_in_hours=row.deadline_in_hours,
            shared_with_all=row.shared_with_all,
            pk=row.id,
            owner_id=row.owner_id,
        )

    @strawberry.field
    async def owner(self, info: Info) -> Member:
        member = await load_member(info, self.owner_id)
        assert member is not None, "a template always has its owner"
        return member

    @strawberry.field
    async def shared_with(self, info: Info) -> list[Member]:
        rows = await info.context.loaders.template_shared_with.load(self.pk)
        return [Member.of(row) for row in rows]


@strawberry.input
class CreateTaskInput:
    title: str | None = None
    description: str | None = None
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="Defaults to the creator."
    )
    deadline: datetime | None = None
    order_id: strawberry.ID | None = None
    template_id: strawberry.ID | None = None

    def data(self) -> tasks.TaskData:
        return tasks.TaskData(
            title=self.title,
            description=self.description,
            assignee_id=decode_optional_id(self.assignee_id, "Member"),
            deadline=self.deadline,
            order_id=decode_optional_id(self.order_id, "Order"),
            template_id=decode_optional_id(self.template_id, "Template"),
        )


@strawberry.input
class UpdateTaskInput:
    title: str | None = None
    description: str | None = None
    deadline: datetime | None = None
    assignee_id: strawberry.ID | None = None

    def data(self) -> task_edits.TaskChanges:
        return task_edits.TaskChanges(
            title=self.title,
            description=self.description,
            deadline=self.deadline,
            assignee_id=decode_optional_id(self.assignee_id, "Member"),
        )


@strawberry.input
class AnnounceInput:
    title: str
    description: str
    deadline: datetime
    audience: Audience


@strawberry.input
class TaskFilter:
    scope: TaskScope | None = None
    status: list[TaskStatus] | None = None
    overdue: bool | None = None

    def data(self) -> tasks.TaskFilter:
        return tasks.TaskFilter(
            scope=None if self.scope is None else tasks.TaskScope(self.scope.name),
            statuses=self.status,
            overdue=self.overdue,
        )


@strawberry.input
class TemplateInput:
    kind: TemplateKind
    name: str
    title: str
    description: str
    deadline_in_hours: int

    def data(self) -> templates.TemplateData:
        return templates.TemplateData(
            self.kind, self.name, self.title, self.description, self.deadline_in_hours
        )


@strawberry.type
class TaskPayload:
    task: Task | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AnnouncePayload:
    tasks: list[Task] = strawberry.field(default_factory=list)
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TemplatePayload:
    template: Template | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
