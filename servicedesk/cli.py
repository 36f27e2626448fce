"""The `servicedesk` command: serve, migrate, demo."""

from __future__ import annotations

import argparse
import asyncio
import logging.config
import os
import sys
from collections.abc import Callable
from pathlib import Path

from config.settings import Settings, SettingsError, configure, load
from servicedesk.http.middleware import MAX_BODY_BYTES
from servicedesk.logs import logging_config

SHUTDOWN_SECONDS = 30


def _settings() -> Settings:
    try:
        return configure(load())
    except SettingsError as error:
        for line in str(error).splitlines():
            print(f"servicedesk: {line}", file=sys.stderr)
        raise SystemExit(2) from None


def _migrate(
    settings: Settings, say: Callable[[str], object] = print, *, create: bool = True
) -> None:
    """Reach the database (creating a missing PostgreSQL one when `create`), then migrate."""
    from servicedesk.db import DatabaseUnavailable, migrate, reach_database

    try:
        created = asyncio.run(reach_database(settings, create=create))
        if created is not None:
            say(created)
        applied = asyncio.run(migrate(settings))
    except DatabaseUnavailable as error:
        print(f"servicedesk: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    say(f"migrations applied: {', '.join(applied)}" if applied else "database is up to date")


def _metrics_directory(settings: Settings, workers: int) -> None:
    """Several workers share their metrics through files (servicedesk/http/metrics.py): a fresh
    folder each start, as prometheus-client requires; set before the workers import it."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Set but empty would still turn multiprocess mode on, with files in the working folder.
        os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        if workers < 2:
            return
    directory = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or settings.data_dir / "metrics")
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)


def _serve(settings: Settings, host: str, port: int, workers: int) -> None:
    import uvicorn

    # A log line, JSON in production. A development start creates a missing database as
    # `make run` creates the SQLite file; a production one refuses, so that a mistyped
    # DATABASE_URL stops the start instead of serving an empty database.
    log = logging.getLogger("servicedesk").info
    _migrate(settings, log, create=not settings.production)
    _metrics_directory(settings, workers)
    uvicorn.run(
        "servicedesk.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=logging_config(settings),
        # servicedesk.access logs each request, with its request id (servicedesk/http/telemetry.py).
        access_log=False,
        # Compression costs about 100 MB per 1,000 idle sockets (bench/fanout/), and the lean
        # wsproto protocol needs a third of what the websockets one does.
        ws="servicedesk.transport.ws_protocol:LeanWSProtocol",
        ws_per_message_deflate=False,
        # A WebSocket message is capped like an HTTP body (uvicorn's default: 16 MiB);
        # over it the socket closes with 1009.
        ws_max_size=MAX_BODY_BYTES,
        # Header timeout and connections per address (servicedesk/http/http_protocol.py).
        http="servicedesk.http.http_protocol:GuardedHttpToolsProtocol",
        # On SIGTERM in-flight requests get this long to finish (servicedesk/shutdown.py).
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )


def _demo(settings: Settings) -> None:
    _migrate(settings)  # first: a database that cannot be reached stops before the imports
    from servicedesk.devtools.demo import DemoError, run_demo

    try:
        print(asyncio.run(run_demo(settings)))
    except DemoError as error:
        print(f"servicedesk demo: {error}", file=sys.stderr)
        raise SystemExit(1) from None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="servicedesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="apply pending migrations and serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    commands.add_parser(
        "migrate", help="create the database when missing, apply pending migrations"
    )
    commands.add_parser(
        "demo", help="create a demo company (once) and print its logins and a new API token"
    )
    args = parser.parse_args(argv)
    settings = _settings()
    logging.config.dictConfig(logging_config(settings))
    if args.command == "serve":
        _serve(settings, args.host, args.port, args.workers)
    elif args.command == "migrate":
        _migrate(settings)
    else:
        _demo(settings)


if __name__ == "__main__":
    main()
