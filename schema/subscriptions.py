"""Subscriptions: order events (with replay from a cursor) and one order's live state.

Every event reaches a subscriber only if it may see it (realtime/events.py applies the rule
of permissions/orders.py in memory); the order is then shaped by the same field rules as in
queries. Subscribers of one event share its data loaders, so an event costs a few statements
per process, not per subscriber.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import cast

import strawberry

import models
from domain.errors import DomainError, invalid
from models import OrderEventKind
from permissions.dashboard import check_may_see_dashboard
from permissions.orders import access_order_by_id
from realtime.events import EventFacts
from realtime.hub import listening
from resolvers.dashboard import DashboardFigures, dashboard
from schema.context import Info
from schema.conversations import Conversation, conversations_updated
from schema.dashboard import Dashboard
from schema.errors import graphql_error
from schema.ids import INT8_MAX, decode_id, row_number
from schema.live import LiveSpec, serve
from schema.notifications import Notification, received
from schema.orders import Order
from schema.people import Member, load_member
from schema.webchat import Message, chat_messages

strawberry.enum(OrderEventKind, name="OrderEventKind")

# The dashboard is pushed at most once a second, and looked at again at least this often.
DASHBOARD_MIN_INTERVAL = 1.0
DASHBOARD_REFRESH_SECONDS = 10.0


@strawberry.type
class OrderEvent:
    cursor: str = strawberry.field(
        description="Pass as `after` to resume after this event with nothing lost."
    )
    kind: OrderEventKind
    order: Order
    at: datetime
    actor_id: strawberry.Private[int | None]

    @strawberry.field
    async def actor(self, info: Info) -> Member | None:
        return await load_member(info, self.actor_id)


def _event(facts: EventFacts, order: models.Order) -> OrderEvent:
    return OrderEvent(
        cursor=str(facts.seq),
        kind=facts.kind,
        order=Order.of(order),
        at=facts.at,
        actor_id=facts.actor_id,
    )


def event_cursor(after: str) -> int:
    """An event's seq: ASCII digits within int8 (`int()` takes `²` and `١٢` too)."""
    seq = 0 if after == "0" else row_number(after, INT8_MAX)
    if seq is None:
        raise invalid("Malformed cursor", "after")
    return seq


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Every event on the orders the subscriber may see, as it may see them. "
        "`after` replays what was missed since that cursor, then goes live."
    )
    async def order_events(
        self, info: Info, after: str | None = None
    ) -> AsyncGenerator[OrderEvent, None]:
        actor = info.context.require_actor()
        try:
            since = None if after is None else event_cursor(after)
        except DomainError as error:
            raise graphql_error(error) from None
        spec = LiveSpec(
            actor,
            live=lambda d: _event(d.event, cast(models.Order, d.order)),
            replayed=_event,
            since=since,
        )
        async for event in serve(info, spec):
            yield cast(OrderEvent, event)

    @strawberry.subscription(
        description="One order's state after each change (client portal status page)."
    )
    async def order_updated(self, info: Info, id: strawberry.ID) -> AsyncGenerator[Order, None]:
        actor = info.context.require_actor()
        try:
            order = await access_order_by_id(actor, decode_id(id, "Order"), ["id"])
        except DomainError as error:
            raise graphql_error(error) from None
        spec = LiveSpec(
            actor,
            live=lambda d: Order.of(cast(models.Order, d.order)),
            order_id=order.id,
            end_when_gone=True,
        )
        async for updated in serve(info, spec):
            yield cast(Order, updated)

    @strawberry.subscription(description="The caller's own notifications, as they are made.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        async for notification in received(info):
            yield notification

    @strawberry.subscription(
        description="Staff inbox: the conversation after each inbound or outbound message."
    )
    async def conversation_updated(self, info: Info) -> AsyncGenerator[Conversation, None]:
        try:
            async for conversation in conversations_updated(info):
                yield conversation
        except DomainError as error:
            raise graphql_error(error) from None

    @strawberry.subscription(
        description="Website visitor (visitor token): staff replies in its chat. `after` "
        "(the last reply the widget showed) replays those it missed first."
    )
    async def chat_messages(
        self, info: Info, after: strawberry.ID | None = None
    ) -> AsyncGenerator[Message, None]:
        async for message in chat_messages(info, after):
            yield message

    @strawberry.subscription(
        description="The caller's dashboard after each change that alters it (at most one a second)."
    )
    async def dashboard_updated(self, info: Info) -> AsyncGenerator[Dashboard, None]:
        actor = info.context.require_actor()
        try:
            check_may_see_dashboard(actor)
        except DomainError as error:
            raise graphql_error(error) from None
        shown: DashboardFigures | None = None
        async with listening(actor) as (listener, _):
            while True:
                figures = await dashboard(actor, datetime.now(UTC))
                if figures != shown:
                    shown = figures
                    yield Dashboard.of(figures)
                # An order event the caller may see, or the clock (tasks, "today", overdue).
                await listener.wait(DASHBOARD_REFRESH_SECONDS)
                await asyncio.sleep(DASHBOARD_MIN_INTERVAL)
