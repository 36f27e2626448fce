"""Notification listeners (`notificationReceived`): a member's sockets in this process.

A new notification travels on its company's broadcast channel (the one order events use) as
a small message of its own type, `{"type": "notification", "id": ..., "member_id": ...}`.
The hub hands such messages to the company's `NotificationListeners`, which load the row
once per message per process, and only when that member has a listener here, then offer it
to each of them.
The relay may publish a row twice (after a Redis outage); recently delivered ids are dropped.
A row is pushed only while its member may see what it points at (permissions.notifications.
visible_pushable_notifications), so a notification about an order taken away meanwhile is not sent.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from models import Notification
from permissions.actor import Actor
from permissions.notifications import visible_pushable_notifications
from realtime.bounded import Bounded

log = logging.getLogger("servicedesk.realtime")

NOTIFICATION = "notification"
_PREFIX = '{"type": "notification"'
QUEUE_SIZE = 256
REMEMBERED = 2048


@dataclass(frozen=True, slots=True)
class NotificationMessage:
    id: int
    member_id: int

    def to_json(self) -> str:
        return json.dumps({"type": NOTIFICATION, "id": self.id, "member_id": self.member_id})

    @classmethod
    def parse(cls, raw: str) -> NotificationMessage | None:
        """The message if `raw` is a notification's, else None (an order event's, say)."""
        if not raw.startswith(_PREFIX):
            return None
        try:
            data = json.loads(raw)
            return cls(int(data["id"]), int(data["member_id"]))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(eq=False)
class NotificationListener:
    """One `notificationReceived` subscription: the actor's own notifications, live."""

    actor: Actor
    queue: Bounded[Notification] = field(default_factory=lambda: Bounded(QUEUE_SIZE))

    def offer(self, row: Notification) -> None:
        self.queue.offer(row)

    def rows(self) -> AsyncIterator[Notification]:
        return self.queue.items()


@dataclass(eq=False)
class NotificationListeners:
    """A company's notification listeners in this process, by member."""

    by_member: dict[int, set[NotificationListener]] = field(default_factory=dict)
    delivered: OrderedDict[int, None] = field(default_factory=OrderedDict)

    @property
    def empty(self) -> bool:
        return not self.by_member

    def add(self, listener: NotificationListener) -> None:
        self.by_member.setdefault(listener.actor.membership_id, set()).add(listener)

    def discard(self, listener: NotificationListener) -> None:
        boxes = self.by_member.get(listener.actor.membership_id)
        if boxes is not None:
            boxes.discard(listener)
            if not boxes:
                del self.by_member[listener.actor.membership_id]

    async def deliver(self, company_id: int, message: NotificationMessage) -> None:
        """Load the row once (only if its member listens here) and offer it to each socket."""
        boxes = self.by_member.get(message.member_id)
        if not boxes or message.id in self.delivered:
            return
        reader = next(iter(boxes)).actor  # the member's sockets all see what it sees
        try:
            row = (
                await visible_pushable_notifications(reader).get_or_none(id=message.id)
                if reader.company_id == company_id
                else None
            )
        except Exception:  # the database may be away for a moment; the row stays listed
            log.exception("loading a notification failed")
            return
        if row is None:
            return
        self.delivered[message.id] = None
        while len(self.delivered) > REMEMBERED:
            self.delivered.popitem(last=False)
        for listener in list(boxes):
            listener.offer(row)
