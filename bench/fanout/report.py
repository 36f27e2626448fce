"""The report: a table, the details per scenario, then one JSON line per scenario (the
`{"scenario": "fanout", ...}` lines that `python -m bench` parses)."""

from __future__ import annotations

import argparse
import math
import os

from bench.fanout.common import TARGET_MB_PER_1000, percentile
from bench.fanout.inprocess import InProcess
from bench.fanout.scenario import Row


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
        "targets: 100% delivery; p99 <= 300 ms at 1,000 subscribers; p99 < 1 s at "
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
        print("  (the commit is not logged: it comes just after the event row's INSERT)")
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
