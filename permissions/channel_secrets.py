"""Channel secrets (SMTP/IMAP passwords, the Telegram bot token) encrypted at rest.

Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) with a key derived from
SECRET_KEY by HKDF-SHA256 under a label of its own, so the key that signs access tokens is
never used as is. A database dump alone does not give the company's mailbox or bot away;
changing SECRET_KEY makes stored secrets unreadable (the owner enters them again: a
`SecretUnreadable` reads as "not configured" and is logged, never shown).
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from config.settings import current

LABEL = b"servicedesk channel secrets v1"


class SecretUnreadable(Exception):
    """The stored secret was written under another SECRET_KEY (or altered)."""


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=LABEL).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(plain: str) -> str:
    return _fernet(current().secret_key).encrypt(plain.encode()).decode()


def decrypt(stored: str) -> str:
    try:
        return _fernet(current().secret_key).decrypt(stored.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable("a channel secret cannot be read with this SECRET_KEY") from None
