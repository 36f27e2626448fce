"""Fan-out benchmark of order events (issue 4, "Tests that must exist", last bullet).

    .venv/bin/python -m bench.fanout [--subscribers 100,1000,5000] [--processes 1|2]
        [--database postgres|sqlite|ADMIN_URL] [--redis private|none|URL] [--deflate off,on]

What it does, in order:

1. A fresh database: by default a PostgreSQL database created (and dropped at the end) on
   postgres://postgres@127.0.0.1:5432/postgres, or another server's administrative URL given
   with `--database`; `--database sqlite` uses a temporary SQLite file and the memory backend.
   Migrations run with `python -m servicedesk.cli migrate`.
2. Redis: by default a private `redis-server` on a free port (channel names are
   `servicedesk:company:<id>`, and every fresh database starts at company 1, so a Redis shared
   with test runs would mix their events into ours); `--redis URL` uses that server, `--redis
   none` the memory backend (one process only).
3. A company, a client and a contractor (each with a portal member) and an order assigned to
   the contractor, created through GraphQL over HTTP. Subscribers take the owner's, the client
   member's and the contractor member's token in turn: all three may see the order, so every
   subscriber must receive every event, through the per-subscriber visibility check.
4. For each N: fresh API processes (uvicorn, `--processes` of them, no balancer: subscribers
   are spread over them, the mutation goes to the first), N WebSocket subscribers
   (graphql-transport-ws, token in `connection_init`) opened from `--client-procs` client
   processes, the server's RSS before and after (per 1,000 idle subscribers), the server's
   CPU while they are idle, then `--repeats` status changes (IN_PROGRESS <-> DONE), each timed
   from just before the mutation is sent to the arrival of its event at every subscriber.
5. SQL statements per event, in-process: the app served by `uvicorn.Server` in this process's
   event loop, subscribers in the same loop, and a handler on the "tortoise.db_client" logger
   that attributes each statement to the asyncio task that sent it (the mutation's request,
   the hub's feed, the subscription operations, or periodic background work).

The API runs as `servicedesk serve` runs it: `uvicorn servicedesk.app:create_app --factory --ws
servicedesk.ws_protocol:LeanWSProtocol --ws-per-message-deflate false`, plus `--backlog 4096`
and no `--limit-concurrency` (so no limit); `--ws websockets|wsproto` and `--deflate on`
(uvicorn's own defaults) change that.

Diagnostics, all optional: `--py-spy` (profile of API process 1 during the events; py-spy in the
venv), `--gc-stats` (garbage-collection pauses in the API processes, recorded by
bench/gcprobe/sitecustomize.py), `--tracemalloc 25` (what the idle subscribers' memory is, by
package and line; slow), and two experiments on the collector, `--gc-freeze` and
`--gc-threshold A,B,C`, which change the API processes and are marked as such in the output.

Client and server processes share this machine's cores, so the figures include the clients'
own CPU. Everything started is stopped, and the database dropped, also on failure, Ctrl-C or
SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import math
import multiprocessing
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
SECRET_KEY = "bench-fanout-secret-key-0123456789abcdefghijklmnop"
PROTOCOL = "graphql-transport-ws"
LEAN_WS = "servicedesk.ws_protocol:LeanWSProtocol"
SUBSCRIPTION = "subscription { orderEvents { cursor kind order { id status } } }"
SET_STATUS = """mutation($id: ID!, $s: OrderStatus!) {
  setOrderStatus(id: $id, status: $s) { order { id status } errors { field code message } }
}"""
PONG = json.dumps({"type": "pong"})

# Targets of issue 4.
TARGET_DELIVERY = 1.0
TARGET_P99_MS = {100: 300.0, 1000: 300.0, 5000: 1000.0}
TARGET_MB_PER_1000 = 30.0

IDLE_CPU_SECONDS = 5.0
PRIME_SUBSCRIBERS = 30
# The app names its background tasks "background:<what>". Those of them that carry an event to
# the subscribers are its delivery; the others (socket watch, hub poll, outbox relay, deadline
# watch, ...) run on their own clock and are reported apart, as "periodic:<what>".
DELIVERY_TASKS = frozenset({"hub-feed", "redis-listener"})
PERIODIC = "periodic:"

log = logging.getLogger("bench.fanout")


# ---------------------------------------------------------------------------------------------
# Small utilities


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; nan for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    total = sum(fields[:8]) / os.sysconf("SC_CLK_TCK")
    idle = (fields[3] + fields[4]) / os.sysconf("SC_CLK_TCK")
    return total - idle, total


def raise_open_files(needed: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return soft
    target = needed if hard == resource.RLIM_INFINITY else max(needed, hard)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, max(target, hard)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


async def receive(conn: Connection, seconds: float | None) -> Any:
    """The next object on a multiprocessing pipe, without blocking the event loop."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[Any] = loop.create_future()
    fd = conn.fileno()

    def readable() -> None:
        loop.remove_reader(fd)
        if result.done():
            return
        try:
            result.set_result(conn.recv())
        except BaseException as error:  # EOF: the other side is gone
            result.set_exception(error)

    loop.add_reader(fd, readable)
    try:
        return await asyncio.wait_for(result, seconds)
    finally:
        loop.remove_reader(fd)


# ---------------------------------------------------------------------------------------------
# Subscribers: N graphql-transport-ws sockets in one event loop (a client process, or in-process)


async def open_subscriber(url: str, token: str) -> Any:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    ws = await connect(
        url,
        subprotocols=[Subprotocol(PROTOCOL)],
        ping_interval=None,
        open_timeout=60,
        close_timeout=5,
        proxy=None,
    )
    try:
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        ack = json.loads(await asyncio.wait_for(ws.recv(), 60))
        if ack.get("type") != "connection_ack":
            raise RuntimeError(f"no connection_ack: {ack}")
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        )
    except BaseException:
        await ws.close()
        raise
    return ws


@dataclass
class Round:
    """What one fan-out looked like from one group of subscribers."""

    hits: list[float | None]  # monotonic arrival time of the first event after `after`
    cursors: list[int]
    closed: int
    errors: list[str]


