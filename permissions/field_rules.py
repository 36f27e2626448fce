"""Deny by default for object fields: every field of the schema is classified here.

Each entry is one of three kinds, and the entry is what the field does, not a comment:
- `WITH_OBJECT`: whoever may see the object sees the field;
- a `FieldRule`: a yes/no check of the actor against the object, applied by the schema's one
  guard (`schema.guard`), which resolves a refused field to null (an empty list for a list);
- a `RowFilter`: the field lists or points at rows of their own, and the query that loads
  them is narrowed by the named function (a visibility filter of their own kind).
A test walks the schema and fails on a field missing here, a guarded field whose entry is no
`FieldRule`, a `FieldRule` no field is guarded by, and a `RowFilter` its field does not use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from permissions import (
    companies,
    contacts,
    conversations,
    members,
    orders,
    outbound,
    series,
    tasks,
    webchat,
)
from permissions.actor import Actor


@dataclass(frozen=True, slots=True)
class WithObject:
    """Visible to whoever may see the object."""


WITH_OBJECT = WithObject()


@dataclass(frozen=True, slots=True)
class FieldRule:
    """May the actor read this field of this object? No: the field is null (a list, empty).

    `reads` names the attribute of the schema object the check gets after the actor (the
    order's row, the member's user id, the contact's id); None: the check reads the actor
    alone. A rule `for_visitors` also answers for a website chat visitor (no actor).
    """

    check: Callable[..., bool]
    reads: str | None
    for_visitors: bool = False

    @property
    def name(self) -> str:
        return f"{self.check.__module__}.{self.check.__qualname__}"


@dataclass(frozen=True, slots=True)
class RowFilter:
    """The field's resolver loads its rows (through its data loader) narrowed by
    `function(actor)`: a queryset of the rows the actor may see, or, for comments, the
    kinds it may see."""

    function: Callable[[Actor], object]

    @property
    def name(self) -> str:
        return f"{self.function.__module__}.{self.function.__qualname__}"


FieldAccess = WithObject | FieldRule | RowFilter

MEMBER_EMAIL = FieldRule(members.can_see_member_email, reads="user_id")
MEMBER_RELATIONS = FieldRule(members.can_see_member_relations, reads="user_id")
# A card's details beyond its name: not for a contractor looking at its order's client,
# who gets the address it needs from the order; nor a contractor's skills and hours for a
# client looking at its order's contractor.
CONTACT_DETAILS = FieldRule(contacts.can_see_contact_details, reads="pk")
ORDERS = RowFilter(orders.visible_orders)
TASKS = RowFilter(tasks.visible_tasks)
CONVERSATIONS = RowFilter(conversations.visible_conversations)


def _with_object(type_name: str, *fields: str) -> dict[str, FieldAccess]:
    return {f"{type_name}.{field}": WITH_OBJECT for field in fields}


FIELD_RULES: dict[str, FieldAccess] = {
    **_with_object("PageInfo", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
    **_with_object("UserError", "field", "message", "code"),
    **_with_object("Company", "id", "name", "timezone", "locale", "workingHours"),
    "Company.escalation": FieldRule(companies.can_see_company_settings, reads="pk"),
    **_with_object("WorkingHours", "weekday", "start", "end"),
    **_with_object(
        "EscalationSettings", "overdueMinutes", "unansweredMinutes", "visitReminderHours"
    ),
    **_with_object("CompanyPayload", "company", "errors"),
    **_with_object("Member", "id", "name", "role", "title", "contact", "company"),
    "Member.active": WITH_OBJECT,
    "Member.email": MEMBER_EMAIL,
    "Member.manager": MEMBER_RELATIONS,
    "Member.subordinates": MEMBER_RELATIONS,
    "Member.notificationPreferences": FieldRule(
        outbound.can_see_notification_preferences, reads="pk"
    ),
    **_with_object("MemberEdge", "node", "cursor"),
    **_with_object("MemberConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("MemberPayload", "member", "errors"),
    **_with_object("AuthPayload", "accessToken", "refreshToken", "member", "errors"),
    **_with_object("RateByLinkPayload", "rated", "errors"),
    **_with_object(
        "Invitation", "id", "email", "role", "invitedBy", "contact", "expiresAt", "acceptedAt"
    ),
    **_with_object("InvitationPayload", "invitation", "inviteUrl", "token", "errors"),
    **_with_object(
        "Address", "id", "label", "text", "details", "latitude", "longitude", "archived"
    ),
    **_with_object("Contact", "id", "kind", "legalForm", "name", "createdAt", "archived"),
    "Contact.orders": ORDERS,
    **{
        f"Contact.{field}": CONTACT_DETAILS
        for field in (
            "email",
            "phone",
            "telegram",
            "taxId",
            "notes",
            "addresses",
            "manager",
            "portalMembers",
            "skills",
            "workingHours",
            # How and in what language the service reaches the contact: its own business.
            "notifyBy",
            "locale",
        )
    },
    "Contact.averageRating": FieldRule(contacts.can_see_contractor_rating, reads=None),
    **_with_object("ContactEdge", "node", "cursor"),
    **_with_object("ContactConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("ContactPayload", "contact", "errors"),
    **_with_object(
        "ImportPayload", "rows", "created", "updated", "unchanged", "rowErrors", "errors"
    ),
    **_with_object("ImportRowError", "row", "column", "message"),
    **_with_object("AddressPayload", "address", "errors"),
    **_with_object(
        "Task",
        "id",
        "title",
        "description",
        "status",
        "deadline",
        "overdue",
        "assignee",
        "creator",
        "requiresAcknowledgement",
        "acknowledgedAt",
        "createdAt",
        "completedAt",
    ),
    "Task.order": ORDERS,
    **_with_object("TaskEdge", "node", "cursor"),
    **_with_object("TaskConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("TaskPayload", "task", "errors"),
    **_with_object("AnnouncePayload", "tasks", "errors"),
    **_with_object(
        "Template",
        "id",
        "kind",
        "name",
        "title",
        "description",
        "deadlineInHours",
        "owner",
        "sharedWith",
        "sharedWithAll",
    ),
    **_with_object("TemplatePayload", "template", "errors"),
    **_with_object(
        "Order",
        "id",
        "number",
        "title",
        "description",
        "status",
        "deadline",
        "overdue",
        "source",
        "client",
        "address",
        "contractor",
        "responsible",
        "rating",
        "photos",
        "history",
        "createdAt",
        "updatedAt",
        "completedAt",
    ),
    # The booked visit: every party of the order needs to know when someone comes.
    **_with_object("Order", "visitStart", "visitEnd"),
    "Order.price": FieldRule(orders.can_see_price, reads="row"),
    "Order.contractorFee": FieldRule(orders.can_see_contractor_fee, reads="row"),
    "Order.internalNote": FieldRule(orders.can_see_internal_note, reads="row"),
    "Order.feedback": FieldRule(orders.can_see_feedback, reads="row"),
    "Order.comments": RowFilter(orders.comment_visibilities),
    # The series an order was made from, if the asker sees that series.
    "Order.series": RowFilter(series.visible_series),
    # Who was reached outside the app, where, and what failed: the company's (staff) only.
    "Order.outbound": FieldRule(outbound.can_see_outbound, reads="row"),
    **_with_object("OrderEdge", "node", "cursor"),
    **_with_object("OrderConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("OrderStatusChange", "from", "to", "by", "at", "comment"),
    **_with_object("Comment", "id", "body", "visibility", "author", "createdAt"),
    **_with_object("CommentEdge", "node", "cursor"),
    **_with_object("CommentConnection", "edges", "pageInfo", "totalCount"),
    **_with_object(
        "Photo",
        "id",
        "kind",
        "caption",
        "url",
        "thumbnailUrl",
        "contentType",
        "width",
        "height",
        "size",
        "uploadedBy",
        "createdAt",
    ),
    **_with_object("OrderPayload", "order", "errors"),
    # An event reaches a subscriber only if realtime.events.EventFacts.visible_to says so.
    **_with_object("OrderEvent", "cursor", "kind", "order", "actor", "at"),
    **_with_object("CommentPayload", "comment", "errors"),
    **_with_object("PhotoPayload", "photo", "errors"),
    # Series visible by permissions.series.visible_series; their money and note by the
    # order rules, their orders each by the orders' own rule.
    **_with_object(
        "OrderSeries",
        "id",
        "title",
        "description",
        "client",
        "address",
        "contractor",
        "responsible",
        "recurrence",
        "startDate",
        "visitTime",
        "durationMinutes",
        "active",
        "upcoming",
        "createdAt",
    ),
    "OrderSeries.price": FieldRule(orders.can_see_price, reads="row"),
    "OrderSeries.contractorFee": FieldRule(orders.can_see_contractor_fee, reads="row"),
    "OrderSeries.internalNote": FieldRule(orders.can_see_internal_note, reads="row"),
    "OrderSeries.orders": ORDERS,
    **_with_object("Recurrence", "frequency", "interval", "weekdays", "monthDay", "until", "count"),
    **_with_object("OrderSeriesEdge", "node", "cursor"),
    **_with_object("OrderSeriesConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("OrderSeriesPayload", "series", "errors"),
    **_with_object(
        "Dashboard",
        "openOrders",
        "overdueOrders",
        "dueToday",
        "createdToday",
        "completedToday",
        "openTasks",
        "overdueTasks",
        "unansweredConversations",
    ),
    # A notification is its member's only (permissions.notifications.visible_notifications);
    # what it points at is checked again with that object's own rule.
    **_with_object("Notification", "id", "kind", "text", "createdAt", "readAt"),
    "Notification.order": ORDERS,
    "Notification.task": TASKS,
    **_with_object("NotificationEdge", "node", "cursor"),
    **_with_object("NotificationConnection", "edges", "pageInfo", "totalCount"),
    **_with_object(
        "ReportRow",
        "key",
        "label",
        "created",
        "completed",
        "completedOnTime",
        "overdue",
        "cancelled",
        "averageCompletionHours",
        "averageRating",
    ),
    # Tokens visible by permissions.api_tokens.visible_api_tokens; the token itself is in
    # the payload of its creation only.
    **_with_object(
        "ApiToken",
        "id",
        "name",
        "member",
        "readOnly",
        "createdAt",
        "lastUsedAt",
        "expiresAt",
        "revokedAt",
    ),
    **_with_object("ApiTokenPayload", "apiToken", "token", "errors"),
    # Webhooks visible by permissions.webhooks.visible_webhooks, their deliveries with them
    # (what left and when is the channel's: whoever sees the webhook); the secret is in the
    # payload of its creation only.
    **_with_object(
        "Webhook",
        "id",
        "url",
        "events",
        "member",
        "active",
        "disabledReason",
        "createdAt",
        "deliveries",
    ),
    **_with_object(
        "WebhookDelivery",
        "id",
        "eventCursor",
        "kind",
        "status",
        "attempts",
        "responseStatus",
        "lastError",
        "nextAttemptAt",
        "createdAt",
        "deliveredAt",
    ),
    **_with_object("WebhookDeliveryEdge", "node", "cursor"),
    **_with_object("WebhookDeliveryConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("WebhookPayload", "webhook", "secret", "errors"),
    # Messages outside the app: reached through Order.outbound's rule or node(id)'s
    # (permissions.outbound), their fields with them.
    **_with_object(
        "OutboundMessage",
        "id",
        "kind",
        "channel",
        "to",
        "text",
        "status",
        "error",
        "createdAt",
        "sentAt",
    ),
    **_with_object("NotificationPreference", "kind", "channels"),
    # Conversations visible by permissions.conversations.visible_conversations; their fields
    # with them (the contact, the assignee), the order by its own rule.
    **_with_object(
        "Conversation",
        "id",
        "channel",
        "subject",
        "status",
        "contact",
        "externalName",
        "assignee",
        "messages",
        "lastMessage",
        "firstResponseSeconds",
        "lastMessageAt",
        "createdAt",
    ),
    "Conversation.order": ORDERS,
    "Notification.conversation": CONVERSATIONS,
    "Order.conversation": CONVERSATIONS,
    **_with_object("ConversationEdge", "node", "cursor"),
    **_with_object("ConversationConnection", "edges", "pageInfo", "totalCount"),
    **_with_object(
        "Message",
        "id",
        "direction",
        "body",
        "deliveryStatus",
        "deliveryError",
        "createdAt",
    ),
    "Message.attachments": WITH_OBJECT,
    # Signed links (permissions.media.signed_attachment_url) handed to those who see the
    # conversation, like photo links.
    **_with_object("Attachment", "fileName", "contentType", "size", "url"),
    "Message.author": FieldRule(webchat.can_see_message_author, reads=None, for_visitors=True),
    **_with_object("MessageEdge", "node", "cursor"),
    **_with_object("MessageConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("ConversationPayload", "conversation", "errors"),
    **_with_object("MessagePayload", "message", "errors"),
    # Read by staff only (permissions.conversations.check_may_read_channel_settings); no
    # field holds a secret, only whether one is set.
    **_with_object(
        "ChannelSettings",
        "emailAddress",
        "emailAddressVerified",
        "confirmedEmailAddress",
        "emailVerificationSentAt",
        "smtpHost",
        "smtpPort",
        "smtpUsername",
        "smtpPasswordSet",
        "imapHost",
        "imapPort",
        "imapUsername",
        "imapPasswordSet",
        "telegramBotName",
        "webchatWidgetKey",
        "webchatAllowedOrigins",
    ),
    **_with_object("ChannelSettingsPayload", "settings", "errors"),
    # The link is shown once, to whoever may make it (permissions.telegram_links).
    **_with_object("TelegramLinkPayload", "url", "errors"),
    # The visitor's own token and conversation, in the answer to its startChat only.
    **_with_object("ChatSession", "visitorToken", "conversationId"),
    **_with_object("ChatSessionPayload", "session", "errors"),
    # Free time of a contractor the caller may ask about (permissions.scheduling).
    **_with_object("TimeSlot", "start", "end"),
    # Suggestions are answered to staff who see the order (permissions.scheduling).
    **_with_object(
        "ContractorSuggestion",
        "contractor",
        "score",
        "free",
        "skilled",
        "distanceKm",
        "openOrders",
        "averageRating",
    ),
}
