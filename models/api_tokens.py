"""API tokens: long-lived bearer tokens for partner systems, each acting for one member.

Only the SHA-256 of the token is stored: the token is 32 random bytes, so a fast hash is as
safe as a slow one and lets every request find its row by an indexed equality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.people import Company, Membership


class ApiToken(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="api_tokens", on_delete=fields.CASCADE
    )
    # The member whose rights the token carries.
    member: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="api_tokens", on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="api_tokens_issued", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    token_hash = fields.CharField(max_length=64, unique=True)
    read_only = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    company_id: int
    member_id: int
    created_by_id: int

    class Meta:
        table = "api_token"
        indexes = (("company", "created_at"),)
