"""A member's own choice of channels per kind of notification."""

from __future__ import annotations

import strawberry

from resolvers.preferences import Preference, set_notification_preferences
from schema.context import Info
from schema.errors import payload_of
from schema.outbound import NotificationPreferenceInput
from schema.people import Member, MemberPayload


@strawberry.type
class PreferenceMutations:
    @strawberry.mutation
    async def set_notification_preferences(
        self, info: Info, preferences: list[NotificationPreferenceInput]
    ) -> MemberPayload:
        async def act() -> MemberPayload:
            member = await set_notification_preferences(
                info.context.require_actor(),
                [Preference(p.kind, list(p.channels)) for p in preferences],
            )
            return MemberPayload(member=Member.of(member))

        return await payload_of(MemberPayload, act)
