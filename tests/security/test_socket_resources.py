"""Sockets release what they hold, and one token or address holds only so many.

Every authenticated WebSocket used to leave its expiry timer (holding the socket and its
headers) in the guard for good: about 19 KB per connection, never freed. And 1,000 sockets
of one token stayed open. Here 2,000 sockets open, subscribe and close through the app, and
the guard, the hub and the endpoint's bookkeeping (and the process's memory) come back to
where they started: a leak of a hundred blocks a socket would leave 200,000, the allowance is
two a socket, and a few hundred stay (caches that fill once; compat/cancel.py's timers once
held each cancelled task for a second and were thousands of blocks of noise). The 2,000 are
kept: the allowance is per socket, so fewer sockets would let a leak of a block or two per
socket hide under what fills once. The 21st socket of a token and
the 201st of an address (IPv6 by /64) are closed with 4429 and a reason, and a slot frees
when a socket closes.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
import tracemalloc
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute

from realtime.company_feeds import _registries
from realtime.hub import current_hub
from servicedesk.transport.websocket_auth import guard
from tests.support.api import LOGIN, PASSWORD, Api, Session, register, session_of
from tests.support.ws import PROTOCOL, GraphQLSocket, asgi_socket

pytestmark = pytest.mark.asyncio

SOCKETS = int(os.environ.get("SOCKET_CHURN", "2000"))
TRACED = 400  # of them again under tracemalloc
AT_ONCE = 10  # sockets open together (under the per-token cap)
SUBSCRIBING = 4  # one socket in SUBSCRIBING subscribes before it closes
PER_TOKEN = 20  # MAX_SOCKETS_PER_TOKEN's default
PER_ADDRESS = 200  # MAX_SOCKETS_PER_ADDRESS's default
TOO_MANY = 4429
EVENTS = "subscription { orderEvents { cursor } }"
NOTIFICATIONS = "subscription { notificationReceived { id } }"
REFRESH = """mutation($t: String!) { refreshSession(refreshToken: $t) {
  accessToken refreshToken member { id name role company { id name } } errors { field message code } } }"""


@asynccontextmanager
async def client(app: Starlette, address: str = "203.0.113.10") -> AsyncIterator[httpx.AsyncClient]:
    transport = ASGIWebSocketTransport(app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@asynccontextmanager
async def raw_socket(http: httpx.AsyncClient) -> AsyncIterator[GraphQLSocket]:
    ws: AsyncWebSocketSession
    async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
        yield GraphQLSocket(ws)


async def init(sock: GraphQLSocket, token: str) -> dict[str, Any]:
    """The server's answer to `connection_init`: the ack, or how it closed the socket."""
    try:
        return await sock.init({"Authorization": f"Bearer {token}"})
    except WebSocketDisconnect as closed:
        return {"closed": closed.code, "reason": closed.reason}


async def opened(stack: AsyncExitStack, http: httpx.AsyncClient, token: str) -> dict[str, Any]:
    sock = await stack.enter_async_context(raw_socket(http))
    return await init(sock, token)


def sizes(thing: object) -> dict[str, int]:
    """The size of each collection an object keeps."""
    return {
        name: len(value)
        for name, value in vars(thing).items()
        if isinstance(value, dict | set | list)
    }


def bookkeeping(app: Starlette) -> dict[str, object]:
    hub = current_hub()
    assert hub is not None
    feeds = {kind: sizes(registry) for kind, registry in _registries.items()}
    return {
        "guard": sizes(guard),
        "hub": sizes(hub),
        "feeds": feeds,
        "endpoint": sizes(endpoint(app).live_sockets),
        "tasks": len(asyncio.all_tasks()),
    }


def endpoint(app: Starlette) -> Any:
    for route in app.routes:
        if isinstance(route, WebSocketRoute) and route.path == "/graphql":
            return route.app
    raise AssertionError("no /graphql WebSocket route")


