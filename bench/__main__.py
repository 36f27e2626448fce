"""`python -m bench --companies N --seconds S [--scenario NAME]`: every read and write scenario against a raw baseline.

Builds the data if the database is empty (bench/datagen.py), migrates, starts the API (uvicorn,
`--workers` workers, `servicedesk.app:create_app --factory`, as `servicedesk serve`) and the raw
baseline (bench/raw.py), drives each scenario (bench/scenarios.py) with a fixed number of
concurrent clients or, with `--rate`, at a fixed request rate, and prints a table and one JSON
line per scenario. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from bench import contenders, datagen, imports, load, peer, servers, webhooks, wrk
from bench.contenders import Contender
from bench.scenarios import NAMES, Scenario, fixtures, scenarios, token
from bench.twins import Twin

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/servicedesk_bench"
COUNT_REQUESTS = 10
# raw_p95_ms: with --rate, the raw baseline's p95 at the same rate (ratio is for closed loops).
# peer_*: PostGraphile's (bench/peer.py); driver: wrk or python (who produced the row).
COLUMNS = (
    *("rps", "p50_ms", "p95_ms", "p99_ms", "statements", "rss_mb", "raw_rps", "ratio"),
    *("raw_p95_ms", "peer_rps", "peer_ratio", "driver"),
)


def say(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


async def ensure_database(url: str) -> None:
    import asyncpg

    base, name = url.rsplit("/", 1)
    admin = await asyncpg.connect(f"{base}/postgres")
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
            say(f"created database {name}")
    finally:
        await admin.close()


def graphql_sender(scenario: Scenario, bearers: list[str]) -> load.Send:
    """Concurrent client w sends as `bearers[w % len(bearers)]`."""
    headers = [{"Authorization": f"Bearer {bearer}"} for bearer in bearers]

    async def send(http: httpx.AsyncClient, w: int, i: int) -> None:
        who = headers[w % len(headers)]
        response = await http.post("/graphql", json=scenario.body(w, i), headers=who)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"{response.status_code}: {str(body)[:200]}")
        for value in (body.get("data") or {}).values():
            if isinstance(value, dict) and value.get("errors"):
                raise RuntimeError(str(value["errors"])[:200])

    return send


def row(name: str, result: load.Measured | None, **extra: Any) -> dict[str, Any]:
    def ms(v: float) -> float | None:
        return None if math.isnan(v) else round(v, 1)

    figures: dict[str, Any] = {"scenario": name}
    if result is not None:
        figures |= {
            "rps": round(result.rps, 1),
            "p50_ms": ms(result.p(50)),
            "p95_ms": ms(result.p(95)),
            "p99_ms": ms(result.p(99)),
            "failures": result.failures,
        }
    return figures | extra


def print_row(figures: dict[str, Any]) -> None:
    def cell(key: str) -> str:
        value = figures.get(key)
        return "-" if value is None else str(value)

    print(f"{figures['scenario']:<24}" + "".join(f"{cell(k):>11}" for k in COLUMNS), flush=True)
    print(json.dumps(figures), flush=True)
    if "contenders" in figures:
        print(contenders.table(figures["scenario"], figures["label"], figures["contenders"]))


def api_contender(scenario: Scenario, api: servers.Server, bearers: list[str]) -> Contender:
    """The API as wrk and the Python driver send to it, as the scenario's (first) login."""
    bodies = wrk.bodies(scenario.body) if scenario.read else []
    headers = {"Authorization": f"Bearer {bearers[0]}"}
    marks = contenders.ERRORS + (contenders.empty("edges") if scenario.raw else ())
    target = wrk.Target("/graphql", headers=headers, bodies=bodies, marks=marks)
    return Contender(contenders.API, api.url, target, graphql_sender(scenario, bearers))


