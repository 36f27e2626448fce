"""Who sees a recurring series, which of its fields, and who may change it: the orders' rules,
from every side, the sides that must not see included; a page of series costs the same
statements for 5 and for 50."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.series import (
    SKIP_VISIT,
    UPDATE_SERIES,
    create_series,
    series_input,
)
from tests.support.world import ContactCard, contact, portal_member

pytestmark = pytest.mark.asyncio

LIST = """
query { orderSeries(first: 50) { totalCount edges { node {
  id title price contractorFee internalNote
  client { name } contractor { name } responsible { name }
} } } }
"""
CREATE = """
mutation($input: CreateOrderSeriesInput!) {
  createOrderSeries(input: $input) { series { id client { id } responsible { id } } errors { field code } }
}
"""
END = """mutation($id: ID!) { endOrderSeries(id: $id) { series { id } errors { field code } } }"""
NODE = """query($id: ID!) { node(id: $id) { id ... on OrderSeries { price contractorFee internalNote } } }"""


@dataclass
class Cast:
    owner: Session
    head: Session  # above `staff`
    staff: Session  # responsible for the series
    other_head: Session  # another subtree
    client: Session
    other_client: Session
    contractor: Session
    other_contractor: Session
    stranger: Session  # the owner of another company
    client_card: ContactCard
    other_client_card: ContactCard
    contractor_card: ContactCard


async def cast(api: Api) -> Cast:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    staff = await invite_and_accept(api, head, "Staff")
    other_head = await invite_and_accept(api, owner, "Other Head")
    cards = [
        await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION"),
        await contact(api, owner, "CLIENT", "Anna Petrova"),
        await contact(api, owner, "CONTRACTOR", "Sergey Cleaner"),
        await contact(api, owner, "CONTRACTOR", "FixIt Team", "ORGANIZATION"),
    ]
    portal = [await portal_member(api, owner, card, f"Portal {i}") for i, card in enumerate(cards)]
    stranger = await register(api)
    client, other_client, contractor, other_contractor = portal
    return Cast(
        owner,
        head,
        staff,
        other_head,
        client,
        other_client,
        contractor,
        other_contractor,
        stranger,
        cards[0],
        cards[1],
        cards[2],
    )


def listed(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["node"]["id"]: e["node"] for e in data["orderSeries"]["edges"]}


async def test_each_role_sees_the_series_and_fields_its_orders_would_show(api: Api) -> None:
    c = await cast(api)
    series = await create_series(
        api,
        c.owner,
        **series_input(
            c.client_card.id,
            c.client_card.address_ids[0],
            startDate="2030-03-01",
            responsibleId=c.staff.member_id,
            contractorId=c.contractor_card.id,
            price="1500.00",
            contractorFee="900.00",
            internalNote="door code 1234",
        ),
    )
    everything = {"price": "1500.00", "contractorFee": "900.00", "internalNote": "door code 1234"}
    expected: dict[str, dict[str, Any] | None] = {
        "owner": everything,
        "head": everything,
        "staff": everything,
        "client": {"price": "1500.00", "contractorFee": None, "internalNote": None},
        "contractor": {"price": None, "contractorFee": "900.00", "internalNote": None},
        "other_head": None,
        "other_client": None,
        "other_contractor": None,
        "stranger": None,
    }
    for who, fields in expected.items():
        member: Session = getattr(c, who)
        seen = listed(await api.ok(LIST, token=member.access))
        node = (await api.ok(NODE, {"id": series["id"]}, member.access))["node"]
        if fields is None:
            assert seen == {}, who
            assert node is None, who  # hidden is absent from node(id) too
            continue
        assert {k: node[k] for k in fields} == fields, who
        node = seen[series["id"]]
        assert {k: node[k] for k in fields} == fields, who
        assert node["client"]["name"] == "Romashka LLC"
        assert node["contractor"]["name"] == "Sergey Cleaner"


async def test_hidden_and_missing_look_alike_and_only_staff_change(api: Api) -> None:
    c = await cast(api)
    series = await create_series(
        api,
        c.owner,
        **series_input(
            c.client_card.id,
            c.client_card.address_ids[0],
            startDate="2030-03-01",
            responsibleId=c.staff.member_id,
            contractorId=c.contractor_card.id,
        ),
    )
    change = {"id": series["id"], "input": {"title": "Mine now"}}
    missing = {
        "id": "T3JkZXJTZXJpZXM6OTk5OTk5",
        "input": {"title": "Mine now"},
    }  # OrderSeries:999999
    for member in (c.other_head, c.other_client, c.other_contractor, c.stranger):
        hidden = await api.ok(UPDATE_SERIES, change, member.access)
        absent = await api.ok(UPDATE_SERIES, missing, member.access)
        assert hidden["updateOrderSeries"]["errors"] == absent["updateOrderSeries"]["errors"]
        assert hidden["updateOrderSeries"]["errors"][0]["code"] == "NOT_FOUND"
        skipped = await api.ok(
            SKIP_VISIT, {"id": series["id"], "date": "2030-03-04"}, member.access
        )
        assert skipped["skipSeriesVisit"]["errors"][0]["code"] == "NOT_FOUND"
        ended = await api.ok(END, {"id": series["id"]}, member.access)
        assert ended["endOrderSeries"]["errors"][0]["code"] == "NOT_FOUND"
    for member in (c.client, c.contractor):  # they see it, but terms are staff's to change
        refused = await api.ok(UPDATE_SERIES, change, member.access)
        assert refused["updateOrderSeries"]["errors"][0]["code"] == "FORBIDDEN"
        ended = await api.ok(END, {"id": series["id"]}, member.access)
        assert ended["endOrderSeries"]["errors"][0]["code"] == "FORBIDDEN"
    for member in (c.owner, c.staff):
        done = await api.ok(UPDATE_SERIES, change, member.access)
        assert done["updateOrderSeries"]["errors"] == []
    title = listed(await api.ok(LIST, token=c.head.access))[series["id"]]["title"]
    assert title == "Mine now"


async def test_clients_file_their_own_series_contractors_none(api: Api) -> None:
    c = await cast(api)
    own = {
        "addressId": c.client_card.address_ids[1],
        "title": "Weekly",
        "recurrence": {"frequency": "WEEKLY"},
        "startDate": "2030-03-01",
        "visitTime": "09:00",
        "durationMinutes": 60,
    }
    made = await api.ok(CREATE, {"input": own}, c.client.access)
    assert made["createOrderSeries"]["errors"] == []
    assert made["createOrderSeries"]["series"]["client"]["id"] == c.client_card.id
    priced = await api.ok(CREATE, {"input": {**own, "price": "10.00"}}, c.client.access)
    assert priced["createOrderSeries"]["errors"] == [
        {"field": ["input", "price"], "code": "FORBIDDEN"}
    ]
    other = {**own, "clientId": c.other_client_card.id}
    refused = await api.ok(CREATE, {"input": other}, c.client.access)
    assert refused["createOrderSeries"]["errors"][0]["code"] == "NOT_FOUND"
    contractor = await api.ok(CREATE, {"input": own}, c.contractor.access)
    assert contractor["createOrderSeries"]["errors"][0]["code"] == "FORBIDDEN"
    # A staff member hands a series only to itself or someone below it (staff see every
    # member, so one above is INVALID, not hidden).
    above = {**own, "clientId": c.client_card.id, "responsibleId": c.head.member_id}
    upward = await api.ok(CREATE, {"input": above}, c.staff.access)
    assert upward["createOrderSeries"]["errors"] == [
        {"field": ["input", "responsibleId"], "code": "INVALID"}
    ]
    listed_for_other = listed(await api.ok(LIST, token=c.other_client.access))
    assert listed_for_other == {}


async def test_another_company_s_client_address_or_contractor_is_not_found(api: Api) -> None:
    c = await cast(api)
    theirs = await contact(api, c.stranger, "CLIENT", "Their client")
    their_fixer = await contact(api, c.stranger, "CONTRACTOR", "Their fixer")
    mine = series_input(c.client_card.id, c.client_card.address_ids[0], startDate="2030-03-01")
    # An address not the client's is INVALID whether it is another company's or missing.
    missing_address = "QWRkcmVzczo5OTk5OTk5"  # Address:9999999
    for wrong, code in (
        ({"clientId": theirs.id, "addressId": theirs.address_ids[0]}, "NOT_FOUND"),
        ({"addressId": theirs.address_ids[0]}, "INVALID"),
        ({"addressId": missing_address}, "INVALID"),
        ({"contractorId": their_fixer.id}, "NOT_FOUND"),
    ):
        made = await api.ok(CREATE, {"input": {**mine, **wrong}}, c.owner.access)
        assert made["createOrderSeries"]["series"] is None, wrong
        assert [e["code"] for e in made["createOrderSeries"]["errors"]] == [code], wrong
    assert listed(await api.ok(LIST, token=c.owner.access)) == {}


PAGE = """
query { orderSeries(first: 100) { totalCount edges { node {
  id client { name } address { text } contractor { name } responsible { name }
  recurrence { frequency weekdays } visitTime price
  upcoming(first: 3) { start end }
  orders(first: 2) { totalCount edges { node { number } } }
} } } }
"""


async def test_a_page_costs_the_same_for_5_and_50_series(api: Api) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")

    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    made: list[dict[str, Any]] = []

    async def statements(total: int) -> int:
        while len(made) < total:
            made.append(
                await create_series(
                    api,
                    owner,
                    **series_input(
                        client.id,
                        client.address_ids[0],
                        startDate=tomorrow,
                        recurrence={"frequency": "WEEKLY", "count": 2},
                        contractorId=contractor.id,
                        # 15 minutes each, one after another: the contractor is never booked twice.
                        visitTime=f"{8 + len(made) // 4:02}:{len(made) % 4 * 15:02}",
                        durationMinutes=15,
                    ),
                )
            )
        with count_statements() as counter:
            data = await api.ok(PAGE, token=owner.access)
        nodes = list(listed(data).values())
        assert len(nodes) == total
        # Both visits of each series are made at once (they fall within the horizon).
        assert all(len(n["upcoming"]) == 2 for n in nodes)
        assert all(n["orders"]["totalCount"] == 2 for n in nodes)
        return len(counter.statements)

    few, many = await statements(5), await statements(50)
    assert few == many, (few, many)
    print(f"orderSeries page with client, address, contractor, upcoming, orders: {many} statements")