async def one_socket(app: Starlette, token: str, subscribe: bool) -> None:
    """Open and authenticate (and, if asked, subscribe to order events and notifications),
    then just close, as a browser tab does. Straight to the ASGI app (tests/support/ws.py
    AsgiWebSocket): httpx_ws's framing was half of this test's CPU."""
    async with asgi_socket(app) as ws:
        await ws.send_json(
            {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        )
        ack = await ws.receive_json(timeout=5)
        assert ack["type"] == "connection_ack", ack
        if subscribe:
            for n, query in enumerate((EVENTS, NOTIFICATIONS)):
                subscription = {"query": query, "variables": {}}
                await ws.send_json({"id": f"s{n}", "type": "subscribe", "payload": subscription})
            await ws.send_json({"type": "ping"})
            while (await ws.receive_json(timeout=5))["type"] != "pong":
                pass


async def churn(app: Starlette, token: str, count: int) -> None:
    """`count` sockets, AT_ONCE at a time; one in SUBSCRIBING subscribes."""
    for batch in range(0, count, AT_ONCE):
        await asyncio.gather(
            *(
                one_socket(app, token, (batch + i) % SUBSCRIBING == 0)
                for i in range(min(AT_ONCE, count - batch))
            )
        )


async def settled(app: Starlette, before: dict[str, object] | None = None) -> dict[str, object]:
    """The bookkeeping once closing sockets have finished (a few loop turns at most)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while before is not None and bookkeeping(app) != before:
        if loop.time() > deadline:
            break
        await asyncio.sleep(0.05)
    return bookkeeping(app)


async def test_2000_sockets_opened_and_closed_release_everything(app: Starlette, api: Api) -> None:
    owner = await register(api)
    await churn(app, owner.access, 200)  # warm every cache and the company's structures
    before = await settled(app)
    gc.collect()
    blocks = sys.getallocatedblocks()
    began = time.perf_counter()
    await churn(app, owner.access, SOCKETS)
    took = time.perf_counter() - began
    after = await settled(app, before)
    gc.collect()
    blocks_left = sys.getallocatedblocks() - blocks
    # The same, traced allocation by allocation (three times slower, so fewer sockets).
    tracemalloc.start()
    try:
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        await churn(app, owner.access, TRACED)
        traced_after = await settled(app, before)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    print(
        f"{SOCKETS} sockets in {took:.1f} s, {blocks_left} memory blocks left;"
        f" {TRACED} traced: {grown} bytes left"
    )
    assert after == before
    assert traced_after == before
    # Before, each socket left its timer with the socket, its scope and headers (19 KB, over
    # a hundred blocks), and some a hub feed task. Allowed: caches that fill once (15-50 KB
    # here), not a cost per socket.
    assert blocks_left < SOCKETS * 2, f"{blocks_left / SOCKETS:.1f} blocks per socket stayed"
    assert grown < 1024 * 1024, f"{grown / TRACED:.0f} bytes per socket stayed"


async def login(api: Api, who: Session) -> Session:
    data = await api.ok(LOGIN, {"email": who.email, "password": PASSWORD})
    return session_of(data["login"], who.email)


async def test_a_token_holds_at_most_its_cap_of_sockets(app: Starlette, api: Api) -> None:
    owner = await register(api)
    async with client(app) as http, AsyncExitStack() as stack:
        answers = [await opened(stack, http, owner.access) for _ in range(PER_TOKEN)]
        assert all(a["type"] == "connection_ack" for a in answers), answers
        refused = await opened(stack, http, owner.access)
        assert refused["closed"] == TOO_MANY, refused
        assert "token" in refused["reason"].lower(), refused
        # The same session's next access token is the same holder, not a new one.
        refreshed = await api.ok(REFRESH, {"t": owner.refresh})
        renewed = session_of(refreshed["refreshSession"], owner.email)
        assert (await opened(stack, http, renewed.access))["closed"] == TOO_MANY
        # Another login (another tab's session, another device) has its own.
        other = await login(api, owner)
        assert (await opened(stack, http, other.access))["type"] == "connection_ack"
    # Closed sockets give their places back.
    async with client(app) as http, AsyncExitStack() as stack:
        answers = [await opened(stack, http, renewed.access) for _ in range(PER_TOKEN)]
        assert all(a["type"] == "connection_ack" for a in answers), answers


async def test_an_address_holds_at_most_its_cap_of_sockets_ipv6_by_64(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    sessions = [await login(api, owner) for _ in range(PER_ADDRESS // PER_TOKEN + 2)]
    async with AsyncExitStack() as stack:
        for i in range(PER_ADDRESS):
            http = await stack.enter_async_context(client(app, f"2001:db8:7:7::{i + 1:x}"))
            answer = await opened(stack, http, sessions[i // PER_TOKEN].access)
            assert answer["type"] == "connection_ack", (i, answer)
        # Another address of the same /64 is the same subscriber.
        http = await stack.enter_async_context(client(app, "2001:db8:7:7:ffff::1"))
        refused = await opened(stack, http, sessions[-2].access)
        assert refused["closed"] == TOO_MANY, refused
        assert "address" in refused["reason"].lower(), refused
        # Another /64, and another IPv4 address, are not.
        for address in ("2001:db8:7:8::1", "198.51.100.7"):
            http = await stack.enter_async_context(client(app, address))
            assert (await opened(stack, http, sessions[-1].access))["type"] == "connection_ack"
    async with client(app, "2001:db8:7:7::1") as http, raw_socket(http) as sock:
        assert (await init(sock, sessions[0].access))["type"] == "connection_ack"
