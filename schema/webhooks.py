"""Partner webhook types: the webhook (never its secret), its deliveries, the payload that
shows the secret once.

A list of webhooks loads the deliveries of all of them together (`DeliveryBatch`): a page
each in two statements and, when asked, their counts in one, whatever the list's length.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import strawberry
from strawberry.dataloader import DataLoader

import models
from models import OrderEventKind, WebhookDeliveryStatus
from resolvers.pagination import ParentPage
from resolvers.webhook_loaders import DeliveryPageKey, delivery_counts, delivery_pages
from schema.connection import Connection, parent_connection_of
from schema.context import Info
from schema.errors import UserError
from schema.ids import to_global_id
from schema.node import Node
from schema.people import Member, load_member
from schema.subscriptions import OrderEvent  # registers OrderEventKind with strawberry

strawberry.enum(WebhookDeliveryStatus, name="WebhookDeliveryStatus")

__all__ = ["OrderEvent", "Webhook", "WebhookDelivery", "WebhookPayload"]


class DeliveryBatch:
    """The delivery loaders of the webhooks of one answer (made with the list, gone with it):
    every webhook's `deliveries` field of the answer is loaded in one batch."""

    __slots__ = ("counts", "pages")

    def __init__(self) -> None:
        self.pages: DataLoader[DeliveryPageKey, ParentPage[models.WebhookDelivery]] = DataLoader(
            delivery_pages
        )
        self.counts: DataLoader[int, int] = DataLoader(delivery_counts)


@strawberry.type
class WebhookDelivery(Node):
    event_cursor: str = strawberry.field(description="The orderEvents cursor of the event sent.")
    kind: OrderEventKind
    status: WebhookDeliveryStatus
    attempts: int
    response_status: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None

    @classmethod
    def of(cls, row: models.WebhookDelivery) -> WebhookDelivery:
        return cls(
            id=strawberry.ID(to_global_id("WebhookDelivery", row.id)),
            event_cursor=str(row.event_seq),  # the orderEvents subscription's cursor
            kind=row.kind,
            status=row.status,
            attempts=row.attempts,
            response_status=row.response_status,
            last_error=row.last_error,
            next_attempt_at=row.next_attempt_at,
            created_at=row.created_at,
            delivered_at=row.delivered_at,
        )


@strawberry.type(name="WebhookDeliveryConnection")
class WebhookDeliveryConnection(Connection[WebhookDelivery]):
    """Concrete, so that its edge is named WebhookDeliveryEdge."""


@strawberry.type(
    description="Order events POSTed to a partner's URL, signed after the Standard Webhooks "
    "convention, at least once, in order per order."
)
class Webhook(Node):
    url: str
    events: list[OrderEventKind] = strawberry.field(description="Kinds sent; empty = all.")
    active: bool
    disabled_reason: str | None = strawberry.field(
        description="Why it was switched off (too many failures in a row); enableWebhook "
        "starts it again."
    )
    created_at: datetime
    row_id: strawberry.Private[int]
    member_id: strawberry.Private[int]
    batch: strawberry.Private[DeliveryBatch]

    @classmethod
    def of(cls, row: models.Webhook, batch: DeliveryBatch | None = None) -> Webhook:
        return cls(
            id=strawberry.ID(to_global_id("Webhook", row.id)),
            url=row.url,
            events=[OrderEventKind(kind) for kind in row.events],
            active=row.active,
            disabled_reason=row.disabled_reason,
            created_at=row.created_at,
            row_id=row.id,
            member_id=row.member_id,
            batch=batch or DeliveryBatch(),
        )

    @classmethod
    def listed(cls, rows: Sequence[models.Webhook]) -> list[Webhook]:
        """Webhooks of one answer, sharing their delivery loaders."""
        batch = DeliveryBatch()
        return [cls.of(row, batch) for row in rows]

    @strawberry.field(description="Events are those this member may see, as it sees them.")
    async def member(self, info: Info) -> Member:
        member = await load_member(info, self.member_id)
        assert member is not None, "a webhook always has its member"
        return member

    @strawberry.field(description="Newest event first.")
    async def deliveries(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> WebhookDeliveryConnection:
        page = await self.batch.pages.load((self.row_id, first, after))

        async def count() -> int:
            return await self.batch.counts.load(self.row_id)

        return parent_connection_of(
            page, after, WebhookDelivery.of, count, WebhookDeliveryConnection
        )


@strawberry.input
class CreateWebhookInput:
    url: str = strawberry.field(
        description="https (http only to hosts an operator setting allows)."
    )
    events: list[OrderEventKind] | None = None
    member_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Defaults to the caller; the same rule as API tokens: never a member who "
        "reaches further than the caller.",
    )


@strawberry.type
class WebhookPayload:
    webhook: Webhook | None = None
    secret: str | None = strawberry.field(
        default=None, description="Shown once: the signing secret, whsec_..."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)

    def __repr__(self) -> str:  # the secret stays out of logs and tracebacks
        secret = None if self.secret is None else "whsec_***"
        return (
            f"WebhookPayload(webhook={self.webhook!r}, secret={secret!r}, errors={self.errors!r})"
        )
