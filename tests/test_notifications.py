"""Notifications through HTTP and WebSocket: who is told of what (never the actor), reading,
marking, paging, privacy, live delivery, e-mail copies and what an event costs."""

from __future__ import annotations

from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from models import Notification, OutboxEmail
from realtime.events import channel
from realtime.hub import current_hub
from realtime.notification_listeners import NotificationMessage
from realtime.notifications import relay_notifications
from realtime.publish_batch import MARKS
from schema.ids import parse_global_id, to_global_id
from tests.support.api import Api, count_statements
from tests.support.notifications import (
    MARK_READ,
    NOTIFICATIONS,
    RECEIVED,
    Cast,
    cast,
    inbox,
    once,
    told,
)
from tests.support.tasks import ANNOUNCE, CREATE_TASK, in_hours
from tests.support.world import ASSIGN, COMMENT, contact, create_order, move, portal_member
from tests.support.ws import client, joined, socket

pytestmark = pytest.mark.asyncio

UPDATE = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { errors { field code } } }"""
RATE = """mutation($id: ID!, $r: Int!, $f: String) {
  rateOrder(id: $id, rating: $r, feedback: $f) { errors { field code } } }"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Notification { kind text } } }"


async def order_of(api: Api, c: Cast, **fields: Any) -> dict[str, Any]:
    return await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        **fields,
    )


