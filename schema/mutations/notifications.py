"""Mutation of notifications: mark the caller's own read."""

from __future__ import annotations

import strawberry

from resolvers import notifications
from schema.context import Info
from schema.ids import decode_id


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark the caller's own notifications read (all of them when `ids` is "
        "null); the number that changed. Other members' ids change nothing."
    )
    async def mark_notifications_read(
        self, info: Info, ids: list[strawberry.ID] | None = None
    ) -> int:
        actor = info.context.require_actor()
        pks = None if ids is None else [decode_id(i, "Notification") for i in ids]
        return await notifications.mark_read(actor, pks, info.context.now)
