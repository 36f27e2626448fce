"""The event outbox: one row per order change, written in the change's own transaction.

`seq` numbers a company's events without gaps in commit order (its counter row stays locked
until commit), so a subscriber's cursor is a plain number and a missing event is visible.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model
from models.orders import CommentVisibility

if TYPE_CHECKING:
    from models.people import Company


class OrderEventKind(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    STATUS_CHANGED = "STATUS_CHANGED"
    ASSIGNED = "ASSIGNED"
    COMMENTED = "COMMENTED"
    PHOTO_ADDED = "PHOTO_ADDED"
    OVERDUE = "OVERDUE"


class EventCounter(Model):
    company: fields.OneToOneRelation[Company] = fields.OneToOneField(
        "models.Company", related_name="event_counter", on_delete=fields.CASCADE, primary_key=True
    )
    last_seq = fields.BigIntField(default=0)

    company_id: int

    class Meta:
        table = "event_counter"


class OrderEvent(Model):
    id = fields.BigIntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="order_events", on_delete=fields.CASCADE
    )
    seq = fields.BigIntField()
    kind = fields.CharEnumField(OrderEventKind, max_length=16)
    order_id = fields.IntField()
    actor_id = fields.IntField(null=True)
    at = fields.DatetimeField(auto_now_add=True)
    # Visibility keys as they were when the event happened; delivery checks them against the
    # receiver's rights then, not these alone.
    client_id = fields.IntField()
    contractor_id = fields.IntField(null=True)
    responsible_path = fields.CharField(max_length=1000)
    comment_id = fields.IntField(null=True)
    comment_visibility = fields.CharEnumField(CommentVisibility, max_length=16, null=True)
    published_at = fields.DatetimeField(null=True, db_index=True)

    company_id: int

    class Meta:
        table = "order_event"
        unique_together = (("company", "seq"),)
