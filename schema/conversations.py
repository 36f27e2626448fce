"""Types of the inbox: conversations, their messages, and the live `conversationUpdated`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import strawberry

import models
from permissions.conversations import check_may_use_inbox
from permissions.media import signed_attachment_url
from realtime.conversations import conversations_listening
from resolvers.conversations import ConversationFilter as ConversationFilterData
from schema.connection import Connection, parent_connection_of
from schema.contacts import Contact, load_contact
from schema.context import Info
from schema.errors import UserError
from schema.guard import guarded
from schema.ids import decode_optional_id, to_global_id
from schema.loaders import Loaders
from schema.node import Node
from schema.orders import Channel, Order, load_visible_order
from schema.people import Member, load_member
from schema.streams import until_overflow

ConversationStatus = models.ConversationStatus
MessageDirection = models.MessageDirection
DeliveryStatus = models.DeliveryStatus
strawberry.enum(ConversationStatus, name="ConversationStatus")
strawberry.enum(MessageDirection, name="MessageDirection")
strawberry.enum(DeliveryStatus, name="DeliveryStatus")


@strawberry.type
class Attachment:
    """A file that came with an inbound message; `url` is a short-lived signed download link."""

    file_name: str
    content_type: str
    size: int
    key: strawberry.Private[str]

    @classmethod
    def of(cls, row: models.MessageAttachment) -> Attachment:
        return cls(
            file_name=row.file_name,
            content_type=row.content_type,
            size=row.size,
            key=row.storage_key,
        )

    @strawberry.field
    def url(self, info: Info) -> str:
        return signed_attachment_url(self.key, info.context.now)


@strawberry.type
class Message(Node):
    direction: MessageDirection
    body: str
    delivery_status: DeliveryStatus
    created_at: datetime
    delivery_error: str | None = strawberry.field(
        description="Why the last delivery attempt failed (FAILED, or PENDING and retrying)."
    )
    author_id: strawberry.Private[int | None]
    pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: models.Message) -> Message:
        return cls(
            id=strawberry.ID(to_global_id("Message", row.id)),
            direction=row.direction,
            body=row.body,
            delivery_status=row.delivery_status,
            created_at=row.created_at,
            delivery_error=row.last_error if row.delivery_status != DeliveryStatus.SENT else None,
            author_id=row.author_id,
            pk=row.id,
        )

    @strawberry.field(
        description="The staff member who wrote an outbound message; null for a chat visitor."
    )
    @guarded
    async def author(self, info: Info) -> Member | None:
        return await load_member(info, self.author_id)

    @strawberry.field(description="Files that came with an inbound message.")
    async def attachments(self, info: Info) -> list[Attachment]:
        rows = await info.context.loaders.attachments.load(self.pk)
        return [Attachment.of(row) for row in rows]


MessageConnection = Connection[Message]


@strawberry.type
class Conversation(Node):
    channel: Channel
    subject: str | None
    status: ConversationStatus
    external_name: str | None = strawberry.field(
        description="How the other side is known on its channel: an e-mail address, a "
        "Telegram name, a chat visitor's name."
    )
    last_message_at: datetime
    created_at: datetime
    pk: strawberry.Private[int]
    contact_id: strawberry.Private[int | None]
    assignee_id: strawberry.Private[int | None]
    order_id: strawberry.Private[int | None]
    first_inbound_at: strawberry.Private[datetime | None]
    first_response_at: strawberry.Private[datetime | None]

    @classmethod
    def of(cls, row: models.Conversation) -> Conversation:
        return cls(
            id=strawberry.ID(to_global_id("Conversation", row.id)),
            channel=row.channel,
            subject=row.subject,
            status=row.status,
            external_name=row.external_name or row.external_key,
            last_message_at=row.last_message_at,
            created_at=row.created_at,
            pk=row.id,
            contact_id=row.contact_id,
            assignee_id=row.assignee_id,
            order_id=row.order_id,
            first_inbound_at=row.first_inbound_at,
            first_response_at=row.first_response_at,
        )

    @strawberry.field(
        description="Seconds from the first inbound message to the first reply; null until replied."
    )
    def first_response_seconds(self) -> int | None:
        if self.first_inbound_at is None or self.first_response_at is None:
            return None
        return max(0, int((self.first_response_at - self.first_inbound_at).total_seconds()))

    @strawberry.field
    async def contact(self, info: Info) -> Contact | None:
        return await load_contact(info, self.contact_id)

    @strawberry.field
    async def assignee(self, info: Info) -> Member | None:
        return await load_member(info, self.assignee_id)

    @strawberry.field(description="The order made from this conversation; null also when hidden.")
    async def order(self, info: Info) -> Order | None:
        return await load_visible_order(info, self.order_id)

    @strawberry.field(description="Oldest first.")
    async def messages(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Message]:
        loaders = info.context.loaders
        page = await loaders.message_page.load((self.pk, first, after))
        pk = self.pk

        async def count() -> int:
            return await loaders.message_count.load(pk)

        return parent_connection_of(page, after, Message.of, count, Connection)

    @strawberry.field(description="The newest message, for the inbox list.")
    async def last_message(self, info: Info) -> Message | None:
        row = await info.context.loaders.last_message.load(self.pk)
        return None if row is None else Message.of(row)


ConversationConnection = Connection[Conversation]


async def load_visible_conversation(info: Info, pk: int | None) -> Conversation | None:
    """The conversation if the caller may see it, else None (fields that point at one)."""
    if pk is None:
        return None
    actor = info.context.require_actor()
    row = await info.context.loaders.visible_conversation.load((pk, actor))
    return None if row is None else Conversation.of(row)


@strawberry.input
class ConversationFilter:
    status: ConversationStatus | None = None
    channel: Channel | None = None
    assignee_id: strawberry.ID | None = None
    unanswered: bool | None = strawberry.field(
        default=None, description="Open, and the last message is the other side's."
    )

    def data(self) -> ConversationFilterData:
        return ConversationFilterData(
            status=self.status,
            channel=self.channel,
            assignee_id=decode_optional_id(self.assignee_id, "Member"),
            unanswered=self.unanswered,
        )


@strawberry.type
class ConversationPayload:
    conversation: Conversation | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class MessagePayload:
    message: Message | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


async def conversations_updated(info: Info) -> AsyncIterator[Conversation]:
    """`conversationUpdated`: each conversation the caller may see, after each change."""
    actor = info.context.require_actor()
    check_may_use_inbox(actor)
    async with conversations_listening(actor) as listener:
        async for row in until_overflow(info.context, listener.rows()):
            info.context.loaders = Loaders()
            info.context.now = datetime.now(UTC)
            yield Conversation.of(row)
