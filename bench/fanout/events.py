"""One timed status change: from just before the mutation is sent to the arrival of its
event at every subscriber."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from bench.fanout.clients import Fleet, Subscribers
from bench.fanout.common import SET_STATUS
from bench.fanout.world import Company


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
