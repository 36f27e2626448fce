"""Mutations of the org tree: inviting colleagues and moving members."""

from __future__ import annotations

import strawberry

from domain.errors import DomainError
from resolvers import invitations, members
from schema.context import Info
from schema.errors import graphql_error, payload_of
from schema.ids import decode_id, decode_optional_id
from schema.people import Invitation, InvitationPayload, Member


@strawberry.input
class InviteMemberInput:
    email: str
    name: str | None = None
    title: str | None = None
    manager_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Defaults to the inviter. Must be the inviter or someone in the inviter's subtree.",
    )


@strawberry.type
class OrgTreeMutations:
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

    @strawberry.mutation(
        description="Invites a client or contractor contact to log in to its portal."
    )
    async def invite_contact(
        self, info: Info, contact_id: strawberry.ID, email: str | None = None
    ) -> InvitationPayload:
        async def act() -> InvitationPayload:
            sent = await invitations.invite_contact(
                info.context.require_actor(), decode_id(contact_id, "Contact"), email
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
            raise graphql_error(error) from None
        return Member.of(moved)
