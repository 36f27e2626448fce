"""Write the next aerich migration of each dialect's history after the models changed.

    python -m servicedesk.devtools.makemigrations NAME        (or: make migrations NAME=NAME)

For each SQL dialect (SQLite, PostgreSQL) this creates a throwaway empty database (a temporary
SQLite file; a temporary PostgreSQL database on `POSTGRES_ADMIN_URL`, default
postgres://postgres@127.0.0.1:5432/postgres), upgrades it with that dialect's existing history,
and lets aerich compare it with the models: a change becomes `migrations/<dialect>/models/
<n>_<timestamp>_NAME.py`; no change writes nothing. An empty history folder gets aerich's initial
migration (`0_<timestamp>_init.py`). To regenerate a history from scratch, delete the files in
`migrations/<dialect>/models/` and run the command again.

Review what it wrote: aerich (asked with no input) takes a field that only changed its name for a
rename, and some changes (SQLite column changes, for instance) it cannot express at all.

aerich 0.10 writes the SQL into ordinary (not raw) Python string literals, so a backslash in it
(Tortoise escapes `/` and newlines in SQLite comments, newlines in PostgreSQL comments: enum fields
and docstrings have them) is read back as a Python escape: `\\n` turns into a newline, and `\\/`
is an invalid escape (a SyntaxError where warnings are errors). The file written is therefore
switched to raw literals, which keeps the SQL exactly as Tortoise generated it.

Each dialect runs in a child process of its own: aerich keeps the operations it collects in
class attributes that are never reset, so a second run in one process would repeat the first
run's statements, and Tortoise's state is per process as well.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import shutil
import sys
import tempfile
import warnings
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from compat.aerich import sqlite_comments_unchanged
from config.settings import load
from servicedesk.db import MIGRATIONS_DIR, tortoise_config

DIALECTS = ("sqlite", "postgres")
APP = "models"
DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,59}")
_VERSION_FILE = re.compile(r"\d+_.*\.py")
_SQL_LITERAL = re.compile(r'^(\s*return )"""', re.MULTILINE)


class MigrationsError(Exception):
    """The command cannot do what was asked; the message says why."""


def postgres_admin_url() -> str:
    return os.environ.get("POSTGRES_ADMIN_URL") or DEFAULT_POSTGRES_ADMIN_URL


def history_dir(root: Path, dialect: str) -> Path:
    """Where aerich keeps the migration files of `dialect` (it appends the app's name)."""
    return root / dialect / APP


