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

from config.settings import current
from models.outbound import DeliveryChannel

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
