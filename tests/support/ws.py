"""A graphql-transport-ws client for tests, over the real ASGI app's WebSocket endpoint."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import jwt
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from redis import asyncio as aioredis
from starlette.types import ASGIApp, Message

from config.settings import current
from realtime.events import channel
from realtime.hub import current_hub
from schema.ids import decode_id, to_global_id

PROTOCOL = "graphql-transport-ws"
_ids = itertools.count(1)


class GraphQLSocket:
    def __init__(self, ws: AsyncWebSocketSession) -> None:
        self.ws = ws
        self.inbox: dict[str, list[dict[str, Any]]] = {}

    async def init(self, payload: dict[str, Any]) -> dict[str, Any]:
        await self.ws.send_json({"type": "connection_init", "payload": payload})
        message: dict[str, Any] = await self.ws.receive_json(timeout=5)
        return message

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op = str(next(_ids))
        await self.ws.send_json(
            {
                "id": op,
                "type": "subscribe",
                "payload": {"query": query, "variables": variables or {}},
            }
        )
        return op

    async def _read(self, seconds: float) -> dict[str, Any]:
        message: dict[str, Any] = await self.ws.receive_json(timeout=seconds)
        if message.get("type") == "ping":
            await self.ws.send_json({"type": "pong"})
        return message

    async def next(self, op: str, seconds: float = 5.0) -> dict[str, Any]:
        """The next message (next/error/complete) for subscription `op`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self.inbox.get(op):
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(f"no message for subscription {op}")
            message = await self._read(left)
            if "id" in message:
                self.inbox.setdefault(message["id"], []).append(message)
        return self.inbox[op].pop(0)

    async def data(self, op: str, seconds: float = 5.0) -> dict[str, Any]:
        message = await self.next(op, seconds)
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message["payload"]
        data: dict[str, Any] = message["payload"]["data"]
        return data

    async def marker(
        self, op: str, is_marker: Callable[[dict[str, Any]], bool], marker_op: str | None = None
    ) -> dict[str, Any]:
        """Prove that nothing came for `op`: the test sets off a later event that `marker_op`
        (default `op`) hears, and its message must come before anything else for `op`.

        The server sends each subscription's messages in the order of the events behind them
        (the hub delivers a company's events by number), so a message that should not have
        come arrives before the marker; no timeout is waited out, and a slow server cannot
        make the check pass. Returns the marker's data.
        """
        data = await self.data(marker_op or op)
        assert is_marker(data), f"a message before the marker: {data}"
        if marker_op is not None:
            assert not self.inbox.get(op), f"unexpected message {self.inbox[op]}"
        return data

    async def unheard(self, op: str, wait: float) -> None:
        """Assert no message arrives for `op` within `wait` seconds: only where no marker
        event can follow (each caller says why), since it waits and a slow server passes it."""
        try:
            message = await self.next(op, wait)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected message {message}")

    async def closed(self, seconds: float = 5.0) -> int:
        """Wait until the server closes the socket; its close code."""
        try:
            while True:
                await self._read(seconds)
        except WebSocketDisconnect as closed:
            return closed.code


def order_event(order_id: str) -> Callable[[dict[str, Any]], bool]:
    """A marker test: an `orderEvents` message about the order."""
    return lambda data: bool(data["orderEvents"]["order"]["id"] == order_id)


def listening_feeds(member_id: str) -> list[int]:
    """The company of each order-event or notification listener this process's hub holds for
    the member (a global Member id), once per listener."""
    hub = current_hub()
    assert hub is not None, "realtime is not running in this process"
    member = decode_id(member_id, "Member")
    return [
        feed.company_id
        for feed in hub._feeds.values()
        for _ in range(
            sum(1 for listener in feed.listeners if listener.actor.membership_id == member)
            + len(feed.notification_listeners.by_member.get(member, ()))
        )
    ]


def member_of(token: str) -> str:
    """The global Member id an access token acts for (its `sub`), read without verifying."""
    claims = jwt.decode(token, options={"verify_signature": False})
    return to_global_id("Member", int(claims["sub"]))


