"""Root query fields; each delegates to resolvers/ and converts rows to types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from resolvers import auth, contacts, invitations, members
from resolvers.nodes import find_node
from schema.connection import Connection, connection_of
from schema.contacts import Address, Contact, ContactFilter
from schema.context import Info
from schema.ids import parse_global_id
from schema.node import Node
from schema.people import Company, Invitation, Member, Role

NODE_TYPES: dict[str, Callable[[Any], Node]] = {
    "Company": Company.of,
    "Member": Member.of,
    "Invitation": Invitation.of,
    "Contact": Contact.of,
    "Address": Address.of,
}


@strawberry.type
class Query:
    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        parsed = parse_global_id(id)
        if parsed is None or parsed[0] not in NODE_TYPES or not parsed[1].isdigit():
            return None
        row = await find_node(info.context.require_actor(), parsed[0], int(parsed[1]))
        return None if row is None else NODE_TYPES[parsed[0]](row)

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
        page = await contacts.list_contacts(actor, kind, search, first, after)
        return connection_of(page, Contact.of)
