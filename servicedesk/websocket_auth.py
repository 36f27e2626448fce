"""Authenticating WebSockets: the token from `connection_init`, and closing the socket (4403)
when that token expires or its session is revoked."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Mapping

from starlette.websockets import WebSocket, WebSocketState

from models import Session
from permissions.authenticate import bearer_token
from permissions.tokens import read_access_token

log = logging.getLogger("servicedesk.realtime")

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


class SocketGuard:
    """Ends sockets whose token expired (a timer each) or whose session was revoked (one
    query a round for all the process's sockets, not one per socket)."""

    def __init__(self) -> None:
        self._sessions: dict[str, set[WebSocket]] = {}
        self._timers: set[asyncio.TimerHandle] = set()
        self._closing: set[asyncio.Task[None]] = set()

    def add(self, websocket: WebSocket, token: str) -> None:
        claims = read_access_token(token)
        if claims is None:
            return
        self._sessions.setdefault(claims.session_id, set()).add(websocket)
        left = max(0.0, claims.expires_at.timestamp() - time.time())
        timer = asyncio.get_running_loop().call_later(left, self._close, websocket)
        self._timers.add(timer)

    def _close(self, websocket: WebSocket) -> None:
        if websocket.client_state == WebSocketState.CONNECTED:
            task = asyncio.create_task(_close(websocket), name="background:socket-close")
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def check_revoked(self) -> None:
        for session_id, sockets in list(self._sessions.items()):
            sockets -= {ws for ws in sockets if ws.client_state != WebSocketState.CONNECTED}
            if not sockets:
                del self._sessions[session_id]
        if not self._sessions:
            return
        ids = list(self._sessions)
        alive = {
            str(i)
            for i in await Session.filter(id__in=ids, revoked_at=None).values_list("id", flat=True)
        }
        for session_id in set(ids) - alive:
            for websocket in self._sessions.pop(session_id, set()):
                self._close(websocket)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(REVOCATION_CHECK_SECONDS)
            try:
                await self.check_revoked()
            except Exception:  # the database may be away for a moment; try next round
                log.exception("revocation check failed")

    def stop(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()


async def _close(websocket: WebSocket) -> None:
    with contextlib.suppress(Exception):
        await websocket.close(code=FORBIDDEN, reason="Token expired or revoked")


guard = SocketGuard()
