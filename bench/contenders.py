"""The orders page served three ways, side by side: the API, the raw baseline (bench/raw.py)
and the PostGraphile peer (bench/peer.py), measured in alternating rounds (API, raw, peer,
API, raw, peer, ...) so that the machine's other work falls on all three alike; medians.

Each contender is driven by wrk (bench/wrk.py) when it is installed and the run is a closed
loop, else by the Python driver (bench/load.py); every row says which.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench import load, peer, wrk
from bench.twins import Twin, disagreement

RAW = "raw"
API = "api"


def empty(key: str) -> tuple[str, ...]:
    """The marks of an empty list `key`, as orjson and as `json.dumps` spell it."""
    return (f'"{key}":[]', f'"{key}": []')


ERRORS = ('"errors":[{', '"errors": [{')  # a non-empty `errors` anywhere in the answer


@dataclass
class Contender:
    name: str
    url: str
    target: wrk.Target  # what wrk sends
    send: load.Send  # what the Python driver sends (it raises on a failed answer)


def driver(args: argparse.Namespace, read: bool) -> str:
    """wrk for a closed-loop read when it is installed; the Python driver otherwise (writes,
    `--rate`'s open loop, no wrk)."""
    return "wrk" if read and not args.rate and wrk.available() else "python"


async def measure(contender: Contender, args: argparse.Namespace, read: bool) -> load.Measured:
    if driver(args, read) == "wrk":
        return await wrk.run(contender.url, contender.target, args.seconds)
    if args.rate:
        return await load.run_rate(contender.url, contender.send, args.rate, args.seconds)
    return await load.run(contender.url, contender.send, args.concurrency, args.seconds)


def raw_contender(url: str, params: dict[str, str]) -> Contender:
    async def send(http: httpx.AsyncClient, w: int, i: int) -> None:
        response = await http.get("/orders", params=params)
        if response.status_code != 200 or len(response.json()["data"]["orders"]) == 0:
            raise RuntimeError(f"raw: {response.status_code}")

    path = "/orders?" + str(httpx.QueryParams(params))
    return Contender(RAW, url, wrk.Target(path, "GET", marks=ERRORS + empty("orders")), send)


def peer_contender(url: str, params: dict[str, str]) -> Contender:
    request = peer.body(params)

    async def send(http: httpx.AsyncClient, w: int, i: int) -> None:
        response = await http.post("/graphql", json=request)
        found = response.json()
        if response.status_code != 200 or found.get("errors") or not peer.orders(found):
            raise RuntimeError(f"{peer.NAME}: {response.status_code}: {str(found)[:200]}")

    target = wrk.Target("/graphql", bodies=[json.dumps(request)], marks=ERRORS + empty("edges"))
    return Contender(peer.NAME, url, target, send)


def twin_contenders(twin: Twin, raw_url: str, peer_url: str | None) -> list[Contender]:
    """The raw baseline's and (when it runs) the peer's twin of a read scenario."""

    def contender(name: str, url: str, path: str, make: Any, marks: tuple[str, ...]) -> Contender:
        async def send(http: httpx.AsyncClient, w: int, i: int) -> None:
            response = await http.post(path, json=make(w, i))
            if response.status_code != 200 or any(m in response.text for m in marks):
                raise RuntimeError(f"{name}: {response.status_code}: {response.text[:200]}")

        target = wrk.Target(path, bodies=wrk.bodies(make), marks=marks)
        return Contender(name, url, target, send)

    found = [contender(RAW, raw_url, twin.raw_path, twin.raw_body, ERRORS + twin.empty)]
    if peer_url is not None:
        found.append(contender(peer.NAME, peer_url, "/graphql", twin.peer_body, ERRORS))
    return found


async def same_answers(
    twin: Twin, api: Contender, body: Any, rivals: list[Contender], samples: int = 3
) -> str | None:
    """The first of `samples` requests on which a twin's facts differ from the API's, or None."""
    async with httpx.AsyncClient(timeout=30, trust_env=False) as http:
        for i in range(samples):
            answer = await http.post(
                api.url + "/graphql", json=body(0, i), headers=api.target.headers
            )
            mine = twin.api_facts(answer.json())
            for rival in rivals:
                path = rival.target.path
                make = twin.raw_body if rival.name == RAW else twin.peer_body
                theirs = (await http.post(rival.url + path, json=make(0, i))).json()
                facts = (twin.raw_facts if rival.name == RAW else twin.peer_facts)(theirs)
                if rival.name != RAW and twin.peer_candidates:
                    facts = {key: value for key, value in facts.items() if key in mine}
                difference = disagreement(mine, facts)
                if difference is not None:
                    return f"{rival.name}, request {i}: {difference}"
    return None


def _median(values: list[float], digits: int = 1) -> float | None:
    return round(statistics.median(values), digits) if values else None


async def rounds(
    contenders: list[Contender],
    args: argparse.Namespace,
    say: Callable[[str], None],
    between: Callable[[], Awaitable[None]] | None = None,
) -> dict[str, dict[str, Any]]:
    """`args.rounds` rounds of every contender in turn; per contender the median requests/s,
    latencies and failures, its rps of each round, and (closed loop) the median over rounds of
    its ratio to raw's rps in the same round."""
    results: dict[str, list[load.Measured]] = {c.name: [] for c in contenders}
    for _ in range(max(1, args.rounds)):
        for contender in contenders:
            result = await measure(contender, args, True)
            if result.failures:
                say(f"{contender.name}: {result.failures} failed, first: {result.first_failure}")
            results[contender.name].append(result)
            if between is not None:
                await between()
    figures: dict[str, dict[str, Any]] = {}
    raw = results.get(RAW, [])
    for name, runs in results.items():
        rps = [r.rps for r in runs]
        entry: dict[str, Any] = {
            "rps": _median(rps),
            "p50_ms": _median([r.p(50) for r in runs]),
            "p95_ms": _median([r.p(95) for r in runs]),
            "p99_ms": _median([r.p(99) for r in runs]),
            "failures": sum(r.failures for r in runs),
            "rounds_rps": [round(v, 1) for v in rps],
        }
        if raw and not args.rate:
            ratios = [r.rps / b.rps for r, b in zip(runs, raw, strict=True) if b.rps]
            entry["ratio"] = _median(ratios, 3)
        figures[name] = entry
    return figures


def same_page(
    api: dict[str, Any], raw: list[dict[str, Any]], other: list[dict[str, Any]] | None
) -> str | None:
    """Whether the three answers hold the same orders (up to 50; a client has fewer) in the
    same order with the same client, address, contractor and responsible (the API's ids
    decoded from its global ids); the difference if not, else None."""

    def plain(value: str | int) -> int:
        if isinstance(value, int):
            return value
        padded = value + "=" * (-len(value) % 4)
        return int(base64.urlsafe_b64decode(padded).decode().split(":", 1)[1])

    def keys(orders: list[dict[str, Any]]) -> list[tuple[int | None, ...]]:
        nested = ("client", "address", "contractor", "responsible")
        return [
            (plain(o["id"]), *(plain(o[k]["id"]) if o.get(k) else None for k in nested))
            for o in orders
        ]

    try:
        api_orders = [edge["node"] for edge in api["data"]["orders"]["edges"]]
    except (KeyError, TypeError):
        return f"the API answered no page: {json.dumps(api)[:300]}"
    answers = {API: api_orders, RAW: raw} | ({peer.NAME: other} if other is not None else {})
    expected = keys(raw)
    if not expected:
        return "raw answered no orders"
    for name, orders in answers.items():
        found = keys(orders)
        if found != expected:
            wrong = next(
                (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), None
            )
            return f"{name} answered {len(found)} orders; first difference at {wrong}"
    return None


def table(name: str, label: str, figures: dict[str, dict[str, Any]]) -> str:
    """The side-by-side block printed under a scenario's row."""
    head = f"  {name}: {label}"
    columns = ("rps", "ratio", "p50_ms", "p95_ms", "p99_ms", "failures")
    lines = [head, "    " + f"{'contender':<14}" + "".join(f"{c:>10}" for c in columns)]
    lines[-1] += "   rps by round"
    for contender, entry in figures.items():
        cells = "".join(f"{'-' if entry.get(c) is None else entry[c]:>10}" for c in columns)
        lines.append(f"    {contender:<14}{cells}   {entry['rounds_rps']}")
    return "\n".join(lines)
