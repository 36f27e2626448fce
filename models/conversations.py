"""The staff inbox: conversations with people who wrote on a channel, and their messages.

A conversation is found again by its channel's thread key (`external_key`: a Telegram chat,
a chat visitor, the address an e-mail came from) or, for e-mail, by the Message-IDs its
messages carry (`Message.external_id`). Outbound messages are their own delivery queue
(channels/delivery.py): a sender claims a row with a conditional update of `attempts` and
`claimed_until`, a failure sets `next_attempt_at` (backoff) and `last_error`, and
`delivery_status` says PENDING, SENT or FAILED (given up) to the people in the inbox.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model
from models.orders import Channel

if TYPE_CHECKING:
    from models.contacts import Contact
    from models.orders import Order
    from models.people import Company, Membership


class ConversationStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class MessageDirection(StrEnum):
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class Conversation(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="conversations", on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(Channel, max_length=16)
    status = fields.CharEnumField(
        ConversationStatus, max_length=16, default=ConversationStatus.OPEN
    )
    subject = fields.CharField(max_length=300, null=True)
    # The other side on its channel: where replies go (an address, a chat id, a visitor).
    external_key = fields.CharField(max_length=300)
    external_name = fields.CharField(max_length=300, null=True)
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="conversations", null=True, on_delete=fields.SET_NULL
    )
    assignee: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="conversations", null=True, on_delete=fields.SET_NULL
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="conversations", null=True, on_delete=fields.SET_NULL
    )
    first_inbound_at = fields.DatetimeField(null=True)
    first_response_at = fields.DatetimeField(null=True)
    last_message_at = fields.DatetimeField()
    # The direction of the last message: INBOUND means it waits for an answer.
    last_direction = fields.CharEnumField(MessageDirection, max_length=16)
    # CONVERSATION_UNANSWERED: the inbound message time it is about (a newer one re-arms it)
    # and how many people were told (the assignee or owner, then managers up).
    unanswered_for = fields.DatetimeField(null=True)
    unanswered_level = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    contact_id: int | None
    assignee_id: int | None
    order_id: int | None

    class Meta:
        table = "conversation"
        indexes = (
            ("company", "last_message_at"),
            ("company", "channel", "external_key"),
            ("order",),  # deleting an order sets it to null
        )


class Message(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="messages", on_delete=fields.CASCADE
    )
    conversation: fields.ForeignKeyRelation[Conversation] = fields.ForeignKeyField(
        "models.Conversation", related_name="messages", on_delete=fields.CASCADE
    )
    direction = fields.CharEnumField(MessageDirection, max_length=16)
    body = fields.TextField()
    author: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="messages", null=True, on_delete=fields.SET_NULL
    )
    # The channel's id of the message: an e-mail's Message-ID, a Telegram message id.
    external_id = fields.CharField(max_length=300, null=True)
    # The caller's key of a reply: the same key again returns the message already written.
    client_key = fields.CharField(max_length=100, null=True)
    delivery_status = fields.CharEnumField(
        DeliveryStatus, max_length=16, default=DeliveryStatus.SENT
    )
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    conversation_id: int
    author_id: int | None

    class Meta:
        table = "message"
        unique_together = (("conversation", "client_key"),)
        indexes = (
            ("conversation", "created_at"),
            ("company", "external_id"),
            ("delivery_status", "next_attempt_at"),
        )


class MessageAttachment(Model):
    """A file that came with an inbound message, kept in the attachment store under a
    random key (media/attachments.py); the sender's file name is only shown."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="message_attachments", on_delete=fields.CASCADE
    )
    message: fields.ForeignKeyRelation[Message] = fields.ForeignKeyField(
        "models.Message", related_name="attachments", on_delete=fields.CASCADE
    )
    file_name = fields.CharField(max_length=200)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    storage_key = fields.CharField(max_length=100, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    message_id: int

    class Meta:
        table = "message_attachment"
