"""One-click unsubscribe links (RFC 8058) for the e-mails sent to contacts.

A link is signed, not stored: `<contact id>.<channel>.<HMAC>` under SECRET_KEY with its own
label, so no other signed value of the service passes for one. It never expires (a mail read
months later must still let its reader opt out) and turning a channel off twice is harmless.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import cache

from tortoise.transactions import in_transaction

from config.settings import current
from domain.texts import pick_locale, t
from models import Company, Contact
from models.outbound import DeliveryChannel
from resolvers.contacts import notify_by_of

_LABEL = b"servicedesk:unsubscribe"
# Longer than any token this module makes (digits, a channel name, 64 hex digits).
MAX_TOKEN = 120
_CHANNELS = frozenset(c.value for c in DeliveryChannel)


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    contact_id: int
    channel: DeliveryChannel


@cache
def _key_of(secret: str) -> bytes:
    return hmac.new(secret.encode(), _LABEL, hashlib.sha256).digest()


def _signature(contact_id: int, channel: DeliveryChannel) -> str:
    message = f"{contact_id}.{channel.value}".encode()
    return hmac.new(_key_of(current().secret_key), message, hashlib.sha256).hexdigest()


def unsubscribe_token(contact_id: int, channel: DeliveryChannel) -> str:
    return f"{contact_id}.{channel.value}.{_signature(contact_id, channel)}"


def unsubscribe_url(contact_id: int, channel: DeliveryChannel) -> str:
    """The link for a mail's List-Unsubscribe header (POSTed to with List-Unsubscribe=One-Click)."""
    return f"{current().public_url}/unsubscribe/{unsubscribe_token(contact_id, channel)}"


def read_unsubscribe_token(token: str) -> Unsubscribe | None:
    """The contact and channel a token names, or None for anything altered or malformed."""
    if len(token) > MAX_TOKEN or not token.isascii():
        return None
    parts = token.split(".")
    if len(parts) != 3:
        return None
    contact, channel, signature = parts
    if not (contact.isdigit() and len(contact) <= 18) or channel not in _CHANNELS:
        return None
    read = Unsubscribe(int(contact), DeliveryChannel(channel))
    if not hmac.compare_digest(_signature(read.contact_id, read.channel), signature):
        return None
    return read


@dataclass(frozen=True, slots=True)
class UnsubscribeView:
    """What the unsubscribe page says: whose messages, on which channel, in which language."""

    locale: str
    company: str
    channel: str  # the channel's name in `locale`


async def _contact_of(read: Unsubscribe) -> tuple[Contact, UnsubscribeView] | None:
    contact = await Contact.get_or_none(id=read.contact_id)
    if contact is None:
        return None
    company = await Company.get(id=contact.company_id).only("id", "name", "locale")
    locale = pick_locale(contact.locale, company.locale)
    channel = t(locale, f"unsubscribe.channel.{read.channel.value}")
    return contact, UnsubscribeView(locale, company.name, channel)


async def view_unsubscribe(token: str) -> UnsubscribeView | None:
    """The page's words for a valid link (None: altered, or its contact is gone); no change."""
    read = read_unsubscribe_token(token)
    found = None if read is None else await _contact_of(read)
    return None if found is None else found[1]


def remaining_channels(contact: Contact, channel: DeliveryChannel) -> list[str]:
    """The contact's channels without `channel`; the default (e-mail when it has an address)
    is written out first, so turning e-mail off leaves an explicit list, not null."""
    channels = notify_by_of(contact.notify_by, contact.email)
    return [c.value for c in channels if c != channel]


async def unsubscribe(token: str) -> UnsubscribeView | None:
    """Turn the link's channel off for its contact (idempotent); None for a bad link."""
    read = read_unsubscribe_token(token)
    if read is None:
        return None
    async with in_transaction():
        # Locked: a staff edit of notifyBy at the same moment is neither lost nor overwritten.
        contact = await Contact.select_for_update().get_or_none(id=read.contact_id)
        if contact is None:
            return None
        remaining = remaining_channels(contact, read.channel)
        if remaining != contact.notify_by:
            _ = await Contact.filter(id=contact.id).update(notify_by=remaining)
    found = await _contact_of(read)
    return None if found is None else found[1]
