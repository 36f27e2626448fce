"""Deny by default: every root operation of the schema is classified here (every object
field in `permissions.field_rules`).

A test walks the printed schema and fails on any root operation missing from these tables,
so nothing new reaches clients without a decision about who may call it.
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
        # Always true, rate-limited per e-mail and address: permissions.passwords.
        "Mutation.requestPasswordReset",
        # The mailed single-use token is the credential.
        "Mutation.resetPassword",
        # The mailed single-use rating link is the credential; it rates that order only.
        "Mutation.rateOrderByLink",
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
        # The dashboard's scope: permissions.dashboard.visible_report_orders.
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
        # Anyone who sees the order: permissions.orders.access_photo_order_by_id.
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
        # Staff who see the chat: permissions.webchat.access_blockable_conversation_by_id.
        "Mutation.blockChatVisitor",
        "Mutation.createOrderFromConversation",
        # Channels: staff read which are connected, the OWNER connects them.
        "Query.channelSettings",
        "Mutation.configureTelegram",
        "Mutation.configureEmail",
        # The OWNER, with the code mailed to the address: permissions.conversations.
        "Mutation.confirmEmailAddress",
        "Mutation.configureWebchat",
        # The OWNER only: permissions.companies.check_may_change_company_settings.
        "Mutation.updateCompany",
        # Staff for the company's contractors, a contractor for itself:
        # permissions.scheduling.access_schedulable_contractor_by_id.
        "Query.freeSlots",
        # Staff who see the order: permissions.scheduling.access_suggestion_order_by_id.
        "Query.suggestContractors",
        # Series follow the order rules: permissions.series (visible_series, and who may
        # create, change, skip and end one).
        "Query.orderSeries",
        "Mutation.createOrderSeries",
        "Mutation.updateOrderSeries",
        "Mutation.skipSeriesVisit",
        "Mutation.endOrderSeries",
        # The caller's own login (sessions only, below).
        "Mutation.changePassword",
        # OWNER, or a manager above the member: permissions.leavers.
        "Mutation.deactivateMember",
        "Mutation.reactivateMember",
        # Staff, by updateContact's rules: permissions.contacts.
        "Mutation.updateAddress",
        "Mutation.archiveAddress",
        "Mutation.archiveContact",
        "Mutation.restoreContact",
        # Staff who may create contacts of the kind: permissions.contacts.
        "Mutation.importContacts",
        # A template's owner, or the OWNER for shared ones: permissions.templates.
        "Mutation.updateTemplate",
        "Mutation.deleteTemplate",
        # The creator or a manager above the assignee: permissions.tasks.
        "Mutation.updateTask",
        "Mutation.cancelTask",
        # permissions.webhooks: the OWNER, the creator and the webhook's member see one.
        "Query.webhooks",
        "Mutation.createWebhook",
        "Mutation.deleteWebhook",
        "Mutation.enableWebhook",
        "Mutation.replayWebhook",
        # Any member for its own chat, the OWNER for a contact's: permissions.telegram_links.
        "Mutation.createTelegramLink",
        # The caller's own channels per kind: permissions.outbound (a portal member or staff).
        "Mutation.setNotificationPreferences",
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
    "Mutation.changePassword",
    # Reactivating hands a login back; deactivating ends sessions: people, not partners.
    "Mutation.deactivateMember",
    "Mutation.reactivateMember",
    # A webhook is a channel out that outlives the token that would make it (as a minted
    # credential would), and enabling one opens it again: people decide. Deleting one and
    # replaying events to its URL open nothing new: a partner's token may do those.
    "Mutation.createWebhook",
    "Mutation.enableWebhook",
    # A tied Telegram chat hears of the person's orders long after the token is revoked.
    "Mutation.createTelegramLink",
    # Where a person is reached is the person's choice, not a partner's.
    "Mutation.setNotificationPreferences",
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
