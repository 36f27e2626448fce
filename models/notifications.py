"""Notifications: one row per member told of something, written in the change's transaction.

`order_id`, `task_id`, `conversation_id` and `event_id` are plain numbers, not foreign keys:
a notification outlives the event row (pruned after the retention period) and says nothing
about whether its reader may still see the object (the schema checks that when it is read).
`published_at` is set once the row went out on the broadcast channel; the relay re-publishes
rows left unpublished (a Redis outage, a process that died between commit and publish).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.people import Company, Membership


class NotificationKind(StrEnum):
    ORDER_CREATED = "ORDER_CREATED"
    ORDER_ASSIGNED = "ORDER_ASSIGNED"
    ORDER_STATUS_CHANGED = "ORDER_STATUS_CHANGED"
    ORDER_COMMENTED = "ORDER_COMMENTED"
    ORDER_DEADLINE_SOON = "ORDER_DEADLINE_SOON"
    ORDER_OVERDUE = "ORDER_OVERDUE"
    TASK_ASSIGNED = "TASK_ASSIGNED"
    TASK_OVERDUE = "TASK_OVERDUE"
    MESSAGE_RECEIVED = "MESSAGE_RECEIVED"
    VISIT_REMINDER = "VISIT_REMINDER"
    ORDER_ESCALATED = "ORDER_ESCALATED"
    CONVERSATION_UNANSWERED = "CONVERSATION_UNANSWERED"
    RATING_REQUESTED = "RATING_REQUESTED"
    # A partner webhook was switched off after too many failures in a row (to the OWNER).
    WEBHOOK_DISABLED = "WEBHOOK_DISABLED"


class Notification(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="notifications", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="notifications", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    text = fields.TextField()
    order_id = fields.IntField(null=True)
    task_id = fields.IntField(null=True)
    conversation_id = fields.IntField(null=True)
    event_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    read_at = fields.DatetimeField(null=True)
    published_at = fields.DatetimeField(null=True, db_index=True)

    company_id: int
    member_id: int

    class Meta:
        table = "notification"
        indexes = (("member", "created_at"),)
