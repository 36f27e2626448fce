"""Notifications: a member's own, listed, marked read, and pushed live.

What a notification points at (an order, a task, a conversation) is checked again when it
is read, with that object's own rule.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import strawberry

import models
from realtime.hub import notifications_listening
from schema.connection import Connection
from schema.context import Info
from schema.conversations import Conversation, load_visible_conversation
from schema.ids import to_global_id
from schema.loaders import Loaders
from schema.node import Node
from schema.orders import Order, load_visible_order
from schema.streams import until_overflow
from schema.tasks import Task

NotificationKind = models.NotificationKind
strawberry.enum(NotificationKind, name="NotificationKind")


@strawberry.type
class Notification(Node):
    kind: NotificationKind
    text: str
    created_at: datetime
    read_at: datetime | None
    order_id: strawberry.Private[int | None]
    task_id: strawberry.Private[int | None]
    conversation_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: models.Notification) -> Notification:
        return cls(
            id=strawberry.ID(to_global_id("Notification", row.id)),
            kind=row.kind,
            text=row.text,
            created_at=row.created_at,
            read_at=row.read_at,
            order_id=row.order_id,
            task_id=row.task_id,
            conversation_id=row.conversation_id,
        )

    @strawberry.field(description="Null also when the reader may no longer see the order.")
    async def order(self, info: Info) -> Order | None:
        return await load_visible_order(info, self.order_id)

    @strawberry.field(description="Null also when the reader may no longer see the task.")
    async def task(self, info: Info) -> Task | None:
        if self.task_id is None:
            return None
        actor = info.context.require_actor()
        row = await info.context.loaders.visible_task.load((self.task_id, actor))
        return None if row is None else Task.of(row)

    @strawberry.field(description="Null also when the reader may no longer see it.")
    async def conversation(self, info: Info) -> Conversation | None:
        return await load_visible_conversation(info, self.conversation_id)


NotificationConnection = Connection[Notification]


async def received(info: Info) -> AsyncIterator[Notification]:
    """`notificationReceived`: the caller's new notifications, as they are committed."""
    actor = info.context.require_actor()
    async with notifications_listening(actor) as listener:
        async for row in until_overflow(info.context, listener.rows()):
            info.context.loaders = Loaders()
            info.context.now = datetime.now(UTC)
            yield Notification.of(row)
