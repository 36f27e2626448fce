"""A graphql-transport-ws client for tests, over the real ASGI app's WebSocket endpoint."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.types import ASGIApp

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

    async def nothing(self, op: str, wait: float = 0.5) -> None:
        """Assert no message arrives for `op` within `wait` seconds."""
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
