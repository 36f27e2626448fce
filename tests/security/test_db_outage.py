"""While PostgreSQL restarts, every answer is GraphQL JSON (503 with
Retry-After and code SERVICE_UNAVAILABLE while the database is away), never a bare
`text/plain` 500 — the token check in the context included; a WebSocket whose
`connection_init` token cannot be checked closes with 1013 (try again later).

A PostgreSQL cluster of the test's own (initdb on a free port) is stopped and started under
load, so the shared cluster other tests use is never disturbed."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from tests.conftest import TEST_SECRET
from tests.support.api import Api, register
from tests.support.processes import api_server, free_port, migrate

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _pg(tool: str) -> str:
    found = PG_BIN / tool if (PG_BIN / tool).exists() else shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed: cannot run a PostgreSQL of the test's own")
    return str(found)


class PrivateCluster:
    """A throwaway PostgreSQL cluster, run as the `postgres` system user when we are root."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="sd-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(_pg("initdb"), "-D", str(self.data), "--auth=trust", "-U", "postgres")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(
            _pg("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(_pg("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/servicedesk"

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    cluster = PrivateCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


async def _create_database(cluster: PrivateCluster) -> None:
    admin = await asyncpg.connect(f"postgres://postgres@127.0.0.1:{cluster.port}/postgres")
    try:
        await admin.execute("CREATE DATABASE servicedesk")
    finally:
        await admin.close()


@pytest.mark.asyncio
async def test_answers_stay_graphql_json_while_postgresql_restarts(tmp_path: Path) -> None:
    with private_cluster() as cluster:
        await _create_database(cluster)
        env = {
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": cluster.url,
            "SECRET_KEY": TEST_SECRET,
            "ARGON2_MEMORY_KIB": "64",
            "ARGON2_LANES": "1",
            "PUBLIC_URL": "http://t.test",
            "DB_POOL_SIZE": "4",
            "REGISTRATIONS_PER_ADDRESS": "100",
        }
        migrate(env)
        with api_server(env, tmp_path / "api.log") as server:
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
                owner = await register(Api(http))
                answers: Counter[tuple[int, str, str]] = Counter()
                stop_at = time.monotonic() + 60

                async def load(done: asyncio.Event) -> None:
                    while not done.is_set() and time.monotonic() < stop_at:
                        response = await http.post(
                            "/graphql",
                            json={"query": "{ me { id name } }"},
                            headers={"Authorization": f"Bearer {owner.access}"},
                        )
                        kind = response.headers.get("content-type", "").split(";")[0]
                        code = "-"
                        if kind == "application/json" and response.json().get("errors"):
                            error = response.json()["errors"][0]
                            code = error.get("extensions", {}).get("code", "-")
                            if code == "SERVICE_UNAVAILABLE":
                                assert int(response.headers["retry-after"]) > 0
                                assert response.status_code == 503
                        answers[(response.status_code, kind, code)] += 1

                async def socket_close_code() -> int | None:
                    """A WebSocket's `connection_init` while the database is away."""
                    url = server.url.replace("http://", "ws://") + "/graphql"
                    protocol = Subprotocol("graphql-transport-ws")
                    async with connect(url, subprotocols=[protocol]) as ws:
                        init = {"Authorization": f"Bearer {owner.access}"}
                        await ws.send(json.dumps({"type": "connection_init", "payload": init}))
                        try:
                            await ws.recv()
                        except ConnectionClosed as closed:
                            return closed.rcvd.code if closed.rcvd else None
                    return None

                closes: list[int | None] = []

                async def restarts(done: asyncio.Event) -> None:
                    for _ in range(2):
                        await asyncio.sleep(0.5)
                        await asyncio.to_thread(cluster.stop, "fast")
                        await asyncio.sleep(0.3)
                        closes.append(await socket_close_code())
                        await asyncio.sleep(0.7)
                        await asyncio.to_thread(cluster.start)
                    await asyncio.sleep(1.0)
                    done.set()

                done = asyncio.Event()
                await asyncio.gather(restarts(done), *(load(done) for _ in range(8)))
                # Back to normal once the database is back.
                after = await http.post(
                    "/graphql",
                    json={"query": "{ me { id } }"},
                    headers={"Authorization": f"Bearer {owner.access}"},
                )
    print(dict(answers), closes)
    assert all(kind == "application/json" for (_, kind, _) in answers), dict(answers)
    assert not [a for a in answers if a[0] == 500], dict(answers)
    assert any(code == "SERVICE_UNAVAILABLE" and status == 503 for status, _, code in answers)
    assert closes == [1013, 1013]  # try again later, not a bare 1011 or 4403
    assert after.status_code == 200
    assert "errors" not in after.json()
