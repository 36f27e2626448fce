"""Rounds of a real API process's deadline watch, read from its own /metrics (each process
keeps its metrics in memory): a test that must see nothing more happen waits for whole rounds
on every process rather than for a fixed time."""

from __future__ import annotations

import asyncio

import httpx
from prometheus_client.parser import text_string_to_metric_families


async def watch_rounds(http: httpx.AsyncClient) -> float:
    """Rounds the process's deadline watch has finished (it is the only one on its /metrics)."""
    text = (await http.get("/metrics")).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "servicedesk_deadline_watch_runs_total"
        and sample.labels == {"outcome": "ok"}
    )


async def more_rounds(url: str, more: int = 2) -> None:
    """Waits until the process at `url` has finished `more` rounds beyond those it had: with two,
    a whole round ran after this call (the first may have been under way). One client for
    every poll (a new one builds an SSL context, ~30 ms of CPU)."""
    async with httpx.AsyncClient(base_url=url) as http:
        rounds = await watch_rounds(http)
        for _ in range(300):  # at most 30 s; a round comes every second
            if await watch_rounds(http) >= rounds + more:
                return
            await asyncio.sleep(0.1)
    raise AssertionError(f"the deadline watch at {url} stopped going round")


async def more_rounds_everywhere(urls: list[str], more: int = 2) -> None:
    """`more_rounds` on every process at once."""
    await asyncio.gather(*(more_rounds(url, more) for url in urls))
