"""Date-times and sums at the edge of their type are range-checked after
normalising (UTC, rounding to cents) and refused with INVALID naming the field; -0 is 0."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.api import Api, Session, register
from tests.support.world import ASSIGN, CREATE_ORDER, ContactCard, contact, create_order, in_days

pytestmark = pytest.mark.asyncio

ORDER = """query($id: ID!) { node(id: $id) { ... on Order { price contractorFee deadline } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { order { price deadline } errors { field code message } } }"""
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { field code message } } }"""
ANNOUNCE = """mutation($input: AnnounceInput!) {
  announce(input: $input) { tasks { id } errors { field code message } } }"""
CREATE_TOKEN = """mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token errors { field code message } } }"""
ORDERS = """query($filter: OrderFilter) { orders(filter: $filter) { totalCount } }"""
REPORT = """query($from: DateTime!, $to: DateTime!) {
  orderReport(from: $from, to: $to, groupBy: CLIENT) { label } }"""

FAR_DEADLINES = [
    "9999-12-31T23:00:00-05:00",  # overflows when made UTC
    "9999-12-31T23:59:59+00:00",
    (datetime.now(UTC) + timedelta(days=365 * 11)).isoformat(),
]
FAR_INSTANTS = [
    *FAR_DEADLINES[:2],
    "2200-01-01T00:00:01+00:00",  # a range may end far ahead ("all of it"), but not past 2199
    "0001-01-01T00:00:00+05:00",  # underflows when made UTC
    "1999-12-31T23:59:59+00:00",
]


def errors_of(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    errors: list[dict[str, Any]] = body["data"][name]["errors"]
    return errors


async def company(api: Api) -> tuple[Session, ContactCard, ContactCard]:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    return owner, client, contractor


async def order_count(api: Api, owner: Session) -> int:
    count: int = (await api.ok(ORDERS, {}, owner.access))["orders"]["totalCount"]
    return count


@pytest.mark.parametrize("deadline", FAR_DEADLINES, ids=["9999-0500", "9999Z", "11y"])
async def test_far_deadlines_are_invalid_and_nothing_is_stored(api: Api, deadline: str) -> None:
    owner, client, _ = await company(api)
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    body = await api.post(
        CREATE_ORDER,
        {"input": {"title": "T", "deadline": deadline, "clientId": client.id}},
        owner.access,
    )
    [error] = errors_of(body, "createOrder")
    assert (error["field"], error["code"]) == (["input", "deadline"], "INVALID")
    assert "between 2000-01-01 and" in error["message"]
    assert await order_count(api, owner) == 1
    body = await api.post(
        UPDATE, {"id": order["id"], "input": {"deadline": deadline}}, owner.access
    )
    [error] = errors_of(body, "updateOrder")
    assert (error["field"], error["code"]) == (["input", "deadline"], "INVALID")
    stored = (await api.ok(ORDER, {"id": order["id"]}, owner.access))["node"]["deadline"]
    assert stored[:4] != deadline[:4]
    for mutation, name, data in (
        (CREATE_TASK, "createTask", {"title": "Pay", "deadline": deadline}),
        (
            ANNOUNCE,
            "announce",
            {"title": "Hi", "description": "", "deadline": deadline, "audience": "SUBTREE"},
        ),
        (CREATE_TOKEN, "createApiToken", {"name": "Partner", "expiresAt": deadline}),
    ):
        body = await api.post(mutation, {"input": data}, owner.access)
        [error] = errors_of(body, name)
        assert error["code"] == "INVALID", (name, error)
        assert error["field"][-1] in ("deadline", "expiresAt"), error


async def test_a_deadline_within_the_horizon_is_kept_in_utc(api: Api) -> None:
    owner, client, _ = await company(api)
    deadline = (datetime.now(UTC) + timedelta(days=365 * 9)).replace(microsecond=0)
    local = deadline.astimezone(datetime.now().astimezone().tzinfo).isoformat()
    order = await create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0], deadline=local
    )
    stored = (await api.ok(ORDER, {"id": order["id"]}, owner.access))["node"]["deadline"]
    assert datetime.fromisoformat(stored) == deadline


