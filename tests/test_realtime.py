"""Realtime in one process: order events over WebSocket, who hears what, replay, closing."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import jwt
import pytest
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from starlette.applications import Starlette

from realtime.hub import Hub, current_hub
from schema.ids import decode_id
from servicedesk.transport.websocket_auth import guard
from tests.conftest import TEST_SECRET
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.world import (
    ASSIGN,
    COMMENT,
    ContactCard,
    contact,
    create_order,
    move,
    portal_member,
)
from tests.support.ws import PROTOCOL, GraphQLSocket, client, joined, left, socket

pytestmark = pytest.mark.asyncio

EVENTS = """subscription($after: String) { orderEvents(after: $after) {
    cursor kind at actor { id } order { id status price contractorFee internalNote } } }"""
UPDATED = "subscription($id: ID!) { orderUpdated(id: $id) { id status price contractorFee } }"


async def event(sock: GraphQLSocket, op: str) -> dict[str, Any]:
    data = await sock.data(op)
    result: dict[str, Any] = data["orderEvents"]
    return result


async def company(api: Api) -> tuple[Session, Session, Session, Session, ContactCard, ContactCard]:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    client_card = await contact(api, owner, "CLIENT", "Anna")
    contractor_card = await contact(api, owner, "CONTRACTOR", "Sergey")
    client_member = await portal_member(api, owner, client_card, "Anna Portal")
    contractor_member = await portal_member(api, owner, contractor_card, "Sergey Portal")
    return owner, staff, client_member, contractor_member, client_card, contractor_card


async def test_a_socket_without_a_valid_token_is_closed_4401(app: Starlette, api: Api) -> None:
    owner = await register(api)
    expired = jwt.encode(
        {
            **jwt.decode(owner.access, options={"verify_signature": False}),
            "exp": int(time.time()) - 5,
        },
        TEST_SECRET,
        algorithm="HS256",
    )
    ws: AsyncWebSocketSession
    async with client(app) as http:
        for payload in (
            {},
            {"Authorization": "Bearer nonsense"},
            {"Authorization": f"Bearer {expired}"},
        ):
            async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
                sock = GraphQLSocket(ws)
                await ws.send_json({"type": "connection_init", "payload": payload})
                assert await sock.closed() == 4401
        # The token may also come nested under `headers`, with the key in any case.
        async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
            sock = GraphQLSocket(ws)
            ack = await sock.init({"headers": {"authorization": f"Bearer {owner.access}"}})
            assert ack["type"] == "connection_ack"


async def test_staff_hear_every_change_live_in_order(app: Starlette, api: Api) -> None:
    owner, staff, _, _, card, contractor = await company(api)
    async with client(app) as http, socket(http, staff.access) as sock:
        op = await sock.subscribe(EVENTS)
        await joined(staff.member_id)
        order = await create_order(
            api,
            owner,
            clientId=card.id,
            addressId=card.address_ids[0],
            responsibleId=staff.member_id,
            price="100",
        )
        created = await event(sock, op)
        assert (created["kind"], created["order"]["id"]) == ("CREATED", order["id"])
        assert created["actor"] == {"id": owner.member_id}
        assert created["order"]["price"] == "100.00"
        await api.ok(ASSIGN, {"id": order["id"], "c": contractor.id, "fee": "60"}, owner.access)
        await move(api, owner, order["id"], "IN_PROGRESS")
        assigned, started = await event(sock, op), await event(sock, op)
        assert [assigned["kind"], started["kind"]] == ["ASSIGNED", "STATUS_CHANGED"]
        assert started["order"]["status"] == "IN_PROGRESS"
        cursors = [int(e["cursor"]) for e in (created, assigned, started)]
        assert cursors == sorted(set(cursors))


async def test_each_party_hears_only_what_it_may_see(app: Starlette, api: Api) -> None:
    owner, staff, client_member, contractor_member, card, contractor = await company(api)
    peer = await invite_and_accept(api, owner, "Peer")
    other_card = await contact(api, owner, "CLIENT", "Other")
    async with (
        client(app) as http,
        socket(http, client_member.access) as client_sock,
        socket(http, contractor_member.access) as contractor_sock,
        socket(http, peer.access) as peer_sock,
    ):
        ops = {
            "client": (client_sock, await client_sock.subscribe(EVENTS)),
            "contractor": (contractor_sock, await contractor_sock.subscribe(EVENTS)),
            "peer": (peer_sock, await peer_sock.subscribe(EVENTS)),
        }
        for member in (client_member, contractor_member, peer):
            await joined(member.member_id)
        mine = await create_order(
            api,
            owner,
            clientId=card.id,
            addressId=card.address_ids[0],
            responsibleId=staff.member_id,
            price="100",
            internalNote="secret",
        )
        await create_order(
            api,
            owner,
            clientId=other_card.id,
            addressId=other_card.address_ids[0],
            responsibleId=staff.member_id,
        )
        heard = await event(client_sock, ops["client"][1])
        assert (heard["kind"], heard["order"]["id"]) == ("CREATED", mine["id"])
        # Field rules apply to events as to queries.
        assert (heard["order"]["internalNote"], heard["order"]["contractorFee"]) == (None, None)
        # The next event each hears is the assignment (a marker: not the other client's
        # order, and nothing for the contractor before it).
        await api.ok(ASSIGN, {"id": mine["id"], "c": contractor.id, "fee": "60"}, owner.access)
        assigned = await event(contractor_sock, ops["contractor"][1])
        assert assigned["kind"] == "ASSIGNED"
        assert (assigned["order"]["price"], assigned["order"]["contractorFee"]) == (None, "60.00")
        assert (await event(client_sock, ops["client"][1]))["kind"] == "ASSIGNED"
        # An internal comment reaches neither the client nor the contractor; each its own kind.
        for visibility in ("INTERNAL", "CLIENT", "CONTRACTOR"):
            await api.ok(COMMENT, {"o": mine["id"], "b": visibility, "v": visibility}, owner.access)
        assert (await event(client_sock, ops["client"][1]))["kind"] == "COMMENTED"
        assert (await event(contractor_sock, ops["contractor"][1]))["kind"] == "COMMENTED"
        # A marker all three may see: an order of the client, for the contractor, with the
        # peer responsible. It comes first: no internal comment reached the client or the
        # contractor, no other's comment either, and the peer (outside the responsible's
        # subtree) heard nothing at all before.
        marker = await create_order(
            api,
            owner,
            clientId=card.id,
            addressId=card.address_ids[0],
            responsibleId=peer.member_id,
            contractorId=contractor.id,
        )
        for sock, op in ops.values():
            await sock.marker(op, lambda d: d["orderEvents"]["order"]["id"] == marker["id"])


async def test_order_updated_follows_one_order(app: Starlette, api: Api) -> None:
    owner, _, client_member, contractor_member, card, contractor = await company(api)
    order = await create_order(
        api,
        owner,
        clientId=card.id,
        addressId=card.address_ids[0],
        contractorId=contractor.id,
        price="100",
        contractorFee="60",
    )
    other = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[1])
    async with client(app) as http, socket(http, client_member.access) as sock:
        op = await sock.subscribe(UPDATED, {"id": order["id"]})
        await joined(client_member.member_id)
        await move(api, owner, other["id"], "CANCELLED")
        # Each state is read before the next change: a push shows the order as it is then.
        states = []
        for who, status in ((owner, "IN_PROGRESS"), (contractor_member, "DONE")):
            await move(api, who, order["id"], status)
            states.append((await sock.data(op))["orderUpdated"])
        assert [s["status"] for s in states] == ["IN_PROGRESS", "DONE"]
        assert (states[-1]["price"], states[-1]["contractorFee"]) == ("100.00", None)
        await move(api, owner, order["id"], "IN_PROGRESS")  # reopened: the marker
        await sock.marker(op, lambda d: d["orderUpdated"]["status"] == "IN_PROGRESS")


async def test_a_contractor_cannot_follow_an_order_not_assigned_to_it(
    app: Starlette, api: Api
) -> None:
    owner, _, _, contractor_member, card, contractor = await company(api)
    order = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
    async with client(app) as http, socket(http, contractor_member.access) as sock:
        op = await sock.subscribe(UPDATED, {"id": order["id"]})
        message = await sock.next(op)
        assert message["type"] == "next"
        assert message["payload"]["data"] is None
        assert [e["message"] for e in message["payload"]["errors"]] == ["Order not found"]
        assert (await sock.next(op))["type"] == "complete"
        # The marker: an order assigned to the contractor, heard on a second subscription.
        events = await sock.subscribe(EVENTS)
        await joined(contractor_member.member_id)
        await move(api, owner, order["id"], "CANCELLED")
        mine = await create_order(
            api, owner, clientId=card.id, addressId=card.address_ids[0], contractorId=contractor.id
        )
        await sock.marker(op, lambda d: d["orderEvents"]["order"]["id"] == mine["id"], events)


async def test_replay_after_a_cursor_gives_exactly_what_was_missed(
    app: Starlette, api: Api
) -> None:
    owner, _, _, _, card, _ = await company(api)
    first = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
    async with client(app) as http:
        async with socket(http, owner.access) as sock:
            op = await sock.subscribe(EVENTS)
            await joined(owner.member_id)
            await move(api, owner, first["id"], "CANCELLED")
            cursor = (await event(sock, op))["cursor"]
        # Offline: 20 changes.
        made = [
            await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
            for _ in range(20)
        ]
        async with socket(http, owner.access) as sock:
            op = await sock.subscribe(EVENTS, {"after": cursor})
            missed = [await event(sock, op) for _ in range(20)]
            assert [e["order"]["id"] for e in missed] == [o["id"] for o in made]
            assert [int(e["cursor"]) for e in missed] == list(
                range(int(cursor) + 1, int(cursor) + 21)
            )
            # Then live, with no gap and no duplicate at the seam: each next event is the
            # one just made (a marker for whatever might have come between).
            for k in (21, 22):
                await move(api, owner, made[k - 21]["id"], "CANCELLED")
                live = await event(sock, op)
                assert int(live["cursor"]) == int(cursor) + k


async def test_the_socket_closes_when_the_token_expires(app: Starlette, api: Api) -> None:
    owner = await register(api)
    claims = jwt.decode(owner.access, options={"verify_signature": False})
    short = jwt.encode({**claims, "exp": int(time.time()) + 2}, TEST_SECRET, algorithm="HS256")
    async with client(app) as http, socket(http, short) as sock:
        await sock.subscribe(EVENTS)
        started = time.monotonic()
        assert await sock.closed(seconds=6) == 4401
        assert time.monotonic() - started < 4


async def test_the_socket_closes_when_the_session_is_revoked(app: Starlette, api: Api) -> None:
    """The process checks all its sockets' sessions in one query a round; run a round now."""
    owner = await register(api)
    async with client(app) as http, socket(http, owner.access) as sock:
        await sock.subscribe(EVENTS)
        await api.ok(
            "mutation($t: String!) { logout(refreshToken: $t) }", {"t": owner.refresh}, owner.access
        )
        await guard.check_revoked()
        assert await sock.closed(seconds=3) == 4401


