"""Tortoise models, one module per area. No business rules beyond field constraints."""

from models.api_tokens import ApiToken
from models.contacts import Address, Contact, ContactKind, LegalForm
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
from models.people import (
    Company,
    Invitation,
    LoginFailure,
    Membership,
    RefreshToken,
    Role,
    Session,
    User,
)
from models.tasks import Task, TaskStatus, Template, TemplateKind, TemplateShare

__all__ = [
    "CLOSED_STATUSES",
    "Address",
    "ApiToken",
    "Channel",
    "Comment",
    "CommentVisibility",
    "Company",
    "Contact",
    "ContactKind",
    "EventCounter",
    "Invitation",
    "LegalForm",
    "LoginFailure",
    "Membership",
    "Notification",
    "NotificationKind",
    "Order",
    "OrderCounter",
    "OrderEvent",
    "OrderEventKind",
    "OrderStatus",
    "OrderStatusChange",
    "OutboxEmail",
    "Photo",
    "PhotoKind",
    "RefreshToken",
    "Role",
    "Session",
    "Task",
    "TaskStatus",
    "Template",
    "TemplateKind",
    "TemplateShare",
    "User",
]
