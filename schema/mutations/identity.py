"""Mutations of identity: registering, logging in and out, sessions, switching company."""

from __future__ import annotations

import strawberry

from permissions.authenticate import actor_of
from resolvers import auth, invitations
from resolvers.sessions import Credentials, rotate
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id
from schema.people import AuthPayload, Member


@strawberry.input
class RegisterInput:
    company_name: str
    name: str
    email: str
    password: str
    timezone: str | None = None


@strawberry.input
class AcceptInvitationInput:
    token: str
    name: str
    password: str = strawberry.field(
        description="For a new login: its password. "
        "For an email that already has a login: that login's password."
    )


def auth_payload(info: Info, credentials: Credentials) -> AuthPayload:
    """The new session's tokens; the rest of the response is seen as its member sees it."""
    info.context.actor = actor_of(credentials.membership, credentials.session_id)
    return AuthPayload(
        access_token=credentials.access_token,
        refresh_token=credentials.refresh_token,
        member=Member.of(credentials.membership),
    )


@strawberry.type
class IdentityMutations:
    @strawberry.mutation
    async def register(self, info: Info, input: RegisterInput) -> AuthPayload:
        async def act() -> AuthPayload:
            return auth_payload(
                info,
                await auth.register(
                    input.company_name,
                    input.name,
                    input.email,
                    input.password,
                    input.timezone,
                    info.context.client_address,
                ),
            )

        return await payload_of(AuthPayload, act)

    @strawberry.mutation
    async def login(
        self, info: Info, email: str, password: str, company_id: strawberry.ID | None = None
    ) -> AuthPayload:
        async def act() -> AuthPayload:
            company = decode_optional_id(company_id, "Company")
            address = info.context.client_address
            return auth_payload(info, await auth.login(email, password, company, address))

        return await payload_of(AuthPayload, act)

    @strawberry.mutation
    async def refresh_session(self, info: Info, refresh_token: str) -> AuthPayload:
        async def act() -> AuthPayload:
            return auth_payload(info, await rotate(refresh_token))

        return await payload_of(AuthPayload, act)

    @strawberry.mutation
    async def accept_invitation(self, info: Info, input: AcceptInvitationInput) -> AuthPayload:
        async def act() -> AuthPayload:
            credentials = await invitations.accept_invitation(
                input.token, input.name, input.password, info.context.client_address
            )
            return auth_payload(info, credentials)

        return await payload_of(AuthPayload, act)

    @strawberry.mutation
    async def logout(self, info: Info, refresh_token: str) -> bool:
        return await auth.logout(info.context.require_actor(), refresh_token)

    @strawberry.mutation
    async def switch_company(self, info: Info, company_id: strawberry.ID) -> AuthPayload:
        async def act() -> AuthPayload:
            actor = info.context.require_actor()
            return auth_payload(
                info, await auth.switch_company(actor, decode_id(company_id, "Company"))
            )

        return await payload_of(AuthPayload, act)
