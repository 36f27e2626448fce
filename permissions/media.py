"""Signed, expiring links to stored files (photos): whoever holds the link may fetch it
until it expires, so links are short-lived (`MEDIA_LINK_SECONDS`) and handed only to members
who see the order, each time they read it. A link thus outlives the member's right to see
the order by at most its own lifetime; the media route checks nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from functools import cache
from urllib.parse import quote

from config.settings import current


@cache
def _key_of(secret: str) -> bytes:
    return hashlib.sha256(b"media:" + secret.encode()).digest()


def _signature(key: str, expires: int) -> str:
    message = f"{key}:{expires}".encode()
    return hmac.new(_key_of(current().secret_key), message, hashlib.sha256).hexdigest()


def signed_url(key: str, now: datetime, seconds: int | None = None) -> str:
    settings = current()
    expires = int(now.timestamp()) + (settings.media_link_seconds if seconds is None else seconds)
    signature = _signature(key, expires)
    return f"{settings.public_url}/media/{quote(key)}?expires={expires}&sig={signature}"


def signed_attachment_url(key: str, now: datetime) -> str:
    """A link to an inbox message's attachment (servicedesk/http/attachments_route.py), handed
    only to staff who see the conversation. Attachment keys (32 hex digits) never take the
    shape of a photo key, so neither route serves the other's files."""
    settings = current()
    expires = int(now.timestamp()) + settings.media_link_seconds
    signature = _signature(key, expires)
    return f"{settings.public_url}/attachments/{quote(key)}?expires={expires}&sig={signature}"


def link_is_valid(key: str, expires: str | None, signature: str | None, now: float) -> bool:
    """True for a link `signed_url` made that has not expired at `now` (seconds)."""
    if not expires or not (expires.isascii() and expires.isdigit()) or len(expires) > 12:
        return False
    if not signature:
        return False
    if int(expires) <= now:
        return False
    return hmac.compare_digest(_signature(key, int(expires)), signature)
