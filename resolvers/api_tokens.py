"""API tokens: issued (the token shown once), listed and revoked.

Who may do which is `permissions.api_tokens`; how a token authenticates is
`permissions.authenticate`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from domain.errors import invalid
from models import ApiToken
from permissions.actor import Actor
from permissions.api_tokens import (
    access_api_token_by_id,
    access_token_holder_by_id,
    visible_api_tokens,
)
from permissions.tokens import new_api_token
from resolvers import validation

MAX_LISTED = 200


_revoked: list[Callable[[str], None]] = []


def on_api_token_revoked(close_sockets: Callable[[str], None]) -> None:
    """Call `close_sockets(token_hash)` when a token is revoked: the app's socket guard
    (servicedesk/transport/websocket_auth.py, the top layer) registers at start-up."""
    if close_sockets not in _revoked:
        _revoked.append(close_sockets)


@dataclass(frozen=True, slots=True)
class IssuedToken:
    row: ApiToken
    token: str  # returned once, never stored


async def create_api_token(
    actor: Actor,
    name: str,
    member_id: int | None,
    read_only: bool,
    expires_at: datetime | None,
    now: datetime,
) -> IssuedToken:
    member = await access_token_holder_by_id(actor, member_id, ["input", "memberId"])
    name = validation.required_name(name, 200, "input", "name")
    if expires_at is not None:
        expires_at = validation.instant(expires_at, now, "input", "expiresAt")
        if expires_at <= now:
            raise invalid("Must be in the future", "input", "expiresAt")
    token, hashed = new_api_token()
    row = await ApiToken.create(
        company_id=actor.company_id,
        member_id=member.id,
        created_by_id=actor.membership_id,
        name=name,
        token_hash=hashed,
        read_only=read_only,
        expires_at=expires_at,
    )
    return IssuedToken(row, token)


async def list_api_tokens(actor: Actor) -> list[ApiToken]:
    """The tokens the actor may see, newest first (revoked and expired ones included)."""
    return list(await visible_api_tokens(actor).order_by("-created_at", "-id").limit(MAX_LISTED))


async def revoke_api_token(actor: Actor, token_id: int | None, now: datetime) -> ApiToken:
    """Revoke a visible token; it stops working at once. Revoking it again changes nothing."""
    row = await access_api_token_by_id(actor, token_id, ["id"])
    if row.revoked_at is None:
        _ = await ApiToken.filter(id=row.id, revoked_at=None).update(revoked_at=now)
        row = await ApiToken.get(id=row.id)
    for close_sockets in _revoked:  # this process's now; other processes' at their next check
        close_sockets(row.token_hash)
    return row
