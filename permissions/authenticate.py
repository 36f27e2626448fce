"""Turn a bearer token into an actor: one statement, revocation and membership checked."""

from __future__ import annotations

from models import Membership, Session
from permissions.actor import Actor
from permissions.tokens import read_access_token


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def actor_of(membership: Membership, session_id: str | None) -> Actor:
    return Actor(
        membership_id=membership.id,
        user_id=membership.user_id,
        company_id=membership.company_id,
        role=membership.role,
        path=membership.path,
        contact_id=membership.contact_id,
        session_id=session_id,
    )


async def authenticate(token: str | None) -> Actor | None:
    """The actor for an access token, or None when it is missing, invalid or revoked."""
    if token is None:
        return None
    claims = read_access_token(token)
    if claims is None:
        return None
    session = (
        await Session.filter(
            id=claims.session_id,
            revoked_at=None,
            membership_id=claims.membership_id,
            membership__company_id=claims.company_id,
        )
        .select_related("membership")
        .first()
    )
    if session is None:
        return None
    return actor_of(session.membership, str(session.id))
