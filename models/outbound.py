"""Messages to people outside the app (contacts without a login, members on their chosen
channels), the links that tie a Telegram chat to a person, and the rating links."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model
from models.conversations import DeliveryStatus
from models.notifications import NotificationKind

if TYPE_CHECKING:
    from models.contacts import Contact
    from models.people import Company, Membership


class DeliveryChannel(StrEnum):
    IN_APP = "IN_APP"
    EMAIL = "EMAIL"
    TELEGRAM = "TELEGRAM"
    SMS = "SMS"


class OutboundMessage(Model):
    """One message on one channel to one person; the queue of channels/delivery.py's kind
    (claimed, retried with backoff, FAILED with a reason). `dedupe_key` makes a message that
    several processes may decide to send (a reminder) exist once."""

    id = fields.BigIntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="outbound_messages", on_delete=fields.CASCADE
    )
    order_id = fields.IntField(null=True, db_index=True)
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="outbound_messages", null=True, on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="outbound_messages", null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=32)
    channel = fields.CharEnumField(DeliveryChannel, max_length=16)
    # The address, chat id or E.164 number; empty when there is none (then FAILED, said why).
    to = fields.CharField(max_length=300)
    subject = fields.CharField(max_length=300, null=True)
    text = fields.TextField()
    locale = fields.CharField(max_length=8)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    error = fields.CharField(max_length=500, null=True)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_until = fields.DatetimeField(null=True)
    dedupe_key = fields.CharField(max_length=200, null=True, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    company_id: int
    contact_id: int | None
    member_id: int | None

    class Meta:
        table = "outbound_message"
        indexes = (("status", "next_attempt_at"), ("company", "order_id", "id"))


class TelegramLink(Model):
    """A t.me deep link's start token (stored hashed), single use, for a contact or a member."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="telegram_links", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="telegram_links", null=True, on_delete=fields.CASCADE
    )
    member: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="telegram_links", null=True, on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    company_id: int
    contact_id: int | None
    member_id: int | None

    class Meta:
        table = "telegram_link"


class RatingLink(Model):
    """A finished order's single-use rating link for its client (PUBLIC_URL/rate/<token>)."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="rating_links", on_delete=fields.CASCADE
    )
    order_id = fields.IntField(db_index=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    company_id: int

    class Meta:
        table = "rating_link"