class Subscribers:
    """Subscriber sockets of one event loop, with arrival times per event round."""

    def __init__(self) -> None:
        self.done = asyncio.Event()
        self.reset()

    def reset(self) -> None:
        self.sockets: list[Any] = []
        self.readers: list[asyncio.Task[None]] = []
        self.hits: list[float | None] = []
        self.cursors: list[int] = []
        self.closed: dict[int, str] = {}
        self.errors: list[str] = []
        self.after = sys.maxsize
        self.count = 0
        self.done.clear()

    async def open(self, specs: Sequence[tuple[str, str]], concurrency: int) -> list[str]:
        """Open a socket per (url, token); the failures, as text."""
        gate = asyncio.Semaphore(concurrency)
        failures: list[str] = []

        async def one(url: str, token: str) -> None:
            async with gate:
                problem = ""
                for attempt in range(3):
                    try:
                        ws = await open_subscriber(url, token)
                    except Exception as error:
                        problem = f"{type(error).__name__}: {error}"
                        await asyncio.sleep(0.5 * (attempt + 1))
                        continue
                    index = len(self.sockets)
                    self.sockets.append(ws)
                    self.hits.append(None)
                    self.cursors.append(0)
                    self.readers.append(asyncio.create_task(self._read(index, ws)))
                    return
                failures.append(problem)

        await asyncio.gather(*(one(url, token) for url, token in specs))
        return failures

    async def _read(self, index: int, ws: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in ws:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "next":
                    data = (message.get("payload") or {}).get("data") or {}
                    event = data.get("orderEvents")
                    if event is None:
                        self.errors.append(f"next without data: {str(message)[:300]}")
                        continue
                    self._hit(index, int(event["cursor"]), now)
                elif kind == "ping":
                    await ws.send(PONG)
                elif kind in ("error", "complete"):
                    self.errors.append(f"{kind}: {str(message)[:300]}")
        except ConnectionClosed:
            pass
        finally:
            self.closed[index] = f"{ws.close_code} {ws.close_reason or ''}".strip()
            if self.count >= len(self.sockets) - len(self.closed):
                self.done.set()

    def _hit(self, index: int, cursor: int, now: float) -> None:
        if cursor > self.after and self.hits[index] is None:
            self.hits[index] = now
            self.cursors[index] = cursor
            self.count += 1
            if self.count >= len(self.sockets) - len(self.closed):
                self.done.set()

    def arm(self, after: int) -> None:
        """Start a round: record each socket's first event numbered above `after`."""
        self.hits = [None] * len(self.sockets)
        self.cursors = [0] * len(self.sockets)
        self.count = 0
        self.done.clear()
        self.after = after

    async def collect(self, seconds: float) -> Round:
        if self.sockets:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.done.wait(), seconds)
        self.after = sys.maxsize
        errors, self.errors = self.errors[:5], []
        return Round(list(self.hits), list(self.cursors), len(self.closed), errors)

    async def close(self) -> None:
        gate = asyncio.Semaphore(200)

        async def one(ws: Any) -> None:
            async with gate:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(ws.close(), 10)

        await asyncio.gather(*(one(ws) for ws in self.sockets))
        for reader in self.readers:
            reader.cancel()
        await asyncio.gather(*self.readers, return_exceptions=True)
        self.reset()


