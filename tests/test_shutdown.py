"""Graceful shutdown of a real `servicedesk serve` process (uvicorn): on SIGTERM a request still
arriving is answered, a connected WebSocket is closed with 1001 (going away), and the process
exits 0."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TEST_SECRET
from tests.support.api import Api, register
from tests.support.processes import api_server, serve_command
from tests.support.ws import socket

pytestmark = pytest.mark.asyncio

EVENTS = "subscription { orderEvents { kind } }"


def server_env(data: Path) -> dict[str, str]:
    return {
        "DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data / 'db.sqlite3'}",
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
    }


async def test_sigterm_finishes_requests_closes_sockets_with_1001_and_exits_0(
    tmp_path: Path,
) -> None:
    env = server_env(tmp_path)
    with api_server(env, tmp_path / "server.log", serve_command) as server:  # it migrates
        async with httpx.AsyncClient(base_url=server.url, timeout=20) as http:
            owner = await register(Api(http))
            body = json.dumps({"query": "query Slow { me { name } }"}).encode()
            rest = asyncio.Event()

            async def slowly() -> AsyncIterator[bytes]:
                yield body[:10]
                await rest.wait()
                yield body[10:]

            async with socket(http, owner.access) as sock:
                _ = await sock.subscribe(EVENTS)
                request = asyncio.create_task(
                    http.post(
                        "/graphql",
                        content=slowly(),
                        headers={
                            "Authorization": f"Bearer {owner.access}",
                            "Content-Type": "application/json",
                        },
                    )
                )
                await asyncio.sleep(0.5)  # the request's headers and first bytes are in
                server.process.send_signal(signal.SIGTERM)
                assert await sock.closed(seconds=5) == 1001
                await asyncio.sleep(0.5)  # the server is shutting down, waiting for the body
                assert server.process.poll() is None
                rest.set()
                response = await request
            assert response.status_code == 200
            assert response.json() == {"data": {"me": {"name": "Olga Owner"}}}
        assert await asyncio.to_thread(server.process.wait, 20) == 0
