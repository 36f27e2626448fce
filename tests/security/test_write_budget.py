"""Every mutation spends from its writer's budget, and repeated news is coalesced.

A burst over WRITE_BURST is refused with RATE_LIMITED and a retry hint, and nothing of a
refused operation is stored; members, API tokens and chat visitors each have a budget. On
PostgreSQL the budget tests run twice: buckets in this process and in Redis. 50 comments
leave each recipient one unread notification about the order, 25 chat messages one about the
conversation.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from starlette.applications import Starlette

from config.settings import Settings, configure
from models import Address, Comment, Order
from schema.ids import parse_global_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.notifications import MARK_READ, inbox
from tests.support.webchat import SEND, client_at, graphql, visitor_token
from tests.support.webchat import configure as configure_widget
from tests.support.world import (
    COMMENT,
    CREATE_ORDER,
    ContactCard,
    contact,
    create_order,
    in_days,
    portal_member,
)
from tests.support.ws import client as ws_client
from tests.support.ws import socket

pytestmark = pytest.mark.asyncio

SHOP = "https://shop.example.test"
BURST = 10


@pytest.fixture(params=["process", "redis"])
def store(request: pytest.FixtureRequest, settings: Settings) -> str:
    if request.param == "redis" and settings.redis_url is None:
        pytest.skip("Redis is configured in the PostgreSQL run only")
    return str(request.param)


@contextmanager
def budget(
    settings: Settings, store: str, per_minute: int = 6, burst: int = BURST
) -> Iterator[None]:
    """Writes at `burst` at once, then `per_minute` (slow: the bucket hardly refills during a
    test); buckets in `store`."""
    limits: dict[str, Any] = {"writes_per_minute": per_minute, "write_burst": burst}
    configure(
        replace(
            settings,
            **{name: value for name, value in limits.items() if hasattr(settings, name)},
            redis_url=settings.redis_url if store == "redis" else None,
        )
    )
    try:
        yield
    finally:
        configure(settings)


def order_pk(order_id: str) -> int:
    parsed = parse_global_id(order_id)
    assert parsed is not None
    return int(parsed[1])


async def client_with_order(api: Api) -> tuple[Session, Session, ContactCard, str]:
    """An owner, a CLIENT portal member and an order of that client."""
    owner = await register(api)
    card = await contact(api, owner, "CLIENT", "Romashka", "ORGANIZATION")
    client = await portal_member(api, owner, card, "Client One")
    order = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
    return owner, client, card, order["id"]


def outcome(body: dict[str, Any]) -> str:
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    payload = next(iter(body["data"].values()))
    return "ok" if not payload["errors"] else payload["errors"][0]["code"]


async def comments(api: Api, who: Session, order_id: str, count: int) -> list[dict[str, Any]]:
    return list(
        await asyncio.gather(
            *(
                api.post(COMMENT, {"o": order_id, "b": f"comment {i} " + "x" * 100}, who.access)
                for i in range(count)
            )
        )
    )


async def test_a_burst_of_comments_over_the_budget_is_refused_and_not_stored(
    api: Api, settings: Settings, store: str
) -> None:
    _, client, _, order_id = await client_with_order(api)
    with budget(settings, store):
        answers = await comments(api, client, order_id, 25)
    assert Counter(outcome(a) for a in answers) == {"ok": BURST, "RATE_LIMITED": 25 - BURST}
    refused = next(a for a in answers if a.get("errors"))
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["retryAfter"] >= 1
    assert await Comment.filter(order_id=order_pk(order_id)).count() == BURST


async def test_the_refusal_carries_a_retry_after_header(
    api: Api, settings: Settings, store: str
) -> None:
    _, client, _, order_id = await client_with_order(api)
    with budget(settings, store, burst=1):
        first = await api.http.post(
            "/graphql",
            json={"query": COMMENT, "variables": {"o": order_id, "b": "one"}},
            headers={"Authorization": f"Bearer {client.access}"},
        )
        second = await api.http.post(
            "/graphql",
            json={"query": COMMENT, "variables": {"o": order_id, "b": "two"}},
            headers={"Authorization": f"Bearer {client.access}"},
        )
    assert "retry-after" not in first.headers
    assert second.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert int(second.headers["retry-after"]) >= 1


ALIASED = """mutation($o: ID!) {
  a: addComment(orderId: $o, body: "a") { comment { id } errors { code } }
  b: addComment(orderId: $o, body: "b") { comment { id } errors { code } }
  c: addComment(orderId: $o, body: "c") { comment { id } errors { code } }
}"""


async def test_each_field_of_a_mutation_counts_and_a_refused_one_runs_none(
    api: Api, settings: Settings, store: str
) -> None:
    _, client, _, order_id = await client_with_order(api)
    with budget(settings, store, burst=4):
        assert outcome(await api.post(ALIASED, {"o": order_id}, client.access)) == "ok"
        refused = await api.post(ALIASED, {"o": order_id}, client.access)
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert await Comment.filter(order_id=order_pk(order_id)).count() == 3


async def test_members_and_api_tokens_have_budgets_of_their_own(
    api: Api, settings: Settings, store: str
) -> None:
    owner, client, _, order_id = await client_with_order(api)
    token = await issue(api, owner, readOnly=False)
    with budget(settings, store):
        assert Counter(map(outcome, await comments(api, owner, order_id, BURST + 1))) == {
            "ok": BURST,
            "RATE_LIMITED": 1,
        }
        # The owner's API token and the client still have their whole bursts.
        assert Counter(map(outcome, await comments(api, token.session(), order_id, BURST))) == {
            "ok": BURST
        }
        assert Counter(map(outcome, await comments(api, client, order_id, BURST))) == {"ok": BURST}


async def test_a_chat_visitor_has_a_budget(
    app: Starlette, api: Api, settings: Settings, store: str
) -> None:
    key = await configure_widget(api, await register(api), SHOP)
    async with client_at(app, "198.19.7.1") as http:
        token = await visitor_token(http, key, SHOP)
        with budget(settings, store, burst=5):
            answers = await asyncio.gather(
                *(graphql(http, SEND, {"body": f"hello {i}"}, token, SHOP) for i in range(8))
            )
    assert Counter(outcome(a) for a in answers) == {"ok": 5, "RATE_LIMITED": 3}


async def commented(api: Api, who: Session, order_id: str) -> list[dict[str, Any]]:
    """`who`'s ORDER_COMMENTED notifications about the order, newest first."""
    return [
        n
        for n in await inbox(api, who)
        if n["kind"] == "ORDER_COMMENTED" and (n["order"] or {}).get("id") == order_id
    ]


