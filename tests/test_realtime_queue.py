"""A subscriber that does not keep up overflows its bounded queue instead of growing memory."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models import OrderEventKind, Role
from permissions.actor import Actor
from realtime.events import EventFacts
from realtime.hub import QUEUE_SIZE, Delivery, Listener, Overflow


def delivery(seq: int) -> Delivery:
    facts = EventFacts(
        id=seq,
        seq=seq,
        company_id=1,
        kind=OrderEventKind.UPDATED,
        order_id=1,
        actor_id=None,
        at=datetime.now(UTC),
        client_id=1,
        contractor_id=None,
        responsible_path="/1/",
        comment_id=None,
        comment_visibility=None,
    )
    return Delivery(facts, None)


@pytest.mark.asyncio
async def test_a_slow_listener_overflows_and_is_ended() -> None:
    listener = Listener(Actor(1, 1, 1, Role.OWNER, "/1/", None, None))
    for seq in range(QUEUE_SIZE):
        listener.offer(delivery(seq))
    assert not listener.overflowed
    listener.offer(delivery(QUEUE_SIZE))
    assert listener.overflowed
    assert listener.queue.qsize() == 1  # the backlog is dropped, not kept
    with pytest.raises(Overflow):
        async for _ in listener.deliveries():
            pass
