"""Malformed ids, cursors, strings, JSON bodies and dates at the edges of the
API answer cleanly (NOT_FOUND, INVALID, 400 with a reason), never "internal error"."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from tests.support import photos, ws
from tests.support.api import Api, Session, register
from tests.support.world import CREATE_ORDER, ContactCard, contact, create_order, in_days

pytestmark = pytest.mark.asyncio

NODE = "query($id: ID!) { node(id: $id) { id } }"
UPDATE = """mutation($id: ID!) {
  updateOrder(id: $id, input: {title: "New"}) { order { id } errors { field code message } } }"""
COMMENT = """mutation($id: ID!) {
  addComment(orderId: $id, body: "Hi") { comment { id } errors { field code message } } }"""
ASSIGN = """mutation($id: ID!, $c: ID!) {
  assignOrder(id: $id, contractorId: $c) { order { id } errors { field code message } } }"""
ORDERS = """query($after: String, $search: String) {
  orders(first: 5, after: $after, filter: {search: $search}) { totalCount
    edges { node { id } } pageInfo { endCursor } } }"""


def gid(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


# Ids past int4, with hundreds of digits, with digits int() takes but that are not ASCII.
BAD_ORDER_IDS = [
    gid("Order:2147483648"),
    gid("Order:" + "9" * 400),
    gid("Order:²"),
    gid("Order:١٢"),
    gid("Order:-1"),
    gid("Order: 1"),
    gid("Order:1\x00"),
]
NEVER_EXISTED = gid("Order:2147483647")


def internal(body: dict[str, Any]) -> list[Any]:
    return [
        e
        for e in body.get("errors") or []
        if e.get("extensions", {}).get("code") in (None, "INTERNAL_SERVER_ERROR", "INTERNAL")
        or "internal" in e.get("message", "").lower()
    ]


async def company(api: Api) -> tuple[Session, ContactCard, ContactCard, str]:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    return owner, client, contractor, order["id"]


# The parametrized cases below only read, or are refused: each built a company (or a photo
# scene) of its own, 66 of them over both databases, most of this module's time. One per
# database now, made by a client of its own (the `api` fixture is per test).


@asynccontextmanager
async def own_api(app: Starlette) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.10", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield Api(http)


@pytest_asyncio.fixture(scope="module")
async def shared(app: Starlette) -> tuple[Session, ContactCard]:
    """An owner and a contractor of a company with an order."""
    async with own_api(app) as api:
        owner, _, contractor, _ = await company(api)
    return owner, contractor


@pytest_asyncio.fixture(scope="module")
async def signed_url(app: Starlette) -> str:
    """A photo's signed link."""
    async with own_api(app) as api:
        s = await photos.scene(api)
        payload = await photos.upload(api, s.cast.owner.access, s.order_id, photos.picture())
    url: str = payload["photo"]["url"]
    return url


@pytest.mark.parametrize("bad", BAD_ORDER_IDS)
async def test_malformed_ids_read_as_ids_that_never_existed(
    api: Api, shared: tuple[Session, ContactCard], bad: str
) -> None:
    owner, contractor = shared
    assert await api.post(NODE, {"id": bad}, owner.access) == {"data": {"node": None}}
    for mutation, variables in (
        (UPDATE, {"id": bad}),
        (COMMENT, {"id": bad}),
        (ASSIGN, {"id": bad, "c": contractor.id}),
    ):
        body = await api.post(mutation, variables, owner.access)
        missing = await api.post(mutation, {**variables, "id": NEVER_EXISTED}, owner.access)
        assert body == missing, mutation
        assert "NOT_FOUND" in json.dumps(body)


async def test_other_digits_do_not_name_a_row(api: Api) -> None:
    """`int("١٢")` is 12: the order's own pk in Arabic-Indic or fullwidth digits is no id."""
    owner, _, _, order = await company(api)
    pk = base64.urlsafe_b64decode(order + "=" * (-len(order) % 4)).decode().split(":")[1]
    for zero in ("\u0660", "\uff10", "\u0966"):
        foreign = "".join(chr(ord(zero) + int(d)) for d in pk)
        bad = gid(f"Order:{foreign}")
        assert await api.post(NODE, {"id": bad}, owner.access) == {"data": {"node": None}}
        body = await api.post(UPDATE, {"id": bad}, owner.access)
        assert body["data"]["updateOrder"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await api.ok(NODE, {"id": order}, owner.access))["node"] == {"id": order}


