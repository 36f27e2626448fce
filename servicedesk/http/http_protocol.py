"""uvicorn's httptools protocol with two defences against clients that hold connections.

- Incomplete requests time out. Request headers must arrive within
  `REQUEST_HEADER_TIMEOUT_SECONDS` of the connection opening (or of the next request's first
  byte on a kept-alive connection), however slowly they drip; uvicorn itself waits forever
  (its keep-alive timer stops at the first byte). A body must then advance by at least
  `MIN_BODY_BYTES` in every such period, unless the app is the one not reading. Late: 408
  and the connection is closed.
- One client address (IPv6 by /64, permissions.throttle.address_key) holds at most
  `MAX_CONNECTIONS_PER_ADDRESS` connections to this process, WebSockets included; one more
  is answered 503 with Retry-After and closed. Proxies named in `FORWARDED_ALLOW_IPS` are
  not counted: they carry many clients (they must limit them themselves).

Served with `uvicorn --http servicedesk.http.http_protocol:GuardedHttpToolsProtocol` (what
`servicedesk serve` uses).
"""

from __future__ import annotations

import asyncio
import ipaddress
from functools import cache
from typing import Any

import orjson

from compat.uvicorn import HttpProtocol
from config.settings import current
from permissions.throttle import address_key

RETRY_AFTER_SECONDS = 10
# A body slower than this per header-timeout period (about 100 bytes/s at the default 10 s)
# is a connection held, not an upload from a slow phone.
MIN_BODY_BYTES = 1024


def _answer(status: str, code: str, message: str, *extra: str) -> bytes:
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
    head = [
        f"HTTP/1.1 {status}",
        "content-type: application/json",
        f"content-length: {len(body)}",
        "connection: close",
        *extra,
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


TIMED_OUT = _answer("408 Request Timeout", "REQUEST_TIMEOUT", "The request did not arrive in time")
TOO_MANY = _answer(
    "503 Service Unavailable",
    "TOO_MANY_CONNECTIONS",
    "Too many connections from this address",
    f"retry-after: {RETRY_AFTER_SECONDS}",
)


class ConnectionsPerAddress:
    """The process's open connections by client address; a connection is released once,
    by whichever protocol (HTTP, or the WebSocket it became) sees it end."""

    def __init__(self) -> None:
        self.open: dict[str, set[asyncio.BaseTransport]] = {}
        self.keys: dict[asyncio.BaseTransport, str] = {}

    def admit(self, transport: asyncio.BaseTransport, key: str, limit: int) -> bool:
        held = self.open.setdefault(key, set())
        if len(held) >= limit:
            if not held:
                del self.open[key]
            return False
        held.add(transport)
        self.keys[transport] = key
        return True

    def release(self, transport: asyncio.BaseTransport) -> None:
        key = self.keys.pop(transport, None)
        if key is None:
            return
        held = self.open.get(key)
        if held is not None:
            held.discard(transport)
            if not held:
                del self.open[key]


connections = ConnectionsPerAddress()


@cache
def _trusted_proxies(
    spec: str,
) -> tuple[bool, tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]]:
    """uvicorn's FORWARDED_ALLOW_IPS: "*" (everyone) or addresses and networks."""
    items = [item.strip() for item in spec.split(",") if item.strip()]
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue  # a unix socket's name: not an address we see here
    return "*" in items, tuple(networks)


def _is_trusted_proxy(host: str, spec: object) -> bool:
    text = ",".join(spec) if isinstance(spec, list | tuple) else str(spec or "")
    everyone, networks = _trusted_proxies(text)
    if everyone:
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class GuardedHttpToolsProtocol(HttpProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = current()
        self.header_seconds = settings.request_header_timeout_seconds
        self.per_address = settings.max_connections_per_address
        self.header_timer: asyncio.TimerHandle | None = None
        self.body_timer: asyncio.TimerHandle | None = None
        self.body_progress = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        host = self.client[0] if self.client else None
        key = address_key(host)
        if (
            self.per_address
            and key is not None
            and host is not None
            and not _is_trusted_proxy(host, self.config.forwarded_allow_ips)
            and not connections.admit(transport, key, self.per_address)
        ):
            transport.write(TOO_MANY)
            transport.close()
            return
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        self._disarm_body_timer()
        connections.release(self.transport)
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_header_timer()

    def on_headers_complete(self) -> None:
        self._disarm_header_timer()
        super().on_headers_complete()
        if not self.upgrading() and self.header_seconds:
            self.body_progress = 0
            self._disarm_body_timer()
            self.body_timer = self.loop.call_later(self.header_seconds, self._body_check)

    def on_body(self, body: bytes) -> None:
        self.body_progress += len(body)
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._disarm_body_timer()
        super().on_message_complete()

    def _arm_header_timer(self) -> None:
        if self.header_timer is None and self.header_seconds:
            self.header_timer = self.loop.call_later(self.header_seconds, self._headers_late)

    def _disarm_header_timer(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _disarm_body_timer(self) -> None:
        if self.body_timer is not None:
            self.body_timer.cancel()
            self.body_timer = None

    def _body_check(self) -> None:
        """Each period: enough of the body arrived, or the app is behind (reading paused)."""
        self.body_timer = None
        if self.transport.is_closing():
            return
        if self.body_progress >= MIN_BODY_BYTES or self.reading_paused():
            self.body_progress = 0
            self.body_timer = self.loop.call_later(self.header_seconds, self._body_check)
            return
        cycle = self.current_cycle()
        if cycle is not None and not cycle.response_started:
            self.transport.write(TIMED_OUT)
        self.transport.close()

    def _headers_late(self) -> None:
        self.header_timer = None
        if self.transport.is_closing():
            return
        cycle = self.current_cycle()  # None until a first request
        if cycle is not None and not cycle.response_complete:
            self._arm_header_timer()  # a pipelined request waits behind one being answered
            return
        self.transport.write(TIMED_OUT)
        self.transport.close()
