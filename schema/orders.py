"""Types of orders: the order, its history, comments and photos."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

import models
from models import CLOSED_STATUSES, ContactKind
from permissions.media import signed_url
from permissions.orders import comment_visibilities
from schema.connection import Connection, parent_connection_of
from schema.contacts import Address, Contact
from schema.context import Info
from schema.executor import context_only
from schema.guard import guarded
from schema.ids import to_global_id
from schema.node import Node
from schema.outbound import OutboundMessage, outbound_of
from schema.parties import address_of, client_of, contractor_of, responsible_of
from schema.people import Member, load_member

if TYPE_CHECKING:
    from schema.conversations import Conversation
    from schema.series import OrderSeries

LazyConversation = Annotated["Conversation", strawberry.lazy("schema.conversations")]
LazySeries = Annotated["OrderSeries", strawberry.lazy("schema.series")]

OrderStatus = models.OrderStatus
Channel = models.Channel
CommentVisibility = models.CommentVisibility
PhotoKind = models.PhotoKind
strawberry.enum(OrderStatus, name="OrderStatus")
strawberry.enum(Channel, name="Channel")
strawberry.enum(CommentVisibility, name="CommentVisibility")
strawberry.enum(PhotoKind, name="PhotoKind")


@strawberry.enum
class OrderSort(Enum):
    DEADLINE_ASC = "DEADLINE_ASC"
    DEADLINE_DESC = "DEADLINE_DESC"
    CREATED_DESC = "CREATED_DESC"
    NUMBER_DESC = "NUMBER_DESC"
    VISIT_ASC = strawberry.enum_value(
        "VISIT_ASC",
        description="Booked visits first, soonest first; orders without a visit after them.",
    )


@strawberry.type
class OrderStatusChange:
    from_: OrderStatus | None = strawberry.field(name="from")
    to: OrderStatus
    at: datetime
    comment: str | None
    by_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: models.OrderStatusChange) -> OrderStatusChange:
        return cls(
            from_=row.from_status, to=row.to_status, at=row.at, comment=row.comment, by_id=row.by_id
        )

    @strawberry.field
    async def by(self, info: Info) -> Member | None:
        return await load_member(info, self.by_id)


@strawberry.type
class Comment(Node):
    body: str
    visibility: CommentVisibility
    created_at: datetime
    author_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: models.Comment) -> Comment:
        return cls(
            id=strawberry.ID(to_global_id("Comment", row.id)),
            body=row.body,
            visibility=row.visibility,
            created_at=row.created_at,
            author_id=row.author_id,
        )

    @strawberry.field
    async def author(self, info: Info) -> Member:
        member = await load_member(info, self.author_id)
        assert member is not None, "a comment always has its author"
        return member


@strawberry.type
class Photo(Node):
    kind: PhotoKind
    caption: str | None
    content_type: str
    width: int
    height: int
    size: int
    created_at: datetime
    storage_key: strawberry.Private[str]
    thumbnail_key: strawberry.Private[str]
    uploaded_by_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: models.Photo) -> Photo:
        return cls(
            id=strawberry.ID(to_global_id("Photo", row.id)),
            kind=row.kind,
            caption=row.caption,
            content_type=row.content_type,
            width=row.width,
            height=row.height,
            size=row.size,
            created_at=row.created_at,
            storage_key=row.storage_key,
            thumbnail_key=row.thumbnail_key,
            uploaded_by_id=row.uploaded_by_id,
        )

    @strawberry.field(description="Signed, expiring link to the image.")
    @context_only
    def url(self, info: Info) -> str:
        return signed_url(self.storage_key, info.context.now)

    @strawberry.field(
        description="Signed, expiring link to a small version (longest side at most 320 px)."
    )
    @context_only
    def thumbnail_url(self, info: Info) -> str:
        return signed_url(self.thumbnail_key, info.context.now)

    @strawberry.field
    async def uploaded_by(self, info: Info) -> Member:
        member = await load_member(info, self.uploaded_by_id)
        assert member is not None, "a photo always has its uploader"
        return member


@strawberry.type
class Order(Node):
    number: int = strawberry.field(
        description='Per-company sequence number that people quote ("order 1042").'
    )
    title: str
    description: str
    status: OrderStatus
    deadline: datetime
    source: Channel
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    visit_start: datetime | None = strawberry.field(
        description="The booked visit: when the contractor is expected at the address; "
        "null for an order without a booked time."
    )
    visit_end: datetime | None
    row: strawberry.Private[models.Order]

    @classmethod
    def of(cls, row: models.Order) -> Order:
        return cls(
            id=strawberry.ID(to_global_id("Order", row.id)),
            number=row.number,
            title=row.title,
            description=row.description,
            status=row.status,
            deadline=row.deadline,
            source=row.source,
            created_at=row.created_at,
            updated_at=row.updated_at,
            completed_at=row.completed_at,
            visit_start=row.visit_start,
            visit_end=row.visit_end,
            row=row,
        )

    @strawberry.field(
        description="True when the deadline has passed and the order is neither DONE nor CANCELLED."
    )
    @context_only
    def overdue(self, info: Info) -> bool:
        return self.row.status not in CLOSED_STATUSES and self.row.deadline < info.context.now

    # The four relations of a list page: returned at once when the page loaded them
    # (schema/prefetch.py), awaited from their loader otherwise.

    @strawberry.field(graphql_type=Contact)
    @context_only
    def client(self, info: Info) -> Contact | Awaitable[Contact]:
        return client_of(info, self.row.client_id)

    @strawberry.field(description="Always one of the client's addresses.", graphql_type=Address)
    @context_only
    def address(self, info: Info) -> Address | Awaitable[Address]:
        return address_of(info, self.row.address_id)

    @strawberry.field(graphql_type=Contact | None)
    @context_only
    def contractor(self, info: Info) -> Contact | Awaitable[Contact | None] | None:
        return contractor_of(info, self.row.contractor_id)

    @strawberry.field(
        description="The staff member accountable for the order.", graphql_type=Member
    )
    @context_only
    def responsible(self, info: Info) -> Member | Awaitable[Member]:
        return responsible_of(info, self.row.responsible_id)

    @strawberry.field(
        description="Price to the client: OWNER/STAFF and the order's client; null for others."
    )
    @context_only
    @guarded
    def price(self, info: Info) -> Decimal | None:
        price: Decimal | None = self.row.price
        return price

    @strawberry.field(
        description="What the contractor is paid: OWNER/STAFF and the order's contractor; "
        "null for others."
    )
    @context_only
    @guarded
    def contractor_fee(self, info: Info) -> Decimal | None:
        fee: Decimal | None = self.row.contractor_fee
        return fee

    @strawberry.field(description="OWNER/STAFF only; null for others.")
    @context_only
    @guarded
    def internal_note(self, info: Info) -> str | None:
        note: str | None = self.row.internal_note
        return note

    @strawberry.field(
        description="The client's rating of the finished work, 1 to 5: "
        "OWNER/STAFF, the client and the contractor."
    )
    @context_only
    def rating(self) -> int | None:
        rating: int | None = self.row.rating
        return rating

    @strawberry.field(
        description="The client's words with its rating: OWNER/STAFF and the client; "
        "null for others."
    )
    @context_only
    @guarded
    def feedback(self, info: Info) -> str | None:
        feedback: str | None = self.row.feedback
        return feedback

    @strawberry.field
    async def comments(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Comment]:
        kinds = comment_visibilities(info.context.require_actor())
        loaders = info.context.loaders
        page = await loaders.comment_page.load((self.row.id, kinds, first, after))
        key = (self.row.id, kinds)

        async def count() -> int:
            return await loaders.comment_count.load(key)

        return parent_connection_of(page, after, Comment.of, count, Connection)

    @strawberry.field(
        description="The inbox conversation the order was made from; null also when hidden."
    )
    async def conversation(self, info: Info) -> LazyConversation | None:
        from schema.conversations import Conversation

        key = (self.row.id, info.context.require_actor())
        row = await info.context.loaders.order_conversation.load(key)
        return None if row is None else Conversation.of(row)

    @strawberry.field
    async def photos(self, info: Info) -> list[Photo]:
        return [Photo.of(row) for row in await info.context.loaders.photos.load(self.row.id)]

    @strawberry.field
    async def history(self, info: Info) -> list[OrderStatusChange]:
        rows = await info.context.loaders.history.load(self.row.id)
        return [OrderStatusChange.of(row) for row in rows]

    @strawberry.field(
        description="The recurring series this order was made from; null for a one-off order."
    )
    async def series(self, info: Info) -> LazySeries | None:
        from schema.series import load_visible_series

        return await load_visible_series(info, self.row.series_id)

    @strawberry.field(
        description="What the service sent about this order outside the app (e-mail, "
        "Telegram, SMS): OWNER/STAFF only, null for others."
    )
    @guarded
    async def outbound(self, info: Info) -> list[OutboundMessage] | None:
        return await outbound_of(info, self.row.id)


async def load_visible_order(info: Info, order_id: int | None) -> Order | None:
    """The order if the caller may see it, else None (for fields that point at an order)."""
    if order_id is None:
        return None
    row = await info.context.loaders.visible_order.load((order_id, info.context.require_actor()))
    return None if row is None else Order.of(row)


@strawberry.type(name="OrderConnection")
class OrderConnection(Connection[Order]):
    """Concrete, so that `Contact.orders` can name it lazily."""


async def contact_orders(
    info: Info, contact_id: int, kind: ContactKind, first: int | None, after: str | None
) -> OrderConnection:
    """`Contact.orders`: batched across contacts, like every list of the schema."""
    actor = info.context.require_actor()
    loaders = info.context.loaders
    page = await loaders.contact_orders.load((contact_id, kind, actor, first, after))

    async def count() -> int:
        return await loaders.contact_order_count.load((contact_id, kind, actor))

    return parent_connection_of(page, after, Order.of, count, OrderConnection)


CommentConnection = Connection[Comment]
