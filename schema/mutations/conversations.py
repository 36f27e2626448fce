"""Mutations of the inbox: reply, assign, link a contact, close, make an order."""

from __future__ import annotations

import strawberry

from resolvers import conversations
from schema.context import Info
from schema.conversations import (
    Conversation,
    ConversationPayload,
    Message,
    MessagePayload,
)
from schema.errors import payload_of
from schema.ids import decode_id
from schema.inputs import given_fields
from schema.order_inputs import CreateOrderInput, OrderPayload, order_data
from schema.orders import Order


@strawberry.type
class ConversationMutations:
    @strawberry.mutation(
        description="Queued for delivery on the conversation's channel. With `clientKey`, "
        "a retried request returns the message written the first time."
    )
    async def reply_to_conversation(
        self,
        info: Info,
        conversation_id: strawberry.ID,
        body: str,
        client_key: str | None = None,
    ) -> MessagePayload:
        async def act() -> MessagePayload:
            row = await conversations.reply(
                info.context.require_actor(),
                decode_id(conversation_id, "Conversation"),
                body,
                info.context.now,
                client_key,
            )
            return MessagePayload(message=Message.of(row))

        return await payload_of(MessagePayload, act)

    @strawberry.mutation
    async def assign_conversation(
        self, info: Info, conversation_id: strawberry.ID, member_id: strawberry.ID
    ) -> ConversationPayload:
        async def act() -> ConversationPayload:
            row = await conversations.assign(
                info.context.require_actor(),
                decode_id(conversation_id, "Conversation"),
                decode_id(member_id, "Member"),
            )
            return ConversationPayload(conversation=Conversation.of(row))

        return await payload_of(ConversationPayload, act)

    @strawberry.mutation
    async def link_conversation_contact(
        self, info: Info, conversation_id: strawberry.ID, contact_id: strawberry.ID
    ) -> ConversationPayload:
        async def act() -> ConversationPayload:
            row = await conversations.link_contact(
                info.context.require_actor(),
                decode_id(conversation_id, "Conversation"),
                decode_id(contact_id, "Contact"),
            )
            return ConversationPayload(conversation=Conversation.of(row))

        return await payload_of(ConversationPayload, act)

    @strawberry.mutation(description="A new inbound message reopens it.")
    async def close_conversation(
        self, info: Info, conversation_id: strawberry.ID
    ) -> ConversationPayload:
        async def act() -> ConversationPayload:
            row = await conversations.close(
                info.context.require_actor(), decode_id(conversation_id, "Conversation")
            )
            return ConversationPayload(conversation=Conversation.of(row))

        return await payload_of(ConversationPayload, act)

    @strawberry.mutation(
        description="The client defaults to the conversation's contact; the source is the "
        "conversation's channel."
    )
    async def create_order_from_conversation(
        self, info: Info, conversation_id: strawberry.ID, input: CreateOrderInput
    ) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await conversations.create_order_from_conversation(
                info.context.require_actor(),
                decode_id(conversation_id, "Conversation"),
                order_data(input),
                given_fields(input, none_is_given=False),
                info.context.now,
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)
