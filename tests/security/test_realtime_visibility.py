"""Realtime delivers only what the receiver may see NOW.

An event carries the visibility keys of the moment it happened; the order it resolves to is
the order as it is today. A contractor taken off an order, or a staff member whose subtree lost
it, must not read the order's new terms through an old event: not by replay (`orderEvents`
with `after`), not live (an event still on its way when the order changed hands), not through
`orderUpdated`, and not through notifications that point at the order.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.applications import Starlette

from realtime.conversations import inbox_channel
from realtime.hub import current_hub
from schema.ids import decode_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.inbox import ASSIGN as INBOX_ASSIGN
from tests.support.inbox import arrive, build_inbox, gid, until_listening
from tests.support.world import ASSIGN, COMMENT, ContactCard, contact, create_order, portal_member
from tests.support.ws import GraphQLSocket, channel_subscribed, client, order_event, socket

pytestmark = pytest.mark.asyncio

EVENTS = """subscription($after: String) { orderEvents(after: $after) {
    cursor kind order { id title description price contractorFee internalNote
      comments { edges { node { body } } } } } }"""
UPDATED = "subscription($id: ID!) { orderUpdated(id: $id) { id title description } }"
UPDATE = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { order { id } errors { field code message } } }"""
NOTIFICATIONS = """{ notifications(first: 50) { edges { node { kind text order { id } } } } }"""
SECRET = "new terms: key under the mat"


@dataclass
class Company:
    owner: Session
    staff: Session  # responsible of the orders at first
    other_staff: Session  # another branch under the owner
    client_card: ContactCard
    client: Session
    first: ContactCard  # the contractor taken off
    first_member: Session
    second: ContactCard  # the contractor put on instead

    @property
    def id(self) -> int:
        return decode_id(self.owner.company_id, "Company")


async def company(api: Api) -> Company:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff A")
    other_staff = await invite_and_accept(api, owner, "Staff B")
    client_card = await contact(api, owner, "CLIENT", "Anna")
    first = await contact(api, owner, "CONTRACTOR", "Sergey")
    second = await contact(api, owner, "CONTRACTOR", "Ivan")
    client_member = await portal_member(api, owner, client_card, "Anna Portal")
    first_member = await portal_member(api, owner, first, "Sergey Portal")
    return Company(
        owner, staff, other_staff, client_card, client_member, first, first_member, second
    )


async def order_of(api: Api, c: Company) -> dict[str, Any]:
    return await create_order(
        api,
        c.owner,
        clientId=c.client_card.id,
        addressId=c.client_card.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=c.first.id,
        price="100",
        contractorFee="60",
        internalNote="old note",
    )


async def comment(api: Api, c: Company, order_id: str, visibility: str, body: str) -> None:
    data = await api.ok(COMMENT, {"o": order_id, "b": body, "v": visibility}, c.owner.access)
    assert data["addComment"]["errors"] == [], data


async def update(api: Api, c: Company, order_id: str, **fields: Any) -> None:
    data = await api.ok(UPDATE, {"id": order_id, "input": fields}, c.owner.access)
    assert data["updateOrder"]["errors"] == [], data


async def take_off_contractor(api: Api, c: Company, order_id: str) -> None:
    data = await api.ok(ASSIGN, {"id": order_id, "c": c.second.id, "fee": "70"}, c.owner.access)
    assert data["assignOrder"]["errors"] == [], data


async def move_out_of_subtree(api: Api, c: Company, order_id: str) -> None:
    await update(api, c, order_id, responsibleId=c.other_staff.member_id)


async def change_terms(api: Api, c: Company, order_id: str) -> None:
    await update(api, c, order_id, description=SECRET, internalNote=SECRET, price="999")
    await comment(api, c, order_id, "INTERNAL", SECRET)


async def first_cursor(app: Starlette, api: Api, c: Company, who: Session, order_id: str) -> str:
    """A cursor the subscriber got while it still saw the order (a comment's event)."""
    async with client(app) as http, socket(http, who.access) as sock:
        op = await subscribed(sock, c.id, EVENTS)
        await comment(api, c, order_id, "CONTRACTOR" if who is c.first_member else "INTERNAL", "x")
        seen = (await sock.data(op))["orderEvents"]
        assert seen["order"]["id"] == order_id
        cursor: str = seen["cursor"]
        return cursor


def leaked(messages: list[dict[str, Any]]) -> list[str]:
    """What of the new terms reached a subscriber."""
    return [m for m in (str(x) for x in messages) if SECRET in m or "999" in m]


