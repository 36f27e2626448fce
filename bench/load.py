"""The load driver: a fixed number of concurrent clients for a fixed time, latencies kept."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

import httpx

# One request, sent by worker w as its i-th; raises on a failed answer.
Send = Callable[[httpx.AsyncClient, int, int], Awaitable[None]]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


class Measured(Protocol):
    """What a driver's run reports: this module's Result, or bench/wrk.py's."""

    @property
    def rps(self) -> float: ...

    @property
    def failures(self) -> int: ...

    @property
    def first_failure(self) -> str: ...

    def p(self, q: float) -> float: ...


@dataclass
class Result:
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    failures: int = 0
    first_failure: str = ""

    @property
    def rps(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def p(self, q: float) -> float:
        return percentile(self.latencies_ms, q)


async def run(
    base_url: str, send: Send, concurrency: int, seconds: float, warmup: float = 1.0
) -> Result:
    """`concurrency` workers send back to back for `warmup` + `seconds`; only requests that
    start after the warm-up count."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    result = Result(seconds)
    start = time.monotonic() + warmup
    end = start + seconds
    async with httpx.AsyncClient(
        base_url=base_url, timeout=30, limits=limits, trust_env=False
    ) as http:

        async def worker(w: int) -> None:
            i = w
            while (began := time.monotonic()) < end:
                try:
                    await send(http, w, i)
                except Exception as error:  # a failed answer is counted, not fatal
                    if began >= start:
                        result.failures += 1
                        result.first_failure = result.first_failure or repr(error)[:300]
                else:
                    if began >= start:
                        result.latencies_ms.append((time.monotonic() - began) * 1000)
                i += concurrency

        await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return result


async def run_rate(
    base_url: str, send: Send, rate: float, seconds: float, warmup: float = 1.0
) -> Result:
    """Open loop: request i starts at `i / rate` whether or not earlier ones have answered, so
    a slow server meets a queue instead of a politely waiting client (closed-loop `run` hides
    it). Latency counts from the scheduled start, so time spent queued in the driver counts
    too; only requests scheduled after the warm-up count."""
    limits = httpx.Limits(max_connections=1024, max_keepalive_connections=256)
    result = Result(seconds)
    began = time.monotonic()
    start = began + warmup
    total = int((warmup + seconds) * rate)
    async with httpx.AsyncClient(
        base_url=base_url, timeout=30, limits=limits, trust_env=False
    ) as http:

        async def one(i: int, due: float) -> None:
            counted = due >= start
            try:
                await send(http, i, i)
            except Exception as error:  # a failed answer is counted, not fatal
                if counted:
                    result.failures += 1
                    result.first_failure = result.first_failure or repr(error)[:300]
            else:
                if counted:
                    result.latencies_ms.append((time.monotonic() - due) * 1000)

        tasks: list[asyncio.Task[None]] = []
        for i in range(total):
            due = began + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i, due)))
        _ = await asyncio.gather(*tasks)
    return result