async def joined(member_id: str, count: int = 1, seconds: float = 5.0) -> None:
    """Wait until the member has `count` listeners in this process's hub, and Redis (when the
    app uses it) has the company's channel subscribed: graphql-transport-ws does not
    acknowledge a subscription, the Redis backend subscribes in the background, and a message
    published before either is (rightly) not sent live. Returns as soon as both hold."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while len(companies := listening_feeds(member_id)) < count:
        if loop.time() > deadline:
            raise TimeoutError(f"member {member_id} has no {count} listeners after {seconds} s")
        await asyncio.sleep(0.005)
    url = current().redis_url
    if url is None:
        return
    async with aioredis.Redis.from_url(url) as server:
        while not all(n for _, n in await server.pubsub_numsub(*map(channel, set(companies)))):
            if loop.time() > deadline:
                raise TimeoutError(f"Redis has not subscribed {companies} after {seconds} s")
            await asyncio.sleep(0.005)


async def channel_subscribed(
    company_id: int, seconds: float = 5.0, *, name: str | None = None
) -> None:
    """Wait until Redis (when the app uses it) has the company's channel (or the channel
    `name`) subscribed: the Redis backend subscribes in the background after a listener joins,
    and what is published before is (rightly) not sent live."""
    url = current().redis_url
    if url is None:
        return
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    async with aioredis.Redis.from_url(url) as server:
        while not (await server.pubsub_numsub(name or channel(company_id)))[0][1]:
            if loop.time() > deadline:
                raise TimeoutError(
                    f"Redis has not subscribed company {company_id} after {seconds} s"
                )
            await asyncio.sleep(0.005)


async def left(member_id: str, seconds: float = 5.0) -> None:
    """Wait until the member has no listener left in this process's hub."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while listening_feeds(member_id):
        if loop.time() > deadline:
            raise TimeoutError(f"member {member_id} still listens after {seconds} s")
        await asyncio.sleep(0.005)


@asynccontextmanager
async def client(app: ASGIApp) -> AsyncIterator[httpx.AsyncClient]:
    transport = ASGIWebSocketTransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@asynccontextmanager
async def socket(http: httpx.AsyncClient, token: str | None) -> AsyncIterator[GraphQLSocket]:
    """A socket that has sent `connection_init` with the token (and had it acknowledged)."""
    ws: AsyncWebSocketSession
    async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
        sock = GraphQLSocket(ws)
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        ack = await sock.init(payload)
        assert ack["type"] == "connection_ack", ack
        yield sock


class AsgiWebSocket:
    """A WebSocket to the ASGI app driven as an ASGI server drives it (the `websocket.*`
    messages of the scope's connection), with httpx_ws's `send_json` and `receive_json` (a
    close by the server raises its WebSocketDisconnect).

    httpx_ws's transport does the same and also frames every message with wsproto, both ways,
    behind anyio streams and tasks: half the CPU of opening and closing a socket was the
    client's (tests/security/test_socket_resources.py opens thousands)."""

    def __init__(self, app: ASGIApp, scope: dict[str, Any]) -> None:
        self.app = app
        self.scope = scope
        self._to_app: asyncio.Queue[Message] = asyncio.Queue()
        self._from_app: asyncio.Queue[Message] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def _receive(self) -> Message:
        message = await self._to_app.get()
        if message["type"] == "websocket.disconnect":
            self._to_app.put_nowait(message)  # as from a server: every later receive too
        return message

    async def _run(self) -> None:
        try:
            await self.app(self.scope, self._receive, self._from_app.put)
        except Exception as error:  # as a server would: the socket closes with 1011
            self._from_app.put_nowait(
                {"type": "websocket.close", "code": 1011, "reason": str(error)}
            )

    async def connect(self, seconds: float = 5.0) -> None:
        self._task = asyncio.create_task(self._run())
        self._to_app.put_nowait({"type": "websocket.connect"})
        async with asyncio.timeout(seconds):
            message = await self._from_app.get()
        if message["type"] == "websocket.close":
            raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
        assert message["type"] == "websocket.accept", message

    async def send_json(self, data: Any) -> None:
        self._to_app.put_nowait({"type": "websocket.receive", "text": json.dumps(data)})

    async def receive_json(self, timeout: float | None = None) -> Any:  # noqa: ASYNC109 (httpx_ws's)
        async with asyncio.timeout(timeout):
            message = await self._from_app.get()
        if message["type"] == "websocket.close":
            self._from_app.put_nowait(message)  # closed it stays
            raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
        assert message["type"] == "websocket.send", message
        text = message.get("text")
        return json.loads(text if text is not None else message["bytes"])

    async def close(self, seconds: float = 5.0) -> None:
        """Close as a browser tab does, and wait until the app is done with the socket."""
        self._to_app.put_nowait({"type": "websocket.disconnect", "code": 1000})
        assert self._task is not None
        async with asyncio.timeout(seconds):
            await self._task


@asynccontextmanager
async def asgi_socket(
    app: ASGIApp, address: str = "203.0.113.10", path: str = "/graphql"
) -> AsyncIterator[AsgiWebSocket]:
    """An open graphql-transport-ws WebSocket to `app` from the client address `address`."""
    headers = [
        (b"host", b"testserver"),
        (b"connection", b"upgrade"),
        (b"upgrade", b"websocket"),
        (b"sec-websocket-version", b"13"),
        (b"sec-websocket-key", b"dGhlIHNhbXBsZSBub25jZQ=="),
        (b"sec-websocket-protocol", PROTOCOL.encode()),
    ]
    scope = {
        "type": "websocket",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "scheme": "ws",
        "query_string": b"",
        "headers": headers,
        "client": (address, 50000),
        "server": ("testserver", 80),
        "subprotocols": [PROTOCOL],
    }
    ws = AsgiWebSocket(app, scope)
    await ws.connect()
    try:
        yield ws
    finally:
        await ws.close()
