"""Recording what arrived on a channel: the one entry point of every inbound adapter.

`record_inbound(Inbound(company_id, channel, thread_key, body, ...))` finds the conversation
(the message ids it refers to, else the channel's thread key when the channel keeps one
thread per key, else a new one), reopens it if closed, ties it to the contact it already
had, else to the one an earlier conversation with the same key had, else to a contact whose
e-mail address or Telegram name matches; writes the message (once: a repeat of the same
`external_id` returns the first), its files and the MESSAGE_RECEIVED notifications in one
transaction, then publishes the conversation and the notifications.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from media.attachments import InboundFile, store_files
from models import Channel, Contact, Conversation, ConversationStatus, Message, MessageDirection
from realtime.conversations import publish_conversation
from resolvers.conversation_notifications import on_message_received, publish_received
from resolvers.outside_names import shown_outside_name
from resolvers.text import clean_free_text, clean_name, storable

MAX_BODY = 100_000


@dataclass(frozen=True, slots=True)
class Inbound:
    """A message that arrived on a channel, as the adapter understood it."""

    company_id: int
    channel: Channel
    thread_key: str
    body: str
    sender_name: str | None = None
    subject: str | None = None
    # The channel's id of this message (a repeat of it is recorded once) and of those it
    # answers (e-mail In-Reply-To / References).
    external_id: str | None = None
    references: Sequence[str] = ()
    one_thread_per_key: bool = True
    # Finds the contact: an e-mail address, a Telegram @name.
    contact_email: str | None = None
    contact_telegram: str | None = None
    files: Sequence[InboundFile] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Recorded:
    conversation: Conversation
    message: Message
    new: bool  # False when the message had been recorded before (a repeat)


async def _thread(inbound: Inbound) -> Conversation | None:
    if inbound.references:
        earlier = (
            await Message.filter(
                company_id=inbound.company_id,
                external_id__in=list(inbound.references)[-50:],
                conversation__channel=inbound.channel,
            )
            .order_by("-id")
            .first()
        )
        if earlier is not None:
            return await Conversation.get(id=earlier.conversation_id)
    if inbound.one_thread_per_key:
        return await _latest_by_key(inbound)
    return None


async def _latest_by_key(inbound: Inbound) -> Conversation | None:
    return (
        await Conversation.filter(
            company_id=inbound.company_id,
            channel=inbound.channel,
            external_key=inbound.thread_key,
        )
        .order_by("-id")
        .first()
    )


async def _contact_id(inbound: Inbound) -> int | None:
    """The contact of an earlier conversation with the same key, else one whose address or
    Telegram name matches (clients first)."""
    earlier = (
        await Conversation.filter(
            company_id=inbound.company_id,
            channel=inbound.channel,
            external_key=inbound.thread_key,
            contact_id__not_isnull=True,
        )
        .order_by("-id")
        .limit(1)
        .values_list("contact_id")
    )
    if earlier:
        return int(earlier[0][0])
    match = Q()
    if inbound.contact_email:
        match |= Q(email__iexact=inbound.contact_email.strip())
    if inbound.contact_telegram:
        name = inbound.contact_telegram.strip().lstrip("@")
        match |= Q(telegram__iexact=name) | Q(telegram__iexact=f"@{name}")
    if not match.children and not match.filters:
        return None
    rows = (
        await Contact.filter(match, company_id=inbound.company_id)
        .order_by("kind", "id")
        .limit(1)
        .values_list("id")
    )
    return int(rows[0][0]) if rows else None


def _cleaned(inbound: Inbound) -> Inbound:
    """What arrives from outside is user text like any input (resolvers/text.py): names,
    subjects and file names as names, the body as free text, keys without NUL."""
    name, subject = clean_name(inbound.sender_name or ""), clean_name(inbound.subject or "")
    return replace(
        inbound,
        thread_key=storable(inbound.thread_key),
        body=clean_free_text(inbound.body),
        sender_name=name or None,
        subject=subject or None,
        external_id=None if inbound.external_id is None else storable(inbound.external_id),
        references=tuple(storable(key) for key in inbound.references),
        contact_email=None if inbound.contact_email is None else storable(inbound.contact_email),
        contact_telegram=(
            None if inbound.contact_telegram is None else storable(inbound.contact_telegram)
        ),
        files=tuple(
            replace(file, file_name=clean_name(file.file_name) or "attachment")
            for file in inbound.files
        ),
    )


async def record_inbound(inbound: Inbound, now: datetime | None = None) -> Recorded:
    now = now or datetime.now(UTC)
    inbound = _cleaned(inbound)
    if inbound.sender_name:  # nobody outside passes for a member (resolvers/outside_names.py)
        shown = await shown_outside_name(inbound.company_id, inbound.sender_name, inbound.channel)
        inbound = replace(inbound, sender_name=shown)
    if inbound.external_id is not None:
        repeat = await Message.get_or_none(
            company_id=inbound.company_id,
            external_id=inbound.external_id,
            direction=MessageDirection.INBOUND,
            conversation__channel=inbound.channel,
        )
        if repeat is not None:
            return Recorded(await Conversation.get(id=repeat.conversation_id), repeat, new=False)
    conversation = await _thread(inbound)
    contact_id = conversation.contact_id if conversation is not None else None
    if contact_id is None:
        contact_id = await _contact_id(inbound)
    keys = await store_files(inbound.files)
    async with in_transaction():
        if conversation is None:
            conversation = await Conversation.create(
                company_id=inbound.company_id,
                channel=inbound.channel,
                subject=(inbound.subject or None) and inbound.subject[:300],
                external_key=inbound.thread_key[:300],
                external_name=(inbound.sender_name or None) and inbound.sender_name[:300],
                contact_id=contact_id,
                first_inbound_at=now,
                last_message_at=now,
                last_direction=MessageDirection.INBOUND,
            )
        else:
            conversation.status = ConversationStatus.OPEN
            conversation.last_message_at = now
            conversation.last_direction = MessageDirection.INBOUND
            conversation.contact_id = contact_id
            if conversation.first_inbound_at is None:
                conversation.first_inbound_at = now
            if inbound.sender_name:
                conversation.external_name = inbound.sender_name[:300]
            await conversation.save(
                update_fields=[
                    "status",
                    "last_message_at",
                    "last_direction",
                    "contact_id",
                    "first_inbound_at",
                    "external_name",
                ]
            )
        message = await Message.create(
            company_id=inbound.company_id,
            conversation_id=conversation.id,
            direction=MessageDirection.INBOUND,
            body=inbound.body[:MAX_BODY],
            external_id=inbound.external_id and inbound.external_id[:300],
        )
        await keys.attach(inbound.company_id, message.id)
        _ = await on_message_received(conversation, message)
    await publish_conversation(conversation)
    await publish_received(conversation.id)
    return Recorded(conversation, message, new=True)