def pk_of(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return int(parsed[1])


async def test_a_new_order_tells_its_responsible_and_the_managers_above(api: Api) -> None:
    c = await cast(api)
    everyone = c.members()
    by_owner = await order_of(api, c)
    assert await told(api, everyone, "ORDER_CREATED", by_owner["id"]) == once("staff", "head")
    by_staff = await create_order(
        api, c.staff, clientId=c.client.id, addressId=c.client.address_ids[0]
    )
    assert await told(api, everyone, "ORDER_CREATED", by_staff["id"]) == once("head", "owner")
    # A client's request goes to the client's manager (head), and up from there.
    by_client = await create_order(api, c.client.members[0], addressId=c.client.address_ids[0])
    assert await told(api, everyone, "ORDER_CREATED", by_client["id"]) == once("head", "owner")
    # Created with a contractor: its portal members hear it is theirs.
    with_contractor = await order_of(api, c, contractorId=c.contractor.id)
    assert await told(api, everyone, "ORDER_CREATED", with_contractor["id"]) == once(
        "staff", "head"
    )
    assert await told(api, everyone, "ORDER_ASSIGNED", with_contractor["id"]) == once(
        "contractor1", "contractor2"
    )
    newest = (await inbox(api, c.staff))[0]
    assert newest["text"].startswith(f'New order #{with_contractor["number"]} "Clean", due ')


async def test_assignment_tells_the_contractors_members_with_an_email(api: Api) -> None:
    c = await cast(api)
    order = await order_of(api, c)
    await api.ok(ASSIGN, {"id": order["id"], "c": c.contractor.id, "fee": "60"}, c.head.access)
    assert await told(api, c.members(), "ORDER_ASSIGNED", order["id"]) == once(
        "contractor1", "contractor2"
    )
    for member in c.contractor.members:
        mails = await OutboxEmail.filter(to=member.email, subject__startswith="Order").values(
            "subject", "body"
        )
        assert len(mails) == 1
        assert mails[0]["subject"].startswith(f'Order #{order["number"]} "Clean" is assigned')
        assert mails[0]["body"].endswith("Open the service desk: https://desk.example.test\n")
    # Creation and assignment e-mail nobody on the staff side.
    staff_side = [c.owner.email, c.staff.email, c.head.email]
    assert not await OutboxEmail.filter(to__in=staff_side, subject__startswith="Order").exists()


async def test_status_comments_and_rating_tell_the_other_parties(api: Api) -> None:
    c = await cast(api)
    everyone = c.members()
    order = await order_of(api, c, contractorId=c.contractor.id, price="100")
    oid = order["id"]
    await move(api, c.contractor.members[0], oid, "IN_PROGRESS")
    parties = {"owner", "head", "staff", "client1", "client2", "contractor1", "contractor2"}
    assert await told(api, everyone, "ORDER_STATUS_CHANGED", oid) == once(
        *(parties - {"contractor1"})
    )

    async def read_all() -> None:
        """Unread news is coalesced (one unread notification per kind and order): each step
        below starts with everything read, so each telling is a row of its own."""
        for session in everyone.values():
            await api.ok(MARK_READ, {"ids": None}, session.access)

    async def comment(who: str, visibility: str | None) -> dict[str, int]:
        await read_all()
        before = await told(api, everyone, "ORDER_COMMENTED", oid)
        body = f"{who} says {visibility}"
        await api.ok(COMMENT, {"o": oid, "b": body, "v": visibility}, everyone[who].access)
        after = await told(api, everyone, "ORDER_COMMENTED", oid)
        return {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}

    assert await comment("owner", "INTERNAL") == once("head", "staff")
    assert await comment("owner", "CLIENT") == once("head", "staff", "client1", "client2")
    assert await comment("owner", "CONTRACTOR") == once(
        "head", "staff", "contractor1", "contractor2"
    )
    assert await comment("client1", None) == once("owner", "head", "staff", "client2")
    assert await comment("contractor2", None) == once("owner", "head", "staff", "contractor1")
    said = [n for n in await inbox(api, c.client.members[1]) if n["kind"] == "ORDER_COMMENTED"]
    assert said[0]["text"].endswith(": client1 says None")

    await read_all()
    await move(api, c.contractor.members[0], oid, "DONE")
    assert await told(api, everyone, "ORDER_STATUS_CHANGED", oid) == dict.fromkeys(
        parties - {"contractor1"}, 2
    )

    # A rating reaches every other party; its words never (the contractor may not read them).
    await read_all()
    before = await told(api, everyone, "ORDER_COMMENTED", oid)
    data = await api.ok(
        RATE, {"id": oid, "r": 4, "f": "the vase is broken"}, everyone["client1"].access
    )
    assert data["rateOrder"]["errors"] == []
    after = await told(api, everyone, "ORDER_COMMENTED", oid)
    rated = {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}
    assert rated == once(*(parties - {"client1"}))
    latest = (await inbox(api, c.contractor.members[0]))[0]
    assert latest["text"] == f'Order #{order["number"]} "Clean" was rated 4 of 5'
    # Staff editing the terms tell no one.
    counts = {name: len(await inbox(api, s)) for name, s in everyone.items()}
    await api.ok(UPDATE, {"id": oid, "input": {"title": "Clean again"}}, c.owner.access)
    assert {name: len(await inbox(api, s)) for name, s in everyone.items()} == counts


async def test_reading_marking_paging_and_privacy(api: Api) -> None:
    c = await cast(api)
    orders = [await order_of(api, c) for _ in range(5)]
    mine = await inbox(api, c.staff)
    assert [n["order"]["id"] for n in mine] == [o["id"] for o in reversed(orders)]  # newest first
    assert all(n["readAt"] is None for n in mine)

    # Pages of two, in order, with nothing lost or repeated.
    seen: list[str] = []
    after = None
    while True:
        data = await api.ok(NOTIFICATIONS, {"first": 2, "after": after}, c.staff.access)
        page = data["notifications"]
        assert page["totalCount"] == 5
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [n["id"] for n in mine]

    # Marking: own only; again changes nothing; unreadOnly follows.
    assert (await api.ok(MARK_READ, {"ids": [mine[0]["id"]]}, c.staff.access)) == {
        "markNotificationsRead": 1
    }
    assert (await api.ok(MARK_READ, {"ids": [mine[0]["id"]]}, c.staff.access))[
        "markNotificationsRead"
    ] == 0
    unread = await inbox(api, c.staff, unread=True)
    assert [n["id"] for n in unread] == [n["id"] for n in mine[1:]]
    assert (await inbox(api, c.staff))[0]["readAt"] is not None
    data = await api.ok(NOTIFICATIONS, {"unread": True, "first": 1}, c.staff.access)
    assert data["notifications"]["totalCount"] == 4

    # Another member's notifications: invisible, and marking them changes nothing.
    heads = await inbox(api, c.head)
    assert len(heads) == 5
    assert not {n["id"] for n in heads} & {n["id"] for n in mine}
    for stranger in (c.head, c.peer, c.client.members[0]):
        assert (await api.ok(NODE, {"id": mine[1]["id"]}, stranger.access))["node"] is None
        marked = await api.ok(MARK_READ, {"ids": [n["id"] for n in mine]}, stranger.access)
        assert marked["markNotificationsRead"] == 0
    assert len(await inbox(api, c.staff, unread=True)) == 4
    own = await api.ok(NODE, {"id": mine[1]["id"]}, c.staff.access)
    assert own["node"] == {"id": mine[1]["id"], "kind": "ORDER_CREATED", "text": mine[1]["text"]}
    # Nonsense ids change nothing; null marks all of one's own, and only those.
    bogus = ["nonsense", to_global_id("Order", pk_of(mine[1]["id"]))]
    assert (await api.ok(MARK_READ, {"ids": bogus}, c.staff.access))["markNotificationsRead"] == 0
    assert (await api.ok(MARK_READ, {"ids": None}, c.staff.access))["markNotificationsRead"] == 4
    assert await inbox(api, c.staff, unread=True) == []
    assert len(await inbox(api, c.head, unread=True)) == 5


async def test_a_notification_shows_only_what_its_reader_still_sees(api: Api) -> None:
    c = await cast(api)
    other = await contact(api, c.owner, "CONTRACTOR", "Second")
    order = await order_of(api, c, contractorId=c.contractor.id)
    await api.ok(ASSIGN, {"id": order["id"], "c": other.id}, c.owner.access)
    [note] = await inbox(api, c.contractor.members[0])
    assert note["kind"] == "ORDER_ASSIGNED"
    assert note["order"] is None  # reassigned: the order is not theirs any more


async def test_tasks_tell_their_assignee(api: Api) -> None:
    c = await cast(api)
    data = await api.ok(
        CREATE_TASK,
        {"input": {"title": "Hire", "assigneeId": c.staff.member_id, "deadline": in_hours(5)}},
        c.head.access,
    )
    task = data["createTask"]["task"]
    [note] = await inbox(api, c.staff)
    assert (note["kind"], note["task"], note["order"]) == (
        "TASK_ASSIGNED",
        {"id": task["id"]},
        None,
    )
    assert note["text"].startswith('New task "Hire", due ')
    # A task of one's own tells no one; nobody else hears of someone's task.
    await api.ok(CREATE_TASK, {"input": {"title": "Own", "deadline": in_hours(5)}}, c.staff.access)
    assert len(await inbox(api, c.staff)) == 1
    assert await inbox(api, c.head) == []
    # An announcement: each member of the audience, never the announcer.
    data = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "Party",
                "description": "Friday",
                "deadline": in_hours(24),
                "audience": "SUBTREE",
            }
        },
        c.owner.access,
    )
    assert data["announce"]["errors"] == []
    assert await told(api, c.members(), "TASK_ASSIGNED") == {
        "staff": 2,
        "head": 1,
        "peer": 1,
    }
    # Each points at the member's own acknowledgement task.
    tasks = {t["assignee"]["id"]: t["id"] for t in data["announce"]["tasks"]}
    peer_note = (await inbox(api, c.peer))[0]
    assert peer_note["task"] == {"id": tasks[c.peer.member_id]}
    assert peer_note["text"].startswith('Announcement "Party": please confirm you have read it')


