"""API token types: the token's record (never the token itself) and the issuing payload."""

from __future__ import annotations

from datetime import datetime

import strawberry

import models
from schema.context import Info
from schema.errors import UserError
from schema.ids import to_global_id
from schema.node import Node
from schema.people import Member, load_member


@strawberry.type
class ApiToken(Node):
    name: str
    read_only: bool
    created_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When the token last authenticated a request, to the minute."
    )
    expires_at: datetime | None
    revoked_at: datetime | None
    member_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: models.ApiToken) -> ApiToken:
        return cls(
            id=strawberry.ID(to_global_id("ApiToken", row.id)),
            name=row.name,
            read_only=row.read_only,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            member_id=row.member_id,
        )

    @strawberry.field(description="The member whose rights the token carries.")
    async def member(self, info: Info) -> Member:
        member = await load_member(info, self.member_id)
        assert member is not None, "a token always has its member"
        return member


@strawberry.input
class CreateApiTokenInput:
    name: str
    member_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Defaults to the caller. The OWNER may issue a token for a CONTRACTOR "
        "or CLIENT member of the company (a partner's system); nobody for another colleague.",
    )
    read_only: bool = True
    expires_at: datetime | None = None


@strawberry.type
class ApiTokenPayload:
    api_token: ApiToken | None = None
    token: str | None = strawberry.field(
        default=None, description="Shown once; sent as `Authorization: Bearer <token>`."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
