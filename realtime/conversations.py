"""`conversationUpdated`: the staff inbox, live.

After a change to a conversation commits, its writer publishes a small message on the
company's inbox channel (the company's broadcast channel name + `:inbox`, so the order-event
hub never sees it): `{"id": ..., "company_id": ..., "assignee_path": ...}`. Each process
keeps one subscription per company that has listeners here; a message is checked in memory
against each listener with permissions.conversations.can_see_conversation, the row is loaded
once per message per process, and offered to every listener that may see it, by the message's
keys (a cheap filter before loading) and again by the row's keys as loaded: a conversation
given meanwhile to someone outside a listener's subtree is not sent to it.

This is a live view, not a log: a message lost with Redis away (or published in the moment
the Redis backend is still subscribing a new company, under 0.2 s) is not replayed; the inbox
list is the state, and MESSAGE_RECEIVED notifications, which are relayed, cover new messages.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from broadcaster import Broadcast

from models import Conversation, Membership
from permissions.actor import Actor
from permissions.conversations import ConversationKeys, can_see_conversation
from realtime.bounded import Bounded
from realtime.company_feeds import CompanyFeed, CompanyFeeds, feeds_of
from realtime.events import channel
from realtime.hub import current_hub

log = logging.getLogger("servicedesk.realtime")

QUEUE_SIZE = 256


def inbox_channel(company_id: int) -> str:
    return f"{channel(company_id)}:inbox"


@dataclass(eq=False)
class ConversationListener:
    actor: Actor
    queue: Bounded[Conversation] = field(default_factory=lambda: Bounded(QUEUE_SIZE))

    def offer(self, row: Conversation) -> None:
        self.queue.offer(row)

    def rows(self) -> AsyncIterator[Conversation]:
        return self.queue.items()


@dataclass(eq=False)
class _Feed(CompanyFeed):
    listeners: set[ConversationListener] = field(default_factory=set)

    @property
    def idle(self) -> bool:
        return not self.listeners

    async def take(self, raw: str) -> None:
        try:
            data = json.loads(raw)
            pk, path = int(data["id"]), data["assignee_path"]
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed inbox message")
            return
        keys = ConversationKeys(self.company_id, path if isinstance(path, str) else None)
        wanting = [x for x in self.listeners if can_see_conversation(x.actor, keys)]
        if not wanting:
            return
        try:
            row = (
                await Conversation.filter(id=pk, company_id=self.company_id)
                .select_related("assignee")
                .first()
            )
        except Exception:  # the database may be away for a moment
            log.exception("loading a conversation failed")
            return
        if row is None:
            return
        now = ConversationKeys(self.company_id, row.assignee.path if row.assignee else None)
        for listener in wanting:
            if can_see_conversation(listener.actor, now):
                listener.offer(row)


class ConversationFeeds(CompanyFeeds[_Feed]):
    """A process's inbox listeners, by company, over one broadcast subscription each."""

    def __init__(self, broadcast: Broadcast) -> None:
        super().__init__(broadcast, inbox_channel, _Feed, "background:inbox-feed")

    async def join(self, actor: Actor) -> ConversationListener:
        listener = ConversationListener(actor)
        feed = await self.open(actor.company_id)
        feed.listeners.add(listener)
        return listener

    def leave(self, listener: ConversationListener) -> None:
        feed = self.feeds.get(listener.actor.company_id)
        if feed is not None:
            feed.listeners.discard(listener)
            self.close_if_idle(listener.actor.company_id)


@contextlib.asynccontextmanager
async def conversations_listening(actor: Actor) -> AsyncIterator[ConversationListener]:
    feeds = feeds_of("inbox", ConversationFeeds)
    listener = await feeds.join(actor)
    try:
        yield listener
    finally:
        feeds.leave(listener)


async def publish_conversation(conversation: Conversation) -> None:
    """Tell the inbox listeners of every process; a failure is logged, never raised."""
    hub = current_hub()
    if hub is None:
        return
    try:
        path: str | None = None
        if conversation.assignee_id is not None:
            member = await Membership.get_or_none(id=conversation.assignee_id)
            path = member.path if member is not None else None
        message = json.dumps(
            {"id": conversation.id, "company_id": conversation.company_id, "assignee_path": path}
        )
        await hub.broadcast.publish(inbox_channel(conversation.company_id), message)
    except Exception as error:  # Redis away: the inbox list still has the change
        log.warning("publishing a conversation failed (%s)", type(error).__name__)
