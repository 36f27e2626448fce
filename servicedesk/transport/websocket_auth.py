"""Authenticating WebSockets: the token from `connection_init`, and closing the socket (4401)
when that token expires or its session is revoked, or when its API token is revoked or
expires, or when its member is deactivated (at once, on the broadcast's signal).

Close codes follow graphql-transport-ws: 4401 when the socket has no valid credential (none
sent, a bad, expired or revoked token, a chat token whose chat has ended), so the client logs
in again; 4403 when the credential is fine but this page's origin may not use it. Each
refusal is logged once with its reason and the peer's address, never the token.

Whatever the guard keeps for a socket (its expiry timer, which holds the socket and its
headers, and its place among its session's or API token's sockets) is dropped by `release`
when the socket closes (servicedesk/transport/live_socket.py): before, every socket left its timer
behind, about 19 KB each, until the process ended."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from starlette.websockets import WebSocket, WebSocketState

from models import Session
from permissions.authenticate import bearer_token, live_api_token_hashes
from permissions.tokens import hash_token, is_api_token, read_access_token
from realtime.member_signals import (
    follow_deactivations,
    off_member_deactivated,
    on_member_deactivated,
)

log = logging.getLogger("servicedesk.realtime")

UNAUTHORIZED = 4401
FORBIDDEN = 4403
REVOCATION_CHECK_SECONDS = 5.0
EXPIRED_OR_REVOKED = "Token expired or revoked"


class SocketRefused(Exception):
    """Raised by `on_ws_connect` instead of Strawberry's ConnectionRejectionError, which always
    closes 4403: the handler closes with this code and reason (servicedesk/transport/endpoint.py)."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def unauthorized(reason: str) -> SocketRefused:
    return SocketRefused(UNAUTHORIZED, reason)


def forbidden(reason: str) -> SocketRefused:
    return SocketRefused(FORBIDDEN, reason)


def peer(websocket: WebSocket) -> str:
    client = websocket.client
    return f"{client.host}:{client.port}" if client else "-"


def log_close(websocket: WebSocket, code: int, reason: str) -> None:
    """One line per refused or ended socket. A wrong origin is a misconfigured widget or
    someone else's page (WARNING); a missing or stale token is routine (INFO)."""
    level = logging.WARNING if code == FORBIDDEN else logging.INFO
    origin = websocket.headers.get("origin")
    log.log(
        level,
        "WebSocket closed %d (%s) peer %s origin %r",
        code,
        reason,
        peer(websocket),
        origin,
        extra={"client": peer(websocket), "code": code},
    )


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


def socket_token(params: Mapping[str, object] | None, headers: Mapping[str, str]) -> str | None:
    """A socket's token: from `connection_init`'s payload, else its Authorization header.
    The one rule for both the per-token cap (live_socket.py) and authentication (endpoint.py)."""
    return token_from_params(params) or bearer_token(headers.get("authorization"))


def origin_allowed(websocket: WebSocket, allowed: tuple[str, ...], public_url: str) -> bool:
    """Browsers send an Origin; it must be ours. Other clients send none."""
    origin = websocket.headers.get("origin")
    return origin is None or origin.rstrip("/") in {*allowed, public_url.rstrip("/")}


def holder_key(token: str) -> str:
    """Whose socket this is, for the per-token cap: a login's session (its access tokens come
    and go, refreshed every few minutes), else the token itself (an API token, a chat
    visitor's), by its hash."""
    if not is_api_token(token):
        claims = read_access_token(token)
        if claims is not None:
            return f"session:{claims.session_id}"
    return f"token:{hash_token(token)}"


@dataclass(eq=False, slots=True)
class _Held:
    """What the guard keeps for one socket, so that `release` can drop all of it."""

    session_id: str | None = None
    token_hash: str | None = None
    timer: asyncio.TimerHandle | None = None


