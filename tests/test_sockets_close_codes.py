"""Why a WebSocket was refused, as the client and the operator see it: 4401 when the socket
has no valid credential (log in again), 4403 when its credential may not be used from this
page's origin, each with a reason in the close frame and one log line naming the reason and
the peer, never the token."""

from __future__ import annotations

import itertools
import logging

import pytest
from httpx import AsyncClient
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from starlette.applications import Starlette

from servicedesk.transport.websocket_auth import guard
from tests.support.api import Api, register
from tests.support.webchat import client_at, configure, visitor_token
from tests.support.ws import PROTOCOL, GraphQLSocket

pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def _logger_enabled() -> None:
    """A `logging.config.dictConfig` earlier in the session (import-linter's, run by
    tests/test_layers.py) disables every logger that existed then; these tests read its lines."""
    logging.getLogger("servicedesk.realtime").disabled = False


SHOP = "https://shop.example.test"
OTHER = "https://elsewhere.example.test"
_addresses = itertools.count(1)


def new_address() -> str:
    """A client address of the test's own: its own rate limits, and a peer to find in the log."""
    n = next(_addresses)
    return f"203.0.{n // 250}.{n % 250 + 1}"


async def refusal(http: AsyncClient, token: str | None, origin: str | None) -> tuple[int, str]:
    """The close code and reason the server answers a `connection_init` with."""
    headers = {} if origin is None else {"Origin": origin}
    payload = {} if token is None else {"Authorization": f"Bearer {token}"}
    ws: AsyncWebSocketSession
    async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL], headers=headers) as ws:
        await ws.send_json({"type": "connection_init", "payload": payload})
        try:
            answer = await ws.receive_json(timeout=5)
        except WebSocketDisconnect as closed:
            return closed.code, closed.reason
    raise AssertionError(f"accepted: {answer}")


def closes_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("WebSocket closed")]


async def test_each_refusal_says_why_with_its_own_code_and_one_log_line(
    app: Starlette, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="servicedesk.realtime")
    owner = await register(api)
    key = await configure(api, owner, SHOP)
    address = new_address()
    async with client_at(app, address) as http:
        chat = await visitor_token(http, key, SHOP)
        forged_chat = chat[:-4] + ("AAAA" if not chat.endswith("AAAA") else "BBBB")
        cases = [
            # (token, origin) -> code, reason, level
            ((None, None), 4401, "Authentication required", logging.INFO),
            (("nonsense", None), 4401, "Invalid, expired or revoked token", logging.INFO),
            ((forged_chat, SHOP), 4401, "Invalid, expired or revoked token", logging.INFO),
            ((owner.access, SHOP), 4403, "This origin may not use a staff token", logging.WARNING),
            ((chat, OTHER), 4403, "The chat is not enabled on this website", logging.WARNING),
        ]
        for (token, origin), code, reason, level in cases:
            caplog.clear()
            closed_code, closed_reason = await refusal(http, token, origin)
            assert closed_code == code, (token, origin)
            assert reason in closed_reason, (token, origin)
            [line] = closes_logged(caplog)
            message = line.getMessage()
            assert line.levelno == level
            assert f"{code} ({closed_reason})" in message
            assert f"peer {address}:" in message
            assert origin is None or origin in message
            assert not any(t in caplog.text for t in (owner.access, chat, forged_chat, "nonsense"))
        # The same visitor token from its own website is accepted: the refusals were the
        # origin's and the token's, not the client's.
        ws: AsyncWebSocketSession
        async with aconnect_ws(
            "/graphql", http, subprotocols=[PROTOCOL], headers={"Origin": SHOP}
        ) as ws:
            ack = await GraphQLSocket(ws).init({"Authorization": f"Bearer {chat}"})
            assert ack["type"] == "connection_ack"


async def test_a_session_revoked_mid_connection_closes_4401_and_is_logged(
    app: Starlette, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="servicedesk.realtime")
    owner = await register(api)
    address = new_address()
    async with client_at(app, address) as http:
        ws: AsyncWebSocketSession
        async with aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
            sock = GraphQLSocket(ws)
            ack = await sock.init({"Authorization": f"Bearer {owner.access}"})
            assert ack["type"] == "connection_ack"
            caplog.clear()
            await api.ok(
                "mutation($t: String!) { logout(refreshToken: $t) }",
                {"t": owner.refresh},
                owner.access,
            )
            await guard.check_revoked()
            with pytest.raises(WebSocketDisconnect) as closed:
                await ws.receive_json(timeout=3)
    assert (closed.value.code, closed.value.reason) == (4401, "Token expired or revoked")
    [line] = closes_logged(caplog)
    assert line.levelno == logging.INFO
    assert f"peer {address}:" in line.getMessage()
    assert owner.access not in caplog.text
