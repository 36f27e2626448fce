"""Sessions: an access token plus a refresh token that rotates on every use.

A refresh token presented a second time means it was stolen or replayed: the whole
family (the session) is revoked, so both the thief and the victim must log in again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import DomainError, ErrorCode
from models import Membership, RefreshToken, Session
from permissions.tokens import hash_token, issue_access_token, new_opaque_token


@dataclass(frozen=True, slots=True)
class Credentials:
    access_token: str
    refresh_token: str
    membership: Membership
    session_id: str


async def _new_refresh_token(session_id: uuid.UUID) -> str:
    token, hashed = new_opaque_token()
    expires = datetime.now(UTC) + timedelta(days=current().refresh_token_days)
    _ = await RefreshToken.create(session_id=session_id, token_hash=hashed, expires_at=expires)
    return token


async def start_session(membership: Membership) -> Credentials:
    now = datetime.now(UTC)
    async with in_transaction():
        session = await Session.create(id=uuid.uuid4(), membership=membership)
        refresh = await _new_refresh_token(session.id)
        await Membership.filter(id=membership.id).update(last_login_at=now)
    access = issue_access_token(membership.id, membership.company_id, str(session.id))
    return Credentials(access, refresh, membership, str(session.id))


_INVALID = "This refresh token is not valid; log in again"


async def rotate(refresh_token: str) -> Credentials:
    now = datetime.now(UTC)
    token = await RefreshToken.get_or_none(token_hash=hash_token(refresh_token)).select_related(
        "session__membership"
    )
    if token is None or token.session.revoked_at is not None:
        raise DomainError(ErrorCode.INVALID_CREDENTIALS, _INVALID, ["refreshToken"])
    if token.expires_at <= now:
        raise DomainError(ErrorCode.EXPIRED, "This session has expired; log in again")
    claimed = await RefreshToken.filter(id=token.id, used_at=None).update(used_at=now)
    if not claimed:
        await revoke_session(token.session_id)
        raise DomainError(ErrorCode.INVALID_CREDENTIALS, _INVALID, ["refreshToken"])
    membership = token.session.membership
    refresh = await _new_refresh_token(token.session.id)
    access = issue_access_token(membership.id, membership.company_id, str(token.session.id))
    return Credentials(access, refresh, membership, str(token.session.id))


async def revoke_session(session_id: str | uuid.UUID) -> None:
    await Session.filter(id=session_id, revoked_at=None).update(revoked_at=datetime.now(UTC))


async def revoke_login_sessions(user_id: int, except_session_id: str | None = None) -> int:
    """End every session of every membership of the login (but `except_session_id`), in one
    statement: their refresh tokens are refused at once, their access tokens at the next
    request, their WebSockets at the guard's next round. API tokens are no sessions."""
    sessions = Session.filter(
        membership_id__in=Subquery(Membership.filter(user_id=user_id).values("id")),
        revoked_at=None,
    )
    if except_session_id is not None:
        sessions = sessions.exclude(id=except_session_id)
    return await sessions.update(revoked_at=datetime.now(UTC))


async def renew_session(session_id: str, membership: Membership) -> Credentials:
    """New tokens for a live session, as `rotate` gives: its refresh tokens not yet used are
    used up (one presented later counts as reuse and ends the session)."""
    now = datetime.now(UTC)
    async with in_transaction():
        _ = await RefreshToken.filter(session_id=session_id, used_at=None).update(used_at=now)
        refresh = await _new_refresh_token(uuid.UUID(session_id))
    access = issue_access_token(membership.id, membership.company_id, session_id)
    return Credentials(access, refresh, membership, session_id)


async def session_of_refresh_token(refresh_token: str) -> Session | None:
    token = await RefreshToken.get_or_none(token_hash=hash_token(refresh_token)).select_related(
        "session__membership"
    )
    return None if token is None else token.session