async def one(
    scenario: Scenario,
    api: servers.Server,
    raw: servers.Server | None,
    peer_server: servers.Server | None,
    fx: Any,
    args: Any,
) -> dict[str, Any]:
    logins = scenario.logins or [fx.logins[scenario.login]]
    bearers = [token(login) for login in logins]
    mine = api_contender(scenario, api, bearers)
    how = contenders.driver(args, scenario.read)
    extra: dict[str, Any] = {"driver": how}
    spy = profile(api, scenario.name, args) if args.profile else None
    if raw is not None and (scenario.raw or scenario.twin):  # API, raw and peer side by side
        if scenario.raw is not None:
            rivals = [mine, contenders.raw_contender(raw.url, scenario.raw)]
            if peer_server is not None:
                rivals.append(contenders.peer_contender(peer_server.url, scenario.raw))
            extra |= await compare_pages(scenario, rivals, peer_server)
        else:
            assert scenario.twin is not None
            peer_url = None if peer_server is None else peer_server.url
            rivals = [mine, *contenders.twin_contenders(scenario.twin, raw.url, peer_url)]
            extra |= await compare_answers(scenario, scenario.twin, rivals)
        figures = await contenders.rounds(rivals, args, say)
        result: load.Measured | None = None
        extra |= side_by_side(figures, args, how)
    else:
        result = await contenders.measure(mine, args, scenario.read)
        if result.failures:
            say(f"{scenario.name}: {result.failures} failed, first: {result.first_failure}")
    if spy is not None:
        await asyncio.to_thread(spy.wait)
    # Statements: counted by the API process's probe over a few requests sent one at a time.
    await api.count_statements_start()
    async with httpx.AsyncClient(base_url=api.url, timeout=30, trust_env=False) as http:
        for i in range(COUNT_REQUESTS):
            await mine.send(http, 10_000 + i, 10_000 + i)
    statements = round(await api.count_statements_stop() / COUNT_REQUESTS, 1)
    extra |= {"statements": statements, "rss_mb": round(api.peak_rss_mb(), 1)}
    return row(scenario.name, result, **extra)


def side_by_side(figures: dict[str, dict[str, Any]], args: Any, how: str) -> dict[str, Any]:
    """The row's columns from the rounds' medians: the API's figures, raw's and the peer's."""
    mine, raw, rival = figures[contenders.API], figures[contenders.RAW], figures.get(peer.NAME)
    shape = "wrk -t2 -c16" if how == "wrk" else f"python driver, {args.concurrency} clients"
    if args.rate:
        shape = f"python driver, open loop at {args.rate}/s"
    extra = {k: mine[k] for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "failures")}
    extra |= {"raw_rps": raw["rps"], "contenders": figures}
    extra["label"] = f"{shape}, {args.rounds} alternating rounds of {args.seconds:g} s, medians"
    if args.rate:
        extra["raw_p95_ms"] = raw["p95_ms"]
    else:
        extra["ratio"] = mine.get("ratio")
    if rival is not None:
        extra |= {"peer_rps": rival["rps"], "peer_ratio": rival.get("ratio")}
    return extra


async def compare_pages(
    scenario: Scenario, rivals: list[Contender], peer_server: servers.Server | None
) -> dict[str, Any]:
    """One page from each contender, checked to hold the same 50 orders (ids and nested ids):
    the peer's filter is then the raw baseline's, and both are the API's."""
    assert scenario.raw is not None
    async with httpx.AsyncClient(timeout=30, trust_env=False) as http:
        headers = rivals[0].target.headers
        answer = await http.post(
            rivals[0].url + "/graphql", json=scenario.body(0, 0), headers=headers
        )
        raw_answer = await http.get(rivals[1].url + "/orders", params=scenario.raw)
    other = await peer.page(peer_server.url, scenario.raw) if peer_server else None
    orders = raw_answer.json()["data"]["orders"]
    difference = contenders.same_page(answer.json(), orders, other)
    checked = "API, raw" + (" and PostGraphile" if other is not None else "")
    same = f"the same {len(orders)} orders, nested ids equal"
    say(f"{scenario.name}: {checked}: {difference or same}")
    return {"same_page": difference is None} | (
        {"page_difference": difference} if difference else {}
    )


async def compare_answers(
    scenario: Scenario, twin: Twin, rivals: list[Contender]
) -> dict[str, Any]:
    """The first three requests' answers from each contender, checked to hold the same facts
    (bench/twins.py): the twins read what the API reads."""
    difference = await contenders.same_answers(twin, rivals[0], scenario.body, rivals[1:])
    names = ", ".join(r.name for r in rivals)
    left_out = f" (PostGraphile without {twin.peer_leaves_out})" if twin.peer_leaves_out else ""
    say(f"{scenario.name}: {names}: {difference or 'the same answers'}{left_out}")
    return {"same_answer": difference is None} | (
        {"answer_difference": difference} if difference else {}
    )


