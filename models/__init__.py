"""Tortoise models, one module per area. No business rules beyond field constraints."""

from models.api_tokens import ApiToken
from models.channels import ChannelConfig, TelegramUpdate
from models.contacts import Address, Contact, ContactKind, ContactSkill, LegalForm
from models.conversations import (
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Message,
    MessageAttachment,
    MessageDirection,
)
from models.events import EventCounter, OrderEvent, OrderEventKind
from models.mail import OutboxEmail
from models.notifications import Notification, NotificationKind
from models.orders import (
    CLOSED_STATUSES,
    Channel,
    Comment,
    CommentVisibility,
    Order,
    OrderCounter,
    OrderStatus,
    OrderStatusChange,
    Photo,
    PhotoKind,
)
from models.outbound import DeliveryChannel, OutboundMessage, RatingLink, TelegramLink
from models.people import (
    Company,
    Invitation,
    Membership,
    PasswordReset,
    RefreshToken,
    Role,
    Session,
    User,
)
from models.series import Frequency, OrderSeries, OrderSeriesSkip
from models.tasks import Task, TaskStatus, Template, TemplateKind, TemplateShare
from models.webhooks import Webhook, WebhookDelivery, WebhookDeliveryStatus

__all__ = [
    "CLOSED_STATUSES",
    "Address",
    "ApiToken",
    "Channel",
    "ChannelConfig",
    "Comment",
    "CommentVisibility",
    "Company",
    "Contact",
    "ContactKind",
    "ContactSkill",
    "Conversation",
    "ConversationStatus",
    "DeliveryChannel",
    "DeliveryStatus",
    "EventCounter",
    "Frequency",
    "Invitation",
    "LegalForm",
    "Membership",
    "Message",
    "MessageAttachment",
    "MessageDirection",
    "Notification",
    "NotificationKind",
    "Order",
    "OrderCounter",
    "OrderEvent",
    "OrderEventKind",
    "OrderSeries",
    "OrderSeriesSkip",
    "OrderStatus",
    "OrderStatusChange",
    "OutboundMessage",
    "OutboxEmail",
    "PasswordReset",
    "Photo",
    "PhotoKind",
    "RatingLink",
    "RefreshToken",
    "Role",
    "Session",
    "Task",
    "TaskStatus",
    "TelegramLink",
    "TelegramUpdate",
    "Template",
    "TemplateKind",
    "TemplateShare",
    "User",
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryStatus",
]
