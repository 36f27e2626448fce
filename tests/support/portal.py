"""Portal members made directly in the database, then logged in through the API.

For tests that need a CLIENT or CONTRACTOR member without the invitation round trip
(tests of invitations use `inviteContact` itself, see tests/support/world.py).
"""

from __future__ import annotations

from models import Contact, Role, User
from permissions.passwords import hash_password
from resolvers.auth import create_membership
from tests.support.api import LOGIN, PASSWORD, Api, Session, session_of, unique_email


async def portal_member(api: Api, company_id: int, contact: Contact, role: Role) -> Session:
    email = unique_email(role.lower())
    user = await User.create(email=email, password_hash=await hash_password(PASSWORD))
    # The path as the app writes it for a member without a manager: a root of its own.
    _ = await create_membership(
        company_id=company_id, user=user, role=role, name=f"{role.title()} Person", contact=contact
    )
    data = await api.ok(LOGIN, {"email": email, "password": PASSWORD})
    return session_of(data["login"], email)
