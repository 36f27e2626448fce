"""The website chat through the real app: the owner's settings, a visitor starting a chat
from an allowed origin only (and not too often from one address), its messages in the staff
inbox, staff replies on its socket (live and replayed), and a visitor token that opens
nothing else. CORS for the widget's origins without widening ALLOWED_ORIGINS."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.applications import Starlette

from channels.delivery import deliver_pending
from config.settings import Settings
from models import DeliveryStatus, Message, MessageDirection
from schema.ids import parse_global_id, to_global_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.webchat import (
    CHAT,
    CONFIGURE,
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

pytestmark = pytest.mark.asyncio

SHOP = "https://shop.example.test"
OTHER = "https://evil.example.test"
_addresses = itertools.count(1)


def new_address() -> str:
    """A client address of the test's own, so rate limits of other tests never count."""
    n = next(_addresses)
    return f"198.51.{n // 250}.{n % 250 + 1}"


def pk_of(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return int(parsed[1])


def company_pk(session: Session) -> int:
    return pk_of(session.company_id)


async def test_the_owner_configures_the_widget_and_staff_see_it(api: Api) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff Vera")
    data = await api.ok(
        CONFIGURE,
        {"origins": ["https://Shop.Example.test/", SHOP, "http://localhost:8080"]},
        owner.access,
    )
    settings = data["configureWebchat"]["settings"]
    assert settings["webchatAllowedOrigins"] == [SHOP, "http://localhost:8080"]
    key = settings["webchatWidgetKey"]
    assert len(key) >= 20
    again = await configure(api, owner, SHOP)
    assert again == key  # the key stays: it is in every page that embeds the widget
    seen = await api.ok(
        "query { channelSettings { webchatWidgetKey webchatAllowedOrigins } }",
        token=staff.access,
    )
    assert seen["channelSettings"] == {"webchatWidgetKey": key, "webchatAllowedOrigins": [SHOP]}
    refused = await api.ok(CONFIGURE, {"origins": [SHOP]}, staff.access)
    assert refused["configureWebchat"]["errors"][0]["code"] == "FORBIDDEN"
    for bad in ("shop.example.test", "https://shop.example.test/path", "ftp://x.test", "*"):
        wrong = await api.ok(CONFIGURE, {"origins": [bad]}, owner.access)
        assert wrong["configureWebchat"]["errors"][0]["code"] == "INVALID", bad


async def test_a_chat_starts_only_from_an_allowed_origin(app: Starlette, api: Api) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    # Another company's widget origin passes CORS, and is still not this company's.
    neighbour = f"https://neighbour{next(_addresses)}.example.test"
    await configure(api, await register(api), neighbour)
    async with client_at(app, new_address()) as http:
        for origin in (OTHER, neighbour, None):
            refused = await start(http, key, origin)
            assert refused["session"] is None
            assert refused["errors"][0]["code"] == "FORBIDDEN"
        unknown = await start(http, "no-such-key", SHOP)
        assert unknown["errors"][0]["code"] == "NOT_FOUND"
        started = await start(http, key, SHOP, name="Ivan")
        assert started["errors"] == []
        session = started["session"]
        assert parse_global_id(session["conversationId"])[0] == "Conversation"  # type: ignore[index]
    assert await webchats(api, owner) == [
        {
            "id": session["conversationId"],
            "status": "OPEN",
            "externalName": "Ivan",
            "messages": {"edges": []},
        }
    ]


async def test_chat_starts_are_rate_limited_per_address(
    app: Starlette, api: Api, settings: Settings
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    crowded = new_address()
    async with client_at(app, crowded) as http:
        for _ in range(settings.chat_starts_per_address):
            assert (await start(http, key, SHOP))["errors"] == []
        limited = await start(http, key, SHOP)
        assert limited["errors"][0]["code"] == "RATE_LIMITED"
    async with client_at(app, new_address()) as elsewhere:
        assert (await start(elsewhere, key, SHOP))["errors"] == []


async def test_visitor_messages_reach_the_inbox_and_replies_reach_the_visitor(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        sent = await send(http, token, "  Is the vase insured?  ", SHOP)
        assert sent["errors"] == []
        assert sent["message"]["direction"] == "INBOUND"
        assert sent["message"]["body"] == "Is the vase insured?"
        [chat] = await webchats(api, owner)
        inbound = chat["messages"]["edges"][0]["node"]
        assert inbound["body"] == "Is the vase insured?"
        async with chat_socket(http, token, SHOP) as (sock, ack):
            assert ack["type"] == "connection_ack"
            # No wait for the subscription to start: a reply sent before it is live still
            # comes, by the chat feed's poll of recent replies.
            op = await sock.subscribe(CHAT)
            replied = await api.ok(REPLY, {"c": chat["id"], "b": "Yes, fully."}, owner.access)
            reply_id = replied["replyToConversation"]["message"]["id"]
            await deliver_pending(companies=[company_pk(owner)])
            line = (await sock.data(op))["chatMessages"]
            assert line == {"id": reply_id, "direction": "OUTBOUND", "body": "Yes, fully."}
            # No second copy (the broadcast and the poll both find it). A timed check: a later
            # reply would be broadcast at once and overtake the poll's copy, so it proves
            # nothing; the test below uses a marker only a poll delivers.
            await sock.unheard(op, 0.3)
        [chat] = await webchats(api, owner)
        statuses = [e["node"]["deliveryStatus"] for e in chat["messages"]["edges"]]
        assert statuses == ["SENT", "SENT"]
        # A page loaded later gets what it missed, from the last reply it showed on.
        second = await api.ok(REPLY, {"c": chat["id"], "b": "Anything else?"}, owner.access)
        await deliver_pending(companies=[company_pk(owner)])
        async with chat_socket(http, token, SHOP) as (sock, ack):
            op = await sock.subscribe(CHAT, {"after": reply_id})
            line = (await sock.data(op))["chatMessages"]
            assert line["id"] == second["replyToConversation"]["message"]["id"]
            await sock.unheard(op, 0.3)  # nothing more replayed (timed, as above)
            everything = await sock.subscribe(CHAT)
            bodies = [(await sock.data(everything))["chatMessages"]["body"] for _ in range(2)]
            assert bodies == ["Yes, fully.", "Anything else?"]
            # Who on the staff wrote them is not the visitor's business.
            authored = await sock.subscribe("subscription { chatMessages { author { name } } }")
            authors = [(await sock.data(authored))["chatMessages"]["author"] for _ in range(2)]
            assert authors == [None, None]


async def test_a_visitor_token_opens_nothing_but_its_chat(app: Starlette, api: Api) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        for query in (
            "query { me { id } }",
            "query { conversations { totalCount } }",
            "query { channelSettings { webchatWidgetKey } }",
            "mutation { markNotificationsRead }",
        ):
            body = await graphql(http, query, token=token)
            assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", query
        members = await graphql(http, "subscription { chatMessages { id } }", token=owner.access)
        assert members["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        as_member = await graphql(
            http,
            'mutation { sendChatMessage(body: "hi") { errors { code } } }',
            token=owner.access,
        )
        assert as_member["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        # A member's socket subscribes to chatMessages no more than a visitor's to the inbox.
        async with chat_socket(http, token, SHOP) as (sock, ack):
            assert ack["type"] == "connection_ack"
            op = await sock.subscribe("subscription { conversationUpdated { id } }")
            refused = await sock.next(op)
            # From the widget's origin the gate refuses it, before execution or in its result.
            payload = refused["payload"]
            errors = payload if refused["type"] == "error" else payload["errors"]
            assert errors[0]["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}
        forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        body = await graphql(
            http, 'mutation { sendChatMessage(body: "x") { errors { code } } }', token=forged
        )
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_sockets_from_other_origins_need_a_visitor_token_of_that_origin(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        async with chat_socket(http, token, SHOP) as (_, ack):
            assert ack["type"] == "connection_ack"
        # 4403: a credential this origin may not use; 4401: no credential at all.
        for who, origin, code in (
            (token, OTHER, 4403),
            (owner.access, SHOP, 4403),
            (None, SHOP, 4401),
        ):
            async with chat_socket(http, who, origin) as (_, refused):
                assert refused == {"closed": code}, (who is token, origin)
        # From a page on another origin, the visitor's own token sends nothing either.
        stolen = await send(http, token, "hello", OTHER)
        assert stolen["errors"][0]["code"] == "FORBIDDEN"


async def test_cors_answers_the_widget_origins_and_nothing_more(app: Starlette, api: Api) -> None:
    owner = await register(api)
    shop = f"https://shop{next(_addresses)}.example.test"
    key = await configure(api, owner, shop)

    async def preflight(origin: str) -> Any:
        return await api.http.options(
            "/graphql",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )

    allowed = await preflight(shop)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == shop
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert (await preflight(OTHER)).status_code == 400
    app_origin = await preflight("https://app.example.test")  # ALLOWED_ORIGINS: as before
    assert app_origin.headers["access-control-allow-origin"] == "https://app.example.test"
    async with client_at(app, new_address()) as http:
        started = await http.post(
            "/graphql",
            json={
                "query": "mutation($k: String!) { startChat(widgetKey: $k) { errors { code } } }",
                "variables": {"k": key},
            },
            headers={"Origin": shop},
        )
        assert started.headers["access-control-allow-origin"] == shop
        assert started.json()["data"]["startChat"]["errors"] == []
        # From a widget origin, only the widget's operations run, whatever the token.
        me = await graphql(http, "query { me { id } }", token=owner.access, origin=shop)
        assert me["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        login = await graphql(
            http,
            'mutation { login(email: "a@b.test", password: "x") { errors { code } } }',
            origin=shop,
        )
        assert login["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        elsewhere = await http.post(
            "/graphql", json={"query": "query { __typename }"}, headers={"Origin": OTHER}
        )
        assert "access-control-allow-origin" not in elsewhere.headers


async def test_the_widget_script_and_its_demo_page(api: Api) -> None:
    script = await api.http.get("/widget.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["x-content-type-options"] == "nosniff"
    assert "graphql-transport-ws" in script.text
    assert "innerHTML" not in script.text  # message text only ever goes in as text
    demo = await api.http.get("/widget-demo", params={"key": "AbC_123-x"})
    assert '<script src="/widget.js" data-widget-key="AbC_123-x" async></script>' in demo.text
    hostile = await api.http.get("/widget-demo", params={"key": '"><script>alert(1)</script>'})
    assert "<script>alert" not in hostile.text
    assert "configureWebchat" in hostile.text  # how to get a key, instead


async def test_a_reply_whose_broadcast_was_lost_still_reaches_the_socket(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        assert (await send(http, token, "Anyone there?", SHOP))["errors"] == []
        [chat] = await webchats(api, owner)
        async with chat_socket(http, token, SHOP) as (sock, _):
            op = await sock.subscribe(CHAT)
            # SENT, never published: as when Redis was away at the moment it went out.
            row = await Message.create(
                company_id=company_pk(owner),
                conversation_id=pk_of(chat["id"]),
                direction=MessageDirection.OUTBOUND,
                body="Here!",
                delivery_status=DeliveryStatus.SENT,
                sent_at=datetime.now(UTC),
            )
            line = (await sock.data(op, seconds=5))["chatMessages"]
            assert line == {
                "id": to_global_id("Message", row.id),
                "direction": "OUTBOUND",
                "body": "Here!",
            }
            # Later polls see it again; the socket shows it once. The marker: a second such
            # row, which only a later poll delivers, and which comes before any copy.
            marker = await Message.create(
                company_id=company_pk(owner),
                conversation_id=pk_of(chat["id"]),
                direction=MessageDirection.OUTBOUND,
                body="Still here!",
                delivery_status=DeliveryStatus.SENT,
                sent_at=datetime.now(UTC),
            )
            marker_id = to_global_id("Message", marker.id)
            await sock.marker(op, lambda d: d["chatMessages"]["id"] == marker_id)