def profile(api: servers.Server, name: str, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    """py-spy (installed in the venv: `pip install -e '.[bench]'`) on the API during the load;
    a collapsed-stack file per scenario, for speedscope or `bench/README.md`'s one-liner."""
    out = Path(args.profile) / f"{name}.txt"
    command = [str(Path(sys.executable).parent / "py-spy"), "record", "--format", "raw"]
    command += ["-o", str(out), "-p", str(api.process.pid), "-d", str(int(args.seconds + 1))]
    command += ["--rate", "200", "--nonblocking", "--subprocesses"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fanout() -> dict[str, Any]:
    """The realtime fan-out, delegated to bench.fanout with 100 subscribers."""
    command = [sys.executable, "-m", "bench.fanout", "--subscribers", "100"]
    command += ["--statements", "100", "--repeats", "5", "--client-procs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith('{"scenario": "fanout"')]
    if done.returncode != 0 or not lines:
        say(f"bench.fanout failed:\n{done.stderr[-2000:]}")
        return {"scenario": "fanout", "error": done.returncode}
    found = json.loads(lines[-1])
    return {
        "scenario": "fanout",
        "rps": None,
        "p50_ms": found.get("p50_ms"),
        "p95_ms": None,
        "p99_ms": found.get("p99_ms"),
        "statements": found.get("statements_per_event"),
        "rss_mb": None,
        "subscribers": found.get("subscribers"),
        "delivered": found.get("delivered"),
        "expected": found.get("expected"),
    }


async def run(args: argparse.Namespace) -> None:
    url = args.database
    await ensure_database(url)
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        logs = Path(args.logs or work)
        (logs / "data").mkdir(parents=True, exist_ok=True)
        env = servers.api_env(url, logs / "data")
        await asyncio.to_thread(servers.migrate, env)
        conn = await connect(url)
        try:
            if await datagen.is_empty(conn):
                say(f"building {args.companies} companies")
                await datagen.build(conn, args.companies, say)
            companies = await conn.fetchval("SELECT count(*) FROM company")
            say(f"{companies} companies in {url.rsplit('/', 1)[1]}")
            fx = await fixtures(conn, await datagen.logins(conn, 1), args.concurrency)
        finally:
            await conn.close()
        chosen = [n for n in NAMES if not args.scenario or n in args.scenario]
        table = scenarios(fx)
        print(f"{'scenario':<24}" + "".join(f"{h:>11}" for h in COLUMNS), flush=True)
        web = [n for n in chosen if n not in ("fanout", "import-contacts", "webhook-throughput")]
        if web:
            api_ctx = servers.started(
                "api", "servicedesk.app:create_app", env, logs, True, "/healthz", args.workers
            )
            raw_ctx = servers.started("raw", "bench.raw:create_app", env, logs, False, "/x")
            paged = any(table[n].raw or table[n].twin for n in web)
            peer_ctx = peer.started(url, logs, say) if paged and not args.no_peer else no_peer()
            if not wrk.available():
                say("wrk is not installed (apt-get install wrk): reads use the Python driver")
            async with api_ctx as api, raw_ctx as raw, peer_ctx as rival:
                await servers.wait_quiet(api)
                for name in web:
                    print_row(await one(table[name], api, raw, rival, fx, args))
                    if name == "create-order":
                        await forget_created_orders(url)
        if "fanout" in chosen:
            print_row(await asyncio.to_thread(fanout))
        if "import-contacts" in chosen:
            _ = await imports.measure(url, 1_700, logs)  # prints its own rows
        if "webhook-throughput" in chosen:
            _ = await webhooks.measure(url, 1_000, 10, logs)  # prints its own rows


@contextlib.asynccontextmanager
async def no_peer() -> AsyncIterator[None]:
    yield None


async def connect(url: str) -> Any:
    """asyncpg, which spells the scheme `postgresql://`."""
    import asyncpg

    return await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))


async def forget_created_orders(url: str) -> None:
    conn = await connect(url)
    try:
        await datagen.forget_created_orders(conn)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, default=2, help="companies to build (default 2)")
    parser.add_argument("--seconds", type=float, default=10, help="seconds per scenario")
    parser.add_argument("--logs", help="keep the servers' logs and statements here")
    parser.add_argument("--profile", help="py-spy each scenario's API process into this folder")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument(
        "--rate",
        type=float,
        help="open loop: start this many requests a second whatever the answers (not --concurrency)",
    )
    parser.add_argument("--workers", type=int, default=1, help="API uvicorn workers (default 1)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="orders pages: alternating rounds of API, raw and peer; medians (default 3)",
    )
    parser.add_argument("--no-peer", action="store_true", help="do not start PostGraphile")
    parser.add_argument(
        "--scenario", action="append", choices=NAMES, help="run only this (repeatable)"
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL", DEFAULT_URL),
        help=f"PostgreSQL URL (default: $DATABASE_URL, else {DEFAULT_URL}; created if missing)",
    )
    asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
