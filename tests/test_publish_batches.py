"""Publishing after commit with batched marks (realtime.publish_batch): a change's events and
notifications are broadcast at once, and marked published by one UPDATE per table for all
that the process sent in the last FLUSH_SECONDS; marks a process never wrote leave the rows
to the relay, and subscribers still hear each once."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.expressions import Q

from models import Notification, OrderEvent
from permissions.actor import Actor
from realtime import publish_batch
from realtime.hub import Listener, current_hub
from realtime.notification_listeners import NotificationListener
from realtime.notifications import relay_notifications
from realtime.outbox import relay_once
from resolvers.notification_writes import recipients
from schema.ids import parse_global_id
from tests.support.api import Api, Session, invite_and_accept, register, sql_log
from tests.support.world import contact, create_order
from tests.support.ws import joined

pytestmark = pytest.mark.asyncio

ORDERS = 20


def pk_of(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return int(parsed[1])


class Marking(logging.Handler):
    """Every UPDATE that marks rows published, whichever task sent it (the statement
    counter of tests/support/api.py leaves background tasks out), by task name."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.by: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.lstrip().upper().startswith("UPDATE") and "published_at" in message:
            task = asyncio.current_task()
            self.by.append(task.get_name() if task is not None else "")


def marking() -> AbstractContextManager[Marking]:
    return sql_log(Marking())


class Company:
    """An owner, a head and a staff member below it, a client; the owner's orders for the
    staff member tell the staff member and the head (two notifications an order)."""

    def __init__(self, owner: Session, head: Session, staff: Session, client: Any) -> None:
        self.owner, self.head, self.staff, self.client = owner, head, staff, client

    async def order(self, api: Api) -> dict[str, Any]:
        return await create_order(
            api,
            self.owner,
            clientId=self.client.id,
            addressId=self.client.address_ids[0],
            responsibleId=self.staff.member_id,
        )


async def company(api: Api) -> Company:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    staff = await invite_and_accept(api, head, "Staff")
    client = await contact(api, owner, "CLIENT", "Batch Client", "ORGANIZATION", head.member_id)
    return Company(owner, head, staff, client)


async def actor(member: Session) -> Actor:
    [row] = await recipients(Q(id=pk_of(member.member_id)))
    return row.actor


class Heard:
    """The head's order events (by number) and the head's and staff's notifications (by id)
    as the hub delivers them to this process's subscribers."""

    def __init__(self, events: Listener, notes: list[NotificationListener]) -> None:
        self.events, self.notes = events, notes
        self.seqs: Counter[int] = Counter()
        self.ids: Counter[int] = Counter()

    async def take(self) -> None:
        """What has come so far (a waiting item is taken at once)."""
        while self.events.queue.qsize():
            self.seqs[(await self.events.queue.get()).event.seq] += 1
        for listener in self.notes:
            while listener.queue.qsize():
                self.ids[(await listener.queue.get()).id] += 1

    async def until(self, seqs: set[int], ids: set[int], seconds: float = 5.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not (seqs <= set(self.seqs) and ids <= set(self.ids)):
            assert loop.time() < deadline, (seqs - set(self.seqs), ids - set(self.ids))
            await asyncio.sleep(0.01)
            await self.take()


async def listening(c: Company) -> Heard:
    hub = current_hub()
    assert hub is not None
    head, staff = await actor(c.head), await actor(c.staff)
    events, _ = await hub.join(head)
    notes = [await hub.join_notifications(head), await hub.join_notifications(staff)]
    await joined(c.head.member_id, count=2)
    return Heard(events, notes)


async def published(orders: list[dict[str, Any]]) -> tuple[list[OrderEvent], list[Notification]]:
    ids = [pk_of(o["id"]) for o in orders]
    events = await OrderEvent.filter(order_id__in=ids)
    notes = await Notification.filter(order_id__in=ids)
    return events, notes


async def test_concurrent_orders_are_marked_in_a_few_updates_and_heard_once(api: Api) -> None:
    c = await company(api)
    heard = await listening(c)
    loop = asyncio.get_running_loop()
    with marking() as marks:
        started = loop.time()
        orders = await asyncio.gather(*(c.order(api) for _ in range(ORDERS)))
        answered = loop.time()
        events, notes = await published(orders)
        assert (len(events), len(notes)) == (ORDERS, 2 * ORDERS)
        ids = ([e.id for e in events], [n.id for n in notes])
        while await OrderEvent.filter(id__in=ids[0], published_at=None).exists() or (
            await Notification.filter(id__in=ids[1], published_at=None).exists()
        ):
            assert loop.time() - answered < 2.0, "not marked published 2 s after the answers"
            await asyncio.sleep(0.01)
        marked = loop.time() - answered
    # No request marks anything itself: the batch does, two UPDATEs a flush (events and
    # notifications), a flush every FLUSH_SECONDS at most (the relay's rounds flush too).
    assert marks.by
    assert all(name.startswith("background:") for name in marks.by), marks.by
    flushes = (answered - started + marked) / publish_batch.FLUSH_SECONDS + 2
    assert len(marks.by) <= 2 * flushes, (len(marks.by), flushes)
    print(
        f"\n{ORDERS} createOrders in {answered - started:.3f} s: {len(marks.by)} marking "
        f"UPDATEs (were {2 * ORDERS}), all marked {marked:.3f} s after the last answer"
    )
    assert marked < 0.5
    # Heard once each: a marker order after them, then nothing more of theirs comes.
    await heard.until({e.seq for e in events}, set(ids[1]))
    [marker] = (await published([await c.order(api)]))[0]
    await heard.until({marker.seq}, set())
    await heard.take()
    assert {heard.seqs[e.seq] for e in events} == {1}
    assert {heard.ids[n] for n in ids[1]} == {1}


async def test_marks_a_process_never_wrote_leave_the_rows_to_the_relay(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that broadcast and died before its flush: the rows stay unmarked, a relay
    sends them again after its grace period, and subscribers still hear each once."""
    c = await company(api)
    heard = await listening(c)
    with monkeypatch.context() as dead:
        dead.setattr(publish_batch.MARKS, "add", lambda *_, **__: None)  # never flushed
        orders = [await c.order(api), await c.order(api)]
    events, notes = await published(orders)
    await heard.until({e.seq for e in events}, {n.id for n in notes})
    assert all(e.published_at is None for e in events)
    assert all(n.published_at is None for n in notes)
    long_ago = datetime.now(UTC) - timedelta(minutes=1)
    _ = await OrderEvent.filter(id__in=[e.id for e in events]).update(at=long_ago)
    _ = await Notification.filter(id__in=[n.id for n in notes]).update(created_at=long_ago)
    # The app's own relay runs too and may take them first; either way a relay sends them.
    _ = await relay_once()
    _ = await relay_notifications()
    assert not await OrderEvent.filter(id__in=[e.id for e in events], published_at=None).exists()
    assert not await Notification.filter(id__in=[n.id for n in notes], published_at=None).exists()
    [marker] = (await published([await c.order(api)]))[0]
    await heard.until({marker.seq}, set())
    await heard.take()
    assert {heard.seqs[e.seq] for e in events} == {1}
    assert {heard.ids[n.id] for n in notes} == {1}
