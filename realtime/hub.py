"""One hub per API process: a single broadcast subscription per company, fanned out to the
process's subscribers after an in-memory visibility check, in event-number order.

Each event is loaded once per process (the order row travels with it to every subscriber).
A subscriber gets an event only if it could see it when it happened (the event's keys) and
may see the order as loaded now (its keys of today): an order that left its sight sends it
nothing more, and ends a subscription to that one order (`orderUpdated`).
Events carry consecutive numbers per company, so a hole shows at once and is filled from the
outbox; a poll of the outbox each second covers events whose broadcast was lost (a Redis
outage, a process that died between commit and publish).
Notification messages on the same channel go to their member's listeners
(realtime/notification_listeners.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from broadcaster import Broadcast
from tortoise.functions import Max

from compat.broadcaster import Unsubscribed
from compat.cancel import cancel, cancel_and_wait
from models import Order, OrderEvent
from permissions.actor import Actor
from permissions.orders import can_see_order
from realtime.bounded import Bounded
from realtime.events import EventFacts, channel, orders_now
from realtime.notification_listeners import (
    NotificationListener,
    NotificationListeners,
    NotificationMessage,
)

log = logging.getLogger("servicedesk.realtime")

QUEUE_SIZE = 256
POLL_SECONDS = 1.0
SUBSCRIBE_SECONDS = 5.0


@dataclass(eq=False)
class Delivery:
    event: EventFacts
    order: Order | None
    # Per-event scratch space the schema layer shares between subscribers (data loaders).
    shared: dict[str, object] = field(default_factory=dict)


Sink = Callable[[Delivery], None]


@dataclass(eq=False)
class Listener:
    """A subscriber's place in its company's feed: deliveries go to its `sink` when it has one
    (handed over at once, no buffer here), else into a bounded queue the subscriber reads."""

    actor: Actor
    order_id: int | None = None
    sink: Sink | None = None
    queue: Bounded[Delivery] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.sink is None:  # a queue costs ~3 KB: only readers get one
            self.queue = Bounded(QUEUE_SIZE)

    def wants(self, event: EventFacts) -> bool:
        """Worth loading the order for. A listener of one order hears each of its events (that
        are meant for its role), so that it learns when the order has left its sight."""
        if self.order_id is not None:
            return event.order_id == self.order_id and event.meant_for(self.actor)
        return event.visible_to(self.actor)

    def offer(self, delivery: Delivery) -> None:
        if self.sink is not None:
            self.sink(delivery)
        else:
            self.queue.offer(delivery)

    async def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` for deliveries and take all that came; True if any did."""
        try:
            async with asyncio.timeout(seconds):
                _ = await self.queue.get()
        except TimeoutError:
            return False
        self.queue.take_waiting()
        return True

    def deliveries(self) -> AsyncIterator[Delivery]:
        return self.queue.items()


@dataclass(eq=False)
class Feed:
    company_id: int
    next_seq: int
    listeners: set[Listener] = field(default_factory=set)
    notification_listeners: NotificationListeners = field(
        default_factory=NotificationListeners
    )  # notificationReceived, by member
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    task: asyncio.Task[None] | None = None


async def last_seq(company_id: int) -> int:
    row = await OrderEvent.filter(company_id=company_id).annotate(m=Max("seq")).values_list("m")
    value = row[0][0] if row else None
    return int(value or 0)