def client_process(conn: Connection, open_files: int) -> None:
    """A client process: obeys commands from the bench over a pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise_open_files(open_files)
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        asyncio.run(_obey(conn))


async def _obey(conn: Connection) -> None:
    subscribers = Subscribers()
    try:
        while True:
            command, *args = await receive(conn, None)
            if command == "open":
                urls, tokens, plan, concurrency = args
                specs = [(urls[u], tokens[t]) for u, t in plan]
                failures = await subscribers.open(specs, concurrency)
                conn.send(("opened", len(specs) - len(failures), failures[:5]))
            elif command == "arm":
                subscribers.arm(args[0])
                conn.send(("armed",))
            elif command == "collect":
                conn.send(("collected", await subscribers.collect(args[0])))
            elif command == "close":
                await subscribers.close()
                conn.send(("closed",))
            elif command == "stop":
                return
    finally:
        await subscribers.close()


class Fleet:
    """Client processes holding the subscribers; subscriber i goes to process i % count."""

    def __init__(self, count: int, open_files: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        for _ in range(count):
            mine, theirs = context.Pipe()
            process = context.Process(target=client_process, args=(theirs, open_files), daemon=True)
            process.start()
            theirs.close()
            self.pipes.append(mine)
            self.processes.append(process)

    async def _all(self, messages: Sequence[Any], seconds: float) -> list[Any]:
        for pipe, message in zip(self.pipes, messages, strict=True):
            pipe.send(message)
        return list(await asyncio.gather(*(receive(pipe, seconds) for pipe in self.pipes)))

    async def open(self, urls: list[str], tokens: list[str], n: int) -> tuple[int, list[str]]:
        plans: list[list[tuple[int, int]]] = [[] for _ in self.pipes]
        for i in range(n):
            plans[i % len(plans)].append((i % len(urls), i % len(tokens)))
        replies = await self._all([("open", urls, tokens, plan, 100) for plan in plans], 600)
        opened = sum(reply[1] for reply in replies)
        return opened, [failure for reply in replies for failure in reply[2]]

    async def arm(self, after: int) -> None:
        await self._all([("arm", after)] * len(self.pipes), 30)

    async def collect(self, seconds: float) -> Round:
        replies = await self._all([("collect", seconds)] * len(self.pipes), seconds + 60)
        rounds: list[Round] = [reply[1] for reply in replies]
        return Round(
            [hit for r in rounds for hit in r.hits],
            [cursor for r in rounds for cursor in r.cursors],
            sum(r.closed for r in rounds),
            [error for r in rounds for error in r.errors],
        )

    async def close(self) -> None:
        await self._all([("close",)] * len(self.pipes), 120)

    def stop(self) -> None:
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(("stop",))
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.terminate()
                process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()


# ---------------------------------------------------------------------------------------------
# Services: the database, Redis, the API processes


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


def stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"


def spawn(command: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("ab") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


async def start_server(environment: Environment, ws: str, deflate: bool, name: str) -> Server:
    port = free_port()
    log_path = environment.logs / f"{name}.log"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "servicedesk.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--ws",
        ws,
        "--ws-per-message-deflate",
        "true" if deflate else "false",
        "--backlog",
        "4096",
    ]
    process = spawn(command, environment.server_env(name), log_path)
    server = Server(process, port, log_path)
    deadline = time.monotonic() + (600 if environment.tracemalloc_frames else 60)
    async with httpx.AsyncClient(timeout=2, trust_env=False) as http:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"API process exited ({process.returncode}):\n{tail(log_path)}")
            try:
                if (await http.get(f"{server.http}/healthz")).status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                stop_process(process)
                raise RuntimeError(f"API process did not come up:\n{tail(log_path)}")
            await asyncio.sleep(0.1)


@contextlib.asynccontextmanager
async def servers(
    environment: Environment, count: int, ws: str, deflate: bool, name: str
) -> AsyncIterator[list[Server]]:
    started: list[Server] = []
    try:
        for i in range(count):
            started.append(await start_server(environment, ws, deflate, f"{name}-{i}"))
        yield started
    except BaseException:
        for server in started:
            say(f"the end of {server.log.name}:\n{tail(server.log)}")
        raise
    finally:
        for server in started:
            await asyncio.to_thread(stop_process, server.process)


# ---------------------------------------------------------------------------------------------
# The company, and one timed status change


@dataclass
class Company:
    owner_token: str
    tokens: list[str]  # owner, client portal member, contractor portal member
    order_id: str
    status: str
    last_cursor: int = 0


async def make_company(base_url: str) -> Company:
    from tests.support.api import Api, register
    from tests.support.world import contact, create_order, move, portal_member

    async with httpx.AsyncClient(base_url=base_url, timeout=60, trust_env=False) as http:
        api = Api(http)
        owner = await register(api, company="Fan-out Bench")
        client = await contact(api, owner, "CLIENT", "Bench Client")
        contractor = await contact(api, owner, "CONTRACTOR", "Bench Contractor")
        client_member = await portal_member(api, owner, client, "Client Portal")
        contractor_member = await portal_member(api, owner, contractor, "Contractor Portal")
        order = await create_order(
            api,
            owner,
            clientId=client.id,
            addressId=client.address_ids[0],
            contractorId=contractor.id,
        )
        await move(api, owner, order["id"], "IN_PROGRESS")
    return Company(
        owner.access,
        [owner.access, client_member.access, contractor_member.access],
        order["id"],
        "IN_PROGRESS",
    )


async def change_status(http: httpx.AsyncClient, company: Company) -> None:
    target = "DONE" if company.status == "IN_PROGRESS" else "IN_PROGRESS"
    response = await http.post(
        "/graphql",
        json={"query": SET_STATUS, "variables": {"id": company.order_id, "s": target}},
        headers={"Authorization": f"Bearer {company.owner_token}"},
    )
    body = response.json()
    if body.get("errors") or body["data"]["setOrderStatus"]["errors"]:
        raise RuntimeError(f"setOrderStatus failed: {body}")
    company.status = target


@dataclass
class FanOut:
    started: float
    finished: float  # the last arrival, or when waiting for it ended
    latencies_ms: list[float]
    expected: int
    mutation_ms: float
    cursors: set[int]
    closed: int
    errors: list[str]


async def fan_out(
    fleet: Fleet | Subscribers,
    http: httpx.AsyncClient,
    company: Company,
    expected: int,
    seconds: float = 60,
) -> FanOut:
    """One status change; every subscriber's time from just before it was sent to its event."""
    after = company.last_cursor
    if isinstance(fleet, Fleet):
        await fleet.arm(after)
    else:
        fleet.arm(after)
    start = time.monotonic()
    await change_status(http, company)
    answered = time.monotonic()
    result = await fleet.collect(seconds)
    collected = time.monotonic()
    got = [hit for hit in result.hits if hit is not None]
    cursors = {c for c, hit in zip(result.cursors, result.hits, strict=True) if hit is not None}
    if cursors:
        company.last_cursor = max(cursors)
    return FanOut(
        start,
        max(got) if len(got) == expected else collected,
        [(hit - start) * 1000 for hit in got],
        expected,
        (answered - start) * 1000,
        cursors,
        result.closed,
        result.errors,
    )


# ---------------------------------------------------------------------------------------------
# Profiling the server with py-spy (optional)


def py_spy() -> str | None:
    found = shutil.which("py-spy")
    beside = Path(sys.executable).with_name("py-spy")
    return found or (str(beside) if beside.exists() else None)


