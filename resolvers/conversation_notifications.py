"""MESSAGE_RECEIVED: who is told of an inbound message, in the transaction that records it.

The assignee when the conversation has one; else every member who may see an unassigned
conversation (the OWNER and all STAFF: permissions.conversations). One SELECT of the
recipients with each one's setNotificationPreferences (resolvers.notification_writes
.recipients). A member without a choice for MESSAGE_RECEIVED is told in the app as before; a
choice with IN_APP, in the app too; EMAIL/TELEGRAM/SMS in it, an `OutboundMessage` each
(resolvers.outbound_copies, one INSERT for all); an empty choice, nothing (no row, no push).

One unread per chat, in the app and outside it, so a chatty visitor sends no 30 e-mails: a
member who has not read the chat's last notification gets that one again
(resolvers.notifications.coalesce: one SELECT, one UPDATE), the others one INSERT; a member
told in the app gets its copies outside only with a new row, not with a re-used unread one.
A member told outside the app only has no unread row to go by: it hears of a chat once per
unanswered run, on the first inbound message after an answer (or the chat's first), and
CONVERSATION_UNANSWERED (resolvers.escalation) tells it again if nobody answers. That costs
one SELECT of the message before (only when such a member is told), plus the copies' INSERT.

Nobody with a choice: the same statements as before, SELECT, coalesce's SELECT and UPDATE,
INSERT. After commit the writer publishes them (`publish_received`) and the relay of
realtime.notifications covers a lost publish.
"""

from __future__ import annotations

from tortoise.expressions import Q

from models import (
    Conversation,
    DeliveryChannel,
    Message,
    MessageDirection,
    Notification,
    NotificationKind,
)
from permissions.actor import STAFF_ROLES
from permissions.conversations import ConversationKeys, can_see_conversation
from realtime.notifications import publish_notifications
from resolvers.notification_texts import Reader, message_received_text
from resolvers.notification_writes import Recipient, member_copy, recipients, write
from resolvers.notifications import coalesce
from resolvers.outbound_copies import queue_member_copies

KIND = NotificationKind.MESSAGE_RECEIVED


def message_text(conversation: Conversation, message: Message, reader: Reader) -> str:
    who = conversation.external_name or conversation.external_key
    return message_received_text(conversation.channel, who, message.body, reader)


async def on_message_received(conversation: Conversation, message: Message) -> int:
    """Write the notifications of an inbound message and queue the copies outside the app
    its recipients chose; return how many notifications were inserted."""
    condition = Q(company_id=conversation.company_id, role__in=list(STAFF_ROLES))
    if conversation.assignee_id is not None:
        condition &= Q(id=conversation.assignee_id)
    rows = await recipients(condition)
    path = next((r.path for r in rows if r.id == conversation.assignee_id), None)
    keys = ConversationKeys(conversation.company_id, path)
    in_app: list[tuple[Recipient, Notification, list[DeliveryChannel]]] = []
    outside_only: list[tuple[Recipient, Notification, list[DeliveryChannel]]] = []
    for row in rows:
        if not can_see_conversation(row.actor, keys):
            continue
        choice = row.choice(KIND)
        outward: list[DeliveryChannel] = [
            c for c in choice or () if c is not DeliveryChannel.IN_APP
        ]
        note = Notification(
            company_id=conversation.company_id,
            member_id=row.id,
            kind=KIND,
            text=message_text(conversation, message, row.reader),
            conversation_id=conversation.id,
        )
        if choice is None or DeliveryChannel.IN_APP in choice:
            in_app.append((row, note, outward))
        elif outward:
            outside_only.append((row, note, outward))
    fresh = await coalesce([note for _, note, _ in in_app], "conversation_id")
    await write(fresh, rows)  # MESSAGE_RECEIVED is no e-mail kind: the INSERT only
    new = {id(note) for note in fresh}
    copies = [member_copy(note, row, out) for row, note, out in in_app if out and id(note) in new]
    if outside_only and await _starts_a_run(message):
        copies += [member_copy(note, row, out) for row, note, out in outside_only]
    _ = await queue_member_copies(copies)
    return len(fresh)


async def _starts_a_run(message: Message) -> bool:
    """The chat's first message, or the first inbound one after an answer (one SELECT)."""
    before = (
        await Message.filter(conversation_id=message.conversation_id, id__lt=message.id)
        .order_by("-created_at", "-id")
        .limit(1)
        .values("direction")
    )
    return not before or before[0]["direction"] != MessageDirection.INBOUND


async def publish_received(conversation_id: int) -> None:
    """After commit: publish the conversation's unpublished notifications."""
    _ = await publish_notifications(Notification.filter(conversation_id=conversation_id))
