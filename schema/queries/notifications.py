"""Root query field of notifications: the caller's own, newest first."""

from __future__ import annotations

import strawberry

from resolvers import notifications
from schema.connection import Connection, connection_of
from schema.context import Info
from schema.notifications import Notification


@strawberry.type
class NotificationQueries:
    @strawberry.field
    async def notifications(
        self,
        info: Info,
        unread_only: bool | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Notification]:
        actor = info.context.require_actor()
        page = await notifications.list_notifications(actor, bool(unread_only), first, after)
        return connection_of(page, Notification.of)
