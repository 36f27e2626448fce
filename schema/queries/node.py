"""`node(id)`: any object the caller may see, else null (hidden and missing look alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from resolvers.nodes import find_node
from schema.api_tokens import ApiToken
from schema.contacts import Address, Contact
from schema.context import Info
from schema.conversations import Conversation, Message
from schema.ids import decode_any_id
from schema.node import Node
from schema.notifications import Notification
from schema.orders import Comment, Order, Photo
from schema.outbound import OutboundMessage
from schema.people import Company, Invitation, Member
from schema.series import OrderSeries
from schema.tasks import Task, Template
from schema.webhooks import Webhook, WebhookDelivery

# Type name in the global id -> the type built from the row `resolvers.nodes` finds.
NODE_TYPES: dict[str, Callable[[Any], Node]] = {
    "Company": Company.of,
    "Member": Member.of,
    "Invitation": Invitation.of,
    "Contact": Contact.of,
    "Address": Address.of,
    "Order": Order.of,
    "Comment": Comment.of,
    "Photo": Photo.of,
    "Task": Task.of,
    "Template": Template.of,
    "Notification": Notification.of,
    "ApiToken": ApiToken.of,
    "Conversation": Conversation.of,
    "Message": Message.of,
    "OrderSeries": OrderSeries.of,
    "Webhook": Webhook.of,
    "WebhookDelivery": WebhookDelivery.of,
    "OutboundMessage": OutboundMessage.of,
}


@strawberry.type
class NodeQueries:
    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        parsed = decode_any_id(id)
        if parsed is None or parsed[0] not in NODE_TYPES:
            return None
        row = await find_node(info.context.require_actor(), *parsed)
        return None if row is None else NODE_TYPES[parsed[0]](row)
