"""Mutations connecting the company's channels (the OWNER's)."""

from __future__ import annotations

import strawberry

from channels import telegram_setup
from resolvers import channel_settings
from schema.channels import (
    ChannelSettings,
    ChannelSettingsPayload,
    EmailSettingsInput,
    TelegramSettingsInput,
)
from schema.context import Info
from schema.errors import payload_of


@strawberry.type
class ChannelMutations:
    @strawberry.mutation(
        description="Checks the token with getMe and registers the webhook at PUBLIC_URL."
    )
    async def configure_telegram(
        self, info: Info, input: TelegramSettingsInput
    ) -> ChannelSettingsPayload:
        async def act() -> ChannelSettingsPayload:
            view = await telegram_setup.configure_telegram(
                info.context.require_actor(), input.bot_token
            )
            return ChannelSettingsPayload(settings=ChannelSettings.of(view))

        return await payload_of(ChannelSettingsPayload, act)

    @strawberry.mutation
    async def configure_email(
        self, info: Info, input: EmailSettingsInput
    ) -> ChannelSettingsPayload:
        async def act() -> ChannelSettingsPayload:
            view = await channel_settings.configure_email(
                info.context.require_actor(), input.data()
            )
            return ChannelSettingsPayload(settings=ChannelSettings.of(view))

        return await payload_of(ChannelSettingsPayload, act)

    @strawberry.mutation(
        description="Confirms the configured e-mail address with the code mailed to it; only "
        "then is it routed to the company and used as the From of replies. OWNER only."
    )
    async def confirm_email_address(self, info: Info, code: str) -> ChannelSettingsPayload:
        async def act() -> ChannelSettingsPayload:
            view = await channel_settings.confirm_email(info.context.require_actor(), code)
            return ChannelSettingsPayload(settings=ChannelSettings.of(view))

        return await payload_of(ChannelSettingsPayload, act)
