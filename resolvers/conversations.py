"""The staff inbox: listing conversations, replying, assigning, linking, closing, and making
an order from a conversation. Visibility is permissions.conversations'; replies are queued
for their channel's sender (channels/delivery.py) and written once per client key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.errors import invalid
from models import (
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Message,
    MessageDirection,
    Order,
)
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id
from permissions.conversations import (
    access_assignable_member_by_id,
    access_conversation_by_id,
    visible_conversations,
)
from realtime.conversations import publish_conversation
from resolvers import validation
from resolvers.orders import OrderData, create_order
from resolvers.pagination import Page, paginate

NEWEST_FIRST = ("-last_message_at", "-id")
MAX_REPLY = 20_000
MAX_CLIENT_KEY = 100


_reply_queued: list[Callable[[], None]] = []


def on_reply_queued(wake: Callable[[], None]) -> None:
    """Call `wake` after each reply queued in this process: the delivery worker
    (channels/delivery.py, a layer above) registers itself so a reply leaves at once, not at
    its next poll."""
    if wake not in _reply_queued:
        _reply_queued.append(wake)


@dataclass(frozen=True, slots=True)
class ConversationFilter:
    status: ConversationStatus | None = None
    channel: Channel | None = None
    assignee_id: int | None = None
    unanswered: bool | None = None


async def list_conversations(
    actor: Actor, f: ConversationFilter, first: int | None, after: str | None
) -> Page[Conversation]:
    return await paginate(matching_conversations(actor, f), NEWEST_FIRST, first, after)


def matching_conversations(actor: Actor, f: ConversationFilter) -> QuerySet[Conversation]:
    """The list's rows before paging, the one definition the compiled reads build on too."""
    query = visible_conversations(actor)
    if f.status is not None:
        query = query.filter(status=f.status)
    if f.channel is not None:
        query = query.filter(channel=f.channel)
    if f.assignee_id is not None:
        query = query.filter(assignee_id=f.assignee_id)
    if f.unanswered is True:
        query = query.filter(
            status=ConversationStatus.OPEN, last_direction=MessageDirection.INBOUND
        )
    elif f.unanswered is False:
        query = query.exclude(
            status=ConversationStatus.OPEN, last_direction=MessageDirection.INBOUND
        )
    return query


async def reply(
    actor: Actor,
    conversation_id: int | None,
    body: str,
    now: datetime,
    client_key: str | None = None,
) -> Message:
    """A staff answer, queued for delivery on the conversation's channel. With a client key
    the same call again (a retried request) returns the message written the first time."""
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    text = validation.required_text(body, MAX_REPLY, "body")
    key = validation.optional_text(client_key, MAX_CLIENT_KEY, "clientKey")
    if key is not None:
        earlier = await Message.get_or_none(conversation_id=conversation.id, client_key=key)
        if earlier is not None:
            return earlier
    try:
        async with in_transaction():
            message = await Message.create(
                company_id=conversation.company_id,
                conversation_id=conversation.id,
                direction=MessageDirection.OUTBOUND,
                body=text,
                author_id=actor.membership_id,
                client_key=key,
                delivery_status=DeliveryStatus.PENDING,
            )
            changes = {"last_message_at": now, "last_direction": MessageDirection.OUTBOUND}
            query = Conversation.filter(id=conversation.id)
            _ = await query.update(**changes)
            _ = await query.filter(first_response_at=None).update(first_response_at=now)
    except IntegrityError:  # the same key at the same moment: the other call wrote it
        earlier = await Message.get_or_none(conversation_id=conversation.id, client_key=key)
        if earlier is None:
            raise
        return earlier
    await conversation.refresh_from_db()
    await publish_conversation(conversation)
    for wake in _reply_queued:
        wake()
    return message


async def assign(actor: Actor, conversation_id: int | None, member_id: int | None) -> Conversation:
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    member = await access_assignable_member_by_id(actor, member_id, ["memberId"])
    conversation.assignee_id = member.id
    await conversation.save(update_fields=["assignee_id"])
    await publish_conversation(conversation)
    return conversation


async def link_contact(
    actor: Actor, conversation_id: int | None, contact_id: int | None
) -> Conversation:
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    contact = await access_contact_by_id(actor, contact_id, ["contactId"])
    conversation.contact_id = contact.id
    await conversation.save(update_fields=["contact_id"])
    await publish_conversation(conversation)
    return conversation


async def close(actor: Actor, conversation_id: int | None) -> Conversation:
    """Closed until the other side writes again (resolvers.inbound reopens it)."""
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    if conversation.status != ConversationStatus.CLOSED:
        conversation.status = ConversationStatus.CLOSED
        await conversation.save(update_fields=["status"])
        await publish_conversation(conversation)
    return conversation


async def create_order_from_conversation(
    actor: Actor, conversation_id: int | None, data: OrderData, given: set[str], now: datetime
) -> Order:
    """An order whose client is the conversation's contact (unless the input names one) and
    whose source is the conversation's channel; the conversation then shows the order."""
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    client_id = data.client_id if data.client_id is not None else conversation.contact_id
    if client_id is None:
        raise invalid(
            "Link the conversation to a contact first, or give the client", "input", "clientId"
        )
    order = await create_order(
        actor,
        replace(data, client_id=client_id),
        given | {"clientId"},
        now,
        source=conversation.channel,
    )
    conversation.order_id = order.id
    fields = ["order_id"]
    if conversation.contact_id is None:
        conversation.contact_id = order.client_id
        fields.append("contact_id")
    await conversation.save(update_fields=fields)
    await publish_conversation(conversation)
    return order
