"""updateAddress and archiveAddress: closed orders keep the text they were done at, open
ones follow the correction; an archived address takes no new order or series; staff only,
within the company."""

from __future__ import annotations

import pytest

from models import Address, Order
from schema.ids import decode_id
from tests.support.api import Api, register
from tests.support.corrections import (
    ARCHIVE_ADDRESS,
    CONTACT_ADDRESSES,
    CREATE_ORDER,
    ORDER_ADDRESS,
    UPDATE_ADDRESS,
    UPDATE_ORDER,
    book,
    call,
    refused,
)
from tests.support.series import UPDATE_SERIES, create_errors, create_series, series_input
from tests.support.world import contact, in_days

pytestmark = pytest.mark.asyncio

SEARCH = "query($s: String) { contacts(filter: {search: $s}) { totalCount } }"
FIXED = {"text": "Moscow, Tverskaya 9", "label": "Home", "details": "flat 4", "latitude": 55.76}


async def order_address(api: Api, token: str, order_id: str) -> dict[str, object]:
    data = await api.ok(ORDER_ADDRESS, {"id": order_id}, token)
    address: dict[str, object] = data["node"]["address"]
    return address


async def test_closed_orders_keep_the_old_text_open_ones_show_the_new(api: Api) -> None:
    b = await book(api)
    address_id = b.client.address_ids[0]
    payload = await call(
        api, b.owner, UPDATE_ADDRESS, {"id": address_id, "input": FIXED}, "updateAddress"
    )
    assert payload["errors"] == []
    assert payload["address"] == {"id": address_id, "longitude": None, "archived": False, **FIXED}

    for status in ("NEW", "IN_PROGRESS"):
        shown = await order_address(api, b.owner.access, b.orders[status])
        assert shown == {"id": address_id, "text": "Moscow, Tverskaya 9", "archived": False}
    kept = [await order_address(api, b.owner.access, b.orders[s]) for s in ("DONE", "CANCELLED")]
    assert {a["text"] for a in kept} == {"Anna Petrova, street 1"}
    assert {a["archived"] for a in kept} == {True}
    assert len({a["id"] for a in kept}) == 1  # one copy for the correction
    assert kept[0]["id"] != address_id
    # The client sees its DONE order's old text; the contractor too.
    for who in (b.client_portal, b.contractor_portal):
        seen = await order_address(api, who.access, b.orders["DONE"])
        assert seen["text"] == "Anna Petrova, street 1"

    # The contact lists its addresses without the history copy.
    data = await api.ok(CONTACT_ADDRESSES, {"id": b.client.id}, b.owner.access)
    listed = data["node"]["addresses"]
    assert [a["text"] for a in listed] == ["Moscow, Tverskaya 9", "Anna Petrova, street 2"]

    # The contact is found at its new address, no longer at the old one.
    for text, found in (("Tverskaya 9", 1), ("Petrova, street 1", 0)):
        data = await api.ok(SEARCH, {"s": text}, b.owner.access)
        assert data["contacts"]["totalCount"] == found, text

    # A second correction makes no new copy: no closed order uses the address any more.
    again = {"id": address_id, "input": {"text": "Moscow, Tverskaya 11"}}
    assert (await call(api, b.owner, UPDATE_ADDRESS, again, "updateAddress"))["errors"] == []
    client_pk = decode_id(b.client.id, "Contact")
    assert await Address.filter(contact_id=client_pk).count() == 3
    # The history copy is not edited, nor offered for a new order.
    copy_id = str(kept[0]["id"])
    error = await refused(
        api, b.owner, UPDATE_ADDRESS, {"id": copy_id, "input": FIXED}, "updateAddress"
    )
    assert (error["code"], error["field"]) == ("CONFLICT", ["id"])
    new = {"clientId": b.client.id, "addressId": copy_id, "title": "T", "deadline": in_days(2)}
    error = await refused(api, b.owner, CREATE_ORDER, {"input": new}, "createOrder")
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "addressId"])


async def test_an_address_without_closed_orders_changes_in_place(api: Api) -> None:
    b = await book(api)
    address_id = b.client.address_ids[1]
    variables = {"id": address_id, "input": {"text": "Moscow, Arbat 1"}}
    payload = await call(api, b.owner, UPDATE_ADDRESS, variables, "updateAddress")
    assert payload["address"]["text"] == "Moscow, Arbat 1"
    assert payload["address"]["label"] is None  # the input replaces the whole address
    assert await Address.filter(contact_id=decode_id(b.client.id, "Contact")).count() == 2


