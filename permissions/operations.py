"""Deny by default: every operation and every field of the schema is classified here.

A test walks the printed schema and fails on any root operation or object field missing
from these tables, so nothing new reaches clients without a decision about who sees it.
"""

from __future__ import annotations

from enum import StrEnum

from permissions.actor import Actor
from permissions.credentials import MINTING_OPERATIONS


class Access(StrEnum):
    PUBLIC = "no token needed"
    MEMBER = "any member; the row filters of permissions/ decide what it touches"
    VISITOR = "a website chat visitor's token only: its own chat, nothing else"


PUBLIC_OPERATIONS = frozenset(
    {
        "Mutation.register",
        "Mutation.login",
        "Mutation.refreshSession",
        "Mutation.acceptInvitation",
        "Mutation.startChat",
    }
)

MEMBER_OPERATIONS = frozenset(
    {
        "Query.node",
        "Query.me",
        "Query.myMemberships",
        "Query.members",
        "Query.invitations",
        "Query.contacts",
        "Mutation.logout",
        "Mutation.switchCompany",
        "Mutation.inviteMember",
        "Mutation.moveMember",
        "Mutation.createContact",
        "Mutation.updateContact",
        "Mutation.addAddress",
        "Query.tasks",
        "Query.templates",
        "Mutation.createTask",
        "Mutation.completeTask",
        "Mutation.acknowledgeTask",
        "Mutation.announce",
        "Mutation.createTemplate",
        "Mutation.shareTemplate",
        "Query.orders",
        "Query.dashboard",
        # The dashboard's scope: permissions.dashboard.report_orders.
        "Query.orderReport",
        # permissions.api_tokens; an API token itself may list but not manage (refusal below).
        "Query.apiTokens",
        "Mutation.createApiToken",
        "Mutation.revokeApiToken",
        "Mutation.inviteContact",
        "Mutation.createOrder",
        "Mutation.updateOrder",
        "Mutation.assignOrder",
        "Mutation.setOrderStatus",
        "Mutation.rateOrder",
        "Mutation.addComment",
        # Anyone who sees the order: permissions.orders.access_order_for_photos.
        "Mutation.uploadOrderPhoto",
        # A member's own notifications only: permissions.notifications.visible_notifications.
        "Query.notifications",
        "Mutation.markNotificationsRead",
        # The inbox: permissions.conversations (staff only; STAFF per the org tree).
        "Query.conversations",
        "Mutation.replyToConversation",
        "Mutation.assignConversation",
        "Mutation.linkConversationContact",
        "Mutation.closeConversation",
        # Staff who see the chat: permissions.webchat.blockable_conversation.
        "Mutation.blockChatVisitor",
        "Mutation.createOrderFromConversation",
        # Channels: staff read which are connected, the OWNER connects them.
        "Query.channelSettings",
        "Mutation.configureTelegram",
        "Mutation.configureEmail",
        # The OWNER, with the code mailed to the address: permissions.conversations.
        "Mutation.confirmEmailAddress",
        "Mutation.configureWebchat",
    }
)


SUBSCRIPTIONS = frozenset(
    {
        "Subscription.orderEvents",
        "Subscription.orderUpdated",
        "Subscription.dashboardUpdated",
        "Subscription.notificationReceived",
        # Staff only: permissions.conversations.check_may_use_inbox, then can_see_conversation.
        "Subscription.conversationUpdated",
    }
)


# A chat visitor (permissions/webchat.py) is no member: its token opens these and nothing
# else, and they open to nothing but its token.
VISITOR_OPERATIONS = frozenset({"Mutation.sendChatMessage", "Subscription.chatMessages"})

# What a page on a company's widget origin (not one of ALLOWED_ORIGINS) may call across
# origins: the widget's own operations (servicedesk/http/widget_cors.py marks such requests).
WIDGET_OPERATIONS = frozenset({"Mutation.startChat", *VISITOR_OPERATIONS})