@pytest.mark.parametrize(
    "moment", FAR_INSTANTS, ids=["9999-0500", "9999Z", "2200", "0001+0500", "1999"]
)
async def test_far_filter_and_report_ranges_are_invalid(api: Api, moment: str) -> None:
    owner = await register(api)
    for name in ("deadlineFrom", "deadlineTo"):
        body = await api.post(ORDERS, {"filter": {name: moment}}, owner.access)
        assert body["errors"][0]["extensions"]["code"] == "INVALID", body
    for variables in (
        {"from": moment, "to": "2026-01-01T00:00:00+00:00"},
        {"from": "2026-01-01T00:00:00+00:00", "to": moment},
    ):
        body = await api.post(REPORT, variables, owner.access)
        assert body["errors"][0]["extensions"]["code"] == "INVALID", body
        assert "internal" not in body["errors"][0]["message"]


async def test_sane_filter_ranges_still_find_orders(api: Api) -> None:
    owner, client, _ = await company(api)
    _ = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    for end in (in_days(30), "2199-12-31T12:00:00-05:00"):
        found = await api.ok(
            ORDERS, {"filter": {"deadlineFrom": in_days(-1), "deadlineTo": end}}, owner.access
        )
        assert found["orders"]["totalCount"] == 1
    rows = await api.ok(
        REPORT, {"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00+14:00"}, owner.access
    )
    assert rows["orderReport"] == [{"label": "Anna"}]


@pytest.mark.parametrize(
    "price",
    ["9999999999.995", "10000000000", "1E+30", "-0.01", "-0.005", "NaN", "Infinity", 1e300],
)
async def test_sums_past_the_column_are_invalid(api: Api, price: Any) -> None:
    owner, client, contractor = await company(api)
    body = await api.post(
        CREATE_ORDER,
        {
            "input": {
                "title": "T",
                "deadline": in_days(2),
                "clientId": client.id,
                "addressId": client.address_ids[0],
                "price": price,
            }
        },
        owner.access,
    )
    if "errors" in body:  # a value the Decimal scalar itself refuses
        assert "internal" not in body["errors"][0]["message"].lower(), body
    else:
        [error] = errors_of(body, "createOrder")
        assert (error["field"], error["code"]) == (["input", "price"], "INVALID")
    assert await order_count(api, owner) == 0
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    body = await api.post(
        UPDATE, {"id": order["id"], "input": {"contractorFee": price}}, owner.access
    )
    assert "internal" not in str(body).lower(), body
    body = await api.post(
        ASSIGN, {"id": order["id"], "c": contractor.id, "fee": price}, owner.access
    )
    assert "internal" not in str(body).lower(), body
    if "errors" not in body:
        [error] = errors_of(body, "assignOrder")
        assert (error["field"], error["code"]) == (["contractorFee"], "INVALID")
    stored = (await api.ok(ORDER, {"id": order["id"]}, owner.access))["node"]
    assert stored["contractorFee"] is None


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("-0", "0.00"),
        ("-0.00", "0.00"),
        ("-0.004", "0.00"),
        ("9999999999.994", "9999999999.99"),
        ("0.005", "0.01"),
        ("12.345", "12.35"),
    ],
)
async def test_sums_are_rounded_to_cents_and_minus_zero_is_zero(
    api: Api, given: str, kept: str
) -> None:
    owner, client, contractor = await company(api)
    order = await create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0], price=given
    )
    body = await api.post(
        ASSIGN, {"id": order["id"], "c": contractor.id, "fee": given}, owner.access
    )
    assert errors_of(body, "assignOrder") == []
    stored = (await api.ok(ORDER, {"id": order["id"]}, owner.access))["node"]
    assert (stored["price"], stored["contractorFee"]) == (kept, kept)


async def test_a_malformed_date_time_is_refused_in_the_clients_words(api: Api) -> None:
    """The refusal names the form expected, never the parser's own error text."""
    owner = await register(api)
    for how in ("literal", "variable"):
        if how == "literal":
            body = await api.post(
                '{ orderReport(from: "yesterday", to: "2030-01-01T00:00:00Z", groupBy: DAY) '
                "{ label } }",
                token=owner.access,
            )
        else:
            body = await api.post(
                REPORT, {"from": "yesterday", "to": "2030-01-01T00:00:00Z"}, owner.access
            )
        message = body["errors"][0]["message"]
        assert "ISO 8601" in message, message
        assert "int()" not in message, message
