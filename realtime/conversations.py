"""`conversationUpdated`: the staff inbox, live.

After a change to a conversation commits, its writer publishes a small message on the
company's inbox channel (the company's broadcast channel name + `:inbox`, so the order-event
hub never sees it): `{"id": ..., "company_id": ..., "assignee_path": ...}`. Each process
keeps one subscription per company that has listeners here; a message is checked in memory
against each listener with permissions.conversations.can_see_conversation, the row is loaded
once per message per process, and offered to every listener that may see it.

This is a live view, not a log: a message lost with Redis away (or published in the moment
the Redis backend is still subscribing a new company, under 0.2 s) is not replayed; the inbox
list is the state, and MESSAGE_RECEIVED notifications, which are relayed, cover new messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from broadcaster import Broadcast
from broadcaster._base import Unsubscribed

from models import Conversation, Membership
from permissions.actor import Actor
from permissions.conversations import ConversationKeys, can_see_conversation
from realtime.bounded import Bounded
from realtime.events import channel
from realtime.hub import current_hub

log = logging.getLogger("servicedesk.realtime")

QUEUE_SIZE = 256
SUBSCRIBE_SECONDS = 5.0


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
class _Feed:
    listeners: set[ConversationListener] = field(default_factory=set)
    task: asyncio.Task[None] | None = None


class ConversationFeeds:
    """A process's inbox listeners, by company, over one broadcast subscription each."""

    def __init__(self, broadcast: Broadcast) -> None:
        self.broadcast = broadcast
        self._feeds: dict[int, _Feed] = {}
        self._lock = asyncio.Lock()

    async def join(self, actor: Actor) -> ConversationListener:
        listener = ConversationListener(actor)
        async with self._lock:
            feed = self._feeds.get(actor.company_id)
            if feed is None:
                feed = _Feed()
                ready = asyncio.Event()
                feed.task = asyncio.create_task(
                    self._follow(actor.company_id, feed, ready), name="background:inbox-feed"
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ready.wait(), SUBSCRIBE_SECONDS)
                self._feeds[actor.company_id] = feed
            feed.listeners.add(listener)
        return listener

    def leave(self, listener: ConversationListener) -> None:
        feed = self._feeds.get(listener.actor.company_id)
        if feed is None:
            return
        feed.listeners.discard(listener)
        if not feed.listeners:
            del self._feeds[listener.actor.company_id]
            if feed.task is not None:
                feed.task.cancel()

    async def _follow(self, company_id: int, feed: _Feed, ready: asyncio.Event) -> None:
        async with self.broadcast.subscribe(inbox_channel(company_id)) as subscriber:
            ready.set()
            while True:
                try:
                    message = await subscriber.get()
                except Unsubscribed:
                    return
                try:
                    data = json.loads(message.message)
                    pk, path = int(data["id"]), data["assignee_path"]
                except (ValueError, KeyError, TypeError):
                    log.warning("ignored a malformed inbox message")
                    continue
                keys = ConversationKeys(company_id, path if isinstance(path, str) else None)
                wanting = [x for x in feed.listeners if can_see_conversation(x.actor, keys)]
                if not wanting:
                    continue
                try:
                    row = await Conversation.get_or_none(id=pk, company_id=company_id)
                except Exception:  # the database may be away for a moment
                    log.exception("loading a conversation failed")
                    continue
                if row is not None:
                    for listener in wanting:
                        listener.offer(row)


_feeds: dict[int, ConversationFeeds] = {}


def _current_feeds() -> ConversationFeeds:
    hub = current_hub()
    if hub is None:
        raise RuntimeError("realtime is not running in this process")
    feeds = _feeds.get(id(hub.broadcast))
    if feeds is None or feeds.broadcast is not hub.broadcast:
        _feeds.clear()
        feeds = _feeds[id(hub.broadcast)] = ConversationFeeds(hub.broadcast)
    return feeds


@contextlib.asynccontextmanager
async def conversations_listening(actor: Actor) -> AsyncIterator[ConversationListener]:
    feeds = _current_feeds()
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
