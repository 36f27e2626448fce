"""SQL statements per event (step 5 of the package docstring): the app and the subscribers in
this process's event loop, so that each statement can be attributed to the asyncio task that
sent it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from bench.fanout.clients import Subscribers
from bench.fanout.common import (
    DELIVERY_TASKS,
    IDLE_CPU_SECONDS,
    LEAN_WS,
    PERIODIC,
    free_port,
    say,
)
from bench.fanout.events import FanOut, fan_out, until_all_hear
from bench.fanout.measure import GcPause, GcRecorder, gc_summary
from bench.fanout.world import Company, Environment


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
    """The commit is not logged; publishing follows it at once (realtime/outbox.py `publish`).
    The published mark is batched outside the request now (realtime/publish_batch.py), so the
    cut is after the event row's INSERT; a request that still marks its event (an older
    build) is cut at that UPDATE."""
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

    from config.settings import load
    from servicedesk.app import create_app

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