class Hub:
    def __init__(self, broadcast: Broadcast) -> None:
        self.broadcast = broadcast
        self._feeds: dict[int, Feed] = {}
        self._opening: dict[int, asyncio.Lock] = {}
        self._poller: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._poller = asyncio.create_task(self._poll(), name="background:hub-poll")

    async def stop(self) -> None:
        tasks = [f.task for f in self._feeds.values() if f.task] + [self._poller]
        await cancel_and_wait(t for t in tasks if t is not None)
        self._feeds.clear()

    async def join(
        self, actor: Actor, order_id: int | None = None, sink: Sink | None = None
    ) -> tuple[Listener, int]:
        """A listener for the actor's company, and the last event number before it joined."""
        listener = Listener(actor, order_id, sink)
        feed = await self._open(actor.company_id)
        feed.listeners.add(listener)  # no await since _open: the feed cannot close meanwhile
        return listener, feed.next_seq - 1

    async def join_notifications(self, actor: Actor) -> NotificationListener:
        """A listener of the actor's own notifications."""
        listener = NotificationListener(actor)
        feed = await self._open(actor.company_id)
        feed.notification_listeners.add(listener)
        return listener

    async def _open(self, company_id: int) -> Feed:
        """The company's feed, subscribed to its channel first if this process had none."""
        lock = self._opening.setdefault(company_id, asyncio.Lock())
        async with lock:
            feed = self._feeds.get(company_id)
            if feed is None:
                feed = Feed(company_id, next_seq=0)
                ready = asyncio.Event()
                feed.task = asyncio.create_task(
                    self._follow(feed, ready), name="background:hub-feed"
                )
                try:
                    # Subscribing never waits long; if the backend is away, the poll delivers.
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(SUBSCRIBE_SECONDS):
                            _ = await ready.wait()
                    feed.next_seq = await last_seq(company_id) + 1
                except BaseException:  # the joiner's socket closed meanwhile, or no database
                    cancel(feed.task)  # else it would follow the channel for good, unlisted
                    raise
                self._feeds[company_id] = feed
            return feed

    def leave(self, listener: Listener) -> None:
        feed = self._feeds.get(listener.actor.company_id)
        if feed is None:
            return
        feed.listeners.discard(listener)
        self._close_if_idle(feed)

    def leave_notifications(self, listener: NotificationListener) -> None:
        feed = self._feeds.get(listener.actor.company_id)
        if feed is None:
            return
        feed.notification_listeners.discard(listener)
        self._close_if_idle(feed)

    def _close_if_idle(self, feed: Feed) -> None:
        if not feed.listeners and feed.notification_listeners.empty:
            del self._feeds[feed.company_id]
            if feed.task is not None:
                cancel(feed.task)

    async def _follow(self, feed: Feed, ready: asyncio.Event) -> None:
        """The company's broadcast subscription, for as long as the feed has listeners."""
        async with self.broadcast.subscribe(channel(feed.company_id)) as subscriber:
            ready.set()
            while True:
                try:
                    message = await subscriber.get()
                except Unsubscribed:
                    return
                notification = NotificationMessage.parse(message.message)
                if notification is not None:
                    await feed.notification_listeners.deliver(feed.company_id, notification)
                    continue
                try:
                    facts = EventFacts.from_json(message.message)
                except (ValueError, KeyError, TypeError):
                    log.warning("ignored a malformed event message")
                    continue
                await self._accept(feed, [facts])

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            for feed in list(self._feeds.values()):
                try:
                    if await last_seq(feed.company_id) >= feed.next_seq:
                        await self._accept(feed, [])
                except Exception:  # the database may be away for a moment; try next time
                    log.exception("outbox poll failed")

    async def _accept(self, feed: Feed, events: list[EventFacts]) -> None:
        """Deliver events in number order; fetch whatever number is missing from the outbox."""
        async with feed.lock:
            pending = {e.seq: e for e in events if e.seq >= feed.next_seq}
            if not events or (pending and min(pending) > feed.next_seq):
                upto = max(pending) - 1 if pending else None
                for row in await self._missing(feed, upto):
                    pending.setdefault(row.seq, row)
            while feed.next_seq in pending:
                await self._deliver(feed, pending.pop(feed.next_seq))
                feed.next_seq += 1

    async def _missing(self, feed: Feed, upto: int | None) -> list[EventFacts]:
        query = OrderEvent.filter(company_id=feed.company_id, seq__gte=feed.next_seq)
        if upto is not None:
            query = query.filter(seq__lte=upto)
        return [EventFacts.of(row) for row in await query.order_by("seq").limit(1000)]

    async def _deliver(self, feed: Feed, event: EventFacts) -> None:
        wanting = [listener for listener in feed.listeners if listener.wants(event)]
        if not wanting:
            return
        now = (await orders_now(event.company_id, [event.order_id])).get(event.order_id)
        delivery = Delivery(event, None if now is None else now.order)
        gone = Delivery(event, None)
        for listener in wanting:
            # Deleted, or out of its sight today: no order to show (`orderEvents` skips the
            # event, `orderUpdated` ends, the dashboard looks at its figures again).
            sees = now is not None and can_see_order(listener.actor, now.keys)
            listener.offer(delivery if sees else gone)


_hub: Hub | None = None


def current_hub() -> Hub | None:
    return _hub


def install(hub: Hub | None) -> None:
    global _hub
    _hub = hub


@contextlib.asynccontextmanager
async def listening(
    actor: Actor, order_id: int | None = None
) -> AsyncIterator[tuple[Listener, int]]:
    hub = current_hub()
    if hub is None:
        raise RuntimeError("realtime is not running in this process")
    listener, before = await hub.join(actor, order_id)
    try:
        yield listener, before
    finally:
        hub.leave(listener)


@contextlib.asynccontextmanager
async def notifications_listening(actor: Actor) -> AsyncIterator[NotificationListener]:
    hub = current_hub()
    if hub is None:
        raise RuntimeError("realtime is not running in this process")
    listener = await hub.join_notifications(actor)
    try:
        yield listener
    finally:
        hub.leave_notifications(listener)
