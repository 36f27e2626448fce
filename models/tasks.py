"""Internal tasks (and announcements) and the templates orders and tasks are made from."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.orders import Order
    from models.people import Company, Membership


class TaskStatus(StrEnum):
    OPEN = "OPEN"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


class TemplateKind(StrEnum):
    ORDER = "ORDER"
    TASK = "TASK"


class Task(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="tasks", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=300)
    description = fields.TextField(default="")
    status = fields.CharEnumField(TaskStatus, max_length=16, default=TaskStatus.OPEN)
    deadline = fields.DatetimeField()
    assignee: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="assigned_tasks", on_delete=fields.RESTRICT
    )
    creator: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="created_tasks", on_delete=fields.RESTRICT
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="tasks", null=True, on_delete=fields.SET_NULL
    )
    requires_acknowledgement = fields.BooleanField(default=False)
    # The tasks of one announcement share it, so that cancelling one cancels them all.
    announcement = fields.UUIDField(null=True, db_index=True)
    acknowledged_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)
    # The deadline the watch last reported overdue (resolvers/deadline_watch.py).
    overdue_for = fields.DatetimeField(null=True)

    company_id: int
    assignee_id: int
    creator_id: int
    order_id: int | None

    class Meta:
        table = "task"
        indexes = (
            ("company", "status", "deadline"),
            ("company", "deadline", "id"),
            ("assignee", "deadline"),
            ("creator", "deadline"),
            ("status", "deadline"),
            # Deleting an order sets this to null: without the index, a scan of every task.
            ("order",),
        )


class Template(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="templates", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(TemplateKind, max_length=16)
    name = fields.CharField(max_length=200)
    title = fields.CharField(max_length=300)
    description = fields.TextField(default="")
    deadline_in_hours = fields.IntField()
    owner: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="templates", on_delete=fields.CASCADE
    )
    shared_with_all = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    owner_id: int

    class Meta:
        table = "template"


class TemplateShare(Model):
    """A template shared with one member."""

    id = fields.IntField(primary_key=True)
    template: fields.ForeignKeyRelation[Template] = fields.ForeignKeyField(
        "models.Template", related_name="shares", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="template_shares", on_delete=fields.CASCADE
    )

    template_id: int
    member_id: int

    class Meta:
        table = "template_share"
        unique_together = (("template", "member"),)
