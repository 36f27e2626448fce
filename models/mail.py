"""Outgoing e-mail, written in the same transaction as the change that causes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.people import Company


class OutboxEmail(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyNullableRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="outbox_emails", null=True, on_delete=fields.CASCADE
    )
    to = fields.CharField(max_length=254)
    subject = fields.CharField(max_length=300)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)
    # Delivery (servicedesk.workers.mail_sender): a sender claims a row by raising `attempts` and
    # setting `claimed_until` in one conditional update; a failed attempt sets
    # `next_attempt_at` (backoff) and `last_error`; `failed_at` once it gave up.
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    failed_at = fields.DatetimeField(null=True)

    company_id: int | None

    class Meta:
        table = "outbox_email"
        indexes = (("sent_at", "failed_at", "next_attempt_at"),)
