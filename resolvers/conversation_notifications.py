"""MESSAGE_RECEIVED: who is told of an inbound message, in the transaction that records it.

The assignee when the conversation has one; else every member who may see an unassigned
conversation (the OWNER and all STAFF: permissions.conversations). One SELECT of the
recipients; a recipient who has not read the chat's last notification gets that one again
(resolvers.notifications.coalesce: one SELECT, one UPDATE), the others one INSERT. After commit
the writer publishes them (`publish_received`) and the relay of realtime.notifications covers a
lost publish.
"""

from __future__ import annotations

from tortoise.expressions import Q

from models import Conversation, Membership, Message, Notification, NotificationKind, Role
from permissions.actor import STAFF_ROLES, Actor
from permissions.conversations import ConversationKeys, can_see_conversation
from realtime.notifications import publish_notifications
from resolvers.notification_texts import Reader, message_received_text
from resolvers.notifications import coalesce


def message_text(conversation: Conversation, message: Message, reader: Reader) -> str:
    who = conversation.external_name or conversation.external_key
    return message_received_text(conversation.channel, who, message.body, reader)


async def on_message_received(conversation: Conversation, message: Message) -> int:
    """Write the notifications of an inbound message; return how many."""
    condition = Q(company_id=conversation.company_id, role__in=list(STAFF_ROLES))
    if conversation.assignee_id is not None:
        condition &= Q(id=conversation.assignee_id)
    rows = await Membership.filter(condition, active=True).values(
        "id", "user_id", "role", "path", "locale", "company__locale", "company__timezone"
    )
    path = next((r["path"] for r in rows if r["id"] == conversation.assignee_id), None)
    keys = ConversationKeys(conversation.company_id, path)
    notes = [
        Notification(
            company_id=conversation.company_id,
            member_id=r["id"],
            kind=NotificationKind.MESSAGE_RECEIVED,
            text=message_text(
                conversation,
                message,
                Reader.of(r["locale"], None, r["company__locale"], r["company__timezone"]),
            ),
            conversation_id=conversation.id,
        )
        for r in rows
        if can_see_conversation(
            Actor(
                r["id"],
                r["user_id"],
                conversation.company_id,
                Role(r["role"]),
                r["path"],
                None,
                None,
            ),
            keys,
        )
    ]
    notes = await coalesce(notes, "conversation_id")  # one unread per chat, not per message
    if notes:
        await Notification.bulk_create(notes)
    return len(notes)


async def publish_received(conversation_id: int) -> None:
    """After commit: publish the conversation's unpublished notifications."""
    _ = await publish_notifications(Notification.filter(conversation_id=conversation_id))
