"""Access tokens (short JWTs, algorithm pinned) and opaque tokens (refresh, invitation and API
tokens) stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from config.settings import current

ALGORITHM = "HS256"
ISSUER = "servicedesk"
AUDIENCE = "servicedesk-api"
# A website chat visitor's token: its own audience, so it never passes for an access token.
CHAT_AUDIENCE = "servicedesk-chat"
CHAT_TOKEN_DAYS = 30


@dataclass(frozen=True, slots=True)
class AccessClaims:
    membership_id: int
    company_id: int
    session_id: str
    expires_at: datetime


def _encode(audience: str, lifetime: timedelta, claims: dict[str, object]) -> str:
    now = datetime.now(UTC)
    signed = {**claims, "iss": ISSUER, "aud": audience, "iat": now, "exp": now + lifetime}
    return jwt.encode(signed, current().secret_key, algorithm=ALGORITHM)


def _decode(token: str, audience: str, required: list[str]) -> dict[str, Any]:
    """The verified claims (pinned algorithm, issuer and audience); raises PyJWTError."""
    return jwt.decode(
        token,
        current().secret_key,
        algorithms=[ALGORITHM],
        audience=audience,
        issuer=ISSUER,
        options={"require": ["exp", "iat", "iss", "aud", *required]},
    )


def issue_access_token(membership_id: int, company_id: int, session_id: str) -> str:
    lifetime = timedelta(minutes=current().access_token_minutes)
    claims = {"sub": str(membership_id), "cid": company_id, "sid": session_id}
    return _encode(AUDIENCE, lifetime, claims)


# Verified access tokens, by secret and token: a client sends one token with every request
# until it expires, and PyJWT's checks were an eighth of authentication's CPU (py-spy of the
# suite). A token is kept only once PyJWT accepted it whole; a hit checks its expiry again
# (PyJWT's rule: expired once `exp <= now`), the only check that time can change (`iat` only
# gets older). Revocation is the session's, read from the database on every request.
_VERIFIED_MAX = 4096
_verified: dict[tuple[str, str], AccessClaims] = {}


def read_access_token(token: str) -> AccessClaims | None:
    """The token's claims, or None for anything forged, expired or malformed."""
    key = (current().secret_key, token)
    known = _verified.get(key)
    if known is not None:
        return known if known.expires_at > datetime.now(UTC) else None
    try:
        claims = _decode(token, AUDIENCE, ["sub", "sid", "cid"])
        read = AccessClaims(
            membership_id=int(claims["sub"]),
            company_id=int(claims["cid"]),
            session_id=str(claims["sid"]),
            expires_at=datetime.fromtimestamp(claims["exp"], UTC),
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    if "nbf" not in claims:  # ours never carry one; a token that does is decoded each time
        if len(_verified) >= _VERIFIED_MAX:
            del _verified[next(iter(_verified))]
        _verified[key] = read
    return read


@dataclass(frozen=True, slots=True)
class ChatClaims:
    conversation_id: int
    company_id: int
    visitor_key: str
    expires_at: datetime


def issue_chat_token(conversation_id: int, company_id: int, visitor_key: str) -> str:
    """A visitor's token: long enough to outlive page reloads (the widget keeps it)."""
    claims = {"sub": str(conversation_id), "cid": company_id, "vk": visitor_key}
    return _encode(CHAT_AUDIENCE, timedelta(days=CHAT_TOKEN_DAYS), claims)


def read_chat_token(token: str) -> ChatClaims | None:
    """A visitor token's claims, or None for anything forged, expired or meant for members."""
    try:
        claims = _decode(token, CHAT_AUDIENCE, ["sub", "cid", "vk"])
        return ChatClaims(
            conversation_id=int(claims["sub"]),
            company_id=int(claims["cid"]),
            visitor_key=str(claims["vk"]),
            expires_at=datetime.fromtimestamp(claims["exp"], UTC),
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None


# API tokens start with this, so that they are told from JWTs without decoding anything, and
# so that secret scanners (and people) recognise one that leaked.
API_TOKEN_PREFIX = "sd_"


def new_api_token() -> tuple[str, str]:
    """A new API token (shown once) and the hash stored instead of it."""
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, hash_token(token)


def is_api_token(token: str) -> bool:
    return token.startswith(API_TOKEN_PREFIX)


def new_opaque_token() -> tuple[str, str]:
    """A random token for the client and the hash we store instead of it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
