"""Rating links: a finished order's client rates it from a mailed link, without logging in.

The link is single use and stored only as a hash (models.RatingLink); it rates that one order,
as its client would through `rateOrder`, and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.outbound import RatingLink
from permissions.tokens import new_opaque_token
from resolvers.links import mailed_link

RATING_LINK_DAYS = 30


async def new_rating_link(order_id: int, company_id: int) -> str:
    """A new single-use link (PUBLIC_URL/rate/<token>, or APP_URL's) to rate the order."""
    token, token_hash = new_opaque_token()
    _ = await RatingLink.create(
        company_id=company_id,
        order_id=order_id,
        token_hash=token_hash,
        expires_at=datetime.now(UTC) + timedelta(days=RATING_LINK_DAYS),
    )
    return mailed_link("rate", token)
