"""Password reset and change (public reset request, logged-in change)."""

from __future__ import annotations

import strawberry

from resolvers import passwords
from schema.context import Info
from schema.errors import payload_of
from schema.mutations.identity import auth_payload
from schema.people import AuthPayload


@strawberry.type
class PasswordMutations:
    @strawberry.mutation(
        description="Always true, whether or not the e-mail has a login; a login gets a mail "
        "with a one-hour, single-use link."
    )
    async def request_password_reset(self, info: Info, email: str) -> bool:
        await passwords.request_password_reset(email, info.context.client_address)
        return True

    @strawberry.mutation(
        description="Sets the password, ends every other session of the login and logs in."
    )
    async def reset_password(self, info: Info, token: str, password: str) -> AuthPayload:
        async def act() -> AuthPayload:
            return auth_payload(info, await passwords.reset_password(token, password))

        return await payload_of(AuthPayload, act)

    @strawberry.mutation
    async def change_password(
        self, info: Info, current_password: str, new_password: str
    ) -> AuthPayload:
        async def act() -> AuthPayload:
            actor = info.context.require_actor()
            credentials = await passwords.change_password(
                actor, current_password, new_password, info.context.client_address
            )
            return auth_payload(info, credentials)

        return await payload_of(AuthPayload, act)