class SocketGuard:
    """Ends sockets whose token expired (a timer each) or whose session was revoked (one
    query a round for all the process's sockets, not one per socket). Sockets of API tokens
    are checked in a round too (one more query, only while there are any), for revocation
    and expiry alike; a revocation in this process closes them at once."""

    def __init__(self) -> None:
        self._held: dict[WebSocket, _Held] = {}
        self._sessions: dict[str, set[WebSocket]] = {}
        # By token hash: the token itself is never kept.
        self._api_tokens: dict[str, set[WebSocket]] = {}
        self._closing: set[asyncio.Task[None]] = set()

    def __len__(self) -> int:
        """Sockets the guard holds something for."""
        return len(self._held)

    def add(self, websocket: WebSocket, token: str) -> None:
        held = self._held.setdefault(websocket, _Held())
        if is_api_token(token):
            held.token_hash = hash_token(token)
            self._api_tokens.setdefault(held.token_hash, set()).add(websocket)
            return
        claims = read_access_token(token)
        if claims is None:
            return
        held.session_id = claims.session_id
        self._sessions.setdefault(claims.session_id, set()).add(websocket)
        self.expire(websocket, claims.expires_at)

    def expire(self, websocket: WebSocket, at: datetime) -> None:
        """Close the socket when its token expires (a chat visitor's has only this check)."""
        held = self._held.setdefault(websocket, _Held())
        if held.timer is not None:
            held.timer.cancel()
        left = max(0.0, at.timestamp() - time.time())
        held.timer = asyncio.get_running_loop().call_later(left, self._expired, websocket)

    def release(self, websocket: WebSocket) -> None:
        """The socket closed: drop its timer and its places (called once it has ended)."""
        held = self._held.pop(websocket, None)
        if held is None:
            return
        if held.timer is not None:
            held.timer.cancel()  # a cancelled handle lets go of the socket at once
        _discard(self._sessions, held.session_id, websocket)
        _discard(self._api_tokens, held.token_hash, websocket)

    def _expired(self, websocket: WebSocket) -> None:
        held = self._held.get(websocket)
        if held is not None:
            held.timer = None
        self._close(websocket)

    def _close(self, websocket: WebSocket) -> None:
        if websocket.client_state == WebSocketState.CONNECTED:
            task = asyncio.create_task(_close(websocket), name="background:socket-close")
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    def close_api_token(self, token_hash: str) -> None:
        """Close this process's sockets of a token just revoked."""
        for websocket in self._api_tokens.pop(token_hash, set()):
            self._close(websocket)

    async def check_revoked(self) -> None:
        await self._check_sessions()
        await self._check_api_tokens()

    async def _check_sessions(self) -> None:
        _forget_closed(self._sessions)
        if not self._sessions:
            return
        ids = list(self._sessions)
        alive = {
            str(i)
            for i in await Session.filter(
                id__in=ids, revoked_at=None, membership__active=True
            ).values_list("id", flat=True)
        }
        for session_id in set(ids) - alive:
            for websocket in self._sessions.pop(session_id, set()):
                self._close(websocket)

    async def _check_api_tokens(self) -> None:
        _forget_closed(self._api_tokens)
        if not self._api_tokens:
            return
        hashes = list(self._api_tokens)
        alive = await live_api_token_hashes(hashes)
        for token_hash in set(hashes) - alive:
            self.close_api_token(token_hash)

    async def run(self) -> None:
        on_member_deactivated(self._on_deactivated)
        signals = asyncio.create_task(self._follow_signals(), name="background:leaver-signals")
        try:
            while True:
                await asyncio.sleep(REVOCATION_CHECK_SECONDS)
                await self._check_now()
        finally:
            _ = signals.cancel()
            off_member_deactivated(self._on_deactivated)

    async def _check_now(self) -> None:
        try:
            await self.check_revoked()
        except Exception:  # the database may be away for a moment; try next round
            log.exception("revocation check failed")

    async def _follow_signals(self) -> None:
        """A member deactivated in any process: check this process's sockets at once (the
        same two queries as a round), rather than polling every second. A round costs a
        query per second per process with sockets open, whoever leaves or not; a signal
        costs them once per deactivation. Measured: the leaver's socket closes 0.03-0.11 s after
        sending the mutation here, 0.015 s after the signal in another process
        (tests/test_leavers_sockets.py, test_leavers_processes.py). With the broadcast away,
        the deactivating process calls `_on_deactivated` directly and the others' rounds
        are the fallback."""
        while True:
            try:
                await follow_deactivations(self._on_deactivated)
                return  # realtime stopped (the app is shutting down)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("following deactivations failed; retrying")
                await asyncio.sleep(REVOCATION_CHECK_SECONDS)

    async def _on_deactivated(self, membership_id: int) -> None:
        log.info("member %d deactivated: checking sockets", membership_id)
        await self._check_now()

    def stop(self) -> None:
        for held in self._held.values():
            if held.timer is not None:
                held.timer.cancel()
        self._held.clear()
        self._sessions.clear()
        self._api_tokens.clear()


def _discard(sockets_by_key: dict[str, set[WebSocket]], key: str | None, ws: WebSocket) -> None:
    sockets = None if key is None else sockets_by_key.get(key)
    if sockets is not None:
        sockets.discard(ws)
        if not sockets and key is not None:
            del sockets_by_key[key]


def _forget_closed(sockets_by_key: dict[str, set[WebSocket]]) -> None:
    for key, sockets in list(sockets_by_key.items()):
        sockets -= {ws for ws in sockets if ws.client_state != WebSocketState.CONNECTED}
        if not sockets:
            del sockets_by_key[key]


async def _close(websocket: WebSocket) -> None:
    with contextlib.suppress(Exception):
        await websocket.close(code=UNAUTHORIZED, reason=EXPIRED_OR_REVOKED)
        log_close(websocket, UNAUTHORIZED, EXPIRED_OR_REVOKED)


guard = SocketGuard()
