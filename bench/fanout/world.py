"""What every scenario runs against: the database, Redis, the API processes' environment,
and the company whose order the subscribers watch."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bench.fanout.common import GC_PROBE, ROOT, SECRET_KEY, free_port, say, stop_process
from bench.graphql import Api, contact, create_order, move, portal_member, register


@dataclass
class Environment:
    database_url: str
    redis_url: str | None
    data_dir: Path
    logs: Path
    gc_stats: bool = False
    gc_freeze: bool = False
    gc_threshold: str | None = None
    tracemalloc_frames: int = 0

    @property
    def probing(self) -> bool:
        return bool(self.gc_stats or self.gc_freeze or self.gc_threshold or self.tracemalloc_frames)

    def probe(self, name: str) -> Path:
        """Where bench/gcprobe/sitecustomize.py writes for the API process `name`."""
        return self.logs / f"probe-{name}"

    def server_env(self, name: str) -> dict[str, str]:
        """The API process's environment, with the probe when a GC or memory figure is asked."""
        values = self.env()
        if self.probing:
            path = os.pathsep.join(p for p in (str(GC_PROBE), os.environ.get("PYTHONPATH")) if p)
            values["PYTHONPATH"] = path
            values["BENCH_PROBE"] = str(self.probe(name))
            if self.gc_freeze:
                values["BENCH_GC_FREEZE"] = "1"
            if self.gc_threshold:
                values["BENCH_GC_THRESHOLD"] = self.gc_threshold
            if self.tracemalloc_frames:
                values["BENCH_TRACEMALLOC"] = str(self.tracemalloc_frames)
        return values

    def env(self) -> dict[str, str]:
        values = {
            "DATABASE_URL": self.database_url,
            "DATA_DIR": str(self.data_dir),
            "SECRET_KEY": SECRET_KEY,
            "ARGON2_MEMORY_KIB": "1024",
            "PUBLIC_URL": "http://127.0.0.1:8000",
            "ACCESS_TOKEN_MINUTES": "600",
            # Thousands of subscribers share three tokens and one address: lift the per-token
            # and per-address socket caps, which guard a server against exactly that.
            "MAX_SOCKETS_PER_TOKEN": "1000000",
            "MAX_SOCKETS_PER_ADDRESS": "1000000",
        }
        if self.redis_url:
            values["REDIS_URL"] = self.redis_url
        return values


@contextlib.asynccontextmanager
async def postgres_database(admin_url: str) -> AsyncIterator[str]:
    import asyncpg

    name = f"bench_fanout_{os.getpid()}_{os.urandom(4).hex()}"
    admin = await asyncpg.connect(admin_url, timeout=10)
    try:
        await admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    finally:
        await admin.close()
    base = admin_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin = await asyncpg.connect(admin_url, timeout=10)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()
        say(f"dropped database {name}")


@contextlib.contextmanager
def private_redis(workdir: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed; pass --redis URL or --redis none")
    port = free_port()
    process = subprocess.Popen(
        [
            *(binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""),
            *("--appendonly", "no", "--dir", str(workdir), "--maxclients", "10000"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the private redis-server did not start")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


def migrate(environment: Environment) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", "migrate"],
        cwd=ROOT,
        env={**os.environ, **environment.env()},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"migrations failed:\n{done.stdout}\n{done.stderr}")


@dataclass
class Company:
    owner_token: str
    tokens: list[str]  # owner, client portal member, contractor portal member
    order_id: str
    status: str
    last_cursor: int = 0


async def make_company(base_url: str) -> Company:
    deadline = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    async with httpx.AsyncClient(base_url=base_url, timeout=60, trust_env=False) as http:
        api = Api(http)
        owner = await register(api, "Fan-out Bench")
        client = await contact(api, owner, "CLIENT", "Bench Client")
        contractor = await contact(api, owner, "CONTRACTOR", "Bench Contractor")
        client_member = await portal_member(api, owner, client, "Client Portal")
        contractor_member = await portal_member(api, owner, contractor, "Contractor Portal")
        order_id = await create_order(
            api,
            owner,
            deadline,
            clientId=client.id,
            addressId=client.address_ids[0],
            contractorId=contractor.id,
        )
        await move(api, owner, order_id, "IN_PROGRESS")
    return Company(
        owner.access,
        [owner.access, client_member.access, contractor_member.access],
        order_id,
        "IN_PROGRESS",
    )