async def test_malformed_reference_ids_in_inputs_answer_as_missing_ones(api: Api) -> None:
    owner, client, contractor, _ = await company(api)
    before = (await api.ok("{ orders { totalCount } }", token=owner.access))["orders"]
    base = {"title": "T", "deadline": in_days(2), "clientId": client.id}
    for field, type_name in (
        ("clientId", "Contact"),
        ("addressId", "Address"),
        ("responsibleId", "Member"),
        ("contractorId", "Contact"),
        ("templateId", "Template"),
    ):
        missing = await api.post(
            CREATE_ORDER, {"input": {**base, field: gid(f"{type_name}:2147483647")}}, owner.access
        )
        assert missing["data"]["createOrder"]["errors"], missing
        for pk in ("2147483648", "³", "1" * 400, "0x10"):
            bad = gid(f"{type_name}:{pk}")
            body = await api.post(CREATE_ORDER, {"input": {**base, field: bad}}, owner.access)
            assert body == missing, (field, pk)
    body = await api.post(ASSIGN, {"id": gid("Order:1"), "c": contractor.id}, owner.access)
    assert internal(body) == []
    after = (await api.ok("{ orders { totalCount } }", token=owner.access))["orders"]
    assert after == before


@pytest.mark.parametrize(
    "bad",
    [
        cursor(["2030-01-01T00:00:00+00:00", 2**31]),
        cursor(["2030-01-01T00:00:00+00:00", 2**70]),
        cursor(["2030-01-01T00:00:00", 5]),
        cursor(["9999-12-31T23:00:00-05:00", 5]),
        cursor(["0001-01-01T00:00:00+05:00", 5]),
        base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).decode(),
        cursor(["2030-01-01T00:00:00+00:00", "5"]),
        cursor(["2030-01-01T00:00:00+00:00", 5.5]),
        cursor([["nested"], 5]),
        "²",
        "not base64 at all \u0000",
    ],
)
async def test_malformed_cursors_are_invalid(
    api: Api, shared: tuple[Session, ContactCard], bad: str
) -> None:
    owner, _ = shared
    body = await api.post(ORDERS, {"after": bad}, owner.access)
    assert internal(body) == [], body
    assert body["errors"][0]["extensions"]["code"] == "INVALID", body
    assert body["errors"][0]["message"] == "Malformed cursor"


async def test_a_real_cursor_still_pages(api: Api) -> None:
    owner, client, _, _ = await company(api)
    _ = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    first = (await api.ok(ORDERS.replace("first: 5", "first: 1"), {}, owner.access))["orders"]
    end = first["pageInfo"]["endCursor"]
    rest = (await api.ok(ORDERS, {"after": end}, owner.access))["orders"]
    assert len(rest["edges"]) == 1


@pytest.mark.parametrize("after", ["²", "١٢", "9" * 40, "-1"])
async def test_malformed_event_cursors_are_invalid(
    app: Starlette, shared: tuple[Session, ContactCard], after: str
) -> None:
    owner, _ = shared
    async with ws.client(app) as http, ws.socket(http, owner.access) as sock:
        op = await sock.subscribe(
            "subscription($a: String) { orderEvents(after: $a) { cursor } }", {"a": after}
        )
        message = await sock.next(op)
    text = json.dumps(message)
    assert "INVALID" in text, message
    assert "internal" not in text.lower()


async def test_nul_in_search_strings_is_harmless(api: Api) -> None:
    owner, _, _, _ = await company(api)
    for query, variables in (
        (ORDERS, {"search": "Clean\u0000"}),
        ("query($s: String) { members(search: $s) { totalCount } }", {"s": "Olga\u0000"}),
        (
            "query($s: String) { contacts(filter: {search: $s}) { totalCount } }",
            {"s": "An\u0000na"},
        ),
    ):
        body = await api.post(query, variables, owner.access)
        assert "errors" not in body, body
    found = await api.ok(ORDERS, {"search": "Cle\u0000an"}, owner.access)
    assert found["orders"]["totalCount"] == 1


async def test_nul_in_a_string_literal_is_invalid(api: Api) -> None:
    owner, _, _, _ = await company(api)
    body = await api.post(
        '{ orders(filter: {search: "Cl\\u0000ean"}) { totalCount } }', token=owner.access
    )
    assert internal(body) == [], body
    assert body["errors"][0]["extensions"]["code"] == "INVALID", body
    assert "NUL" in body["errors"][0]["message"]


