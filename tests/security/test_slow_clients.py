"""Slow clients and WebSocket sizes: against a real `servicedesk serve` process and
raw sockets, as a hostile client would hold them. Requests that never finish their headers,
or whose body stalls, are closed with 408 within the timeout, however slowly they drip; one
address may hold only so many connections while others still get in; a WebSocket message
over 1 MiB closes the socket (1009) like an HTTP body over 1 MiB gets 413."""

from __future__ import annotations

import json
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from tests.conftest import TEST_SECRET
from tests.support.processes import ApiServer, api_server

HEADER_SECONDS = 1
PER_ADDRESS = 5


def serve(port: int) -> list[str]:
    return [sys.executable, "-m", "servicedesk.cli", "serve", "--port", str(port)]


def env_of(data: Path, **extra: str) -> dict[str, str]:
    return {
        "DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data / 'db.sqlite3'}",
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
        **extra,
    }


@contextmanager
def server(tmp_path: Path, **extra: str) -> Iterator[ApiServer]:
    with api_server(env_of(tmp_path, **extra), tmp_path / "server.log", serve) as running:
        yield running


def port_of(running: ApiServer) -> int:
    return int(running.url.rsplit(":", 1)[1])


def raw(port: int, source: str = "127.0.0.1") -> socket.socket:
    conn = socket.socket()
    conn.bind((source, 0))
    conn.connect(("127.0.0.1", port))
    return conn


def read_until_closed(conn: socket.socket, seconds: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes; raises TimeoutError if it holds on."""
    conn.settimeout(seconds)
    started = time.monotonic()
    received = b""
    while True:
        try:
            chunk = conn.recv(4096)
        except TimeoutError:
            raise TimeoutError(f"still open after {seconds} s, got {received!r}") from None
        except ConnectionResetError:
            return received, time.monotonic() - started
        if not chunk:
            return received, time.monotonic() - started
        received += chunk


def get(port: int, source: str = "127.0.0.1", path: str = "/healthz") -> bytes:
    with raw(port, source) as conn:
        request = f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
        conn.sendall(request.encode())
        answer, _ = read_until_closed(conn, 10)
        return answer


def test_incomplete_request_headers_time_out(tmp_path: Path) -> None:
    with server(tmp_path, REQUEST_HEADER_TIMEOUT_SECONDS=str(HEADER_SECONDS)) as running:
        port = port_of(running)
        silent = raw(port)
        half = raw(port)
        half.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")
        dripping = raw(port)
        kept_alive = raw(port)
        kept_alive.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        kept_alive.settimeout(5)
        assert kept_alive.recv(4096).startswith(b"HTTP/1.1 200")
        kept_alive.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")  # a second, never ended
        for byte in b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: 1":
            dripping.sendall(bytes([byte]))  # one byte at a time: data keeps arriving
            try:
                dripping.settimeout(0.1)
                if not dripping.recv(4096):
                    break
            except TimeoutError:
                continue
            except ConnectionResetError:
                break
        stalled_body = raw(port)
        stalled_body.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            b"Content-Length: 5000\r\n\r\n" + b'{"query": "'
        )
        for conn in (silent, half, dripping, kept_alive, stalled_body):
            answer, waited = read_until_closed(conn, HEADER_SECONDS + 4)
            assert answer == b"" or b"HTTP/1.1 408 " in answer, answer
            assert waited < HEADER_SECONDS + 2
            conn.close()
        # A complete request still works.
        assert get(port).startswith(b"HTTP/1.1 200")


def test_connections_per_address_are_bounded(tmp_path: Path) -> None:
    """127.0.0.1 is a trusted proxy by default (FORWARDED_ALLOW_IPS), so clients here come
    from 127.0.0.2 and 127.0.0.3."""
    with (
        server(tmp_path, MAX_CONNECTIONS_PER_ADDRESS=str(PER_ADDRESS)) as running,
        ExitStack() as held,
    ):
        port = port_of(running)
        for _ in range(PER_ADDRESS):
            held.enter_context(raw(port, "127.0.0.2"))  # open, idle: counted
        time.sleep(0.3)
        refused = get(port, "127.0.0.2")
        assert refused.startswith(b"HTTP/1.1 503"), refused
        assert b"retry-after: " in refused.lower()
        assert b"TOO_MANY_CONNECTIONS" in refused
        # Another address still gets in, and so does this one once it lets one go; a proxy
        # is not counted.
        assert get(port, "127.0.0.3").startswith(b"HTTP/1.1 200")
        for _ in range(PER_ADDRESS + 2):
            held.enter_context(raw(port, "127.0.0.1"))
        assert get(port, "127.0.0.1").startswith(b"HTTP/1.1 200")
        held.close()
        deadline = time.monotonic() + 5
        while not get(port, "127.0.0.2").startswith(b"HTTP/1.1 200"):
            assert time.monotonic() < deadline, "the address stayed refused after closing"
            time.sleep(0.1)


@pytest.mark.asyncio
async def test_websocket_messages_over_one_mib_close_the_socket(tmp_path: Path) -> None:
    with server(tmp_path) as running:
        url = running.url.replace("http://", "ws://") + "/graphql"

        async def send(size: int) -> int | None:
            """The close code after sending a `connection_init` of about `size` bytes."""
            payload = {"type": "connection_init", "payload": {"pad": "x" * size}}
            protocol = Subprotocol("graphql-transport-ws")
            async with connect(url, subprotocols=[protocol], max_size=None, compression=None) as ws:
                await ws.send(json.dumps(payload))
                try:
                    await ws.recv()
                    await ws.recv()
                except ConnectionClosed as closed:
                    return closed.rcvd.code if closed.rcvd else None
            return None  # pragma: no cover

        assert await send(3 * 1024 * 1024 // 2) == 1009  # message too big
        assert await send(1024 * 1024 - 1024) == 4401  # read, and refused for want of a token
