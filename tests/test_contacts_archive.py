"""archiveContact / restoreContact: an archived contact keeps its orders and history, is
left out of the contacts list unless asked for, and takes no new work: no order or series
for an archived client (staff or its own portal), no assignment, booking or suggestion of
an archived contractor, no more orders from the series round. Restoring undoes it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.api import Api, count_statements, register
from tests.support.corrections import (
    ARCHIVE_ADDRESS,
    ARCHIVE_CONTACT,
    CREATE_ORDER,
    RESTORE_CONTACT,
    UPDATE_ADDRESS,
    UPDATE_ORDER,
    book,
    call,
    refused,
)
from tests.support.series import create_errors, create_series, run_round_at, series_input
from tests.support.suggest import SUGGEST
from tests.support.world import ASSIGN, contact, in_days

pytestmark = pytest.mark.asyncio

CONTACTS = """
query($f: ContactFilter) { contacts(filter: $f, first: 50) {
  totalCount edges { node { name archived addresses { text } } }
} }"""
ME_CONTACT = "query { me { contact { name archived } } }"
MARCH = datetime(2027, 3, 1, tzinfo=UTC)


async def names(api: Api, token: str, **f: object) -> set[str]:
    data = await api.ok(CONTACTS, {"f": f or None}, token)
    return {e["node"]["name"] for e in data["contacts"]["edges"]}


async def test_archive_and_restore_who_may(api: Api) -> None:
    b = await book(api)
    stranger = await register(api)
    for query, name in ((ARCHIVE_CONTACT, "archiveContact"), (RESTORE_CONTACT, "restoreContact")):
        error = await refused(api, stranger, query, {"id": b.client.id}, name)
        assert error["code"] == "NOT_FOUND"
        for portal, own, other in (
            (b.client_portal, b.client, b.contractor),
            (b.contractor_portal, b.contractor, b.client),
        ):
            assert (await refused(api, portal, query, {"id": own.id}, name))["code"] == "FORBIDDEN"
            assert (await refused(api, portal, query, {"id": other.id}, name))["code"] == (
                "NOT_FOUND"
            )
    assert await names(api, b.owner.access) == {"Anna Petrova", "Sergey Cleaner"}

    done = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.client.id}, "archiveContact")
    assert done == {
        "contact": {"id": b.client.id, "name": "Anna Petrova", "archived": True},
        "errors": [],
    }
    again = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.client.id}, "archiveContact")
    assert again["contact"]["archived"] is True
    back = await call(api, b.owner, RESTORE_CONTACT, {"id": b.client.id}, "restoreContact")
    assert back["contact"]["archived"] is False
    assert await names(api, b.owner.access) == {"Anna Petrova", "Sergey Cleaner"}


async def test_archived_only_when_asked(api: Api) -> None:
    b = await book(api)
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.contractor.id}, "archiveContact")
    assert await names(api, b.owner.access, archived=False) == {"Anna Petrova"}
    assert await names(api, b.owner.access, archived=True) == {"Sergey Cleaner"}
    assert await names(api, b.owner.access, archived=True, kind="CLIENT") == set()


async def test_lists_leave_archived_out_and_the_own_card_still_resolves(api: Api) -> None:
    b = await book(api)
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.contractor.id}, "archiveContact")
    assert await names(api, b.owner.access) == {"Anna Petrova"}
    assert await names(api, b.owner.access, search="Sergey") == set()
    # The portal member's own (archived) card resolves; its orders stay visible to it.
    me = await api.ok(ME_CONTACT, None, b.contractor_portal.access)
    assert me["me"]["contact"] == {"name": "Sergey Cleaner", "archived": True}
    order = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Order { status contractor { name archived } } } }",
        {"id": b.orders["IN_PROGRESS"]},
        b.owner.access,
    )
    assert order["node"] == {
        "status": "IN_PROGRESS",
        "contractor": {"name": "Sergey Cleaner", "archived": True},
    }


async def test_contacts_list_statements_stay_bounded(api: Api) -> None:
    owner = await register(api)
    counts: list[int] = []
    for n in (3, 9):
        for i in range(n - len(counts) * 3):
            card = await contact(api, owner, "CLIENT", f"Client {n}-{i}")
            if i % 2:
                _ = await call(api, owner, ARCHIVE_CONTACT, {"id": card.id}, "archiveContact")
        with count_statements() as counter:
            data = await api.ok(CONTACTS, {"f": None}, owner.access)
        assert all(not e["node"]["archived"] for e in data["contacts"]["edges"])
        counts.append(len(counter.statements))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 6, counts


async def test_an_archived_client_gets_no_new_orders(api: Api) -> None:
    b = await book(api)
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.client.id}, "archiveContact")
    address = b.client.address_ids[1]
    order = {"addressId": address, "title": "T", "deadline": in_days(2)}
    staff = await refused(
        api, b.owner, CREATE_ORDER, {"input": {**order, "clientId": b.client.id}}, "createOrder"
    )
    assert (staff["code"], staff["field"]) == ("CONFLICT", ["input", "clientId"])
    assert "Anna Petrova" in staff["message"]
    portal = await refused(api, b.client_portal, CREATE_ORDER, {"input": order}, "createOrder")
    assert (portal["code"], portal["field"]) == ("CONFLICT", ["input", "clientId"])
    errors = await create_errors(api, b.owner, **series_input(b.client.id, address))
    assert [(e["code"], e["field"]) for e in errors] == [("CONFLICT", ["input", "clientId"])]
    # Its open orders are untouched and still edited as usual.
    edit = {"id": b.orders["NEW"], "input": {"title": "Windows too"}}
    assert (await call(api, b.owner, UPDATE_ORDER, edit, "updateOrder"))["errors"] == []

    _ = await call(api, b.owner, RESTORE_CONTACT, {"id": b.client.id}, "restoreContact")
    made = await call(api, b.client_portal, CREATE_ORDER, {"input": order}, "createOrder")
    assert made["errors"] == []


async def test_an_archived_contractor_is_not_booked_nor_suggested(api: Api) -> None:
    b = await book(api)
    other = await contact(api, b.owner, "CONTRACTOR", "FixIt Team")
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.contractor.id}, "archiveContact")
    order = {
        "clientId": b.client.id,
        "addressId": b.client.address_ids[1],
        "title": "T",
        "deadline": in_days(2),
        "contractorId": b.contractor.id,
    }
    error = await refused(api, b.owner, CREATE_ORDER, {"input": order}, "createOrder")
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "contractorId"])
    assigned = await api.ok(ASSIGN, {"id": b.orders["NEW"], "c": b.contractor.id}, b.owner.access)
    assert [e["code"] for e in assigned["assignOrder"]["errors"]] == ["CONFLICT"]
    series = series_input(b.client.id, b.client.address_ids[1], contractorId=b.contractor.id)
    errors = await create_errors(api, b.owner, **series)
    assert [(e["code"], e["field"]) for e in errors] == [("CONFLICT", ["input", "contractorId"])]
    # Distances come from active addresses only.
    for address, at in ((b.client.address_ids[0], 55.75), (other.address_ids[0], 55.76)):
        moved = {"id": address, "input": {"text": "Moscow", "latitude": at, "longitude": 37.6}}
        assert (await call(api, b.owner, UPDATE_ADDRESS, moved, "updateAddress"))["errors"] == []
    data = await api.ok(SUGGEST, {"o": b.orders["NEW"], "first": 10}, b.owner.access)
    assert [s["contractor"]["id"] for s in data["suggestContractors"]] == [other.id]
    assert 1.0 < data["suggestContractors"][0]["distanceKm"] < 1.2
    gone = {"id": other.address_ids[0]}
    assert (await call(api, b.owner, ARCHIVE_ADDRESS, gone, "archiveAddress"))["errors"] == []
    data = await api.ok(SUGGEST, {"o": b.orders["NEW"], "first": 10}, b.owner.access)
    assert data["suggestContractors"][0]["distanceKm"] is None

    _ = await call(api, b.owner, RESTORE_CONTACT, {"id": b.contractor.id}, "restoreContact")
    data = await api.ok(SUGGEST, {"o": b.orders["NEW"], "first": 10}, b.owner.access)
    assert {s["contractor"]["id"] for s in data["suggestContractors"]} == {
        b.contractor.id,
        other.id,
    }
    assigned = await api.ok(ASSIGN, {"id": b.orders["NEW"], "c": b.contractor.id}, b.owner.access)
    assert assigned["assignOrder"]["errors"] == []


async def test_the_series_round_stops_for_archived_contacts_and_resumes(api: Api) -> None:
    b = await book(api)
    address = b.client.address_ids[1]
    plain = await create_series(api, b.owner, **series_input(b.client.id, address))
    booked = await create_series(
        api,
        b.owner,
        **series_input(b.client.id, address, visitTime="14:00", contractorId=b.contractor.id),
    )
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.contractor.id}, "archiveContact")
    assert await run_round_at(booked["id"], MARCH) == 0
    assert await run_round_at(plain["id"], MARCH) == 5  # 1, 8, 15, 22 and 29 March
    _ = await call(api, b.owner, ARCHIVE_CONTACT, {"id": b.client.id}, "archiveContact")
    week_on = datetime(2027, 3, 12, tzinfo=UTC)  # the horizon (+28 days) reaches 5 April
    assert await run_round_at(plain["id"], week_on) == 0
    for card in (b.client, b.contractor):
        _ = await call(api, b.owner, RESTORE_CONTACT, {"id": card.id}, "restoreContact")
    assert await run_round_at(booked["id"], MARCH) == 5
    assert await run_round_at(plain["id"], week_on) == 1
