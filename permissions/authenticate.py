"""Turn a bearer token into an actor: one statement, revocation and membership checked (a
deactivated membership authenticates with no token of either kind).

Two kinds of bearer token: a short access token (a JWT of a login session) and an API token
(`sd_…`, long-lived, for partner systems), told apart by the API token's prefix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from compat.tortoise import cached_values
from models import ApiToken, Role, Session
from permissions.actor import Actor
from permissions.credentials import can_still_mint
from permissions.tokens import hash_token, is_api_token, read_access_token

# What an access token's actor is made of: the session and its membership, one joined row
# (the SQL is built once per dialect: compat.tortoise.cached_values).
_SESSION_ACTOR = (
    "id",
    "membership__id",
    "membership__user_id",
    "membership__company_id",
    "membership__role",
    "membership__path",
    "membership__contact_id",
)

# `lastUsedAt` is this precise: a token read many times a minute writes its row once.
LAST_USED_PRECISION = timedelta(minutes=1)


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class MembershipFacts(Protocol):
    """What an actor is made of: a loaded `Membership`, or `_Joined` (one joined row)."""

    @property
    def id(self) -> int: ...
    @property
    def user_id(self) -> int: ...
    @property
    def company_id(self) -> int: ...
    @property
    def role(self) -> Role: ...
    @property
    def path(self) -> str: ...
    @property
    def contact_id(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class _Joined:
    """A session's membership as `_SESSION_ACTOR` reads it."""

    id: int
    user_id: int
    company_id: int
    role: Role
    path: str
    contact_id: int | None


def actor_of(
    membership: MembershipFacts, session_id: str | None, api_token: ApiToken | None = None
) -> Actor:
    return Actor(
        membership_id=membership.id,
        user_id=membership.user_id,
        company_id=membership.company_id,
        role=membership.role,
        path=membership.path,
        contact_id=membership.contact_id,
        session_id=session_id,
        api_token_id=None if api_token is None else api_token.id,
        read_only=api_token is not None and api_token.read_only,
    )


async def authenticate(token: str | None) -> Actor | None:
    """The actor for a bearer token, or None when it is missing, invalid, expired or revoked."""
    if token is None:
        return None
    if is_api_token(token):
        return await _authenticate_api_token(token)
    claims = read_access_token(token)
    if claims is None:
        return None
    live = Q(
        id=claims.session_id,
        revoked_at=None,
        membership_id=claims.membership_id,
        membership__company_id=claims.company_id,
        membership__active=True,
    )
    rows = await cached_values(Session, live, _SESSION_ACTOR, limit=1)
    if not rows:
        return None
    row = rows[0]
    return actor_of(_Joined(*(row[name] for name in _SESSION_ACTOR[1:])), str(row["id"]))


def live_api_tokens(now: datetime) -> QuerySet[ApiToken]:
    """API tokens that still authenticate: neither revoked nor expired."""
    return ApiToken.filter(Q(expires_at=None) | Q(expires_at__gt=now), revoked_at=None)


async def _authenticate_api_token(token: str) -> Actor | None:
    now = datetime.now(UTC)
    row = (
        await live_api_tokens(now)
        .filter(token_hash=hash_token(token))
        .select_related("member", "created_by")
        .first()
    )
    if row is None or not _still_valid(row):
        return None
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_PRECISION:
        # Conditional, so that processes using the token at once write it once.
        stale = Q(last_used_at=None) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        _ = await ApiToken.filter(stale, id=row.id).update(last_used_at=now)
    return actor_of(row.member, None, row)


def _still_valid(row: ApiToken) -> bool:
    """Its member and creator are of its company and active, and the creator may still mint
    it as things are now: a token minted before `permissions.credentials` (or before its
    creator lost the right) reaches no further than the creator.

    A deactivated creator can mint nothing, so its tokens for others stop with it (today only
    an OWNER mints for others, and an OWNER is never deactivated; the rule holds should that
    change). Tokens are refused, not revoked: a reactivated member's tokens work again, as
    the tokens of a creator given its right back do."""
    creator, member = row.created_by, row.member
    if row.company_id != member.company_id or row.company_id != creator.company_id:
        return False
    if not member.active or not creator.active:
        return False
    return can_still_mint(actor_of(creator, None), member)


async def live_api_token_hashes(hashes: Iterable[str]) -> set[str]:
    """Which of these token hashes still authenticate (one query, for open WebSockets)."""
    wanted = list(hashes)
    if not wanted:
        return set()
    now = datetime.now(UTC)
    found = (
        await live_api_tokens(now)
        .filter(token_hash__in=wanted)
        .select_related("member", "created_by")
    )
    return {row.token_hash for row in found if _still_valid(row)}