async def test_legacy_protocol_is_refused(app: Starlette) -> None:
    ws: AsyncWebSocketSession
    async with (
        client(app) as http,
        aconnect_ws("/graphql", http, subprotocols=["graphql-ws"]) as ws,
    ):
        with pytest.raises(WebSocketDisconnect) as closed:
            await ws.receive_text()
    assert closed.value.code == 4406


DASHBOARD = "subscription { dashboardUpdated { openOrders overdueOrders createdToday } }"


async def test_dashboard_updates_at_most_once_a_second_and_only_on_change(
    app: Starlette, api: Api
) -> None:
    owner, staff, client_member, _, card, _ = await company(api)
    peer = await invite_and_accept(api, owner, "Peer")
    async with client(app) as http, socket(http, staff.access) as sock:
        op = await sock.subscribe(DASHBOARD)
        first = (await sock.data(op))["dashboardUpdated"]
        assert first == {"openOrders": 0, "overdueOrders": 0, "createdToday": 0}
        # Outside the staff member's subtree: its dashboard does not change, nothing is sent.
        await create_order(
            api,
            owner,
            clientId=card.id,
            addressId=card.address_ids[0],
            responsibleId=peer.member_id,
        )
        # The orders in the subtree are the marker: their pushes end at 3 (had the order
        # outside counted, they would end at 4).
        started = time.monotonic()
        for _ in range(3):
            await create_order(
                api,
                owner,
                clientId=card.id,
                addressId=card.address_ids[0],
                responsibleId=staff.member_id,
            )
        pushes = [(await sock.data(op, seconds=5))["dashboardUpdated"]]
        while pushes[-1]["openOrders"] < 3:
            pushes.append((await sock.data(op, seconds=5))["dashboardUpdated"])
        assert len(pushes) <= 1 + int(time.monotonic() - started)
        assert pushes[-1] == {"openOrders": 3, "overdueOrders": 0, "createdToday": 3}
        # No push without a change: the next one (a marker) shows the fourth order.
        await create_order(
            api,
            owner,
            clientId=card.id,
            addressId=card.address_ids[0],
            responsibleId=staff.member_id,
        )
        await sock.marker(op, lambda d: d["dashboardUpdated"]["openOrders"] == 4)
    async with client(app) as http, socket(http, client_member.access) as portal:
        op = await portal.subscribe(DASHBOARD)
        message = await portal.next(op)
        assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_completed_subscription_hears_nothing_more_and_frees_its_id(
    app: Starlette, api: Api
) -> None:
    owner, staff, _, _, card, contractor = await company(api)
    order = await create_order(
        api,
        owner,
        clientId=card.id,
        addressId=card.address_ids[0],
        responsibleId=staff.member_id,
        contractorId=contractor.id,
    )
    hub = current_hub()
    assert hub is not None
    member = decode_id(staff.member_id, "Member")
    async with client(app) as http, socket(http, staff.access) as sock:
        op = await sock.subscribe(UPDATED, {"id": order["id"]})
        await joined(staff.member_id)
        await move(api, owner, order["id"], "IN_PROGRESS")
        assert (await sock.data(op))["orderUpdated"]["status"] == "IN_PROGRESS"
        assert member in listening_members(hub)
        await sock.ws.send_json({"id": op, "type": "complete"})
        await left(staff.member_id)
        await move(api, owner, order["id"], "DONE")
        await sock.ws.send_json(  # the id is free again: no 4409
            {"id": op, "type": "subscribe", "payload": {"query": UPDATED, "variables": order}}
        )
        await joined(staff.member_id)
        # The marker: were DONE sent after `complete`, it would come first on this id.
        await move(api, owner, order["id"], "IN_PROGRESS")
        await sock.marker(op, lambda d: d["orderUpdated"]["status"] == "IN_PROGRESS")
        assert member in listening_members(hub)
    await asyncio.sleep(0.1)  # the server side of the closed socket ends
    assert member not in listening_members(hub)


def listening_members(hub: Hub) -> set[int]:
    return {
        listener.actor.membership_id for feed in hub._feeds.values() for listener in feed.listeners
    }
