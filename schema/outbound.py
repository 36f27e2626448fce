"""Types of reaching people outside the app: the channels a message goes out on, the messages
sent about an order (`Order.outbound`, staff only), and a member's own choice of channels.

`Order.outbound` over a page of orders is one SELECT (the request's `Loaders.outbound`), the
newest OUTBOUND_PER_ORDER messages of each (resolvers/order_loaders.py).
"""

from __future__ import annotations

from datetime import datetime

import strawberry

import models
from models import NotificationKind
from schema.context import Info
from schema.ids import to_global_id
from schema.node import Node

# In the app, by e-mail, Telegram or SMS (the contract gives the enum no description).
DeliveryChannel = models.DeliveryChannel
strawberry.enum(DeliveryChannel, name="DeliveryChannel")

# The newest messages of an order that Order.outbound lists (schema/limits.py's bound): an
# order's booking, moves, reminders and replies on three channels stay well within it.


@strawberry.type(
    description="A message the service sent (or tries to send) to a person outside the app."
)
class OutboundMessage(Node):
    kind: NotificationKind
    channel: DeliveryChannel
    to: str = strawberry.field(description="The address, chat or phone number it goes to.")
    text: str
    status: models.DeliveryStatus
    error: str | None = strawberry.field(description="Why it failed, in words a user can act on.")
    created_at: datetime
    sent_at: datetime | None

    @classmethod
    def of(cls, row: models.OutboundMessage) -> OutboundMessage:
        return cls(
            id=strawberry.ID(to_global_id("OutboundMessage", row.id)),
            kind=row.kind,
            channel=row.channel,
            to=row.to,
            text=row.text,
            status=row.status,
            error=row.error,
            created_at=row.created_at,
            sent_at=row.sent_at,
        )


@strawberry.type
class NotificationPreference:
    kind: NotificationKind
    channels: list[DeliveryChannel] = strawberry.field(description="Empty = this kind is not sent.")


@strawberry.input
class NotificationPreferenceInput:
    kind: NotificationKind
    channels: list[DeliveryChannel]


def preferences_of(stored: list[dict[str, object]] | None) -> list[NotificationPreference]:
    """A member's stored choice as the API shows it (an unknown name left out)."""
    shown: list[NotificationPreference] = []
    for entry in stored or ():
        kind, channels = str(entry.get("kind")), entry.get("channels")
        if kind not in NotificationKind.__members__ or not isinstance(channels, list):
            continue
        chosen = [
            models.DeliveryChannel(c) for c in channels if c in models.DeliveryChannel.__members__
        ]
        shown.append(NotificationPreference(kind=NotificationKind(kind), channels=chosen))
    return shown


async def outbound_of(info: Info, order_id: int) -> list[OutboundMessage]:
    """The order's messages, oldest first (its field rule already applied by the caller)."""
    rows = await info.context.loaders.outbound.load(order_id)
    return [OutboundMessage.of(row) for row in rows]
