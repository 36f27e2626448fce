"""`node(id)`: any object the caller may see, by type name and pk, else None."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.models import Model

from domain.errors import DomainError
from permissions.actor import Actor
from permissions.api_tokens import access_api_token_by_id
from permissions.companies import access_company_by_id
from permissions.contacts import access_address_by_id, access_contact_by_id
from permissions.conversations import access_conversation_by_id, access_message_by_id
from permissions.members import access_invitation_by_id, access_member_by_id
from permissions.notifications import access_notification_by_id
from permissions.orders import access_comment_by_id, access_order_by_id, access_photo_by_id
from permissions.outbound import access_outbound_message_by_id
from permissions.series import access_series_by_id
from permissions.tasks import access_task_by_id
from permissions.templates import access_template_by_id
from permissions.webhooks import access_webhook_by_id, access_webhook_delivery_by_id

FINDERS: dict[str, Callable[[Actor, int], Awaitable[Model]]] = {
    "Company": access_company_by_id,
    "Member": access_member_by_id,
    "Invitation": access_invitation_by_id,
    "Contact": access_contact_by_id,
    "Address": access_address_by_id,
    "Order": access_order_by_id,
    "Comment": access_comment_by_id,
    "Photo": access_photo_by_id,
    "Task": access_task_by_id,
    "Template": access_template_by_id,
    "Notification": access_notification_by_id,
    "ApiToken": access_api_token_by_id,
    "Conversation": access_conversation_by_id,
    "Message": access_message_by_id,
    "OrderSeries": access_series_by_id,
    "Webhook": access_webhook_by_id,
    "WebhookDelivery": access_webhook_delivery_by_id,
    "OutboundMessage": access_outbound_message_by_id,
}


async def find_node(actor: Actor, type_name: str, pk: int) -> Model | None:
    """Hidden and missing look alike: both are None."""
    finder = FINDERS.get(type_name)
    if finder is None:
        return None
    try:
        return await finder(actor, pk)
    except DomainError:
        return None
