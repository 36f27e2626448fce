"""Partner webhooks: create, delete, enable again, replay from a cursor."""

from __future__ import annotations

import strawberry

from resolvers import webhooks
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id
from schema.subscriptions import event_cursor  # the orderEvents subscription's
from schema.webhooks import CreateWebhookInput, Webhook, WebhookPayload


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        description="Sends the events after the company's latest; the secret is shown once."
    )
    async def create_webhook(self, info: Info, input: CreateWebhookInput) -> WebhookPayload:
        async def act() -> WebhookPayload:
            created = await webhooks.create_webhook(
                info.context.require_actor(),
                input.url,
                input.events,
                decode_optional_id(input.member_id, "Member"),
            )
            return WebhookPayload(webhook=Webhook.of(created.row), secret=created.secret)

        return await payload_of(WebhookPayload, act)

    @strawberry.mutation(description="Gone with its delivery history.")
    async def delete_webhook(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        async def act() -> WebhookPayload:
            row = await webhooks.delete_webhook(
                info.context.require_actor(), decode_id(id, "Webhook")
            )
            return WebhookPayload(webhook=Webhook.of(row))

        return await payload_of(WebhookPayload, act)

    @strawberry.mutation(description="Sends again from where it stopped.")
    async def enable_webhook(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        async def act() -> WebhookPayload:
            row = await webhooks.enable_webhook(
                info.context.require_actor(), decode_id(id, "Webhook")
            )
            return WebhookPayload(webhook=Webhook.of(row))

        return await payload_of(WebhookPayload, act)

    @strawberry.mutation(
        description="Sends again every event after `after` (an orderEvents cursor) that the "
        "webhook's member may see."
    )
    async def replay_webhook(self, info: Info, id: strawberry.ID, after: str) -> WebhookPayload:
        async def act() -> WebhookPayload:
            actor = info.context.require_actor()
            webhook_id = decode_id(id, "Webhook")
            seq = event_cursor(after)
            row = await webhooks.replay_webhook(actor, webhook_id, seq, info.context.now)
            return WebhookPayload(webhook=Webhook.of(row))

        return await payload_of(WebhookPayload, act)
