"""The website chat in GraphQL: the owner's `configureWebchat`, the visitor's `startChat`,
`sendChatMessage` and `chatMessages`, and the staff's `blockChatVisitor` (resolvers/webchat.py
does the work)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import strawberry

from domain.errors import DomainError
from permissions.webchat import check_chat_open, check_visitor
from realtime.chat import chat_listening
from resolvers import webchat
from schema.channels import ChannelSettings, ChannelSettingsPayload
from schema.context import Info
from schema.conversations import Conversation, ConversationPayload, Message, MessagePayload
from schema.errors import UserError, graphql_error, payload_of
from schema.ids import decode_id, to_global_id
from schema.streams import until_overflow

__all__ = ["Message", "WebchatMutations", "chat_messages"]


@strawberry.input
class WebchatSettingsInput:
    allowed_origins: list[str] = strawberry.field(
        description="Origins allowed to embed the widget, e.g. https://example.com"
    )


@strawberry.type
class ChatSession:
    visitor_token: str = strawberry.field(
        description="Authenticates the website visitor for sendChatMessage and chatMessages."
    )
    conversation_id: strawberry.ID


@strawberry.type
class ChatSessionPayload:
    session: ChatSession | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _origin(info: Info) -> str | None:
    return info.context.request.headers.get("origin")


@strawberry.type
class WebchatMutations:
    @strawberry.mutation(
        description="The owner: the origins whose pages may run the chat widget; the "
        "settings give the widget key for its script tag."
    )
    async def configure_webchat(
        self, info: Info, input: WebchatSettingsInput
    ) -> ChannelSettingsPayload:
        async def act() -> ChannelSettingsPayload:
            view = await webchat.configure_webchat(
                info.context.require_actor(), input.allowed_origins
            )
            return ChannelSettingsPayload(settings=ChannelSettings.of(view))

        return await payload_of(ChannelSettingsPayload, act)

    @strawberry.mutation(
        description="A website visitor starts a chat (from a page on one of the widget's "
        "origins; rate-limited per address). The widget sends the token of its last chat, if "
        "any, as its Authorization: a visitor blocked by staff gets no new chat."
    )
    async def start_chat(
        self, info: Info, widget_key: str, name: str | None = None, email: str | None = None
    ) -> ChatSessionPayload:
        async def act() -> ChatSessionPayload:
            token, conversation = await webchat.start_chat(
                widget_key,
                name,
                email,
                _origin(info),
                info.context.client_address,
                info.context.now,
                previous=info.context.visitor,
            )
            session = ChatSession(
                visitor_token=token,
                conversation_id=strawberry.ID(to_global_id("Conversation", conversation.id)),
            )
            return ChatSessionPayload(session=session)

        return await payload_of(ChatSessionPayload, act)

    @strawberry.mutation(
        description="Website visitor only (visitor token). Once staff closed the chat the "
        "token is ended: EXPIRED, and the widget starts a new chat."
    )
    async def send_chat_message(self, info: Info, body: str) -> MessagePayload:
        async def act() -> MessagePayload:
            visitor = info.context.require_visitor()
            row = await webchat.send_chat_message(visitor, body, _origin(info))
            return MessagePayload(message=Message.of(row))

        return await payload_of(MessagePayload, act)

    @strawberry.mutation(
        description="Staff who see a website chat: close it, end its visitor's token, and "
        "refuse new chats from that visitor's address and browser for a while (CHAT_BLOCK_HOURS)."
    )
    async def block_chat_visitor(
        self, info: Info, conversation_id: strawberry.ID
    ) -> ConversationPayload:
        async def act() -> ConversationPayload:
            row = await webchat.block_visitor(
                info.context.require_actor(),
                decode_id(conversation_id, "Conversation"),
                info.context.now,
            )
            return ConversationPayload(conversation=Conversation.of(row))

        return await payload_of(ConversationPayload, act)


async def chat_messages(info: Info, after: strawberry.ID | None) -> AsyncIterator[Message]:
    """Staff replies in the visitor's chat: first those after `after` (the last one the
    widget showed) that it missed, then live (broadcast, or the poll), none twice."""
    visitor = info.context.require_visitor()
    try:
        await check_visitor(visitor, _origin(info))
    except DomainError as error:
        raise graphql_error(error) from None
    since = None if after is None else decode_id(after, "Message")
    async with chat_listening(visitor.company_id, visitor.conversation_id) as listener:
        # A conversation's replies are sent in order: one id tells what was shown already.
        shown = since or 0
        for row in await webchat.replies_after(visitor, since):
            shown = row.id
            yield Message.of(row)
        async for row in until_overflow(info.context, listener.rows()):
            if row.id > shown:
                try:
                    await check_chat_open(visitor)
                except DomainError as error:
                    raise graphql_error(error) from None
                shown = row.id
                yield Message.of(row)
