"""The website chat's own rows: chat starts, counted per client address (permissions/throttle.py).

The widget's settings live with the other channels' (models/channels.py); the visitor is
its conversation (models/conversations.py), named by its signed token.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ChatStart(Model):
    """A website chat started from a client address, counted to rate-limit chat starts."""

    id = fields.IntField(primary_key=True)
    address = fields.CharField(max_length=100)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "chat_start"
        indexes = (("address", "at"),)
