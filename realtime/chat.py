"""`chatMessages`: staff replies pushed to the website chat visitor's sockets.

When the webchat sender (channels/webchat.py) delivers a reply, it publishes a small message
on the company's chat channel (the company's broadcast channel name + `:chat`, apart from the
order-event hub's): `{"id": <message>, "conversation_id": ...}`. Each process keeps one
subscription per company that has chat listeners here; the message row is loaded once per
process, and only when a visitor of that conversation listens here.

The broadcast may lose a message: Redis away, or a channel whose SUBSCRIBE is still on its
way when the reply goes out (the Redis backend subscribes in the background). So each process
also polls, once a second per company with chat listeners here, for replies SENT lately in the
conversations it listens to (one query per company, not per socket); subscribers drop what
they already had by message id. A socket that was closed gets what it missed by replay on its
next subscription (`chatMessages(after:)`, schema/webchat.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from broadcaster import Broadcast

from compat.cancel import cancel
from models import DeliveryStatus, Message, MessageDirection
from realtime.bounded import Bounded
from realtime.company_feeds import CompanyFeed, CompanyFeeds, feeds_of
from realtime.events import channel
from realtime.hub import current_hub

log = logging.getLogger("servicedesk.realtime")

QUEUE_SIZE = 64
POLL_SECONDS = 1.0
# How far back each poll looks again (`sent_at` comes from any process's clock).
POLL_OVERLAP = timedelta(seconds=5)


def chat_channel(company_id: int) -> str:
    return f"{channel(company_id)}:chat"


@dataclass(eq=False)
class ChatListener:
    company_id: int
    conversation_id: int
    queue: Bounded[Message] = field(default_factory=lambda: Bounded(QUEUE_SIZE))

    def offer(self, row: Message) -> None:
        self.queue.offer(row)

    def rows(self) -> AsyncIterator[Message]:
        return self.queue.items()


@dataclass(eq=False)
class _Feed(CompanyFeed):
    by_conversation: dict[int, set[ChatListener]] = field(default_factory=dict)
    polled_since: datetime = field(default_factory=lambda: datetime.now(UTC) - POLL_OVERLAP)

    @property
    def idle(self) -> bool:
        return not self.by_conversation

    def offer(self, row: Message) -> None:
        for listener in list(self.by_conversation.get(row.conversation_id, ())):
            listener.offer(row)

    async def take(self, raw: str) -> None:
        try:
            data = json.loads(raw)
            pk, conversation_id = int(data["id"]), int(data["conversation_id"])
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed chat message")
            return
        if conversation_id not in self.by_conversation:
            return
        try:
            row = await Message.get_or_none(
                id=pk, conversation_id=conversation_id, company_id=self.company_id
            )
        except Exception:  # the database may be away; the poll tries again
            log.exception("loading a chat message failed")
            return
        if row is not None:
            self.offer(row)


class ChatFeeds(CompanyFeeds[_Feed]):
    """A process's chat listeners, by company, over one broadcast subscription each, and
    one poll for all of them."""

    def __init__(self, broadcast: Broadcast) -> None:
        super().__init__(broadcast, chat_channel, _Feed, "background:chat-feed")
        self._poller: asyncio.Task[None] | None = None

    async def join(self, company_id: int, conversation_id: int) -> ChatListener:
        listener = ChatListener(company_id, conversation_id)
        feed = await self.open(company_id)
        feed.by_conversation.setdefault(conversation_id, set()).add(listener)
        if self._poller is None:
            self._poller = asyncio.create_task(self._poll(), name="background:chat-poll")
        return listener

    def leave(self, listener: ChatListener) -> None:
        feed = self.feeds.get(listener.company_id)
        if feed is None:
            return
        listeners = feed.by_conversation.get(listener.conversation_id, set())
        listeners.discard(listener)
        if not listeners:
            feed.by_conversation.pop(listener.conversation_id, None)
        self.close_if_idle(listener.company_id)
        if not self.feeds and self._poller is not None:
            cancel(self._poller)
            self._poller = None

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            for company_id, feed in list(self.feeds.items()):
                started = datetime.now(UTC)
                try:
                    rows = await Message.filter(
                        company_id=company_id,
                        conversation_id__in=list(feed.by_conversation),
                        direction=MessageDirection.OUTBOUND,
                        delivery_status=DeliveryStatus.SENT,
                        sent_at__gte=feed.polled_since,
                    ).order_by("id")
                except Exception:  # the database may be away for a moment; next round
                    log.exception("chat poll failed")
                    continue
                feed.polled_since = started - POLL_OVERLAP
                for row in rows:
                    feed.offer(row)


@contextlib.asynccontextmanager
async def chat_listening(company_id: int, conversation_id: int) -> AsyncIterator[ChatListener]:
    feeds = feeds_of("chat", ChatFeeds)
    listener = await feeds.join(company_id, conversation_id)
    try:
        yield listener
    finally:
        feeds.leave(listener)


async def publish_chat_message(message: Message) -> None:
    """Tell the visitor's sockets in every process; raises when the broadcast is away (the
    sender then retries)."""
    hub = current_hub()
    if hub is None:
        raise RuntimeError("realtime is not running in this process")
    payload = json.dumps({"id": message.id, "conversation_id": message.conversation_id})
    await hub.broadcast.publish(chat_channel(message.company_id), payload)
