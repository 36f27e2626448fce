"""Root query fields of the inbox and the channel settings."""

from __future__ import annotations

import strawberry

from resolvers import channel_settings, conversations
from schema.channels import ChannelSettings
from schema.connection import Connection, connection_of
from schema.context import Info
from schema.conversations import Conversation, ConversationFilter


@strawberry.type
class ConversationQueries:
    @strawberry.field(description="Newest activity first.")
    async def conversations(
        self,
        info: Info,
        filter: ConversationFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Conversation]:
        actor = info.context.require_actor()
        data = filter.data() if filter else conversations.ConversationFilter()
        page = await conversations.list_conversations(actor, data, first, after)
        return connection_of(page, Conversation.of)

    @strawberry.field(description="Which channels are connected; secrets are never shown.")
    async def channel_settings(self, info: Info) -> ChannelSettings:
        view = await channel_settings.read_settings(info.context.require_actor())
        return ChannelSettings.of(view)