async def until_marker(
    sock: GraphQLSocket, op: str, is_marker: Callable[[dict[str, Any]], bool]
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Every message for `op` before the marker, and the marker's data (None when the
    subscription ended first: complete or error ends the list, nothing of it can follow).

    The marker is an event the test sets off after those under test, which the subscriber may
    see. The server sends a subscription's messages in the order of the events behind them (a
    replay before what happens live), so whatever should not have come arrives before the
    marker: nothing is waited out (timed silences of 1.5 s each were most of this module's
    43 s), and a slow server cannot make the check pass."""
    got: list[dict[str, Any]] = []
    while True:
        message = await sock.next(op)
        payload = message.get("payload") or {}
        if message["type"] == "next" and "errors" not in payload and is_marker(payload["data"]):
            return got, payload["data"]
        got.append(message)
        if message["type"] in ("complete", "error"):
            return got, None


async def before_marker(
    sock: GraphQLSocket, op: str, is_marker: Callable[[dict[str, Any]], bool]
) -> list[dict[str, Any]]:
    """Every message for `op` before the marker (`until_marker`)."""
    return (await until_marker(sock, op, is_marker))[0]


async def marker_cursor(
    sock: GraphQLSocket, op: str, is_marker: Callable[[dict[str, Any]], bool]
) -> str:
    """Assert nothing came for `op` before the marker; the marker's cursor."""
    got, data = await until_marker(sock, op, is_marker)
    assert got == [], got
    assert data is not None, "the subscription ended before the marker"
    cursor: str = data["orderEvents"]["cursor"]
    return cursor


async def mark(
    api: Api, c: Company, marker_id: str, who: Session
) -> Callable[[dict[str, Any]], bool]:
    """Set off the marker: a comment `who` may read on `marker_id` (an order of its own that
    nothing under test touches); returns the test for its orderEvents message."""
    await comment(api, c, marker_id, "CLIENT" if who is c.client else "CONTRACTOR", "marker")
    return order_event(marker_id)


def listening_here(company_id: int) -> set[object]:
    """Order-event listeners and notification inboxes of the company in this process."""
    hub = current_hub()
    assert hub is not None
    feed = hub._feeds.get(company_id)
    if feed is None:
        return set()
    return {
        *feed.listeners,
        *(box for boxes in feed.notification_listeners.by_member.values() for box in boxes),
    }


async def subscribed(sock: GraphQLSocket, company_id: int, query: str, **variables: Any) -> str:
    """Subscribe, and wait until the subscription listens (it joins the hub in a task) and
    Redis, when used, has the company's channel: a marker published before that was lost, and
    on PostgreSQL + Redis half the runs waited for it in vain."""
    before = listening_here(company_id)
    op = await sock.subscribe(query, variables)
    for _ in range(500):
        if listening_here(company_id) - before:
            await channel_subscribed(company_id)
            return op
        await asyncio.sleep(0.01)
    raise TimeoutError("the subscription did not start listening")


@contextlib.asynccontextmanager
async def hub_held(company_id: int) -> AsyncIterator[None]:
    """Hold this process's delivery of the company's events (a slow Redis, a busy process):
    what changes meanwhile is what the delivery will load."""
    hub = current_hub()
    assert hub is not None
    feed = hub._feeds[company_id]
    async with feed.lock:
        yield


# Replay


async def test_a_contractor_taken_off_an_order_replays_none_of_it(app: Starlette, api: Api) -> None:
    c = await company(api)
    order, marker = await order_of(api, c), await order_of(api, c)
    cursor = await first_cursor(app, api, c, c.first_member, order["id"])
    # Events the contractor could see when they happened, then it is taken off the order.
    await comment(api, c, order["id"], "CONTRACTOR", "before the change")
    await take_off_contractor(api, c, order["id"])
    await change_terms(api, c, order["id"])
    async with client(app) as http, socket(http, c.first_member.access) as sock:
        op = await subscribed(sock, c.id, EVENTS, after=cursor)
        got = await before_marker(sock, op, await mark(api, c, marker["id"], c.first_member))
    assert got == [], leaked(got) or got


