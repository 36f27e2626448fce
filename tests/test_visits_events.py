"""Moving a visit is an UPDATED order event, live on the WebSocket, and a notification with
the new window to the client's and the contractor's portal members, and to no one else."""

from __future__ import annotations

from datetime import datetime

import pytest
from starlette.applications import Starlette

from tests.support.api import Api
from tests.support.notifications import cast, inbox, once, told
from tests.support.world import create_order
from tests.support.ws import client, joined, socket
from tests.test_visits_booking import UPDATE, at

pytestmark = pytest.mark.asyncio

EVENTS = """subscription { orderEvents {
    kind actor { id } order { id visitStart visitEnd deadline } } }"""


def utc_label(value: str) -> str:
    """How a notification writes the moment for a company in UTC: "6 December 2026, 10:00"."""
    moment = datetime.fromisoformat(value)
    return f"{moment.day} {moment:%B %Y, %H:%M}"


async def test_a_moved_visit_is_heard_live_by_the_parties_only(app: Starlette, api: Api) -> None:
    c = await cast(api)
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=c.contractor.id,
        visitStart=at(10),
        visitEnd=at(12),
        deadline=None,
    )
    other = await create_order(
        api,
        c.owner,
        clientId=c.other_client.id,
        addressId=c.other_client.address_ids[0],
        contractorId=c.contractor.id,
    )
    client_member, contractor_member = c.client.members[0], c.contractor.members[0]
    outsider = c.other_client.members[0]
    async with (
        client(app) as http,
        socket(http, client_member.access) as client_sock,
        socket(http, contractor_member.access) as contractor_sock,
        socket(http, outsider.access) as outsider_sock,
    ):
        ops = [await sock.subscribe(EVENTS) for sock in (client_sock, contractor_sock)]
        outsider_op = await outsider_sock.subscribe(EVENTS)
        for member in (client_member, contractor_member, outsider):
            await joined(member.member_id)
        moved = {"visitStart": at(14), "visitEnd": at(15)}
        data = await api.ok(UPDATE, {"id": order["id"], "input": moved}, c.owner.access)
        assert data["updateOrder"]["errors"] == []
        for sock, op in zip((client_sock, contractor_sock), ops, strict=True):
            event = (await sock.data(op))["orderEvents"]
            assert (event["kind"], event["actor"]) == ("UPDATED", {"id": c.owner.member_id})
            assert event["order"]["id"] == order["id"]
            assert [event["order"]["visitStart"], event["order"]["visitEnd"]] == [
                data["updateOrder"]["order"]["visitStart"],
                data["updateOrder"]["order"]["visitEnd"],
            ]
            assert event["order"]["deadline"] == data["updateOrder"]["order"]["deadline"]
        # The other client's member heard nothing of it: its first message is its own order.
        marker = {"title": "Marker", "deadline": at(40)}
        data = await api.ok(UPDATE, {"id": other["id"], "input": marker}, c.owner.access)
        assert data["updateOrder"]["errors"] == []
        await outsider_sock.marker(
            outsider_op, lambda d: d["orderEvents"]["order"]["id"] == other["id"]
        )


async def test_a_moved_visit_tells_the_client_and_the_contractor_the_new_window(
    api: Api,
) -> None:
    c = await cast(api)
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=c.contractor.id,
        visitStart=at(10),
        visitEnd=at(12),
        deadline=None,
    )
    members = c.members()
    # Booked at creation: the contractor's members hear of the visit, not only the deadline.
    for name in ("contractor1", "contractor2"):
        [note] = await inbox(api, members[name])
        assert note["kind"] == "ORDER_ASSIGNED"
        assert f"visit {utc_label(at(10))}\u201312:00" in note["text"]
    moved = {"visitStart": at(14), "visitEnd": at(15.5)}
    data = await api.ok(UPDATE, {"id": order["id"], "input": moved}, c.owner.access)
    assert data["updateOrder"]["errors"] == []
    window = f"{utc_label(at(14))}\u201315:30"
    parties = once("client1", "client2", "contractor1", "contractor2")
    assert await told(api, members, "ORDER_ASSIGNED", order["id"]) == parties
    for name in parties:
        newest = (await inbox(api, members[name]))[0]
        assert newest["text"].endswith(f"is moved to {window}"), newest["text"]
    # Staff, the peer and the other client hear nothing else of the move.
    for name in ("owner", "head", "staff", "peer", "other_client"):
        assert all(n["kind"] != "ORDER_ASSIGNED" for n in await inbox(api, members[name])), name
    # Other edits by staff still tell no one; removing the visit tells the parties.
    before = {name: await inbox(api, members[name]) for name in parties}
    data = await api.ok(UPDATE, {"id": order["id"], "input": {"title": "Renamed"}}, c.owner.access)
    assert data["updateOrder"]["errors"] == []
    assert {name: await inbox(api, members[name]) for name in parties} == before
    cleared = {"visitStart": None, "visitEnd": None}
    data = await api.ok(UPDATE, {"id": order["id"], "input": cleared}, c.owner.access)
    assert data["updateOrder"]["errors"] == []
    for name in parties:
        newest = (await inbox(api, members[name]))[0]
        assert f'order #{order["number"]} "Renamed" is cancelled' in newest["text"]


async def test_a_move_on_an_order_without_a_contractor_tells_the_client(api: Api) -> None:
    c = await cast(api)
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        visitStart=at(10),
        visitEnd=at(12),
        deadline=None,
    )
    moved = {"visitStart": at(11), "visitEnd": at(12)}
    data = await api.ok(UPDATE, {"id": order["id"], "input": moved}, c.owner.access)
    assert data["updateOrder"]["errors"] == []
    members = c.members()
    assert await told(api, members, "ORDER_ASSIGNED", order["id"]) == once("client1", "client2")
