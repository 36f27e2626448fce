"""Root query fields of people and contacts: node, me, members, invitations, contacts."""

from __future__ import annotations

import strawberry

from resolvers import auth, contacts, invitations, members
from schema.connection import Connection, connection_of
from schema.contacts import Contact, ContactFilter
from schema.context import Info
from schema.people import Invitation, Member, Role


@strawberry.type
class PeopleQueries:
    @strawberry.field
    async def me(self, info: Info) -> Member:
        actor = info.context.require_actor()
        row = await info.context.loaders.member.load(actor.membership_id)
        assert row is not None, "the actor's membership was loaded to authenticate it"
        return Member.of(row)

    @strawberry.field(description="Every membership of the logged-in person, to switch company.")
    async def my_memberships(self, info: Info) -> list[Member]:
        return [Member.of(row) for row in await auth.my_memberships(info.context.require_actor())]

    @strawberry.field
    async def members(
        self,
        info: Info,
        role: Role | None = None,
        search: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Member]:
        actor = info.context.require_actor()
        page = await members.list_members(actor, role, search, first, after)
        return connection_of(page, Member.of)

    @strawberry.field
    async def invitations(self, info: Info) -> list[Invitation]:
        actor = info.context.require_actor()
        return [Invitation.of(row) for row in await invitations.list_invitations(actor)]

    @strawberry.field
    async def contacts(
        self,
        info: Info,
        filter: ContactFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Contact]:
        actor = info.context.require_actor()
        kind = filter.kind if filter else None
        search = filter.search if filter else None
        skill = filter.skill if filter else None
        archived = filter.archived if filter else None
        page = await contacts.list_contacts(actor, kind, search, first, after, skill, archived)
        return connection_of(page, Contact.of)
