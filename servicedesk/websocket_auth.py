"""Authenticating WebSockets: the token from `connection_init`, and closing the socket (4403)
when that token expires or its session is revoked."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Mapping

from starlette.websockets import WebSocket, WebSocketState

from models import Session
from permissions.authenticate import bearer_token
from permissions.tokens import read_access_token

FORBIDDEN = 4403
REVOCATION_CHECK_SECONDS = 5.0


def token_from_params(params: Mapping[str, object] | None) -> str | None:
    """`{"Authorization": "Bearer …"}` in any case, or nested under `headers`."""
    if not params:
        return None
    for source in (params, params.get("headers")):
        if isinstance(source, Mapping):
            for key, value in source.items():
                if (
                    isinstance(key, str)
                    and key.lower() == "authorization"
                    and isinstance(value, str)
                ):
                    return bearer_token(value)
    return None


def origin_allowed(websocket: WebSocket, allowed: tuple[str, ...], public_url: str) -> bool:
    """Browsers send an Origin; it must be ours. Other clients send none."""
    origin = websocket.headers.get("origin")
    return origin is None or origin.rstrip("/") in {*allowed, public_url.rstrip("/")}


async def watch(websocket: WebSocket, token: str) -> None:
    """Close the socket when the token expires or its session is revoked."""
    claims = read_access_token(token)
    if claims is None:
        return
    with contextlib.suppress(Exception):
        while websocket.client_state == WebSocketState.CONNECTED:
            left = claims.expires_at.timestamp() - time.time()
            if left <= 0:
                break
            await asyncio.sleep(min(left, REVOCATION_CHECK_SECONDS))
            if not await Session.exists(id=claims.session_id, revoked_at=None):
                break
        if websocket.client_state == WebSocketState.CONNECTED:
            await websocket.close(code=FORBIDDEN, reason="Token expired or revoked")