async def test_bad_input_is_refused_and_nothing_is_written(api: Api) -> None:
    b = await book(api)
    address_id = b.client.address_ids[0]
    for bad, field in (
        ({"text": "  "}, ["input", "text"]),
        ({"text": "x" * 501}, ["input", "text"]),
        ({"text": "Ok", "latitude": 91.0}, ["input", "latitude"]),
        ({"text": "Ok", "longitude": -180.5}, ["input", "longitude"]),
    ):
        error = await refused(
            api, b.owner, UPDATE_ADDRESS, {"id": address_id, "input": bad}, "updateAddress"
        )
        assert (error["code"], error["field"]) == ("INVALID", field), bad
    assert await Address.filter(contact_id=decode_id(b.client.id, "Contact")).count() == 2
    done = await order_address(api, b.owner.access, b.orders["DONE"])
    assert (done["id"], done["text"]) == (address_id, "Anna Petrova, street 1")


async def test_other_tenants_and_portal_members_are_refused(api: Api) -> None:
    b = await book(api)
    stranger = await register(api)
    address_id = b.client.address_ids[0]
    contractor_address = b.contractor.address_ids[0]
    for query, name, extra in (
        (UPDATE_ADDRESS, "updateAddress", {"input": FIXED}),
        (ARCHIVE_ADDRESS, "archiveAddress", {}),
    ):
        error = await refused(api, stranger, query, {"id": address_id, **extra}, name)
        assert error["code"] == "NOT_FOUND"
        # A portal member: its own contact's address is FORBIDDEN, another's NOT_FOUND.
        own = await refused(api, b.client_portal, query, {"id": address_id, **extra}, name)
        assert own["code"] == "FORBIDDEN"
        other = await refused(
            api, b.client_portal, query, {"id": contractor_address, **extra}, name
        )
        assert other["code"] == "NOT_FOUND"
        mine = await refused(
            api, b.contractor_portal, query, {"id": contractor_address, **extra}, name
        )
        assert mine["code"] == "FORBIDDEN"
    row = await Address.get(id=decode_id(address_id, "Address"))
    assert (row.text, row.archived) == ("Anna Petrova, street 1", False)


async def test_archive_address_refusals_and_no_new_work(api: Api) -> None:
    b = await book(api)
    first, second = b.client.address_ids
    archived = await call(api, b.owner, ARCHIVE_ADDRESS, {"id": first}, "archiveAddress")
    assert archived["errors"] == []
    assert archived["address"]["archived"] is True
    # The last active address of a client with open orders stays, naming it.
    error = await refused(api, b.owner, ARCHIVE_ADDRESS, {"id": second}, "archiveAddress")
    assert (error["code"], error["field"]) == ("CONFLICT", ["id"])
    assert "Anna Petrova, street 2" in error["message"]
    # Its open orders keep it; the contact's list leaves it out.
    shown = await order_address(api, b.owner.access, b.orders["NEW"])
    assert (shown["id"], shown["archived"]) == (first, True)
    data = await api.ok(CONTACT_ADDRESSES, {"id": b.client.id}, b.owner.access)
    assert [a["id"] for a in data["node"]["addresses"]] == [second]
    # No new order (staff and portal), no order moved to it, no series at it.
    new = {"addressId": first, "title": "T", "deadline": in_days(2)}
    for who, fields in ((b.owner, {"clientId": b.client.id}), (b.client_portal, {})):
        error = await refused(api, who, CREATE_ORDER, {"input": {**new, **fields}}, "createOrder")
        assert (error["code"], error["field"]) == ("CONFLICT", ["input", "addressId"])
        assert "archived" in error["message"]
    moved = {"id": b.orders["NEW"], "input": {"addressId": second}}
    assert (await call(api, b.owner, UPDATE_ORDER, moved, "updateOrder"))["errors"] == []
    back = {"id": b.orders["NEW"], "input": {"addressId": first}}
    error = await refused(api, b.owner, UPDATE_ORDER, back, "updateOrder")
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "addressId"])
    series = await create_series(api, b.owner, **series_input(b.client.id, second))
    to_first = {"id": series["id"], "input": {"addressId": first}}
    error = await refused(api, b.owner, UPDATE_SERIES, to_first, "updateOrderSeries")
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "addressId"])
    errors = await create_errors(api, b.owner, **series_input(b.client.id, first))
    assert [(e["code"], e["field"]) for e in errors] == [("CONFLICT", ["input", "addressId"])]
    assert await Order.filter(client_id=decode_id(b.client.id, "Contact")).count() == 4

    # A client without open orders may archive its last address; a contractor always.
    other = await contact(api, b.owner, "CLIENT", "Quiet Client")
    for address in other.address_ids + b.contractor.address_ids:
        done = await call(api, b.owner, ARCHIVE_ADDRESS, {"id": address}, "archiveAddress")
        assert done["errors"] == [], done
    # Archiving twice is harmless.
    again = await call(api, b.owner, ARCHIVE_ADDRESS, {"id": first}, "archiveAddress")
    assert again["address"]["archived"] is True
