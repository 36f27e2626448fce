"""The website chat, through the real app on both databases: every visitor
path checks the Origin the same way (none is refused), closing a chat ends its token, staff
block a visitor, and a visitor's name can neither hide characters nor pass for a member's
(nor can a Telegram sender's: the same weakness on another channel)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from starlette.applications import Starlette

from channels.delivery import deliver_pending
from schema.ids import decode_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.inbox import build_inbox, conversations
from tests.support.telegram import BotApi
from tests.support.webchat import (
    CHAT,
    REPLY,
    chat_socket,
    client_at,
    configure,
    graphql,
    send,
    start,
    visitor_token,
    webchats,
)
from tests.test_telegram_channel import SECRET_HEADER, connect, telegram, update

pytestmark = pytest.mark.asyncio
__all__ = ["telegram"]  # the local Bot API fixture

SHOP = "https://shop.example.test"
APP = "https://app.example.test"  # ALLOWED_ORIGINS: the service's own web app, not the widget's
_n = itertools.count(1)

CLOSE = """mutation($c: ID!) { closeConversation(conversationId: $c) {
  conversation { id status } errors { code message } } }"""
BLOCK = """mutation($c: ID!) { blockChatVisitor(conversationId: $c) {
  conversation { id status } errors { code message } } }"""


def address() -> str:
    """A client address of the test's own (rate limits and blocks of other tests never count)."""
    n = next(_n)
    return f"203.0.{n // 250}.{n % 250 + 1}"


def ipv6_network() -> str:
    """A /64 of the test's own, as a prefix to append an interface id to."""
    return f"2001:db8:{0x1000 + next(_n):x}:1::"  # apart from test_rate_limits.py's networks


async def inbox_bodies(api: Api, owner: Session) -> list[str]:
    return [
        edge["node"]["body"]
        for chat in await webchats(api, owner)
        for edge in chat["messages"]["edges"]
    ]


