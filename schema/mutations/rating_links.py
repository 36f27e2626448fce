"""Rating an order from a mailed link, without logging in (beyond the contract)."""

from __future__ import annotations

import strawberry

from resolvers import rating_links
from schema.errors import UserError, payload_of


@strawberry.type
class RateByLinkPayload:
    rated: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RatingLinkMutations:
    @strawberry.mutation(
        description="Rates the link's order (DONE, not yet rated) as its client would, 1 to 5 "
        "with optional words; the single-use link is then used up. No token needed: the "
        "link is the credential. Errors are in the client's language."
    )
    async def rate_order_by_link(
        self, token: str, rating: int, feedback: str | None = None
    ) -> RateByLinkPayload:
        async def act() -> RateByLinkPayload:
            _ = await rating_links.rate_by_link(token, rating, feedback)
            return RateByLinkPayload(rated=True)

        return await payload_of(RateByLinkPayload, act)
