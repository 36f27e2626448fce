"""A company's channel settings (e-mail, Telegram bot, website chat) and Telegram's updates.

Passwords and the bot token are stored encrypted (permissions/channel_secrets.py: Fernet with a key
derived from SECRET_KEY), so a database dump alone does not hand out the company's mailbox
or bot; the webhook's secret token is stored as its SHA-256 only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.people import Company


class ChannelConfig(Model):
    company: fields.OneToOneRelation[Company] = fields.OneToOneField(
        "models.Company", related_name="channel_config", on_delete=fields.CASCADE, primary_key=True
    )
    # E-mail: the address clients write to (lower case), once confirmed: routed to the company
    # and the From of its replies; one company at most (the first to confirm it).
    email_address = fields.CharField(max_length=254, null=True, unique=True)
    # An address configured and waiting for its code (resolvers/email_verification.py): the
    # code's keyed hash, when it was mailed, and the wrong guesses so far.
    email_pending_address = fields.CharField(max_length=254, null=True)
    email_code_hash = fields.CharField(max_length=64, null=True)
    email_code_sent_at = fields.DatetimeField(null=True)
    email_code_attempts = fields.IntField(default=0)
    smtp_host = fields.CharField(max_length=253, null=True)
    smtp_port = fields.IntField(null=True)
    smtp_username = fields.CharField(max_length=254, null=True)
    smtp_password = fields.TextField(null=True)  # encrypted
    imap_host = fields.CharField(max_length=253, null=True)
    imap_port = fields.IntField(null=True)
    imap_username = fields.CharField(max_length=254, null=True)
    imap_password = fields.TextField(null=True)  # encrypted
    # IMAP polling: the mailbox's UIDVALIDITY and the last UID taken, and a lease per poller.
    imap_uid_validity = fields.BigIntField(null=True)
    imap_last_uid = fields.BigIntField(default=0)
    imap_claimed_until = fields.DatetimeField(null=True)
    imap_last_error = fields.CharField(max_length=500, null=True)
    # Telegram: the bot's token (encrypted), its @name, the webhook secret's SHA-256.
    telegram_token = fields.TextField(null=True)
    telegram_bot_name = fields.CharField(max_length=100, null=True)
    telegram_secret_hash = fields.CharField(max_length=64, null=True, unique=True)
    # Website chat: the widget's public key and the origins allowed to embed it.
    webchat_widget_key = fields.CharField(max_length=64, null=True, unique=True)
    webchat_allowed_origins: list[str] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    company_id: int

    class Meta:
        table = "channel_config"


class TelegramUpdate(Model):
    """An update taken from the webhook: its unique (company, update_id) drops a repeat; the
    payload is kept until processed, so an update accepted by a process that died is done by
    another (channels/telegram_inbound.py)."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="telegram_updates", on_delete=fields.CASCADE
    )
    update_id = fields.BigIntField()
    payload: dict[str, object] = fields.JSONField()
    received_at = fields.DatetimeField(auto_now_add=True)
    processed_at = fields.DatetimeField(null=True, db_index=True)

    company_id: int

    class Meta:
        table = "telegram_update"
        unique_together = (("company", "update_id"),)
