"""Partner webhooks: order events POSTed to a partner's URL, and each (webhook, event) send."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model
from models.events import OrderEventKind

if TYPE_CHECKING:
    from models.people import Company, Membership


class WebhookDeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class Webhook(Model):
    """Sends the events `member` may see, as it sees them; `last_seq` is how far the company's
    event numbers (OrderEvent.seq) have been turned into deliveries."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="webhooks", on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="webhooks", on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="webhooks_created", on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=2000)
    # OrderEventKind values sent; empty = all.
    events: list[str] = fields.JSONField(default=list)
    # The whsec_ signing secret, encrypted at rest (permissions/channel_secrets.py).
    secret = fields.TextField()
    active = fields.BooleanField(default=True)
    disabled_reason = fields.CharField(max_length=500, null=True)
    failures_in_row = fields.IntField(default=0)
    last_seq = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    member_id: int
    created_by_id: int

    class Meta:
        table = "webhook"
        indexes = (("company", "active"),)


class WebhookDelivery(Model):
    """One event for one webhook; its id is the `webhook-id` header, stable across retries.
    `claimed_until` is the lease of the process sending it (a crash lets it lapse)."""

    id = fields.BigIntField(primary_key=True)
    webhook: fields.ForeignKeyRelation[Webhook] = fields.ForeignKeyField(
        "models.Webhook", related_name="deliveries", on_delete=fields.CASCADE
    )
    company_id = fields.IntField()
    event_seq = fields.BigIntField()
    order_id = fields.IntField()
    kind = fields.CharEnumField(OrderEventKind, max_length=16)
    status = fields.CharEnumField(
        WebhookDeliveryStatus, max_length=16, default=WebhookDeliveryStatus.PENDING
    )
    attempts = fields.IntField(default=0)
    response_status = fields.IntField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    webhook_id: int

    class Meta:
        table = "webhook_delivery"
        unique_together = (("webhook", "event_seq"),)
        indexes = (
            # The sender's scan: what is due.
            ("status", "next_attempt_at"),
            # In order per order: the earliest pending of a (webhook, order).
            ("webhook", "order_id", "event_seq"),
        )