async def test_every_visitor_path_refuses_a_request_without_a_widget_origin(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        token = await visitor_token(http, key, SHOP)
        assert (await send(http, token, "from the shop", SHOP))["errors"] == []
        for origin in (None, APP):
            refused = await start(http, key, origin)
            assert refused["errors"][0]["code"] == "FORBIDDEN", origin
            sent = await send(http, token, f"from {origin}", origin)
            assert sent["message"] is None, origin
            assert sent["errors"][0]["code"] == "FORBIDDEN", origin
            async with chat_socket(http, token, origin) as (_, answer):
                assert answer == {"closed": 4403}, origin
        async with chat_socket(http, token, SHOP) as (_, answer):
            assert answer["type"] == "connection_ack"
    assert await inbox_bodies(api, owner) == ["from the shop"]


async def test_closing_a_chat_ends_its_token(app: Starlette, api: Api) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        token = await visitor_token(http, key, SHOP)
        assert (await send(http, token, "Hello", SHOP))["errors"] == []
        [chat] = await webchats(api, owner)
        closed = await api.ok(CLOSE, {"c": chat["id"]}, owner.access)
        assert closed["closeConversation"]["conversation"]["status"] == "CLOSED"
        again = await send(http, token, "Are you there?", SHOP)
        assert again["message"] is None
        [error] = again["errors"]
        assert error["code"] == "EXPIRED"
        assert "start a new chat" in error["message"]
        async with chat_socket(http, token, SHOP) as (_, answer):
            assert answer == {"closed": 4401}
        # The widget then starts a new chat: a conversation of its own.
        fresh = await visitor_token(http, key, SHOP)
        assert (await send(http, fresh, "Are you there?", SHOP))["errors"] == []
    chats = {c["id"]: c for c in await webchats(api, owner)}
    assert chats[chat["id"]]["status"] == "CLOSED"
    assert [e["node"]["body"] for e in chats[chat["id"]]["messages"]["edges"]] == ["Hello"]
    assert len(chats) == 2


async def test_an_open_chat_socket_gets_nothing_after_the_chat_closed(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        token = await visitor_token(http, key, SHOP)
        assert (await send(http, token, "Hello", SHOP))["errors"] == []
        [chat] = await webchats(api, owner)
        async with chat_socket(http, token, SHOP) as (sock, answer):
            assert answer["type"] == "connection_ack"
            op = await sock.subscribe(CHAT)  # live or not yet: the chat feed's poll covers
            await api.ok(CLOSE, {"c": chat["id"]}, owner.access)
            replied = await api.ok(REPLY, {"c": chat["id"], "b": "Too late"}, owner.access)
            assert replied["replyToConversation"]["errors"] == []
            await deliver_pending(companies=[decode_id(owner.company_id, "Company")])
            ended = await sock.next(op)
            assert ended["type"] == "next", ended
            assert ended["payload"]["data"] is None
            assert ended["payload"]["errors"][0]["extensions"]["code"] == "EXPIRED"
            assert (await sock.next(op))["type"] == "complete"


async def test_staff_block_a_visitor_for_a_while(app: Starlette, api: Api) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff Vera")
    key = await configure(api, owner, SHOP)
    network = ipv6_network()
    async with client_at(app, f"{network}1") as http:
        token = await visitor_token(http, key, SHOP)
        assert (await send(http, token, "spam", SHOP))["errors"] == []
    [chat] = await webchats(api, owner)
    stranger = await register(api)
    hidden = await api.ok(BLOCK, {"c": chat["id"]}, stranger.access)
    assert hidden["blockChatVisitor"]["errors"][0]["code"] == "NOT_FOUND"
    blocked = await api.ok(BLOCK, {"c": chat["id"]}, staff.access)
    assert blocked["blockChatVisitor"]["errors"] == []
    assert blocked["blockChatVisitor"]["conversation"]["status"] == "CLOSED"
    async with client_at(app, f"{network}1") as http:
        ended = await send(http, token, "more spam", SHOP)
        assert ended["errors"][0]["code"] == "EXPIRED"
        assert (await start(http, key, SHOP))["errors"][0]["code"] == "FORBIDDEN"
    async with client_at(app, f"{network}abcd") as same_network:
        assert (await start(same_network, key, SHOP))["errors"][0]["code"] == "FORBIDDEN"
    async with client_at(app, address()) as elsewhere:
        # The same browser elsewhere: the widget starts its next chat with its old token.
        body = await graphql(
            elsewhere,
            "mutation($k: String!) { startChat(widgetKey: $k) { session { conversationId } "
            "errors { code } } }",
            {"k": key},
            token=token,
            origin=SHOP,
        )
        assert body["data"]["startChat"]["errors"][0]["code"] == "FORBIDDEN"
        assert (await start(elsewhere, key, SHOP))["errors"] == []
    # Blocked by this company only.
    neighbour = await register(api)
    neighbour_key = await configure(api, neighbour, SHOP)
    async with client_at(app, f"{network}1") as http:
        assert (await start(http, neighbour_key, SHOP))["errors"] == []
    assert await inbox_bodies(api, owner) == ["spam"]


async def test_blocking_ends_the_visitors_other_chats_the_blocker_sees(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    vera = await invite_and_accept(api, owner, "Staff Vera")
    ivan = await invite_and_accept(api, owner, "Staff Ivan")
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        tokens = [await visitor_token(http, key, SHOP) for _ in range(3)]
        for n, token in enumerate(tokens):
            assert (await send(http, token, f"spam {n}", SHOP))["errors"] == []
        chats = sorted(await webchats(api, owner), key=lambda c: c["id"])
        by_body = {c["messages"]["edges"][0]["node"]["body"]: c for c in chats}
        # Ivan's own chat is out of Vera's sight: her block leaves it as it is.
        assigned = await api.ok(
            """mutation($c: ID!, $m: ID!) { assignConversation(conversationId: $c, memberId: $m)
            { errors { code } } }""",
            {"c": by_body["spam 2"]["id"], "m": ivan.member_id},
            owner.access,
        )
        assert assigned["assignConversation"]["errors"] == []
        blocked = await api.ok(BLOCK, {"c": by_body["spam 0"]["id"]}, vera.access)
        assert blocked["blockChatVisitor"]["errors"] == []
        codes = [(await send(http, token, "more", SHOP))["errors"] for token in tokens]
        assert [e[0]["code"] if e else None for e in codes] == ["EXPIRED", "EXPIRED", None]
    statuses = {
        c["messages"]["edges"][0]["node"]["body"]: c["status"] for c in await webchats(api, owner)
    }
    assert statuses == {"spam 0": "CLOSED", "spam 1": "CLOSED", "spam 2": "OPEN"}


async def test_only_staff_who_see_the_chat_may_block_its_visitor(app: Starlette, api: Api) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        await visitor_token(http, key, SHOP)
    [chat] = await webchats(api, owner)
    vera = await invite_and_accept(api, owner, "Staff Vera")
    ivan = await invite_and_accept(api, owner, "Staff Ivan")
    assigned = await api.ok(
        """mutation($c: ID!, $m: ID!) { assignConversation(conversationId: $c, memberId: $m)
        { errors { code } } }""",
        {"c": chat["id"], "m": vera.member_id},
        owner.access,
    )
    assert assigned["assignConversation"]["errors"] == []
    refused = await api.ok(BLOCK, {"c": chat["id"]}, ivan.access)
    assert refused["blockChatVisitor"]["errors"][0]["code"] == "NOT_FOUND"
    anonymous = await api.post(BLOCK, {"c": chat["id"]})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    [still] = await webchats(api, owner)
    assert still["status"] == "OPEN"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\u202egnp.exe", "gnp.exe"),
        ("Iv\u200ban\u2066\u0007", "Ivan"),
        ("Ve\u0301ra Visitor", "V\u00e9ra Visitor"),
        ("\u200b\u200d\u2060", None),
    ],
)
async def test_a_visitor_name_is_cleaned(
    app: Starlette, api: Api, typed: str, shown: str | None
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, address()) as http:
        assert (await start(http, key, SHOP, name=typed))["errors"] == []
    [chat] = await webchats(api, owner)
    if shown is None:  # no name left: the inbox shows the visitor's key, as for no name at all
        assert chat["externalName"].startswith("visitor:")
    else:
        assert chat["externalName"] == shown


async def test_a_visitor_cannot_take_a_members_name(app: Starlette, api: Api) -> None:
    owner = await register(api)
    await invite_and_accept(api, owner, "Staff Vera")
    key = await configure(api, owner, SHOP)
    names = ["Staff Vera", "staff  VERA", "\uff33taff Vera", "Olga\u200b Owner", "Vera"]
    async with client_at(app, address()) as http:
        for name in names:
            assert (await start(http, key, SHOP, name=name))["errors"] == []
    shown: list[Any] = sorted(c["externalName"] for c in await webchats(api, owner))
    assert shown == sorted(
        [
            "Staff Vera (website visitor)",
            "staff VERA (website visitor)",
            "\uff33taff Vera (website visitor)",
            "Olga Owner (website visitor)",
            "Vera",
        ]
    )


async def test_a_telegram_sender_cannot_take_a_members_name(api: Api, telegram: BotApi) -> None:
    inbox = await build_inbox(api)
    secret = await connect(api, inbox, telegram)
    for n, first_name in enumerate(["Staff\u200b Boris", "Dina"]):
        sent = update(7_000_000 + n, 9_000_000 + n, "hello")
        sent["message"]["from"]["first_name"] = first_name
        del sent["message"]["from"]["username"]  # shown instead of the name when there is one
        answer = await api.http.post(
            "/telegram/webhook", json=sent, headers={SECRET_HEADER: secret}
        )
        assert answer.status_code == 200
    names = sorted(c["externalName"] for c in await conversations(api, inbox.owner))
    assert names == ["Dina", "Staff Boris (Telegram)"]