async def test_notification_received_reaches_exactly_the_right_sockets(
    app: Starlette, api: Api
) -> None:
    c = await cast(api)
    order = await order_of(api, c, contractorId=c.contractor.id)
    listening = ["owner", "head", "staff", "peer", "client1", "contractor1", "other_client"]
    everyone = c.members()
    async with client(app) as http, AsyncExitStack() as stack:
        sockets = {
            name: await stack.enter_async_context(socket(http, everyone[name].access))
            for name in listening
        }
        twice = await stack.enter_async_context(socket(http, everyone["client1"].access))
        ops = {name: await sock.subscribe(RECEIVED) for name, sock in sockets.items()}
        twice_op = await twice.subscribe(RECEIVED)
        for name in listening:
            await joined(everyone[name].member_id, 2 if name == "client1" else 1)
        await api.ok(COMMENT, {"o": order["id"], "b": "Ring first", "v": "CLIENT"}, c.owner.access)
        for name in ("head", "staff", "client1"):
            data = (await sockets[name].data(ops[name]))["notificationReceived"]
            assert data["kind"] == "ORDER_COMMENTED"
            assert data["order"] == {"id": order["id"], "number": order["number"]}
            assert data["text"].endswith(": Ring first")
        again = (await twice.data(twice_op))["notificationReceived"]
        assert again["kind"] == "ORDER_COMMENTED"
        # Markers, each told to some of them; each socket's next notification must be its
        # marker: the comment reached no one else, and no one twice.
        await move(api, c.owner, order["id"], "IN_PROGRESS")  # all but the owner and the peer
        await api.ok(COMMENT, {"o": order["id"], "b": "Note", "v": "INTERNAL"}, c.staff.access)
        elsewhere = await create_order(  # the peer is told; then its client, of the cancel
            api,
            c.owner,
            clientId=c.other_client.id,
            addressId=c.other_client.address_ids[0],
            responsibleId=c.peer.member_id,
        )
        await move(api, c.owner, elsewhere["id"], "CANCELLED")
        markers = {
            **dict.fromkeys(("head", "staff", "client1", "contractor1"), (order, "STATUS")),
            "owner": (order, "COMMENTED"),
            "peer": (elsewhere, "CREATED"),
            "other_client": (elsewhere, "STATUS"),
        }
        for sock, op, name in (
            *((sockets[name], ops[name], name) for name in listening),
            (twice, twice_op, "client1"),
        ):
            marked, kind = markers[name]
            note = (await sock.marker(op, lambda _: True))["notificationReceived"]
            assert (note["order"]["id"], note["kind"][: len(kind) + 6]) == (
                marked["id"],
                f"ORDER_{kind}",
            ), name
        # Published twice (the relay after an outage): delivered once.
        [row] = await Notification.filter(
            member_id=pk_of(c.staff.member_id), kind="ORDER_COMMENTED"
        )
        hub = current_hub()
        assert hub is not None
        message = NotificationMessage(row.id, row.member_id).to_json()
        for _ in range(2):
            await hub.broadcast.publish(channel(row.company_id), message)
        # The marker: a new order of the staff member's, told after the copies were published.
        new = await order_of(api, c)
        await sockets["staff"].marker(
            ops["staff"], lambda d: d["notificationReceived"]["order"]["id"] == new["id"]
        )