@contextlib.contextmanager
def profiled(pid: int, path: Path, enabled: bool) -> Iterator[None]:
    binary = py_spy() if enabled else None
    if binary is None:
        yield
        return
    record = subprocess.Popen(
        [
            *(binary, "record", "--pid", str(pid), "--rate", "250", "--format", "raw"),
            *("--output", str(path), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(0.5)
    try:
        yield
    finally:
        record.send_signal(signal.SIGINT)
        try:
            record.wait(30)
        except subprocess.TimeoutExpired:
            record.kill()
            record.wait()


def profile_summary(path: Path, top: int = 18) -> list[str]:
    """Top functions of a py-spy raw (collapsed stacks) file: self and inclusive shares."""
    if not path.exists():
        return ["(no profile: py-spy did not write one)"]
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    if not total:
        return ["(empty profile)"]
    lines = [f"{total} samples (CPU-busy only)", "  self%  function"]
    lines += [f"  {100 * n / total:5.1f}  {f}" for f, n in own.most_common(top)]
    lines.append("  incl%  function (less the start-up chain every sample has)")
    root = max(inclusive.values())
    lines += [
        f"  {100 * n / total:5.1f}  {f}" for f, n in inclusive.most_common(top * 3) if n < root
    ][:top]
    return lines


# ---------------------------------------------------------------------------------------------
# Garbage-collection pauses (optional, `--gc-stats`; bench/gcprobe/sitecustomize.py records them
# in the API processes, GcRecorder in this one)

GC_PROBE = Path(__file__).resolve().parent / "gcprobe"


@dataclass(frozen=True)
class GcPause:
    start: float  # monotonic
    seconds: float
    generation: int
    collected: int


class GcRecorder:
    def __init__(self) -> None:
        self.pauses: list[GcPause] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.monotonic()
            return
        pause = time.monotonic() - self._started
        self.pauses.append(GcPause(self._started, pause, info["generation"], info["collected"]))

    def __enter__(self) -> GcRecorder:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def read_gc(prefix: Path, pids: list[int]) -> list[GcPause]:
    pauses: list[GcPause] = []
    for pid in pids:
        path = Path(f"{prefix}.{pid}.gc")
        if path.exists():
            for line in path.read_text().splitlines():
                start, seconds, generation, collected = line.split()
                pauses.append(
                    GcPause(float(start), float(seconds), int(generation), int(collected))
                )
    return pauses


def gc_summary(pauses: list[GcPause], windows: list[tuple[float, float]]) -> str:
    """Collections that started inside the windows, by generation: count, total and max pause."""
    inside = [p for p in pauses if any(a <= p.start <= b for a, b in windows)]
    parts = []
    for generation in (0, 1, 2):
        mine = [p.seconds * 1000 for p in inside if p.generation == generation]
        if mine:
            parts.append(
                f"gen{generation}: {len(mine)} x, total {sum(mine):.0f} ms, max {max(mine):.0f} ms"
            )
    span = sum(b - a for a, b in windows) * 1000
    return f"{'; '.join(parts) or 'none'} (in {len(windows)} windows, {span:.0f} ms)"


async def snapshot(environment: Environment, name: str, pid: int) -> Path | None:
    """Ask the API process for a tracemalloc snapshot (SIGUSR1); the file once written."""
    before = set(environment.logs.glob(f"probe-{name}.{pid}.*.snapshot"))
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fresh = set(environment.logs.glob(f"probe-{name}.{pid}.*.snapshot")) - before
        if fresh:
            path = fresh.pop()
            size = -1
            while size != path.stat().st_size:  # written in one go; wait until it stops growing
                size = path.stat().st_size
                await asyncio.sleep(0.5)
            return path
        await asyncio.sleep(0.2)
    return None


def where(traceback: Any) -> tuple[str, str]:
    """The allocation's most recent frame outside the standard library: (package, file:line)."""
    stdlib = os.path.dirname(os.__file__)
    for frame in reversed(traceback):
        filename = frame.filename
        if filename.startswith(stdlib) and "site-packages" not in filename:
            continue
        if "site-packages/" in filename:
            short = filename.split("site-packages/", 1)[1]
        elif filename.startswith(str(ROOT)):
            short = os.path.relpath(filename, ROOT)
        else:
            short = filename
        return short.split("/", 1)[0].removesuffix(".py"), f"{short}:{frame.lineno}"
    frame = traceback[-1]
    short = os.path.relpath(frame.filename, stdlib)
    return f"stdlib:{short.split('/', 1)[0].removesuffix('.py')}", f"{short}:{frame.lineno}"


def memory_attribution(first: Path, second: Path, subscribers: int, top: int = 15) -> list[str]:
    """What the idle subscribers' memory is, by package and by allocating line (per socket)."""
    import tracemalloc

    diff = tracemalloc.Snapshot.load(str(second)).compare_to(
        tracemalloc.Snapshot.load(str(first)), "traceback"
    )
    packages: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for stat in diff:
        package, line = where(stat.traceback)
        packages[package] += stat.size_diff
        lines[line] += stat.size_diff
    total = sum(packages.values())
    out = [
        f"traced Python memory grew {total / 2**20:.1f} MB for {subscribers} subscribers "
        f"({total / subscribers / 1024:.1f} KB each); by package (KB per subscriber):"
    ]
    out += [
        f"  {size / subscribers / 1024:7.2f}  {name}" for name, size in packages.most_common(top)
    ]
    out.append("by allocating line, outside the standard library (KB per subscriber):")
    out += [f"  {size / subscribers / 1024:7.2f}  {name}" for name, size in lines.most_common(top)]
    return out


# ---------------------------------------------------------------------------------------------
# One out-of-process scenario


@dataclass
class Row:
    subscribers: int
    processes: int
    deflate: bool
    ws: str
    client_processes: int
    opened: int
    latencies_ms: list[float]
    per_event_p99_ms: list[float]
    mutation_ms: list[float]
    delivered: int
    expected: int
    rss_before_mb: float
    rss_idle_mb: float
    rss_after_mb: float
    idle_cpu_pct: float
    open_seconds: float
    failures: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)
    gc_events: str = ""
    gc_idle: str = ""
    memory: list[str] = field(default_factory=list)
    cpu: str = ""
    statements_per_event: int | None = None
    statements_measured_at: int | None = None
    mutation_statements: int | None = None

    @property
    def mb_per_1000(self) -> float:
        return (self.rss_idle_mb - self.rss_before_mb) / self.subscribers * 1000

    def target_p99(self) -> float:
        return TARGET_P99_MS.get(self.subscribers, 300.0 if self.subscribers <= 1000 else 1000.0)

    def verdicts(self) -> str:
        marks = [
            "delivery ok" if self.delivered == self.expected else "DELIVERY FAIL",
            "p99 ok" if percentile(self.latencies_ms, 99) <= self.target_p99() else "P99 FAIL",
            "mem ok" if self.mb_per_1000 <= TARGET_MB_PER_1000 else "MEM FAIL",
        ]
        return ", ".join(marks)

    def json(self) -> str:
        def ms(value: float) -> float | None:
            return None if math.isnan(value) else round(value, 1)

        return json.dumps(
            {
                "scenario": "fanout",
                "subscribers": self.subscribers,
                "processes": self.processes,
                "p50_ms": ms(percentile(self.latencies_ms, 50)),
                "p99_ms": ms(percentile(self.latencies_ms, 99)),
                "max_ms": ms(max(self.latencies_ms, default=math.nan)),
                "delivered": self.delivered,
                "expected": self.expected,
                "rss_mb_per_1000_idle": round(self.mb_per_1000, 1),
                "statements_per_event": self.statements_per_event,
                "statements_measured_at": self.statements_measured_at,
                "mutation_statements": self.mutation_statements,
                "deflate": self.deflate,
                "ws": self.ws,
                "client_processes": self.client_processes,
                "events": len(self.per_event_p99_ms),
                "per_event_p99_ms": [round(v, 1) for v in self.per_event_p99_ms],
                "mutation_p50_ms": ms(percentile(self.mutation_ms, 50)),
                "idle_cpu_pct": round(self.idle_cpu_pct, 1),
                "open_seconds": round(self.open_seconds, 1),
                "target_p99_ms": self.target_p99(),
                "target_mb_per_1000": TARGET_MB_PER_1000,
            }
        )


async def until_all_hear(
    fleet: Fleet | Subscribers, http: httpx.AsyncClient, company: Company, n: int
) -> int:
    """Status changes until every open subscriber hears one (so all are subscribed)."""
    heard = 0
    for _ in range(4):
        result = await fan_out(fleet, http, company, n, seconds=20)
        heard = len(result.latencies_ms)
        if heard >= n - result.closed:
            return heard
        await asyncio.sleep(1)
    return heard


async def scenario(
    args: argparse.Namespace,
    environment: Environment,
    fleet: Fleet,
    company: Company,
    n: int,
    deflate: bool,
) -> Row:
    name = f"api-n{n}-p{args.processes}-{'deflate' if deflate else 'plain'}"
    load_before = os.getloadavg()[0]
    say(f"{name}: starting {args.processes} API process(es)")
    async with (
        servers(environment, args.processes, args.ws, deflate, name) as started,
        httpx.AsyncClient(base_url=started[0].http, timeout=60, trust_env=False) as http,
    ):
        urls = [server.ws for server in started]
        pids = [server.pid for server in started]
        # Warm the code paths (first socket, first event, the hub's feed) before the baseline.
        await fleet.open(urls, company.tokens, PRIME_SUBSCRIBERS)
        await until_all_hear(fleet, http, company, PRIME_SUBSCRIBERS)
        await fleet.close()
        await asyncio.sleep(1.5)
        tracing = environment.tracemalloc_frames > 0
        first = await snapshot(environment, f"{name}-0", pids[0]) if tracing else None
        rss_before = sum(rss_mb(pid) for pid in pids)

        say(f"{name}: opening {n} subscribers")
        began = time.monotonic()
        opened, failures = await fleet.open(urls, company.tokens, n)
        open_seconds = time.monotonic() - began
        say(f"{name}: {opened}/{n} open in {open_seconds:.1f} s; settling")
        await asyncio.sleep(3)
        rss_idle = sum(rss_mb(pid) for pid in pids)
        second = await snapshot(environment, f"{name}-0", pids[0]) if tracing else None
        memory = (
            memory_attribution(first, second, n // len(pids))
            if first is not None and second is not None
            else []
        )
        cpu_start = sum(cpu_seconds(pid) for pid in pids)
        machine_start = machine_busy()[0]
        idle_window = (time.monotonic(), time.monotonic() + IDLE_CPU_SECONDS)
        await asyncio.sleep(IDLE_CPU_SECONDS)
        idle_cpu = (sum(cpu_seconds(pid) for pid in pids) - cpu_start) / IDLE_CPU_SECONDS * 100
        machine_idle = (machine_busy()[0] - machine_start) / IDLE_CPU_SECONDS * 100

        heard = await until_all_hear(fleet, http, company, opened)
        say(f"{name}: warm-up event heard by {heard}/{opened}")
        if environment.gc_freeze:
            for pid in pids:
                os.kill(pid, signal.SIGUSR2)
            await asyncio.sleep(2)

        latencies: list[float] = []
        per_event: list[float] = []
        mutation_ms: list[float] = []
        delivered = expected = 0
        errors: list[str] = []
        windows: list[tuple[float, float]] = []
        cpu_per_event: list[float] = []
        profile_path = environment.logs / f"{name}.pyspy.txt"
        machine_start = machine_busy()[0]
        server_start = sum(cpu_seconds(pid) for pid in pids)
        events_began = time.monotonic()
        with profiled(pids[0], profile_path, args.py_spy):
            for k in range(args.repeats):
                cpu_before = sum(cpu_seconds(pid) for pid in pids)
                result = await fan_out(fleet, http, company, n)
                cpu_per_event.append(sum(cpu_seconds(pid) for pid in pids) - cpu_before)
                windows.append((result.started, result.finished))
                latencies += result.latencies_ms
                per_event.append(percentile(result.latencies_ms, 99))
                mutation_ms.append(result.mutation_ms)
                delivered += len(result.latencies_ms)
                expected += n
                errors += result.errors
                if len(result.cursors) > 1:
                    errors.append(f"event {k}: subscribers saw different cursors {result.cursors}")
                say(
                    f"{name}: event {k + 1}: {len(result.latencies_ms)}/{n}, "
                    f"p50 {percentile(result.latencies_ms, 50):.0f} ms, "
                    f"p99 {percentile(result.latencies_ms, 99):.0f} ms, "
                    f"max {max(result.latencies_ms, default=math.nan):.0f} ms "
                    f"(mutation answered after {result.mutation_ms:.0f} ms)"
                )
                await asyncio.sleep(0.5)
        events_span = time.monotonic() - events_began
        machine_events = (machine_busy()[0] - machine_start) / events_span * 100
        server_events = (sum(cpu_seconds(pid) for pid in pids) - server_start) / events_span * 100
        rss_after = sum(rss_mb(pid) for pid in pids)
        await fleet.close()
        crashed = [s for s in started if s.process.poll() is not None]
        if crashed:
            errors.append(f"an API process died:\n{tail(crashed[0].log)}")
    pauses: list[GcPause] = []
    for i, pid in enumerate(pids):
        pauses += read_gc(environment.probe(f"{name}-{i}"), [pid])
    return Row(
        subscribers=n,
        processes=args.processes,
        deflate=deflate,
        ws=args.ws,
        client_processes=args.client_procs,
        opened=opened,
        latencies_ms=latencies,
        per_event_p99_ms=per_event,
        mutation_ms=mutation_ms,
        delivered=delivered,
        expected=expected,
        rss_before_mb=rss_before,
        rss_idle_mb=rss_idle,
        rss_after_mb=rss_after,
        idle_cpu_pct=idle_cpu,
        open_seconds=open_seconds,
        failures=failures + errors,
        profile=profile_summary(profile_path) if args.py_spy else [],
        gc_events=gc_summary(pauses, windows) if environment.gc_stats else "",
        gc_idle=gc_summary(pauses, [idle_window]) if environment.gc_stats else "",
        memory=memory,
        cpu=(
            f"CPU, % of one core: while idle API {idle_cpu:.0f}, whole machine {machine_idle:.0f}; "
            f"during the events (incl. 0.5 s pauses) API {server_events:.0f}, whole machine "
            f"{machine_events:.0f} (of {100 * (os.cpu_count() or 1)}); load average before "
            f"{load_before:.2f}; API CPU per event (mutation + fan-out, GC included) median "
            f"{percentile(cpu_per_event, 50) * 1000:.0f} ms = "
            f"{percentile(cpu_per_event, 50) * 1e6 / n:.0f} us per subscriber"
        ),
    )


# ---------------------------------------------------------------------------------------------
# SQL statements per event, in-process


def task_label() -> str:
    """Who sent a statement: the asyncio task's name, or what its coroutine runs."""
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return "no-loop"
    if task is None:
        return "no-task"
    name = task.get_name()
    if name.startswith("background:"):
        name = name.removeprefix("background:")
        return name if name in DELIVERY_TASKS else PERIODIC + name
    if not name.startswith("Task-"):
        return name
    qualname: str = getattr(task.get_coro(), "__qualname__", "") or name
    if qualname.endswith("run_operation"):
        return "subscription"
    if qualname.startswith("RequestResponseCycle"):
        return "http-request"
    return qualname


class StatementLog(logging.Handler):
    """Every SQL statement Tortoise sends, with the time and the task that sent it."""

    VERBS = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"})

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.entries: list[tuple[float, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        query = args[0] if isinstance(args, tuple) and args else record.msg
        if not isinstance(query, str):
            return
        head = query.lstrip().split(None, 1)
        if not head or head[0].upper() not in self.VERBS:
            return
        label = task_label()
        if label == f"{PERIODIC}hub-poll" and "MAX(" not in query.upper():
            label = "hub-poll (catch-up delivery)"
        self.entries.append((time.monotonic(), label, " ".join(query.split())))

    def between(self, start: float, end: float) -> list[tuple[float, str, str]]:
        return [entry for entry in self.entries if start <= entry[0] <= end]


@dataclass
class EventStatements:
    mutation: list[str]  # the request's statements before its commit (its transaction)
    after_commit: list[str]  # the request's statements after the commit (publishing)
    delivery: Counter[str]  # by task, everything else that was not periodic background work
    background: Counter[str]

    @property
    def per_event(self) -> int:
        return len(self.after_commit) + sum(self.delivery.values())


def split_statements(entries: list[tuple[float, str, str]]) -> EventStatements:
    """The commit is not logged; publishing follows it at once (realtime/outbox.py `publish`),
    and publishing starts by marking the event row sent: the statements from that one on are
    after the commit. Without it, the cut is after the event row's INSERT."""
    request = [query for _, label, query in entries if label == "http-request"]
    upper = [q.upper() for q in request]
    cut = next(
        (i for i, q in enumerate(upper) if q.startswith('UPDATE "ORDER_EVENT" SET "PUBLISHED_AT"')),
        None,
    )
    if cut is None:
        cut = max(
            (i + 1 for i, q in enumerate(upper) if q.startswith('INSERT INTO "ORDER_EVENT"')),
            default=len(request),
        )
    delivery: Counter[str] = Counter()
    background: Counter[str] = Counter()
    for _, label, _ in entries:
        if label == "http-request":
            continue
        if label.startswith(PERIODIC):
            background[label.removeprefix(PERIODIC)] += 1
        else:
            delivery[label] += 1
    return EventStatements(request[:cut], request[cut:], delivery, background)


@dataclass
class InProcess:
    subscribers: int
    events: list[EventStatements]
    background_per_second: dict[str, float]
    delivered: int
    expected: int
    timeline: list[str] = field(default_factory=list)
    gc_events: str = ""


def timeline(
    begin: float,
    entries: list[tuple[float, str, str]],
    result: FanOut,
    answered_ms: float,
    pauses: list[GcPause],
) -> list[str]:
    """One event, in milliseconds from just before the mutation was sent."""
    lines = [
        f"{(t - begin) * 1000:8.1f} ms  {label:<22} {query[:70]}"
        for t, label, query in entries
        if not label.startswith(PERIODIC)
    ]
    periodic = Counter(
        label.removeprefix(PERIODIC)
        for t, label, _ in entries
        if label.startswith(PERIODIC) and t <= result.finished
    )
    lines.append(
        f"{(result.finished - begin) * 1000:8.1f} ms  (periodic statements until here, left out: "
        f"{dict(periodic)})"
    )
    lines += [
        f"{(p.start - begin) * 1000:8.1f} ms  garbage collection, generation {p.generation}: "
        f"{p.seconds * 1000:.1f} ms"
        for p in pauses
        if begin <= p.start <= result.finished and (p.generation > 0 or p.seconds > 0.005)
    ]
    lines.append(f"{answered_ms:8.1f} ms  the mutation's response arrived")
    if result.latencies_ms:
        lines.append(f"{min(result.latencies_ms):8.1f} ms  the first subscriber had the event")
        lines.append(f"{max(result.latencies_ms):8.1f} ms  the last subscriber had the event")
    return sorted(lines, key=lambda line: float(line.split()[0]))


async def statements_in_process(
    environment: Environment, company: Company, sizes: list[int], events: int
) -> list[InProcess]:
    import uvicorn

    from servicedesk.app import create_app
    from servicedesk.settings import load

    app = create_app(load(environment.env()))
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=free_port(),
        log_level="warning",
        access_log=False,
        ws=LEAN_WS,
        ws_per_message_deflate=False,
        lifespan="on",
        backlog=4096,
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(), name="bench-uvicorn")
    while not server.started:
        if serving.done():
            serving.result()
            raise RuntimeError("the in-process server stopped at start-up")
        await asyncio.sleep(0.05)
    url = f"ws://127.0.0.1:{config.port}/graphql"
    statements = StatementLog()
    db_logger = logging.getLogger("tortoise.db_client")
    level = db_logger.level
    db_logger.setLevel(logging.DEBUG)
    db_logger.addHandler(statements)
    subscribers = Subscribers()
    results: list[InProcess] = []
    recorder = GcRecorder().__enter__()
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{config.port}", timeout=60, trust_env=False
        ) as http:
            for n in sizes:
                say(f"in-process: opening {n} subscribers")
                specs = [(url, company.tokens[i % len(company.tokens)]) for i in range(n)]
                failures = await subscribers.open(specs, 100)
                if failures:
                    say(f"in-process: {len(failures)} failed to open: {failures[:3]}")
                await until_all_hear(subscribers, http, company, n - len(failures))
                await asyncio.sleep(1)
                start = time.monotonic()
                await asyncio.sleep(IDLE_CPU_SECONDS)
                idle = Counter(
                    label.removeprefix(PERIODIC)
                    for _, label, _ in statements.between(start, time.monotonic())
                )
                figures: list[EventStatements] = []
                delivered = 0
                first_timeline: list[str] = []
                windows: list[tuple[float, float]] = []
                for _ in range(events):
                    await asyncio.sleep(0.3)
                    begin = time.monotonic()
                    result = await fan_out(subscribers, http, company, n)
                    await asyncio.sleep(0.3)  # a late statement of this event would show here
                    window = statements.between(begin, time.monotonic())
                    figures.append(split_statements(window))
                    delivered += len(result.latencies_ms)
                    windows.append((result.started, result.finished))
                    if not first_timeline:
                        first_timeline = timeline(
                            begin, window, result, result.mutation_ms, recorder.pauses
                        )
                results.append(
                    InProcess(
                        n,
                        figures,
                        {label: count / IDLE_CPU_SECONDS for label, count in idle.items()},
                        delivered,
                        n * events,
                        first_timeline,
                        gc_summary(recorder.pauses, windows),
                    )
                )
                say(
                    f"in-process {n}: statements per event "
                    f"{[f.per_event for f in figures]}, mutation {len(figures[0].mutation)}"
                )
                await subscribers.close()
    finally:
        recorder.__exit__()
        await subscribers.close()
        db_logger.removeHandler(statements)
        db_logger.setLevel(level)
        server.should_exit = True
        try:
            await asyncio.wait_for(serving, 30)
        except (TimeoutError, asyncio.CancelledError):
            serving.cancel()
    return results


# ---------------------------------------------------------------------------------------------
# Report


def fmt(value: float, digits: int = 0) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def print_report(
    args: argparse.Namespace, rows: list[Row], in_process: list[InProcess], setup: str
) -> None:
    print()
    print(f"Fan-out benchmark: {setup}")
    print(
        f"machine: {os.cpu_count()} cores, shared by the API process(es), {args.client_procs} "
        "client process(es) and the database: latencies include the clients' own CPU."
    )
    print(
        "targets (issue 4): 100% delivery; p99 <= 300 ms at 1,000 subscribers; p99 < 1 s at "
        f"5,000 across processes; <= {TARGET_MB_PER_1000:.0f} MB per 1,000 idle subscribers."
    )
    print(
        "prototype (plain broadcaster): 1,000 p99 320-340 ms, 50 MB/1,000 idle (90 with deflate); "
        "5,000 p99 1.3-1.7 s on one process, 3 s across processes."
    )
    print()
    header = (
        f"{'subs':>6} {'proc':>4} {'deflate':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
        f"{'delivered':>13} {'MB/1000 idle':>12} {'idle CPU%':>9} {'stmts/event':>11} "
        f"{'p99 target':>10}  verdict"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        statements = "-" if row.statements_per_event is None else str(row.statements_per_event)
        if row.statements_measured_at not in (None, row.subscribers):
            statements += f" (@{row.statements_measured_at})"
        print(
            f"{row.subscribers:>6} {row.processes:>4} {('on' if row.deflate else 'off'):>7} "
            f"{fmt(percentile(row.latencies_ms, 50)):>7} {fmt(percentile(row.latencies_ms, 99)):>7} "
            f"{fmt(max(row.latencies_ms, default=math.nan)):>7} "
            f"{f'{row.delivered}/{row.expected}':>13} {row.mb_per_1000:>12.1f} "
            f"{row.idle_cpu_pct:>9.1f} {statements:>11} {f'<= {row.target_p99():.0f}':>10}  "
            f"{row.verdicts()}"
        )
    for row in rows:
        print(
            f"  {row.subscribers} subs, {row.processes} proc, deflate {row.deflate}: "
            f"RSS {row.rss_before_mb:.1f} -> {row.rss_idle_mb:.1f} MB idle -> "
            f"{row.rss_after_mb:.1f} MB after events; opened {row.opened}/{row.subscribers} in "
            f"{row.open_seconds:.1f} s; p99 per event {[round(v) for v in row.per_event_p99_ms]} "
            f"ms; mutation answered p50 {fmt(percentile(row.mutation_ms, 50))} ms"
        )
        print(f"    {row.cpu}")
        if row.gc_events:
            print(f"    GC pauses in API process(es) during the events: {row.gc_events}")
            print(f"    GC pauses while idle: {row.gc_idle}")
        for failure in row.failures[:5]:
            print(f"    ! {failure}")
    if in_process:
        print()
        print("SQL statements per event (in-process, subscribers in the same event loop):")
        for result in in_process:
            first = result.events[0]
            per_event = [f.per_event for f in result.events]
            print(
                f"  {result.subscribers:>5} subscribers: after commit {per_event} per event; "
                f"the mutation's request before its commit {[len(f.mutation) for f in result.events]}; "
                f"delivered {result.delivered}/{result.expected}"
            )
            print("        after commit, in the mutation's request (publishing):")
            for query in first.after_commit:
                print(f"          {query[:110]}")
            print(f"        after commit, by task: {dict(first.delivery)}")
            print(f"        periodic work in the event's window: {dict(first.background)}")
            print(f"        GC pauses (this process) during the events: {result.gc_events}")
            rates = ", ".join(
                f"{k} {v:.1f}/s" for k, v in sorted(result.background_per_second.items())
            )
            print(f"        periodic statements while idle: {rates or 'none'}")
        print(f"  one event's timeline ({in_process[-1].subscribers} subscribers, in-process):")
        print("  (the commit is not logged: it comes just before the published_at UPDATE)")
        for line in in_process[-1].timeline:
            print(f"        {line}")
    for row in rows:
        if row.memory:
            print()
            print(
                f"tracemalloc, API process 1, idle subscribers ({row.subscribers} subs, "
                f"{row.processes} proc; RSS figures of this run are inflated by tracing):"
            )
            for line in row.memory:
                print(f"  {line}")
    for row in rows:
        if row.profile:
            print()
            print(
                f"py-spy profile of API process 1 during the events "
                f"({row.subscribers} subs, {row.processes} proc):"
            )
            for line in row.profile:
                print(f"  {line}")
    print()
    for row in rows:
        print(row.json())


# ---------------------------------------------------------------------------------------------
# Main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fanout", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--subscribers", default="100,1000,5000", help="comma-separated N")
    parser.add_argument("--processes", type=int, choices=(1, 2), default=1)
    parser.add_argument(
        "--database",
        default="postgres",
        help=f"'postgres' (a fresh database on {DEFAULT_ADMIN_URL}), 'sqlite', "
        "or a PostgreSQL admin URL",
    )
    parser.add_argument(
        "--redis", default="private", help="'private' (own redis-server), 'none', or a URL"
    )
    parser.add_argument("--repeats", type=int, default=5, help="status changes per N")
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument(
        "--ws", default=LEAN_WS, help="uvicorn --ws implementation (default: as served)"
    )
    parser.add_argument(
        "--deflate", default="off", help="per-message deflate: off, on, or off,on (both)"
    )
    parser.add_argument(
        "--statements",
        default="100,1000",
        help="N for the in-process statement count ('' to skip)",
    )
    parser.add_argument("--py-spy", action="store_true", help="profile the API with py-spy")
    parser.add_argument(
        "--gc-stats", action="store_true", help="record GC pauses in the API processes"
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="experiment: gc.freeze() in the API processes once the subscribers are open",
    )
    parser.add_argument(
        "--gc-threshold",
        default=None,
        metavar="A,B,C",
        help="experiment: gc.set_threshold(A, B, C) in the API processes at start",
    )
    parser.add_argument(
        "--tracemalloc",
        type=int,
        default=0,
        metavar="FRAMES",
        help="attribute the idle subscribers' memory in API process 1 (slow; e.g. 30)",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds per N, at most")
    args = parser.parse_args(argv)
    args.sizes = [int(n) for n in args.subscribers.split(",") if n.strip()]
    args.statement_sizes = [int(n) for n in args.statements.split(",") if n.strip()]
    args.deflates = [{"off": False, "on": True}[d.strip()] for d in args.deflate.split(",")]
    return args


async def run(args: argparse.Namespace) -> None:
    raise_open_files(2 * max([*args.sizes, *args.statement_sizes, 1]) + 4096)
    async with contextlib.AsyncExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-fanout-")))
        logs = work / "logs"
        logs.mkdir()
        if args.database == "sqlite":
            database_url = f"sqlite://{work / 'bench.sqlite3'}"
            if args.redis == "private":
                args.redis = "none"
        else:
            admin = DEFAULT_ADMIN_URL if args.database == "postgres" else args.database
            database_url = await stack.enter_async_context(postgres_database(admin))
        if args.redis == "private":
            redis_url: str | None = stack.enter_context(private_redis(work))
        elif args.redis == "none":
            redis_url = None
        else:
            redis_url = args.redis
        if args.processes > 1 and redis_url is None:
            raise SystemExit("--processes 2 needs Redis (the memory backend is per process)")
        environment = Environment(
            database_url,
            redis_url,
            work / "data",
            logs,
            args.gc_stats,
            args.gc_freeze,
            args.gc_threshold,
            args.tracemalloc,
        )
        environment.data_dir.mkdir()
        setup = (
            f"{'SQLite' if database_url.startswith('sqlite') else 'PostgreSQL'} + "
            f"{'Redis' if redis_url else 'memory backend'}, uvicorn --ws {args.ws}, "
            f"{args.processes} API process(es), {args.repeats} status changes per N"
        )
        if args.gc_freeze:
            setup += " [EXPERIMENT: gc.freeze() in the API processes once subscribers are open]"
        if args.gc_threshold:
            setup += f" [EXPERIMENT: gc.set_threshold({args.gc_threshold}) in the API processes]"
        say(f"{setup}; work dir {work}")
        await asyncio.to_thread(migrate, environment)
        async with servers(environment, 1, args.ws, False, "setup") as started:
            company = await make_company(started[0].http)
        say("company, contacts, portal members and order created")

        in_process: list[InProcess] = []
        if args.statement_sizes:
            in_process = await asyncio.wait_for(
                statements_in_process(environment, company, args.statement_sizes, 3),
                args.timeout,
            )

        fleet = Fleet(args.client_procs, 2 * max(args.sizes, default=1) + 4096)
        stack.callback(fleet.stop)
        rows: list[Row] = []
        plan = [(deflate, n) for deflate in args.deflates for n in args.sizes]
        for deflate, n in plan:
            try:
                row = await asyncio.wait_for(
                    scenario(args, environment, fleet, company, n, deflate), args.timeout
                )
            except TimeoutError:
                say(f"N={n}: did not finish within {args.timeout:.0f} s; stopping here")
                break
            measured = [r for r in in_process if r.subscribers == n] or in_process[-1:]
            if measured:
                row.statements_per_event = max(e.per_event for e in measured[0].events)
                row.statements_measured_at = measured[0].subscribers
                row.mutation_statements = max(len(e.mutation) for e in measured[0].events)
            rows.append(row)
            say(f"done: {row.json()}")
        print_report(args, rows, in_process, setup)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)

    async def guarded() -> None:
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):  # SIGINT too: a shell's `&` ignores it
            loop.add_signal_handler(number, task.cancel)
        await run(args)

    try:
        asyncio.run(guarded())
    except (KeyboardInterrupt, asyncio.CancelledError):
        say("interrupted; everything started was stopped")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