async def test_nul_in_other_string_inputs_is_harmless(api: Api) -> None:
    owner, _, _, _ = await company(api)
    login = """mutation($e: String!, $p: String!) { login(email: $e, password: $p) {
      accessToken errors { code } } }"""
    body = await api.post(login, {"e": owner.email + "\u0000", "p": "x\u0000"})
    assert internal(body) == [], body
    chat = """mutation($k: String!) { startChat(widgetKey: $k) { errors { code } } }"""
    body = await api.post(chat, {"k": "key\u0000"})
    assert internal(body) == [], body
    refresh = "mutation($t: String!) { refreshSession(refreshToken: $t) { errors { code } } }"
    body = await api.post(refresh, {"t": "token\u0000"})
    assert internal(body) == [], body


async def test_lone_surrogates_are_refused_with_a_reason(api: Api) -> None:
    owner, _, _, _ = await company(api)
    raw = '{"query": "query($s: String) { orders(filter: {search: $s}) { totalCount } }", '
    raw += '"variables": {"s": "a\\ud800b"}}'
    response = await api.http.post(
        "/graphql",
        content=raw.encode(),
        headers={"Authorization": f"Bearer {owner.access}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.text


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [100, 10_000, 200_000])
async def test_deeply_nested_json_bodies_get_400_with_a_reason(api: Api, depth: int) -> None:
    body = '{"query": "{ __typename }", "variables": {"x": ' + nested(depth) + "}}"
    response = await api.http.post(
        "/graphql", content=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "nested" in response.text.lower()
    params = {"query": "{ __typename }", "variables": '{"x": ' + nested(depth) + "}"}
    if depth <= 10_000:  # a URL of 400 kB is refused before the app sees it
        response = await api.http.get("/graphql", params=params)
        assert response.status_code == 400
        assert "nested" in response.text.lower()


async def test_ordinary_nesting_still_passes(api: Api) -> None:
    owner, client, _, _ = await company(api)
    body = await api.post(
        CREATE_ORDER,
        {
            "input": {
                "title": "T",
                "deadline": in_days(2),
                "clientId": client.id,
                "newAddress": {"text": "Street 5", "label": "Home"},
            }
        },
        owner.access,
    )
    assert body["data"]["createOrder"]["errors"] == []


async def test_deeply_nested_websocket_messages_close_the_socket(app: Starlette) -> None:
    async with ws.client(app) as http:
        owner = await register(Api(http))
        async with ws.socket(http, owner.access) as sock:
            message = {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": "subscription { orderEvents { cursor } }"},
                "x": json.loads(nested(500)),
            }
            await sock.ws.send_text(json.dumps(message))
            assert await sock.closed() == 4400


CSV_DATES = [
    ("9999-12-31", "9999-12-31"),
    ("2026-01-01", "9999-12-31"),
    ("0001-01-01", "2026-01-01"),
    ("2026-01-01T00:00:00+00:00", "9999-12-31T23:00:00-05:00"),
    ("0001-01-01T00:00:00+05:00", "2026-01-01T00:00:00+00:00"),
    ("2026-02-30", "2026-03-01"),
    ("2026-01-01T25:00:00+00:00", "2026-03-01"),
    ("\uff12\uff10\uff12\uff16-01-01", "2026-03-01"),
    ("2026-01-01T00:00:00+99:00", "2026-03-01"),
    ("1999-12-31", "2026-03-01"),
]


@pytest.mark.parametrize(("start", "end"), CSV_DATES)
async def test_report_csv_refuses_malformed_and_far_dates(
    api: Api, shared: tuple[Session, ContactCard], start: str, end: str
) -> None:
    owner, _ = shared
    response = await api.http.get(
        "/reports/orders.csv",
        params={"from": start, "to": end, "groupBy": "CLIENT"},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.status_code == 400, response.text
    assert response.text.split(":")[0] in ("from", "to"), response.text


async def test_report_csv_still_answers_sane_dates(api: Api) -> None:
    owner = await register(api)
    response = await api.http.get(
        "/reports/orders.csv",
        params={"from": "2026-01-01", "to": "2026-02-01", "groupBy": "DAY"},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("expires", ["²²", "١٧٩٩٩٩٩٩٩٩", "9" * 13, "-5", ""])
async def test_signed_links_with_foreign_digits_are_refused(
    api: Api, signed_url: str, expires: str
) -> None:
    url = signed_url
    good = await photos.fetch(api, url)
    assert good.status_code == 200
    bad = re.sub(r"expires=\d+", f"expires={quote(expires)}", url)
    assert bad != url
    assert (await photos.fetch(api, bad)).status_code == 403