async def test_an_order_event_costs_the_same_statements_for_2_or_8_contractor_members(
    api: Api,
) -> None:
    """Statements of a status change, a comment and a contractor's assignment, as the
    number of members to tell grows: one SELECT of the recipients, one INSERT of the
    notifications (and one of the e-mails for an e-mail kind), whatever their number."""
    costs: list[dict[str, int]] = []
    for extra in (0, 6):
        c = await cast(api)
        for i in range(extra):
            await portal_member(api, c.owner, c.contractor, f"Fixer {i}")
        order = await order_of(api, c)
        cost: dict[str, int] = {}
        with count_statements() as counter:
            await api.ok(ASSIGN, {"id": order["id"], "c": c.contractor.id}, c.owner.access)
        cost["assign"] = len(counter.statements)
        with count_statements() as counter:
            await move(api, c.owner, order["id"], "IN_PROGRESS")
        cost["status"] = len(counter.statements)
        with count_statements() as counter:
            await api.ok(COMMENT, {"o": order["id"], "b": "Hi", "v": "CONTRACTOR"}, c.owner.access)
        cost["comment"] = len(counter.statements)
        told_now = await told(api, c.members(), "ORDER_STATUS_CHANGED", order["id"])
        assert "contractor1" in told_now
        costs.append(cost)
    assert costs[0] == costs[1], costs
    print(f"\nstatements per request with notifications: {costs[0]}")


async def test_the_relay_publishes_what_was_left_unpublished(app: Starlette, api: Api) -> None:
    """A notification committed but never published (Redis away, a process gone) reaches
    its member's socket through the relay, and is marked published."""
    c = await cast(api)
    await order_of(api, c)
    [row] = await Notification.filter(member_id=pk_of(c.staff.member_id))
    long_ago = datetime.now(UTC) - timedelta(minutes=1)
    async with client(app) as http, socket(http, c.staff.access) as sock:
        op = await sock.subscribe(RECEIVED)
        await joined(c.staff.member_id)
        await MARKS.flush()  # a batched mark landing after the reset below would undo it
        await Notification.filter(id=row.id).update(published_at=None, created_at=long_ago)
        # The app's own relay runs too and may take the row first; either way a relay sends it.
        await relay_notifications()
        data = (await sock.data(op))["notificationReceived"]
        assert (data["id"], data["kind"]) == (to_global_id("Notification", row.id), "ORDER_CREATED")
    assert (await Notification.get(id=row.id)).published_at is not None
