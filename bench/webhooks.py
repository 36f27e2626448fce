"""The `webhook-throughput` scenario: 1,000 order events sent to 10 webhooks of a local receiver.

    .venv/bin/python -m bench.webhooks [--events 1000] [--webhooks 10] [--database URL]

1. A fresh API process (uvicorn, `servicedesk.app:create_app`, as `servicedesk serve` runs
   it; its webhook sender polls every second, WEBHOOK_POLL_SECONDS=1) on a SQLite file in a
   temporary folder, or on `--database` (a PostgreSQL URL; created, and dropped after).
   ALLOW_PRIVATE_HOSTS=1: the receiver listens on loopback, over http.
2. A receiver in this process (a threaded `http.server`): it records each request's arrival
   time, keeps the first of each `webhook-id` (its de-duplication), and answers 204. Every
   signature is checked with `standardwebhooks` at the end.
3. A company registered through GraphQL, `--webhooks` webhooks of its owner to the receiver
   (one path each), then `--events` events made over HTTP by 8 concurrent clients: orders
   created and each commented 9 times (10 events an order).
4. Waits until every (webhook, event) arrived, then a poll round more for strays.

Printed: events and deliveries per second (from the first event's commit to the last
delivery's arrival), the p50/p95/max from an event's commit (its `at`) to its arrival, the
copies the receiver saw (the same `webhook-id` again), whether every webhook got every event
exactly once and each order's events in order; a line and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from bench import servers
from bench.graphql import Api, Card, Member, contact, create_order, register

CREATE_WEBHOOK = """mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id } errors { field code message } }
}"""
COMMENT = """mutation($o: ID!, $b: String!) {
  addComment(orderId: $o, body: $b) { comment { id } errors { field code message } }
}"""


def say(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


PER_ORDER = 10  # the creation and 9 comments
CLIENTS = 8
WAIT_SECONDS = 600


@dataclass
class Arrival:
    hook_id: str
    at: float  # time.time() on arrival
    body: bytes
    verified: bool  # the signature checked by standardwebhooks on arrival


@dataclass
class Receiver:
    url: str = ""
    arrivals: dict[str, list[Arrival]] = field(default_factory=lambda: defaultdict(list))
    firsts: dict[str, Arrival] = field(default_factory=dict)  # webhook-id -> first arrival
    verifiers: dict[str, Webhook] = field(default_factory=dict)  # path -> its secret's
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, arrival: Arrival) -> None:
        with self.lock:
            self.arrivals[path].append(arrival)
            self.firsts.setdefault(arrival.hook_id, arrival)


@contextmanager
def receiver() -> Iterator[Receiver]:
    rx = Receiver()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            at = time.time()
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                rx.verifiers[self.path].verify(body, headers, json_parse=False)
                verified = True
            except (KeyError, WebhookVerificationError):
                verified = False
            rx.record(self.path, Arrival(headers.get("webhook-id", ""), at, body, verified))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    rx.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield rx
    finally:
        server.shutdown()
        server.server_close()


async def make_events(api: Api, owner: Member, card: Card, events: int) -> None:
    """`events` order events: orders created and commented, CLIENTS at a time."""
    orders = math.ceil(events / PER_ORDER)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(orders):
        queue.put_nowait(i)

    async def client() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            count = min(PER_ORDER, events - i * PER_ORDER)
            deadline = "2031-01-01T12:00:00+00:00"
            order = await create_order(
                api, owner, deadline, clientId=card.id, addressId=card.address_ids[0]
            )
            for k in range(1, count):
                await api.ok(COMMENT, {"o": order, "b": f"note {i}.{k}"}, owner.access)

    await asyncio.gather(*(client() for _ in range(CLIENTS)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def judge(rx: Receiver, secrets: dict[str, str], events: int) -> dict[str, Any]:
    """Every arrival verified; each path's events once by webhook-id, each order's in order."""
    latencies: list[float] = []
    exactly_once = in_order = True
    first_at = math.inf
    copies = 0
    for path in secrets:
        got = rx.arrivals.get(path, [])
        seen: dict[str, int] = {}
        per_order: dict[str, list[int]] = defaultdict(list)
        for arrival in got:
            exactly_once &= arrival.verified
            payload = json.loads(arrival.body)["data"]
            cursor = int(payload["cursor"])
            if arrival.hook_id in seen:
                copies += 1
                exactly_once &= seen[arrival.hook_id] == cursor
                continue
            seen[arrival.hook_id] = cursor
            per_order[str(payload["order"]["id"])].append(cursor)
            committed = datetime.fromisoformat(payload["at"]).timestamp()
            first_at = min(first_at, committed)
            latencies.append(arrival.at - committed)
        exactly_once &= sorted(seen.values()) == list(range(1, events + 1))
        in_order &= all(c == sorted(c) for c in per_order.values())
    last = max(a.at for a in rx.firsts.values())
    seconds = last - first_at
    return {
        "deliveries": len(latencies),
        "copies": copies,
        "exactly_once": exactly_once,
        "in_order": in_order,
        "seconds": round(seconds, 2),
        "events_per_s": round(events / seconds, 1),
        "deliveries_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
    }


async def measure(url: str, events: int, hooks: int, logs: Path) -> dict[str, Any]:
    env = servers.api_env(url, logs / "data")
    env |= {"WEBHOOK_POLL_SECONDS": "1", "ALLOW_PRIVATE_HOSTS": "1"}
    (logs / "data").mkdir(parents=True, exist_ok=True)
    await asyncio.to_thread(servers.migrate, env)
    with receiver() as rx:
        async with (
            servers.started("api", "servicedesk.app:create_app", env, logs, True, "/healthz") as a,
            httpx.AsyncClient(base_url=a.url, timeout=120, trust_env=False) as http,
        ):
            api = Api(http)
            owner = await register(api, "Webhook bench")
            card = await contact(api, owner, "CLIENT", "Romashka")
            secrets: dict[str, str] = {}
            for n in range(hooks):
                made = await api.ok(
                    CREATE_WEBHOOK, {"input": {"url": f"{rx.url}/{n}"}}, owner.access
                )
                secrets[f"/{n}"] = made["secret"]
                rx.verifiers[f"/{n}"] = Webhook(made["secret"])
            await make_events(api, owner, card, events)
            deadline = time.monotonic() + WAIT_SECONDS
            while len(rx.firsts) < events * hooks:
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(1)
                say(f"{len(rx.firsts)} of {events * hooks} delivered")
            await asyncio.sleep(2)  # a poll round more: copies would show
        figures = {
            "scenario": "webhook-throughput",
            "database": url.split(":", 1)[0],
            "webhooks": hooks,
            "events": events,
            **judge(rx, secrets, events),
        }
    print_figures(figures)
    return figures


def print_figures(f: dict[str, Any]) -> None:
    print(
        f"{f['database']:<9}{f['webhooks']} webhooks x {f['events']} events: "
        f"{f['deliveries']} delivered in {f['seconds']} s, {f['events_per_s']} events/s "
        f"({f['deliveries_per_s']} deliveries/s); commit to receipt p50 {f['p50_ms']} ms, "
        f"p95 {f['p95_ms']} ms, max {f['max_ms']} ms; copies {f['copies']}, "
        f"exactly once {f['exactly_once']}, in order {f['in_order']}",
        flush=True,
    )
    print(json.dumps(f), flush=True)


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-webhooks-") as work:
        logs = Path(args.logs or work)
        if args.database is None:
            await measure(f"sqlite://{logs / 'bench.sqlite3'}", args.events, args.webhooks, logs)
            return
        import asyncpg

        base, name = args.database.replace("postgres://", "postgresql://", 1).rsplit("/", 1)
        admin = await asyncpg.connect(f"{base}/postgres")
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
            try:
                await measure(args.database, args.events, args.webhooks, logs)
            finally:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.webhooks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--events", type=int, default=1_000, help="order events (default 1,000)")
    parser.add_argument("--webhooks", type=int, default=10, help="webhooks (default 10)")
    parser.add_argument(
        "--database",
        help="a PostgreSQL URL whose database is made for the run and dropped after "
        "(default: a SQLite file in a temporary folder)",
    )
    parser.add_argument("--logs", help="keep the server's log here")
    asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
