"""A made order points at its series (`Order.series`) for whoever sees that series, and
`orders(filter: {seriesId})` lists a series' orders within the usual visibility."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.api import Api, count_statements, register
from tests.support.notifications import inbox
from tests.support.series import (
    END_SERIES,
    UPDATE_SERIES,
    create_series,
    run_round_at,
    series_input,
    series_orders,
)
from tests.support.world import contact, create_order, portal_member

pytestmark = pytest.mark.asyncio

BY_SERIES = """
query($s: ID) { orders(filter: {seriesId: $s}, first: 50) {
  totalCount edges { node { id deadline contractor { name } series { id title } } }
} }
"""


async def test_made_orders_point_at_their_series_for_those_who_see_it(
    api: Api, backend: str
) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    sergey = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    fixit = await contact(api, owner, "CONTRACTOR", "FixIt Team", "ORGANIZATION")
    sergey_portal = await portal_member(api, owner, sergey, "Sergey Portal")
    fixit_portal = await portal_member(api, owner, fixit, "FixIt Portal")
    series = await create_series(
        api,
        owner,
        **series_input(
            client.id, client.address_ids[0], startDate="2027-03-01", contractorId=sergey.id
        ),
    )
    other = await create_series(
        api, owner, **series_input(client.id, client.address_ids[1], startDate="2027-03-02")
    )
    one_off = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    for made in (series, other):
        _ = await run_round_at(made["id"], datetime(2027, 3, 1, tzinfo=UTC))

    with count_statements() as counter:
        data = await api.ok(BY_SERIES, {"s": series["id"]}, owner.access)
    listed = data["orders"]["edges"]
    assert data["orders"]["totalCount"] == 5  # 1, 8, 15, 22 and 29 March; not the other's
    assert {e["node"]["series"]["id"] for e in listed} == {series["id"]}
    assert {e["node"]["series"]["title"] for e in listed} == {"Office cleaning"}
    assert one_off["id"] not in {e["node"]["id"] for e in listed}
    # One statement for the series of all five orders, not one each.
    assert sum('"order_series"' in s for s in counter.statements) == 1, counter.statements
    everything = await api.ok(BY_SERIES, {"s": None}, owner.access)
    plain = next(
        e["node"] for e in everything["orders"]["edges"] if e["node"]["id"] == one_off["id"]
    )
    assert plain["series"] is None

    # From 15 March FixIt is booked: Sergey keeps his two earlier orders but no longer sees
    # the series, so their `series` is null for him; FixIt sees it on its own orders.
    moved = await api.ok(
        UPDATE_SERIES,
        {"id": series["id"], "input": {"contractorId": fixit.id}, "from": "2027-03-15"},
        owner.access,
    )
    assert moved["updateOrderSeries"]["errors"] == []
    his = (await api.ok(BY_SERIES, {"s": series["id"]}, sergey_portal.access))["orders"]["edges"]
    assert sorted(e["node"]["deadline"][:10] for e in his) == ["2027-03-01", "2027-03-08"]
    assert {e["node"]["series"] is None for e in his} == {True}
    theirs = (await api.ok(BY_SERIES, {"s": series["id"]}, fixit_portal.access))["orders"]["edges"]
    assert len(theirs) == 3
    assert {e["node"]["series"]["id"] for e in theirs} == {series["id"]}
    assert {e["node"]["contractor"]["name"] for e in theirs} == {"FixIt Team"}

    stranger = await register(api)
    nothing = await api.ok(BY_SERIES, {"s": series["id"]}, stranger.access)
    assert nothing["orders"]["totalCount"] == 0


FILTERED = """
query($c: ID, $a: Boolean) { orderSeries(clientId: $c, active: $a) {
  totalCount edges { node { id active client { id } } }
} }
"""


async def test_series_filtered_by_client_and_active(api: Api, backend: str) -> None:
    owner = await register(api)
    romashka = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    anna = await contact(api, owner, "CLIENT", "Anna Petrova")
    first = await create_series(
        api, owner, **series_input(romashka.id, romashka.address_ids[0], startDate="2030-01-07")
    )
    second = await create_series(
        api, owner, **series_input(anna.id, anna.address_ids[0], startDate="2030-01-07")
    )
    ended = await api.ok(END_SERIES, {"id": second["id"], "last": "2030-01-01"}, owner.access)
    assert ended["endOrderSeries"]["series"]["active"] is False

    async def ids(client: str | None, active: bool | None) -> list[str]:
        data = await api.ok(FILTERED, {"c": client, "a": active}, owner.access)
        return [e["node"]["id"] for e in data["orderSeries"]["edges"]]

    assert await ids(None, None) == [second["id"], first["id"]]  # newest first
    assert await ids(romashka.id, None) == [first["id"]]
    assert await ids(None, True) == [first["id"]]
    assert await ids(None, False) == [second["id"]]
    assert await ids(anna.id, True) == []


async def test_made_orders_tell_people_as_ordinary_orders_do(api: Api, backend: str) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    sergey = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    client_portal = await portal_member(api, owner, client, "Client Portal")
    sergey_portal = await portal_member(api, owner, sergey, "Sergey Portal")
    series = await create_series(
        api,
        owner,
        **series_input(
            client.id, client.address_ids[0], startDate="2027-03-01", contractorId=sergey.id
        ),
    )
    _ = await run_round_at(series["id"], datetime(2027, 3, 1, tzinfo=UTC))
    made = {o["id"] for o in await series_orders(api, owner, series["id"])}
    assigned = [n for n in await inbox(api, sergey_portal) if n["kind"] == "ORDER_ASSIGNED"]
    assert {n["order"]["id"] for n in assigned} == made  # each visit's order, to its contractor
    assert await inbox(api, client_portal) == []  # a new order is staff's news

    moved = await api.ok(
        UPDATE_SERIES, {"id": series["id"], "input": {"visitTime": "14:00"}}, owner.access
    )
    assert moved["updateOrderSeries"]["errors"] == []
    told = {n["order"]["id"] for n in await inbox(api, client_portal)}
    assert told == made  # every moved visit, to the client as well
