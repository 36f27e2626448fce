"""A new photo as others live it: the PHOTO_ADDED event reaches those who see the order and
no one else, and uploads racing for the last places of an order keep its limit."""

from __future__ import annotations

import asyncio

import pytest
from starlette.applications import Starlette

from config.settings import Settings
from models import Photo
from schema.ids import decode_id
from tests.support.api import Api
from tests.support.photos import fetch, opened, picture, scene, stored_names, upload
from tests.support.world import create_order
from tests.support.ws import client, joined, socket

pytestmark = pytest.mark.asyncio

EVENTS = """subscription { orderEvents { kind actor { id }
  order { id photos { id url thumbnailUrl uploadedBy { id } } } } }"""


async def test_photo_added_reaches_those_who_see_the_order(api: Api, app: Starlette) -> None:
    s = await scene(api)
    c = s.cast
    async with (
        client(app) as http,
        socket(http, c.client.members[0].access) as client_sock,
        socket(http, c.staff.access) as staff_sock,
        socket(http, c.peer.access) as peer_sock,
        socket(http, s.stranger.members[0].access) as stranger_sock,
    ):
        ops = {
            sock: await sock.subscribe(EVENTS)
            for sock in (client_sock, staff_sock, peer_sock, stranger_sock)
        }
        for member in (c.client.members[0], c.staff, c.peer, s.stranger.members[0]):
            await joined(member.member_id)  # the subscriptions are live before the upload
        contractor = c.contractor.members[0]
        photo = (await upload(api, contractor.access, s.order_id, picture(500, 400)))["photo"]
        for sock in (client_sock, staff_sock):
            event = (await sock.data(ops[sock]))["orderEvents"]
            assert event["kind"] == "PHOTO_ADDED"
            assert event["actor"] == {"id": contractor.member_id}
            assert [p["id"] for p in event["order"]["photos"]] == [photo["id"]]
            served = await fetch(api, event["order"]["photos"][0]["thumbnailUrl"])
            assert opened(served.content).size == (320, 256)
        # A marker both may see (the peer responsible, the stranger its contractor) comes
        # before anything else: neither heard of the photo.
        marker = await create_order(
            api,
            c.owner,
            clientId=c.client.id,
            addressId=c.client.address_ids[0],
            responsibleId=c.peer.member_id,
            contractorId=s.stranger.id,
        )
        for sock in (peer_sock, stranger_sock):
            await sock.marker(ops[sock], lambda d: d["orderEvents"]["order"]["id"] == marker["id"])


async def test_uploads_racing_for_the_last_places_keep_the_limit(
    api: Api, settings: Settings
) -> None:
    s = await scene(api)
    small = picture(16, 16)
    for _ in range(settings.photos_per_order - 2):
        assert (await upload(api, s.cast.owner.access, s.order_id, small))["errors"] == []
    names = await stored_names()
    uploaders = [s.cast.staff, s.cast.client.members[0], s.cast.contractor.members[0]] * 2
    results = await asyncio.gather(
        *(upload(api, who.access, s.order_id, small) for who in uploaders)
    )
    taken = [r for r in results if r["errors"] == []]
    refused = [r for r in results if r["errors"]]
    assert len(taken) == 2
    assert {e["errors"][0]["message"] for e in refused} == {"An order holds at most 30 photos"}
    assert await Photo.filter(order_id=decode_id(s.order_id, "Order")).count() == 30
    assert len(await stored_names() - names) == 4  # two photos and their thumbnails, no more