async def test_staff_whose_subtree_lost_an_order_replay_none_of_it(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order, marker = await order_of(api, c), await order_of(api, c)
    cursor = await first_cursor(app, api, c, c.staff, order["id"])
    await comment(api, c, order["id"], "INTERNAL", "before the change")
    await move_out_of_subtree(api, c, order["id"])
    await change_terms(api, c, order["id"])
    async with client(app) as http, socket(http, c.staff.access) as sock:
        op = await subscribed(sock, c.id, EVENTS, after=cursor)
        got = await before_marker(sock, op, await mark(api, c, marker["id"], c.staff))
    assert got == [], leaked(got) or got


async def test_a_client_replays_only_the_comments_meant_for_clients(
    app: Starlette, api: Api
) -> None:
    """A client never loses its order (no change moves an order to another client), and a
    comment keeps its audience: its replay carries its own comments' events, none other."""
    c = await company(api)
    order, marker = await order_of(api, c), await order_of(api, c)
    async with client(app) as http, socket(http, c.client.access) as sock:
        op = await subscribed(sock, c.id, EVENTS)
        await comment(api, c, order["id"], "CLIENT", "for the client")
        cursor = (await sock.data(op))["orderEvents"]["cursor"]
    await comment(api, c, order["id"], "INTERNAL", SECRET)
    await comment(api, c, order["id"], "CONTRACTOR", SECRET)
    await comment(api, c, order["id"], "CLIENT", "again for the client")
    async with client(app) as http, socket(http, c.client.access) as sock:
        op = await subscribed(sock, c.id, EVENTS, after=cursor)
        got = await before_marker(sock, op, await mark(api, c, marker["id"], c.client))
    assert len(got) == 1, got
    assert not leaked(got), got
    bodies = [
        e["node"]["body"]
        for e in got[0]["payload"]["data"]["orderEvents"]["order"]["comments"]["edges"]
    ]
    assert bodies == ["for the client", "again for the client"]


async def test_a_cursor_after_a_skipped_event_resumes_without_gap_or_duplicate(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    lost, kept, marker = await order_of(api, c), await order_of(api, c), await order_of(api, c)
    start = await first_cursor(app, api, c, c.first_member, kept["id"])
    # The contractor hears a comment on `lost` live, and keeps its cursor ...
    async with client(app) as http, socket(http, c.first_member.access) as sock:
        op = await subscribed(sock, c.id, EVENTS)
        await comment(api, c, lost["id"], "CONTRACTOR", "on the lost order")
        skipped = (await sock.data(op))["orderEvents"]["cursor"]
    # ... then is taken off `lost`; a comment on `kept` follows.
    await take_off_contractor(api, c, lost["id"])
    await change_terms(api, c, lost["id"])
    await comment(api, c, kept["id"], "CONTRACTOR", "on the kept order")
    # Each "nothing more" below is a marker (a comment on `marker`, set off once subscribed);
    # later replays carry the earlier markers' events too, in their places.
    marks: list[str] = []
    for after in (start, skipped):
        async with client(app) as http, socket(http, c.first_member.access) as sock:
            op = await subscribed(sock, c.id, EVENTS, after=after)
            replayed = (await sock.data(op))["orderEvents"]
            assert replayed["order"]["id"] == kept["id"]
            assert int(replayed["cursor"]) > int(skipped)
            for earlier in marks:
                assert (await sock.data(op))["orderEvents"]["cursor"] == earlier
            marks.append(
                await marker_cursor(sock, op, await mark(api, c, marker["id"], c.first_member))
            )
    # Live from there: the next event follows, nothing twice, nothing lost.
    async with client(app) as http, socket(http, c.first_member.access) as sock:
        op = await subscribed(sock, c.id, EVENTS, after=skipped)
        assert (await sock.data(op))["orderEvents"]["cursor"] == replayed["cursor"]
        for earlier in marks:
            assert (await sock.data(op))["orderEvents"]["cursor"] == earlier
        await comment(api, c, kept["id"], "CONTRACTOR", "live")
        live = (await sock.data(op))["orderEvents"]
        assert int(live["cursor"]) > int(marks[-1]) > int(replayed["cursor"])
        last = await marker_cursor(sock, op, await mark(api, c, marker["id"], c.first_member))
    async with client(app) as http, socket(http, c.first_member.access) as sock:
        op = await subscribed(sock, c.id, EVENTS, after=live["cursor"])
        assert (await sock.data(op))["orderEvents"]["cursor"] == last
        await marker_cursor(sock, op, await mark(api, c, marker["id"], c.first_member))


# Live: an event still on its way when the order changed hands


async def live_after_change(
    app: Starlette,
    api: Api,
    c: Company,
    who: Session,
    query: str,
    variables: dict[str, Any],
    order_id: str,
    visibility: str,
    change: Any,
) -> list[dict[str, Any]]:
    marker = await order_of(api, c)
    async with client(app) as http, socket(http, who.access) as sock:
        op = await subscribed(sock, c.id, query, **variables)
        marker_op = op if query == EVENTS else await subscribed(sock, c.id, EVENTS)
        async with hub_held(c.id):
            await comment(api, c, order_id, visibility, "visible to it when made")
            await change(api, c, order_id)
            await change_terms(api, c, order_id)
        if op == marker_op:
            return await before_marker(sock, op, await mark(api, c, marker["id"], who))
        return await ended_then_nothing(api, c, sock, op, marker_op, marker["id"], who)


async def ended_then_nothing(
    api: Api, c: Company, sock: GraphQLSocket, op: str, marker_op: str, marker_id: str, who: Session
) -> list[dict[str, Any]]:
    """Every message for `op` (an `orderUpdated`) until it ends, and any that follows before a
    marker on `marker_op` (an `orderEvents` of the same socket): the hub delivers a company's
    events by number, to every subscription of the socket."""
    got = await before_marker(sock, op, lambda _: False)
    await before_marker(sock, marker_op, await mark(api, c, marker_id, who))
    return got + sock.inbox.pop(op, [])


async def test_a_contractor_taken_off_an_order_hears_none_of_it_live(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order = await order_of(api, c)
    got = await live_after_change(
        app, api, c, c.first_member, EVENTS, {}, order["id"], "CONTRACTOR", take_off_contractor
    )
    assert got == [], leaked(got) or got


async def test_staff_whose_subtree_lost_an_order_hear_none_of_it_live(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order = await order_of(api, c)
    got = await live_after_change(
        app, api, c, c.staff, EVENTS, {}, order["id"], "INTERNAL", move_out_of_subtree
    )
    assert got == [], leaked(got) or got


async def test_order_updated_ends_when_the_contractor_is_taken_off(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order = await order_of(api, c)
    got = await live_after_change(
        app,
        api,
        c,
        c.first_member,
        UPDATED,
        {"id": order["id"]},
        order["id"],
        "CONTRACTOR",
        take_off_contractor,
    )
    assert [m["type"] for m in got] == ["complete"], leaked(got) or got


async def test_order_updated_ends_when_the_order_leaves_the_staff_subtree(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order, marker = await order_of(api, c), await order_of(api, c)
    async with client(app) as http, socket(http, c.staff.access) as sock:
        op = await subscribed(sock, c.id, UPDATED, id=order["id"])
        marker_op = await subscribed(sock, c.id, EVENTS)
        await move_out_of_subtree(api, c, order["id"])
        await change_terms(api, c, order["id"])
        got = await ended_then_nothing(api, c, sock, op, marker_op, marker["id"], c.staff)
    assert [m["type"] for m in got] == ["complete"], leaked(got) or got


# Notifications that point at an order


async def test_a_notification_of_an_order_taken_away_meanwhile_is_not_pushed(
    app: Starlette, api: Api
) -> None:
    c = await company(api)
    order, marker = await order_of(api, c), await order_of(api, c)
    received = "subscription { notificationReceived { kind text order { id } } }"
    async with client(app) as http, socket(http, c.first_member.access) as sock:
        op = await subscribed(sock, c.id, received)
        async with hub_held(c.id):
            await comment(api, c, order["id"], "CONTRACTOR", SECRET)
            await take_off_contractor(api, c, order["id"])
        # The marker: the notification of a comment on an order the contractor is still on.
        await mark(api, c, marker["id"], c.first_member)
        got = await before_marker(
            sock, op, lambda data: data["notificationReceived"]["order"] == {"id": marker["id"]}
        )
    assert got == [], got
    # Listed still (what it was told then), with nothing of the order as it is now.
    listed = await api.ok(NOTIFICATIONS, token=c.first_member.access)
    nodes = [
        e["node"]
        for e in listed["notifications"]["edges"]
        if e["node"]["order"] != {"id": marker["id"]}
    ]
    assert nodes, listed
    assert all(n["order"] is None for n in nodes), nodes


# The staff inbox


async def test_a_conversation_given_to_another_branch_meanwhile_is_not_pushed(
    app: Starlette, api: Api
) -> None:
    """A message about a conversation that was still unassigned arrives after it was given
    to a member outside the listener's subtree (Redis slow, a busy process)."""
    inbox = await build_inbox(api)
    query = "subscription { conversationUpdated { id assignee { id } lastMessage { body } } }"
    async with client(app) as http, socket(http, inbox.staff.access) as sock:
        op = await sock.subscribe(query)
        await until_listening(inbox.company, 1)
        recorded = await arrive(inbox.company, "Hello", key="chat-stale")
        cid = gid("Conversation", recorded.conversation.id)
        assert (await sock.data(op))["conversationUpdated"]["id"] == cid
        given = await api.ok(
            INBOX_ASSIGN, {"c": cid, "m": inbox.other.member_id}, inbox.owner.access
        )
        assert given["assignConversation"]["errors"] == [], given
        await arrive(inbox.company, SECRET, key="chat-stale")
        hub = current_hub()
        assert hub is not None
        stale = {"id": recorded.conversation.id, "company_id": inbox.company, "assignee_path": None}
        await hub.broadcast.publish(inbox_channel(inbox.company), json.dumps(stale))
        # The marker: another conversation, unassigned, published on the same channel after
        # (the inbox feed takes a channel's messages one by one, in order).
        await arrive(inbox.company, "marker", key="chat-marker")
        got = await before_marker(
            sock, op, lambda data: data["conversationUpdated"]["lastMessage"]["body"] == "marker"
        )
    assert got == [], leaked(got) or got