def version_files(folder: Path) -> list[Path]:
    """The migration files in `folder`, oldest first (aerich orders them by their number)."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and _VERSION_FILE.fullmatch(p.name)]
    return sorted(files, key=lambda p: int(p.name.split("_", 1)[0]))


async def make_migrations(
    name: str,
    *,
    dialects: Sequence[str] = DIALECTS,
    root: Path = MIGRATIONS_DIR,
    postgres_url: str | None = None,
) -> None:
    """Write the next migration named `name` into each dialect's history under `root`.

    Each dialect runs in a fresh child process (see the module's docstring).
    """
    _check_name(name)
    for dialect in dialects:
        _check_dialect(dialect)
    failed: list[str] = []
    for dialect in dialects:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "servicedesk.devtools.makemigrations",
            name,
            "--dialect",
            dialect,
            "--root",
            str(root),
            "--in-process",
            env={**os.environ, "POSTGRES_ADMIN_URL": postgres_url or postgres_admin_url()},
        )
        if await process.wait() != 0:
            failed.append(dialect)
    if failed:
        raise MigrationsError(f"making the migration failed for {', '.join(failed)} (see above)")


async def make_dialect_migration(
    dialect: str, name: str, *, root: Path = MIGRATIONS_DIR, postgres_url: str | None = None
) -> Path | None:
    """Do `make_migrations` for one dialect in this process; return the file written, if any.

    Call it at most once per process (aerich's class-level state).
    """
    from aerich import Command
    from aerich.exceptions import NotSupportError

    _check_name(name)
    _check_dialect(dialect)
    location = root / dialect
    folder = history_dir(root, dialect)
    history = version_files(folder)
    if not history:
        _clear_leftovers(folder)
    with tempfile.TemporaryDirectory(prefix="servicedesk-migrations-") as tmp:
        async with _scratch_database(dialect, Path(tmp), postgres_url) as url:
            settings = load({"DATA_DIR": tmp, "DATABASE_URL": url, "DB_POOL_SIZE": "1"})
            command = Command(tortoise_config(settings), app=APP, location=str(location))
            try:
                if not history:
                    await command.init_db(safe=True)
                    new = [p for p in version_files(folder) if p not in history]
                    version = new[-1].name if new else ""
                else:
                    await command.init()
                    await command.upgrade(run_in_transaction=True)
                    await command.init()  # reads the models' state of the last applied migration
                    try:
                        with sqlite_comments_unchanged():
                            version = await command.migrate(name, no_input=True)
                    except NotSupportError as exc:
                        raise MigrationsError(
                            f"{dialect}: aerich cannot express this change ({exc}). Write that "
                            f"migration by hand, or, while no database in use depends on the "
                            f"history, delete the files in {folder} and run again to start it anew"
                        ) from None
            finally:
                await command.aclose()
    if not version:
        return None
    written = folder / version
    keep_sql_verbatim(written)
    return written


def keep_sql_verbatim(path: Path) -> None:
    """Make the SQL string literals of the migration file at `path` raw (see the docstring)."""
    text = path.read_text(encoding="utf-8")
    fixed = _SQL_LITERAL.sub(r'\1r"""', text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(fixed, str(path), "exec")  # a SyntaxError here leaves the file as aerich wrote it
    path.write_text(fixed, encoding="utf-8")


def _check_name(name: str) -> None:
    if not NAME_PATTERN.fullmatch(name):
        raise MigrationsError(
            f"migration name {name!r}: use lower-case letters, digits and _, e.g. add_orders"
        )


def _check_dialect(dialect: str) -> None:
    if dialect not in DIALECTS:
        raise MigrationsError(f"dialect {dialect!r} is not one of {', '.join(DIALECTS)}")


def _clear_leftovers(folder: Path) -> None:
    """Remove what an emptied history folder may still hold (aerich's init refuses any file)."""
    if not folder.is_dir():
        return
    shutil.rmtree(folder / "__pycache__", ignore_errors=True)
    others = sorted(p.name for p in folder.iterdir())
    if others:
        raise MigrationsError(
            f"{folder} has no migration files but holds {', '.join(others)}: remove them first"
        )


@asynccontextmanager
async def _scratch_database(
    dialect: str, tmp: Path, postgres_url: str | None
) -> AsyncIterator[str]:
    if dialect == "sqlite":
        yield f"sqlite://{tmp / 'scratch.sqlite3'}"
        return
    import asyncpg

    admin_url = postgres_url or postgres_admin_url()
    name = f"servicedesk_makemigrations_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        admin = await asyncpg.connect(admin_url, timeout=10)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise MigrationsError(
            f"postgres: cannot connect to {_without_password(admin_url)} ({exc}); "
            "start PostgreSQL or set POSTGRES_ADMIN_URL"
        ) from None
    try:
        await admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        try:
            parts = urlsplit(admin_url)
            yield urlunsplit(("postgres", parts.netloc, f"/{name}", parts.query, ""))
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m servicedesk.devtools.makemigrations",
        description="Write the next aerich migration of each dialect's history.",
    )
    parser.add_argument("name", help="name of the migration, e.g. add_orders")
    parser.add_argument(
        "--dialect",
        action="append",
        choices=DIALECTS,
        help="only this dialect (may be repeated; default: all)",
    )
    parser.add_argument("--root", type=Path, default=MIGRATIONS_DIR, help=argparse.SUPPRESS)
    parser.add_argument(
        "--postgres-url",
        default=None,
        help="administrative PostgreSQL URL for the scratch database "
        f"(default: $POSTGRES_ADMIN_URL or {DEFAULT_POSTGRES_ADMIN_URL})",
    )
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    dialects: list[str] = args.dialect or list(DIALECTS)
    root: Path = args.root.resolve()
    try:
        if args.in_process:
            if len(dialects) != 1:
                parser.error("--in-process takes exactly one --dialect")
            written = asyncio.run(
                make_dialect_migration(
                    dialects[0], args.name, root=root, postgres_url=args.postgres_url
                )
            )
            where = written.relative_to(root.parent) if written else None
            print(f"{dialects[0]}: {f'wrote {where}' if where else 'no changes'}")
        else:
            asyncio.run(
                make_migrations(
                    args.name, dialects=dialects, root=root, postgres_url=args.postgres_url
                )
            )
    except MigrationsError as exc:
        sys.exit(f"makemigrations: {exc}")


if __name__ == "__main__":
    main()
