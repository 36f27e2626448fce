"""One out-of-process scenario (step 4 of the package docstring): N subscribers on fresh API
processes, the servers' memory and idle CPU, then the timed status changes."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import time
from dataclasses import dataclass, field

import httpx

from bench.fanout.clients import Fleet
from bench.fanout.common import (
    IDLE_CPU_SECONDS,
    PRIME_SUBSCRIBERS,
    TARGET_MB_PER_1000,
    TARGET_P99_MS,
    percentile,
    say,
    tail,
)
from bench.fanout.events import fan_out, until_all_hear
from bench.fanout.measure import (
    GcPause,
    cpu_seconds,
    gc_summary,
    machine_busy,
    memory_attribution,
    profile_summary,
    profiled,
    read_gc,
    rss_mb,
    snapshot,
)
from bench.fanout.servers import servers
from bench.fanout.world import Company, Environment


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
