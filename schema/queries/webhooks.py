"""Query.webhooks: the partner webhooks the caller may see."""

from __future__ import annotations

import strawberry

from resolvers import webhooks
from schema.context import Info
from schema.webhooks import Webhook


@strawberry.type
class WebhookQueries:
    @strawberry.field(
        description="Newest first: the OWNER sees the company's, others those they created "
        "or that send as them."
    )
    async def webhooks(self, info: Info) -> list[Webhook]:
        rows = await webhooks.list_webhooks(info.context.require_actor())
        return Webhook.listed(rows)
