"""A member's in-app notification sent on the channels outside the app it chose for the kind
(setNotificationPreferences): one `OutboundMessage` per chosen channel, for any number of
members in one INSERT (resolvers.notification_writes decides who gets one).

Addresses are the member's own: EMAIL its login, TELEGRAM its own chat, SMS its contact's
phone in E.164; a channel without one is FAILED with what to do, as resolvers.outbound does.
The e-mail reads like the outbox's notification copy (the text and a link to the app); the
subject and the other channels carry the notification's text, already in the member's
language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from config.settings import current
from domain.phones import e164
from domain.texts import t
from models import DeliveryChannel, DeliveryStatus, Notification, OutboundMessage
from resolvers.outbound import SUBJECT_LENGTH, missing_reason

INSERT_BATCH = 500


@dataclass(frozen=True, slots=True)
class MemberCopy:
    """One notification for one member, on `channels` (IN_APP among them is ignored)."""

    note: Notification
    contact_id: int | None
    locale: str  # the member's language
    staff_locale: str  # the company's: a FAILED row's reason is read by staff
    channels: Sequence[DeliveryChannel]
    login: str
    telegram_chat_id: int | None
    phone: str | None


def _address(copy: MemberCopy, channel: DeliveryChannel) -> str:
    if channel is DeliveryChannel.EMAIL:
        return copy.login.strip()
    if channel is DeliveryChannel.TELEGRAM:
        return str(copy.telegram_chat_id) if copy.telegram_chat_id is not None else ""
    return e164(copy.phone) or ""


async def queue_member_copies(copies: Sequence[MemberCopy]) -> int:
    """Queue every copy's rows: one INSERT whatever the number of members; how many rows."""
    link = current().public_url
    rows: list[OutboundMessage] = []
    for copy in copies:
        note = copy.note
        for channel in dict.fromkeys(copy.channels):
            if channel is DeliveryChannel.IN_APP:
                continue
            address = _address(copy, channel)
            text = note.text
            if channel is DeliveryChannel.EMAIL:
                text = t(copy.locale, "mail.notification_copy", text=note.text, link=link)
            rows.append(
                OutboundMessage(
                    company_id=note.company_id,
                    order_id=note.order_id,
                    contact_id=copy.contact_id,
                    member_id=note.member_id,
                    kind=note.kind,
                    channel=channel,
                    to=address,
                    subject=note.text[:SUBJECT_LENGTH],
                    text=text,
                    locale=copy.locale,
                    status=DeliveryStatus.PENDING if address else DeliveryStatus.FAILED,
                    error=None if address else missing_reason(channel, copy.staff_locale),
                )
            )
    if rows:
        await OutboundMessage.bulk_create(rows, batch_size=INSERT_BATCH)
    return len(rows)
