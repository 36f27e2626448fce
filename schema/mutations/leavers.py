"""Deactivating and reactivating members (leavers) and handing over their work."""

from __future__ import annotations

import strawberry

from resolvers import leavers
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id
from schema.people import Member, MemberPayload


@strawberry.type
class LeaverMutations:
    @strawberry.mutation(
        description="OWNER, or a manager above the member. "
        "reassignToId takes over its open orders, tasks and conversations."
    )
    async def deactivate_member(
        self, info: Info, member_id: strawberry.ID, reassign_to_id: strawberry.ID | None = None
    ) -> MemberPayload:
        async def act() -> MemberPayload:
            member = await leavers.deactivate_member(
                info.context.require_actor(),
                decode_id(member_id, "Member"),
                decode_optional_id(reassign_to_id, "Member"),
            )
            return MemberPayload(member=Member.of(member))

        return await payload_of(MemberPayload, act)

    @strawberry.mutation
    async def reactivate_member(self, info: Info, member_id: strawberry.ID) -> MemberPayload:
        async def act() -> MemberPayload:
            member = await leavers.reactivate_member(
                info.context.require_actor(), decode_id(member_id, "Member")
            )
            return MemberPayload(member=Member.of(member))

        return await payload_of(MemberPayload, act)
