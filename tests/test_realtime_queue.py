"""A subscriber that does not keep up overflows its bounded queue instead of growing memory,
whether it reads a queue (a streamed subscription) or is pushed to (schema/live.py)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from unittest.mock import ANY

import pytest
from graphql import DocumentNode, GraphQLSchema
from starlette.types import Message
from starlette.websockets import WebSocket, WebSocketState

from models import OrderEventKind, Role
from permissions.actor import Actor
from realtime.bounded import Overflow
from realtime.events import EventFacts
from realtime.hub import QUEUE_SIZE, Delivery, Listener
from schema.context import Context
from schema.live import LiveSlot, LiveSpec, Pushed


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
    assert not listener.queue.overflowed
    listener.offer(delivery(QUEUE_SIZE))
    assert listener.queue.overflowed
    assert listener.queue.qsize() == 1  # the backlog is dropped, not kept
    with pytest.raises(Overflow):
        async for _ in listener.deliveries():
            pass


@pytest.mark.asyncio
async def test_a_pushed_subscriber_that_falls_behind_is_closed_with_4008() -> None:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "websocket.disconnect"}

    socket = WebSocket({"type": "websocket", "path": "/graphql", "headers": []}, receive, send)
    socket.client_state = WebSocketState.CONNECTED
    actor = Actor(1, 1, 1, Role.OWNER, "/1/", None, None)
    context = Context(socket, None, actor, "-", None)
    completed: list[bool] = []

    async def blocked(result: object) -> None:
        await asyncio.Event().wait()

    async def complete() -> None:
        completed.append(True)

    slot = LiveSlot("subscription { x }", None, None, blocked, complete)
    pushed = Pushed(
        context, GraphQLSchema(), DocumentNode(definitions=()), LiveSpec(actor, live=str), slot
    )
    for seq in range(1, QUEUE_SIZE + 1):
        pushed.offer(delivery(seq))
    assert not pushed.stopped
    assert len(pushed.pending) == QUEUE_SIZE
    pushed.offer(delivery(QUEUE_SIZE + 1))
    assert pushed.stopped
    assert not pushed.pending  # the backlog is dropped, not kept
    assert pushed.task is not None
    await pushed.task
    assert sent == [{"type": "websocket.close", "code": 4008, "reason": ANY}]