def operation_access(name: str) -> Access | None:
    """Access for `Query.x` / `Mutation.x`; None for an unclassified operation (denied)."""
    if name in PUBLIC_OPERATIONS:
        return Access.PUBLIC
    if name in VISITOR_OPERATIONS:
        return Access.VISITOR
    if name in MEMBER_OPERATIONS or name in SUBSCRIPTIONS:
        return Access.MEMBER
    return None


# What a login session may do and an API token may not: a token never mints credentials
# (tokens, invitations: a leaked one could outlive its own revocation through them, see
# permissions.credentials), never revokes tokens, nor trades itself for a session in one of
# its person's other companies.
SESSION_ONLY_OPERATIONS = MINTING_OPERATIONS | {
    "Mutation.revokeApiToken",
    "Mutation.switchCompany",
}


def refusal(actor: Actor | None, operation: str) -> str | None:
    """Why `actor` may not run `operation` at all, whatever its arguments; None if it may try.

    A read-only API token runs no mutation (public ones included); every other rule is a row
    rule of its own module.
    """
    if actor is None or actor.api_token_id is None:
        return None
    if actor.read_only and operation.startswith("Mutation."):
        return "This API token is read-only"
    if operation in SESSION_ONLY_OPERATIONS:
        return "An API token cannot do this: log in as a person"
    return None


WITH_OBJECT = "visible to whoever may see the object"


def _with_object(type_name: str, *fields: str) -> dict[str, str]:
    return {f"{type_name}.{field}": WITH_OBJECT for field in fields}


# Object fields: either visible with their object, or guarded by the named rule.
FIELD_RULES: dict[str, str] = {
    **_with_object("PageInfo", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
    **_with_object("UserError", "field", "message", "code"),
    **_with_object("Company", "id", "name", "timezone"),
    **_with_object("Member", "id", "name", "role", "title", "contact", "company"),
    "Member.email": "permissions.members.can_see_member_email",
    "Member.manager": "permissions.members.can_see_member_relations",
    "Member.subordinates": "permissions.members.can_see_member_relations",
    **_with_object("MemberEdge", "node", "cursor"),
    **_with_object("MemberConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("AuthPayload", "accessToken", "refreshToken", "member", "errors"),
    **_with_object(
        "Invitation", "id", "email", "role", "invitedBy", "contact", "expiresAt", "acceptedAt"
    ),
    **_with_object("InvitationPayload", "invitation", "inviteUrl", "token", "errors"),
    **_with_object("Address", "id", "label", "text", "details", "latitude", "longitude"),
    **_with_object("Contact", "id", "kind", "legalForm", "name", "createdAt"),
    "Contact.orders": "permissions.orders.visible_orders",
    **{
        f"Contact.{field}": "permissions.contacts.can_see_contact_details"
        for field in (
            "email",
            "phone",
            "telegram",
            "taxId",
            "notes",
            "addresses",
            "manager",
            "portalMembers",
        )
    },
    **_with_object("ContactEdge", "node", "cursor"),
    **_with_object("ContactConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("ContactPayload", "contact", "errors"),
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
    "Task.order": "permissions.orders.visible_orders",
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
    "Order.price": "permissions.orders.can_see_price",
    "Order.contractorFee": "permissions.orders.can_see_contractor_fee",
    "Order.internalNote": "permissions.orders.can_see_internal_note",
    "Order.feedback": "permissions.orders.can_see_feedback",
    "Order.comments": "permissions.orders.comment_visibilities",
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
    "Notification.order": "permissions.orders.visible_orders",
    "Notification.task": "permissions.tasks.visible_tasks",
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
    "Conversation.order": "permissions.orders.visible_orders",
    "Notification.conversation": "permissions.conversations.visible_conversations",
    "Order.conversation": "permissions.conversations.visible_conversations",
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
    "Message.author": "permissions.webchat.can_see_message_author",
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
    # The visitor's own token and conversation, in the answer to its startChat only.
    **_with_object("ChatSession", "visitorToken", "conversationId"),
    **_with_object("ChatSessionPayload", "session", "errors"),
}
