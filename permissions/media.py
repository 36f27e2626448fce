"""Signed, expiring links to stored files (photos): whoever holds the link may fetch it
until it expires, so links are short-lived and handed only to members who see the order."""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import quote

from servicedesk.settings import current

LINK_SECONDS = 15 * 60


def _signature(key: str, expires: int) -> str:
    message = f"{key}:{expires}".encode()
    secret = hashlib.sha256(b"media:" + current().secret_key.encode()).digest()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def signed_url(key: str, seconds: int = LINK_SECONDS) -> str:
    expires = int(time.time()) + seconds
    return f"{current().public_url}/media/{quote(key)}?expires={expires}&sig={_signature(key, expires)}"