# Coalescing has no count in it (resolvers/notification_writes.py `coalesce`): from the second
# comment on, one not coalesced leaves two notes, which [note] refuses. 200 comments (each a
# mutation, ~25 ms of CPU: 5 s a database) proved no more than 50 do.
COMMENTS = 50


async def test_50_comments_leave_each_recipient_one_unread_notification(api: Api) -> None:
    owner, client, card, order_id = await client_with_order(api)
    colleague = await portal_member(api, owner, card, "Client Two")
    for i in range(COMMENTS):
        answer = await api.post(COMMENT, {"o": order_id, "b": f"comment {i}"}, client.access)
        assert outcome(answer) == "ok", answer
    for who in (owner, colleague):
        [note] = await commented(api, who, order_id)
        assert note["readAt"] is None
        assert f"comment {COMMENTS - 1}" in note["text"]
    # Once read, the next comment is news again.
    _ = await api.ok(MARK_READ, {"ids": None}, owner.access)
    assert outcome(await api.post(COMMENT, {"o": order_id, "b": "one more"}, client.access)) == "ok"
    newest, read = await commented(api, owner, order_id)
    assert (newest["readAt"], "one more" in newest["text"]) == (None, True)
    assert read["readAt"] is not None


async def test_25_chat_messages_leave_each_staff_member_one_unread_notification(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    key = await configure_widget(api, owner, SHOP)
    async with client_at(app, "198.19.7.2") as http:
        token = await visitor_token(http, key, SHOP)
        for i in range(25):
            assert outcome(await graphql(http, SEND, {"body": f"hello {i}"}, token, SHOP)) == "ok"
    for who in (owner, staff):
        received = [n for n in await inbox(api, who) if n["kind"] == "MESSAGE_RECEIVED"]
        assert len(received) == 1
        assert "hello 24" in received[0]["text"]


async def test_mutations_over_a_websocket_spend_the_same_budget(
    app: Starlette, api: Api, settings: Settings, store: str
) -> None:
    _, client, _, order_id = await client_with_order(api)
    with budget(settings, store, burst=2):
        async with ws_client(app) as http, socket(http, client.access) as sock:
            answers = []
            for i in range(3):
                op = await sock.subscribe(COMMENT, {"o": order_id, "b": f"socket {i}"})
                answers.append(await sock.next(op))
    assert [a["type"] for a in answers] == ["next", "next", "next"]
    assert [outcome(a["payload"]) for a in answers] == ["ok", "ok", "RATE_LIMITED"]
    assert await Comment.filter(order_id=order_pk(order_id)).count() == 2


async def test_a_burst_of_orders_with_new_addresses_stops_at_the_budget(
    api: Api, settings: Settings, store: str
) -> None:
    _, client, card, _ = await client_with_order(api)
    with budget(settings, store):
        answers = await asyncio.gather(
            *(
                api.post(
                    CREATE_ORDER,
                    {
                        "input": {
                            "title": f"Order {i}",
                            "deadline": in_days(3),
                            "newAddress": {"text": f"Street {i}"},
                        }
                    },
                    client.access,
                )
                for i in range(15)
            )
        )
    assert Counter(outcome(a) for a in answers) == {"ok": BURST, "RATE_LIMITED": 15 - BURST}
    client_pk = parse_global_id(card.id)
    assert client_pk is not None
    assert await Order.filter(client_id=int(client_pk[1])).count() == 1 + BURST
    assert await Address.filter(contact_id=int(client_pk[1])).count() == 2 + BURST
