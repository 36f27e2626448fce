"""Website chat test helpers: the owner's widget settings, a visitor's requests as a browser
on a given origin sends them, and the staff side's inbox queries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.types import ASGIApp

from tests.support.api import Api, Session
from tests.support.ws import PROTOCOL, GraphQLSocket

ERRORS = "errors { field code message }"
CONFIGURE = f"""mutation($origins: [String!]!) {{
  configureWebchat(input: {{allowedOrigins: $origins}}) {{
    settings {{ webchatWidgetKey webchatAllowedOrigins }} {ERRORS} }} }}"""
START = f"""mutation($key: String!, $name: String, $email: String) {{
  startChat(widgetKey: $key, name: $name, email: $email) {{
    session {{ visitorToken conversationId }} {ERRORS} }} }}"""
SEND = f"""mutation($body: String!) {{
  sendChatMessage(body: $body) {{ message {{ id direction body deliveryStatus }} {ERRORS} }} }}"""
CHAT = """subscription($after: ID) { chatMessages(after: $after) { id direction body } }"""
WEBCHATS = """query { conversations(filter: {channel: WEBCHAT}, first: 50) {
  edges { node { id status externalName
    messages(first: 20) { edges { node { id direction body deliveryStatus } } } } } } }"""
REPLY = f"""mutation($c: ID!, $b: String!) {{
  replyToConversation(conversationId: $c, body: $b) {{
    message {{ id deliveryStatus }} {ERRORS} }} }}"""


async def configure(api: Api, owner: Session, *origins: str) -> str:
    """The widget key, after allowing `origins`."""
    data = await api.ok(CONFIGURE, {"origins": list(origins)}, owner.access)
    payload = data["configureWebchat"]
    assert payload["errors"] == [], payload["errors"]
    key: str = payload["settings"]["webchatWidgetKey"]
    return key


async def graphql(
    http: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
    origin: str | None = None,
) -> dict[str, Any]:
    """A POST as a browser page on `origin` makes it."""
    headers = {} if origin is None else {"Origin": origin}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    body: dict[str, Any] = response.json()
    return body


async def start(
    http: httpx.AsyncClient, key: str, origin: str | None, name: str | None = None
) -> dict[str, Any]:
    """`startChat`'s payload."""
    body = await graphql(http, START, {"key": key, "name": name}, origin=origin)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["startChat"]
    return payload


async def visitor_token(http: httpx.AsyncClient, key: str, origin: str) -> str:
    payload = await start(http, key, origin)
    assert payload["errors"] == [], payload["errors"]
    token: str = payload["session"]["visitorToken"]
    return token


async def send(
    http: httpx.AsyncClient, token: str, body: str, origin: str | None = None
) -> dict[str, Any]:
    """`sendChatMessage`'s payload."""
    response = await graphql(http, SEND, {"body": body}, token, origin)
    assert "errors" not in response, response
    payload: dict[str, Any] = response["data"]["sendChatMessage"]
    return payload


async def webchats(api: Api, staff: Session) -> list[dict[str, Any]]:
    data = await api.ok(WEBCHATS, token=staff.access)
    return [edge["node"] for edge in data["conversations"]["edges"]]


@asynccontextmanager
async def client_at(app: ASGIApp, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP and WebSocket to the app from the client address `address`."""
    transport = ASGIWebSocketTransport(app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@asynccontextmanager
async def chat_socket(
    http: httpx.AsyncClient, token: str | None, origin: str | None
) -> AsyncIterator[tuple[GraphQLSocket, dict[str, Any]]]:
    """A socket from a page on `origin` that sent `connection_init` with `token`; the
    server's answer to it (connection_ack, or the close is raised by the caller's read)."""
    headers = {} if origin is None else {"Origin": origin}
    ws: AsyncWebSocketSession
    async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL], headers=headers) as ws:
        sock = GraphQLSocket(ws)
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await ws.send_json({"type": "connection_init", "payload": payload})
        answer: dict[str, Any] = {}
        try:
            answer = await ws.receive_json(timeout=5)
        except Exception as closed:  # the server closed the socket instead
            answer = {"closed": getattr(closed, "code", None)}
        yield sock, answer
