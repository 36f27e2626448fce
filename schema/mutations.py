"""Root mutation fields: identity, the org tree and contacts.

Each field delegates to resolvers/; `payload_of` turns domain errors into `errors`.
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from permissions.authenticate import actor_of
from permissions.errors import DomainError
from resolvers import auth, contacts, invitations, members
from resolvers.sessions import Credentials
from schema.contacts import (
    Address,
    AddressInput,
    AddressPayload,
    Contact,
    ContactPayload,
    CreateContactInput,
    UpdateContactInput,
    contact_data,
)
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id
from schema.people import AuthPayload, Invitation, InvitationPayload, Member


@strawberry.input
class RegisterInput:
    company_name: str
    name: str
    email: str
    password: str
    timezone: str | None = None


@strawberry.input
class InviteMemberInput:
    email: str
    name: str | None = None
    title: str | None = None
    manager_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Defaults to the inviter. Must be the inviter or someone in the inviter's subtree.",
    )


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


def _given(source: object) -> set[str]:
    """The camelCase names of the input fields the client actually sent."""
    names = {name for name, value in vars(source).items() if value is not strawberry.UNSET}
    return {name.split("_")[0] + "".join(p.title() for p in name.split("_")[1:]) for name in names}


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def register(self, info: Info, input: RegisterInput) -> AuthPayload:
        async def act() -> AuthPayload:
            return auth_payload(
                info,
                await auth.register(
                    input.company_name, input.name, input.email, input.password, input.timezone
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
        from resolvers.sessions import rotate

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

    @strawberry.mutation
    async def invite_member(self, info: Info, input: InviteMemberInput) -> InvitationPayload:
        async def act() -> InvitationPayload:
            sent = await invitations.invite_member(
                info.context.require_actor(),
                input.email,
                input.name,
                input.title,
                decode_optional_id(input.manager_id, "Member"),
            )
            return InvitationPayload(
                invitation=Invitation.of(sent.invitation), invite_url=sent.url, token=sent.token
            )

        return await payload_of(InvitationPayload, act)

    @strawberry.mutation
    async def move_member(
        self, info: Info, member_id: strawberry.ID, manager_id: strawberry.ID
    ) -> Member | None:
        """Errors here come back as GraphQL errors with a code: the contract gives no payload."""
        try:
            moved = await members.move_member(
                info.context.require_actor(),
                decode_id(member_id, "Member"),
                decode_id(manager_id, "Member"),
            )
        except DomainError as error:
            raise GraphQLError(error.message, extensions={"code": error.code.value}) from None
        return Member.of(moved)

    @strawberry.mutation
    async def create_contact(self, info: Info, input: CreateContactInput) -> ContactPayload:
        async def act() -> ContactPayload:
            manager = decode_optional_id(input.manager_id, "Member")
            row = await contacts.create_contact(
                info.context.require_actor(),
                input.kind,
                input.legal_form,
                contact_data(input, manager),
                _given(input),
                [a.data() for a in input.addresses or []],
            )
            return ContactPayload(contact=Contact.of(row))

        return await payload_of(ContactPayload, act)

    @strawberry.mutation
    async def update_contact(
        self, info: Info, id: strawberry.ID, input: UpdateContactInput
    ) -> ContactPayload:
        async def act() -> ContactPayload:
            manager = decode_optional_id(
                None if input.manager_id is strawberry.UNSET else input.manager_id, "Member"
            )
            row = await contacts.update_contact(
                info.context.require_actor(),
                decode_id(id, "Contact"),
                contact_data(input, manager),
                _given(input),
            )
            return ContactPayload(contact=Contact.of(row))

        return await payload_of(ContactPayload, act)

    @strawberry.mutation
    async def add_address(
        self, info: Info, contact_id: strawberry.ID, input: AddressInput
    ) -> AddressPayload:
        async def act() -> AddressPayload:
            row = await contacts.add_address(
                info.context.require_actor(), decode_id(contact_id, "Contact"), input.data()
            )
            return AddressPayload(address=Address.of(row))

        return await payload_of(AddressPayload, act)
