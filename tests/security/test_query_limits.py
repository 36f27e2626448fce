"""Every document is analysed once, in time linear in its length,
before validation; every transport (POST, GET, persisted query, WebSocket) refuses the same
over-limit documents with the same code; every list counts in the result-size estimate,
lists are cut at their bound, and an answer past 5 MiB is refused."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from starlette.applications import Starlette

from tests.support.api import Api, register
from tests.support.world import CREATE_CONTACT, contact, create_order
from tests.support.ws import client, socket

pytestmark = pytest.mark.asyncio

Codes = list[str | None]


def bomb(levels: int) -> str:
    """About 40 bytes a level; each level doubles the paths to the last fragment."""
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    return " ".join(
        ["query Q { ...F0 }", *fragments, f"fragment F{levels} on Query {{ __typename }}"]
    )


def codes_of(errors: list[dict[str, Any]] | None) -> Codes:
    return [(error.get("extensions") or {}).get("code") for error in errors or []]


def persisted(query: str) -> dict[str, Any]:
    digest = hashlib.sha256(query.encode()).hexdigest()
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def auth(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


async def via_post(api: Api, app: Starlette, query: str, token: str | None) -> Codes:
    response = await api.http.post("/graphql", json={"query": query}, headers=auth(token))
    body = response.json()
    assert body.get("data") is None, body
    return codes_of(body["errors"])


async def via_get(api: Api, app: Starlette, query: str, token: str | None) -> Codes:
    response = await api.http.get("/graphql", params={"query": query}, headers=auth(token))
    body = response.json()
    assert body.get("data") is None, body
    return codes_of(body["errors"])


async def via_persisted_post(api: Api, app: Starlette, query: str, token: str | None) -> Codes:
    extensions = persisted(query)
    body = (
        await api.http.post(
            "/graphql", json={"query": query, "extensions": extensions}, headers=auth(token)
        )
    ).json()
    assert body.get("data") is None, body
    again = (
        await api.http.post("/graphql", json={"extensions": extensions}, headers=auth(token))
    ).json()
    assert codes_of(again["errors"]) == ["PERSISTED_QUERY_NOT_FOUND"], "a refused query was kept"
    return codes_of(body["errors"])


async def via_persisted_get(api: Api, app: Starlette, query: str, token: str | None) -> Codes:
    params = {"query": query, "extensions": json.dumps(persisted(query))}
    body = (await api.http.get("/graphql", params=params, headers=auth(token))).json()
    assert body.get("data") is None, body
    return codes_of(body["errors"])


async def via_socket(api: Api, app: Starlette, query: str, token: str | None) -> Codes:
    async with client(app) as http, socket(http, token) as sock:
        message = await sock.next(await sock.subscribe(query))
    if message["type"] == "error":
        return codes_of(message["payload"])
    assert message["type"] == "next", message
    assert message["payload"].get("data") is None, message
    return codes_of(message["payload"]["errors"])


Transport = Callable[[Api, Starlette, str, str | None], Awaitable[Codes]]
TRANSPORTS: dict[str, Transport] = {
    "POST": via_post,
    "GET": via_get,
    "persisted POST": via_persisted_post,
    "persisted GET": via_persisted_get,
    "WebSocket": via_socket,
}

DEEP = "{ me { " + "manager { " * 10 + "name" + " }" * 10 + " } }"
ALIASES = "{ " + " ".join(f"a{i}: __typename" for i in range(16)) + " }"
TOKENS = "{ " + " ".join("__typename" for _ in range(2100)) + " }"
LARGE = """{ orders(first: 100) { edges { node {
             comments(first: 100) { edges { node { body } } } } } } }"""
# graphql-core's OverlappingFieldsCanBeMerged took 2.6 s over this one (1,665 tokens).
OVERLAPPING = "{ me { " + " ".join(["manager { " + "manager { name } " * 20 + "}"] * 20) + " } }"
TWO_OPERATIONS = "query A { __typename } query B { __typename }"
UNCLASSIFIED = "{ notAnOperation }"
# 100 x (1 + 30 photos + 30 changes + 20 addresses + 10 portal members + 10 comments) = 10,100;
# counted as 1,100 when only pages counted.
LISTS = """{ orders(first: 100) { edges { node { photos { id } history { at }
             client { addresses { id } portalMembers { id } } comments(first: 10) { totalCount }
           } } } }"""
SUBORDINATES = (
    """{ members(first: 100) { edges { node { subordinates { subordinates { id } } } } } }"""
)

# (document, expected code): every transport answers each with that code and nothing else.
OVER_LIMITS: dict[str, tuple[str, str]] = {
    "too deep": (DEEP, "QUERY_TOO_LARGE"),
    "too many aliases": (ALIASES, "QUERY_TOO_LARGE"),
    "too many tokens": (TOKENS, "QUERY_TOO_LARGE"),
    "too large an estimate": (LARGE, "QUERY_TOO_LARGE"),
    "lists that are not connections": (LISTS, "QUERY_TOO_LARGE"),
    "lists of lists": (SUBORDINATES, "QUERY_TOO_LARGE"),
    "fields repeated under one name": (OVERLAPPING, "QUERY_TOO_LARGE"),
    "fragment bomb": (bomb(20), "QUERY_TOO_LARGE"),
    "two operations": (TWO_OPERATIONS, "INVALID"),
    "unclassified root field": (UNCLASSIFIED, "FORBIDDEN"),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_every_transport_refuses_every_over_limit_document_alike(
    api: Api, app: Starlette, transport: str
) -> None:
    owner = await register(api)
    send = TRANSPORTS[transport]
    answers = {
        case: await send(api, app, query, owner.access) for case, (query, _) in OVER_LIMITS.items()
    }
    assert answers == {case: [code] for case, (_, code) in OVER_LIMITS.items()}


@pytest.mark.parametrize("transport", ["POST", "GET", "persisted POST", "persisted GET"])
async def test_member_operations_need_a_token_on_every_transport(
    api: Api, app: Starlette, transport: str
) -> None:
    """A socket without a token is closed at `connection_init` (tests/test_realtime.py)."""
    assert await TRANSPORTS[transport](api, app, "{ me { id } }", None) == ["UNAUTHENTICATED"]


async def test_a_subscription_passes_the_gate_and_the_size_limit(api: Api, app: Starlette) -> None:
    """Over HTTP this shape was QUERY_TOO_LARGE; over a socket it was accepted, and each event
    then cost 1.8 s and 16 MB."""
    owner = await register(api)
    nested = """client { orders(first: 100) { edges { node {
                  comments(first: 100) { edges { node { body } } } } } } }"""
    aliased = " ".join(f"e{i}: orderEvents {{ order {{ {nested} }} }}" for i in range(15))
    too_large = f"subscription {{ {aliased} }}"
    assert await via_socket(api, app, too_large, owner.access) == ["QUERY_TOO_LARGE"]
    one = f"subscription {{ orderEvents {{ order {{ {nested} }} }} }}"
    assert await via_socket(api, app, one, owner.access) == ["QUERY_TOO_LARGE"]
    unclassified = "subscription { notASubscription }"
    assert await via_socket(api, app, unclassified, owner.access) == ["FORBIDDEN"]


async def test_a_fragment_bomb_is_refused_and_health_checks_answer_meanwhile(
    api: Api,
) -> None:
    """20 levels took 8-14 s of event-loop time per request (18 levels: 8.9 s here), while
    /healthz waited; the refusal now costs well under a millisecond (bench/query_bomb.py)."""
    bombs = [
        api.http.post("/graphql", json={"query": bomb(levels)}) for levels in (14, 16, 18, 20) * 3
    ]
    started = time.monotonic()
    answers = await asyncio.gather(*bombs, api.http.get("/healthz"))
    elapsed = time.monotonic() - started
    health = answers.pop()
    assert health.status_code == 200
    assert [codes_of(a.json()["errors"]) for a in answers] == [["QUERY_TOO_LARGE"]] * 12
    assert elapsed < 5, f"12 bombs and a health check took {elapsed:.1f} s"


async def test_a_query_within_every_limit_still_runs_on_every_transport(
    api: Api, app: Starlette
) -> None:
    owner = await register(api)
    shared = "fragment Me on Member { id name }"
    query = f"query Fine {{ me {{ ...Me manager {{ ...Me }} }} ...Q }} fragment Q on Query {{ me {{ ...Me }} }} {shared}"
    expected = await api.ok(query, token=owner.access)
    response = await api.http.get("/graphql", params={"query": query}, headers=auth(owner.access))
    assert response.json() == {"data": expected}
    async with client(app) as http, socket(http, owner.access) as sock:
        assert await sock.data(await sock.subscribe(query)) == expected


async def test_a_default_variable_counts_in_the_estimate(api: Api) -> None:
    """`query($n: Int = 100)` pages by 100 when the client sends no `n`."""
    owner = await register(api)
    query = """query($n: Int = 100) { orders(first: $n) { edges { node {
                 comments(first: $n) { totalCount } } } } }"""
    body = await api.post(query, token=owner.access)
    assert codes_of(body["errors"]) == ["QUERY_TOO_LARGE"]
    assert "errors" not in await api.post(query, {"n": 50}, token=owner.access)


async def test_a_list_longer_than_its_estimate_is_answered_whole(api: Api) -> None:
    """A contact with more addresses than `Contact.addresses` counts for in the estimate
    returns every one: the estimate refuses documents, it never cuts data without a word."""
    owner = await register(api)
    bound = 20  # schema/limits.py LIST_BOUNDS["Contact.addresses"]
    addresses = [{"text": f"Street {number}"} for number in range(bound + 5)]
    created = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Many",
                "addresses": addresses,
            }
        },
        owner.access,
    )
    card_id = created["createContact"]["contact"]["id"]
    query = "query($id: ID!) { node(id: $id) { ... on Contact { addresses { id } } } }"
    data = await api.ok(query, {"id": card_id}, token=owner.access)
    assert len(data["node"]["addresses"]) == bound + 5


async def test_pushed_subscription_events_answer_lists_whole_too(api: Api, app: Starlette) -> None:
    """Order events are executed per event outside Strawberry's pipeline (schema/live.py):
    the same executor, nothing cut."""
    owner = await register(api)
    addresses = [{"text": f"Street {number}"} for number in range(25)]
    created = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Many",
                "addresses": addresses,
            }
        },
        owner.access,
    )
    card = created["createContact"]["contact"]
    events = "subscription { orderEvents { order { client { addresses { id } } } } }"
    async with client(app) as http, socket(http, owner.access) as sock:
        op = await sock.subscribe(events)
        await asyncio.sleep(0.2)  # subscribed before the order exists
        await create_order(api, owner, clientId=card["id"], addressId=card["addresses"][0]["id"])
        data = await sock.data(op)
    assert len(data["orderEvents"]["order"]["client"]["addresses"]) == 25


async def test_an_answer_past_the_byte_limit_is_refused(
    api: Api, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The estimate counts objects, not their size: the bytes are capped too (5 MiB; here
    lowered so that a few orders pass it)."""
    owner = await register(api)
    card = await contact(api, owner, "CLIENT", "Big Client")
    for _ in range(3):
        await create_order(
            api, owner, clientId=card.id, addressId=card.address_ids[0], description="x" * 5000
        )
    query = "{ orders(first: 10) { edges { node { description } } } }"
    whole = await api.ok(query, token=owner.access)
    assert len(whole["orders"]["edges"]) == 3
    monkeypatch.setattr("servicedesk.transport.response_size.MAX_RESPONSE_BYTES", 10_000)
    body = await api.post(query, token=owner.access)
    assert body["data"] is None
    assert codes_of(body["errors"]) == ["RESPONSE_TOO_LARGE"]
    async with client(app) as http, socket(http, owner.access) as sock:
        message = await sock.next(await sock.subscribe(query))
    assert message["type"] == "next"
    assert codes_of(message["payload"]["errors"]) == ["RESPONSE_TOO_LARGE"]
    small = await api.ok("{ orders(first: 1) { edges { node { id } } } }", token=owner.access)
    assert len(small["orders"]["edges"]) == 1
