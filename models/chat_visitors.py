"""Website chat visitors: where each chat came from, and until when its company blocks it.

One row per chat, written by startChat (resolvers/webchat.py). `address` is a keyed hash of
the client address (IPv6 by its /64, permissions/webchat.py), never the address itself; staff
blocking the visitor (blockChatVisitor) set `blocked_until`, and startChat refuses that
address, and the browser that still holds the chat's token, until then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.conversations import Conversation
    from models.people import Company


class ChatVisitor(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="chat_visitors", on_delete=fields.CASCADE
    )
    conversation: fields.OneToOneRelation[Conversation] = fields.OneToOneField(
        "models.Conversation", related_name="chat_visitor", on_delete=fields.CASCADE
    )
    address = fields.CharField(max_length=64, null=True)
    blocked_until = fields.DatetimeField(null=True)

    company_id: int
    conversation_id: int

    class Meta:
        table = "chat_visitor"
        indexes = (("company", "address"),)
