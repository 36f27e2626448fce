"""The `import-contacts` scenario: a 1,700-row contact file imported twice through the API.

    .venv/bin/python -m bench.imports [--rows 1700] [--database URL]

1. A fresh API process (uvicorn, `servicedesk.app:create_app`, as `servicedesk serve` runs
   it, with the statement probe of bench/probe/) on a SQLite file in a temporary folder, or
   on `--database` (a PostgreSQL URL; that database is created, and dropped after the run).
2. A company registered through GraphQL.
3. Two CSV files as Excel writes them in a Russian locale (UTF-8 with a BOM, semicolons):
   `--rows` contractors with Russian names, phones, Moscow addresses and skills, and as many
   clients with addresses and entrance details.
4. Each file uploaded to `importContacts(dryRun: false)` as a multipart request, timed from
   sending to the answer, then the same file again (every row unchanged).

Printed: one line per run (kind, run, seconds, rows created / updated / unchanged, row
errors, SQL statements the API sent) and one JSON line each.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench import servers
from bench.graphql import PREFLIGHT, Api, register

IMPORT = """mutation($f: Upload!, $k: ContactKind!) {
  importContacts(file: $f, kind: $k, dryRun: false) {
    rows created updated unchanged rowErrors { row column message } errors { message }
  }
}"""
FIRST = ("Иван", "Ольга", "Сергей", "Анна", "Дмитрий", "Мария", "Алексей", "Елена", "Пётр")
LAST = ("Петров", "Смирнова", "Кузнецов", "Иванова", "Соколов", "Попова", "Лебедев", "Козлова")
STREETS = ("ул. Тверская", "Ленинский пр-т", "ул. Арбат", "Кутузовский пр-т", "ул. Покровка")
SKILLS = ("мойка окон", "уборка", "химчистка ковров", "сантехника", "электрика")


def contact_file(rows: int, kind: str) -> bytes:
    """`rows` Russian contacts of `kind`: unique e-mails and phones, an address each;
    contractors with one to three skills, clients with entrance details."""
    header = ["Имя", "Почта", "Телефон", "Адрес"]
    header.append("Навыки" if kind == "CONTRACTOR" else "Подъезд")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    offset = 0 if kind == "CONTRACTOR" else 100_000
    for i in range(rows):
        extra = (
            ", ".join(SKILLS[j % len(SKILLS)] for j in range(i % 3 + 1))
            if kind == "CONTRACTOR"
            else f"подъезд {i % 6 + 1}, этаж {i % 12 + 1}, код {i % 900 + 100}"
        )
        writer.writerow(
            [
                f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i}",
                f"{kind.lower()}{i}@primer.ru",
                f"+7 916 {1_000_000 + offset + i:07d}",
                f"Москва, {STREETS[i % len(STREETS)]}, д. {i % 150 + 1}, кв. {i % 300 + 1}",
                extra,
            ]
        )
    return out.getvalue().encode("utf-8-sig")


async def upload(http: httpx.AsyncClient, token: str, content: bytes, kind: str) -> dict[str, Any]:
    operations = {"query": IMPORT, "variables": {"f": None, "k": kind}}
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("contacts.csv", content, "text/csv")},
        headers={**PREFLIGHT, "Authorization": f"Bearer {token}"},
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"{response.status_code}: {str(body)[:300]}")
    payload: dict[str, Any] = body["data"]["importContacts"]
    if payload["errors"]:
        raise RuntimeError(str(payload["errors"]))
    return payload


async def measure(url: str, rows: int, logs: Path) -> list[dict[str, Any]]:
    env = servers.api_env(url, logs / "data")
    (logs / "data").mkdir(parents=True, exist_ok=True)
    await asyncio.to_thread(servers.migrate, env)
    figures = []
    async with (
        servers.started("api", "servicedesk.app:create_app", env, logs, True, "/healthz") as api,
        httpx.AsyncClient(base_url=api.url, timeout=120, trust_env=False) as http,
    ):
        owner = await register(Api(http), "Import bench")
        await servers.wait_quiet(api)
        for kind in ("CONTRACTOR", "CLIENT"):
            content = contact_file(rows, kind)
            for run in ("first", "again"):
                await api.count_statements_start()
                started = time.perf_counter()
                payload = await upload(http, owner.access, content, kind)
                seconds = time.perf_counter() - started
                statements = await api.count_statements_stop()
                figures.append(
                    {
                        "scenario": "import-contacts",
                        "database": url.split(":", 1)[0],
                        "kind": kind,
                        "run": run,
                        "rows": payload["rows"],
                        "seconds": round(seconds, 2),
                        "created": payload["created"],
                        "updated": payload["updated"],
                        "unchanged": payload["unchanged"],
                        "row_errors": len(payload["rowErrors"]),
                        "statements": statements,
                        "bytes": len(content),
                    }
                )
                print_figures(figures[-1])
    return figures


def print_figures(f: dict[str, Any]) -> None:
    print(
        f"{f['database']:<9}{f['kind']:<11}{f['run']:<6}{f['rows']:>6} rows {f['seconds']:>6.2f} s"
        f"  created {f['created']:>5}  updated {f['updated']:>5}  unchanged {f['unchanged']:>5}"
        f"  row errors {f['row_errors']}  statements {f['statements']}",
        flush=True,
    )
    print(json.dumps(f), flush=True)


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as work:
        logs = Path(args.logs or work)
        if args.database is None:
            await measure(f"sqlite://{logs / 'bench.sqlite3'}", args.rows, logs)
            return
        import asyncpg

        base, name = args.database.replace("postgres://", "postgresql://", 1).rsplit("/", 1)
        admin = await asyncpg.connect(f"{base}/postgres")
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
            try:
                await measure(args.database, args.rows, logs)
            finally:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.imports", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--rows", type=int, default=1_700, help="rows per file (default 1,700)")
    parser.add_argument(
        "--database",
        help="a PostgreSQL URL whose database is made for the run and dropped after "
        "(default: a SQLite file in a temporary folder)",
    )
    parser.add_argument("--logs", help="keep the server's log here")
    asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
