"""The command line, `python -m bench.fanout` (what it does: the package docstring)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import tempfile
from pathlib import Path

import bench.fanout
from bench.fanout.clients import Fleet
from bench.fanout.common import DEFAULT_ADMIN_URL, LEAN_WS, raise_open_files, say
from bench.fanout.inprocess import InProcess, statements_in_process
from bench.fanout.report import print_report
from bench.fanout.scenario import Row, scenario
from bench.fanout.servers import servers
from bench.fanout.world import Environment, make_company, migrate, postgres_database, private_redis


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fanout", description=(bench.fanout.__doc__ or "").split("\n\n")[0]
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
