"""The `servicedesk` command: serve, migrate, demo."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from servicedesk.settings import Settings, SettingsError, configure, load


def _settings() -> Settings:
    try:
        return configure(load())
    except SettingsError as error:
        print(f"servicedesk: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def _migrate(settings: Settings) -> None:
    from servicedesk.db import migrate

    applied = asyncio.run(migrate(settings))
    print(f"migrations applied: {', '.join(applied)}" if applied else "database is up to date")


def _serve(settings: Settings, host: str, port: int, workers: int) -> None:
    import uvicorn

    _migrate(settings)
    uvicorn.run(
        "servicedesk.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        # Compression costs about 100 MB per 1,000 idle sockets (bench/fanout.py).
        ws_per_message_deflate=False,
    )


def _demo(settings: Settings) -> None:
    from servicedesk.demo import run_demo

    _migrate(settings)
    print(asyncio.run(run_demo(settings)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="servicedesk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="apply pending migrations and serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    commands.add_parser("migrate", help="apply pending migrations")
    commands.add_parser("demo", help="create a demo company and print its logins")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings()
    if args.command == "serve":
        _serve(settings, args.host, args.port, args.workers)
    elif args.command == "migrate":
        _migrate(settings)
    else:
        _demo(settings)


if __name__ == "__main__":
    main()
