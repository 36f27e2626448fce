"""Companies, logins, memberships (the org tree), invitations and sessions."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.contacts import Contact


class Role(StrEnum):
    OWNER = "OWNER"
    STAFF = "STAFF"
    CLIENT = "CLIENT"
    CONTRACTOR = "CONTRACTOR"


class Company(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    timezone = fields.CharField(max_length=64, default="UTC")
    # Language of the messages the service writes for the company's people ("ru", "en").
    locale = fields.CharField(max_length=8, default="en")
    # [{"weekday": 1..7, "start": "HH:MM[:SS]", "end": "HH:MM[:SS]"}], local to `timezone`;
    # empty = always working (escalations and reminders wait for these hours).
    working_hours: list[dict[str, int | str]] = fields.JSONField(default=list)
    # Escalation settings; null = that escalation (or reminder) is off.
    overdue_escalation_minutes = fields.IntField(null=True)
    unanswered_escalation_minutes = fields.IntField(null=True)
    visit_reminder_hours = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "company"


class User(Model):
    """A login: one e-mail and password, shared by all of a person's memberships."""

    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "user_login"


class Membership(Model):
    """A person in one company; `path` is the materialised org-tree path, e.g. `/1/7/42/`."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="memberships", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16)
    name = fields.CharField(max_length=200)
    title = fields.CharField(max_length=200, null=True)
    manager: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="reports", null=True, on_delete=fields.RESTRICT
    )
    path = fields.CharField(max_length=1000, db_index=True)
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="portal_members", null=True, on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)
    # [{"kind": NotificationKind, "channels": [DeliveryChannel]}] chosen by the member itself;
    # null or a kind not listed keeps the default; an empty channel list = that kind not sent.
    notification_preferences: list[dict[str, object]] | None = fields.JSONField(null=True)
    # Language of the messages to this member; null = its contact's, then the company's.
    locale = fields.CharField(max_length=8, null=True)
    # The Telegram chat tied to this member through a createTelegramLink deep link.
    telegram_chat_id = fields.BigIntField(null=True)
    # False once deactivated (a leaver): no login, no token, no socket; history stays.
    active = fields.BooleanField(default=True)
    deactivated_at = fields.DatetimeField(null=True)

    company_id: int
    user_id: int
    manager_id: int | None
    contact_id: int | None

    class Meta:
        table = "membership"
        unique_together = (("company", "user"),)
        indexes = (("manager",), ("contact",))


class Invitation(Model):
    """An e-mailed link to join a company; the token is stored hashed and works once."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="invitations", on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254)
    role = fields.CharEnumField(Role, max_length=16)
    name = fields.CharField(max_length=200, null=True)
    title = fields.CharField(max_length=200, null=True)
    invited_by: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="invitations_sent", on_delete=fields.CASCADE
    )
    manager: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="invitations_managed", null=True, on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="invitations", null=True, on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)

    company_id: int
    invited_by_id: int
    manager_id: int | None
    contact_id: int | None

    class Meta:
        table = "invitation"


class PasswordReset(Model):
    """A mailed one-hour link to set a login's password; the token is stored hashed, works once."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="password_resets", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "password_reset"
        indexes = (("user", "created_at"),)


class Session(Model):
    """A refresh-token family: one login on one device; revoking it ends every token of it."""

    id = fields.UUIDField(primary_key=True)
    membership: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    membership_id: int

    class Meta:
        table = "session"


class RefreshToken(Model):
    id = fields.IntField(primary_key=True)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    session_id: str

    class Meta:
        table = "refresh_token"
