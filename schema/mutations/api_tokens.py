"""Mutations of API tokens: issue one (shown once) and revoke one."""

from __future__ import annotations

import strawberry

from resolvers import api_tokens
from schema.api_tokens import ApiToken, ApiTokenPayload, CreateApiTokenInput
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id


@strawberry.type
class ApiTokenMutations:
    @strawberry.mutation
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> ApiTokenPayload:
        async def act() -> ApiTokenPayload:
            issued = await api_tokens.create_api_token(
                info.context.require_actor(),
                input.name,
                decode_optional_id(input.member_id, "Member"),
                input.read_only,
                input.expires_at,
                info.context.now,
            )
            return ApiTokenPayload(api_token=ApiToken.of(issued.row), token=issued.token)

        return await payload_of(ApiTokenPayload, act)

    @strawberry.mutation(
        description="The token stops working at once: requests are refused and its open "
        "WebSockets close with 4403."
    )
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenPayload:
        async def act() -> ApiTokenPayload:
            row = await api_tokens.revoke_api_token(
                info.context.require_actor(), decode_id(id, "ApiToken"), info.context.now
            )
            return ApiTokenPayload(api_token=ApiToken.of(row))

        return await payload_of(ApiTokenPayload, act)
