"""Root query field of API tokens."""

from __future__ import annotations

import strawberry

from resolvers import api_tokens
from schema.api_tokens import ApiToken
from schema.context import Info


@strawberry.type
class ApiTokenQueries:
    @strawberry.field(
        description="The tokens the caller may manage, newest first: the OWNER's company's, "
        "those a staff member or its team issued, a portal member's own."
    )
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        rows = await api_tokens.list_api_tokens(info.context.require_actor())
        return [ApiToken.of(row) for row in rows]
