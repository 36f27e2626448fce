"""Each dialect's aerich history builds exactly the models' schema, with nothing left pending.

For SQLite and for PostgreSQL: database A, empty, is upgraded with the history (what
`servicedesk migrate` does); database B, empty, gets Tortoise's `generate_schemas()` from the same
models. Their introspected schemas (tables, columns, indexes, keys, comments) must be equal,
aerich's own table aside, with two differences allowed, both what a later migration must do to
change an existing table: a NOT NULL column that it adds gets the model's default as a database
default (existing rows need a value), where `generate_schemas()` leaves Python-side defaults out
of the database; and, in SQLite, whose ALTER TABLE cannot add a UNIQUE constraint, a unique
column or `unique_together` added later is a unique index of the same columns instead.
Then aerich, asked for the next migration on an upgraded database
(on a copy of the history), must find no change to write.

The Tortoise and aerich work runs in child processes: both keep process-wide state that must not
meet the app's Tortoise set up by the rest of the suite. PostgreSQL is skipped when it does not
answer, unless SERVICEDESK_REQUIRE_SERVICES=1, which makes that a failure.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from servicedesk.db import MIGRATIONS_DIR
from servicedesk.devtools.makemigrations import history_dir, version_files
from tests.support.build_schema import PYTHON_DEFAULTS_MARK
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_admin_url,
    postgres_available,
    service_missing,
)
from tests.support.introspect import Schema, schema_of, sqlite_path

BUILD_SCHEMA = Path(__file__).resolve().parent / "support" / "build_schema.py"
AERICH_TABLE = "aerich"
CHILD_TIMEOUT = 180.0

pytestmark = pytest.mark.asyncio

DIALECTS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres")]


async def _run(*args: str, env: dict[str, str] | None = None) -> str:
    """Run a Python child process; return its output, or fail the test with it.

    Warnings are errors there as they are in the suite (a migration file with an invalid escape
    sequence, for one, would fail where the app's test fixtures migrate).
    """
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "PYTHONWARNINGS": "error", **(env or {})},
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), CHILD_TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        pytest.fail(f"`python {' '.join(args)}` did not finish in {CHILD_TIMEOUT:.0f} s")
    text = output.decode(errors="replace")
    if process.returncode != 0:
        pytest.fail(f"`python {' '.join(args)}` exited with {process.returncode}:\n{text}")
    return text


async def _require_postgres() -> None:
    url = postgres_admin_url()
    if not await postgres_available(url):
        service_missing(
            f"PostgreSQL does not answer at {url} (TEST_POSTGRES_URL): "
            "the PostgreSQL migration history is not checked"
        )


@asynccontextmanager
async def _empty_databases(dialect: str, tmp_path: Path) -> AsyncIterator[tuple[str, str]]:
    """Two empty databases of `dialect`: (to migrate, to generate); dropped afterwards."""
    if dialect == "sqlite":
        yield (
            f"sqlite://{tmp_path / 'migrated.sqlite3'}",
            f"sqlite://{tmp_path / 'generated.sqlite3'}",
        )
        return
    await _require_postgres()
    migrated = await create_postgres_database("test_migrations_migrated")
    try:
        generated = await create_postgres_database("test_migrations_generated")
        try:
            yield migrated, generated
        finally:
            await drop_postgres_database(generated)
    finally:
        await drop_postgres_database(migrated)


def _history(dialect: str) -> list[Path]:
    files = version_files(history_dir(MIGRATIONS_DIR, dialect))
    if not files:
        pytest.fail(
            f"no migration history in {history_dir(MIGRATIONS_DIR, dialect)}: "
            "run `make migrations NAME=init`"
        )
    return files


async def _applied_versions(url: str) -> list[str]:
    if url.startswith("sqlite://"):
        import sqlite3

        conn = sqlite3.connect(f"file:{sqlite_path(url)}?mode=ro", uri=True)
        try:
            rows = conn.execute(f"SELECT version FROM {AERICH_TABLE} ORDER BY id").fetchall()
        finally:
            conn.close()
        return [str(row[0]) for row in rows]
    import asyncpg

    pg = await asyncpg.connect(url, timeout=10)
    try:
        records = await pg.fetch(f"SELECT version FROM {AERICH_TABLE} ORDER BY id")
    finally:
        await pg.close()
    return [str(r["version"]) for r in records]


def _python_defaults(output: str) -> dict[str, list[str]]:
    for line in output.splitlines():
        if line.startswith(PYTHON_DEFAULTS_MARK):
            parsed: dict[str, list[str]] = json.loads(line[len(PYTHON_DEFAULTS_MARK) :])
            return parsed
    pytest.fail(f"build_schema.py generate printed no {PYTHON_DEFAULTS_MARK.strip()}:\n{output}")


def _without_aerich_added_defaults(
    migrated: Schema, generated: Schema, python_defaults: dict[str, list[str]]
) -> Schema:
    """`migrated` less the database defaults that aerich gives columns it adds (see the top)."""
    result = copy.deepcopy(migrated)
    for table, columns in python_defaults.items():
        m_columns = result["tables"].get(table, {}).get("columns", {})
        g_columns = generated["tables"].get(table, {}).get("columns", {})
        for column in columns:
            m_column, g_column = m_columns.get(column), g_columns.get(column)
            if (
                m_column is not None
                and g_column is not None
                and m_column["not_null"]
                and m_column["default"] is not None
                and g_column["default"] is None
            ):
                m_column["default"] = None
    return result


def _with_sqlite_unique_constraints_for_indexes(migrated: Schema, generated: Schema) -> Schema:
    """`migrated` with SQLite unique indexes that stand for UNIQUE constraints (see the top)."""
    result = copy.deepcopy(migrated)
    for name, table in result["tables"].items():
        g_indexes = generated["tables"].get(name, {}).get("indexes", {})
        for label, index in list(table["indexes"].items()):
            if label in g_indexes or index["origin"] != "c" or not index["unique"]:
                continue
            for g_label, g_index in g_indexes.items():
                if (
                    g_index["origin"] == "u"
                    and g_index["columns"] == index["columns"]
                    and g_index["partial"] == index["partial"]
                    and g_label not in table["indexes"]
                ):
                    del table["indexes"][label]
                    table["indexes"][g_label] = g_index
                    break
    return result


def _differences(migrated: object, generated: object, where: str = "") -> list[str]:
    """Readable differences, one line per differing item (the full assertion follows them)."""
    if isinstance(migrated, dict) and isinstance(generated, dict):
        lines: list[str] = []
        for key in sorted(set(migrated) | set(generated), key=str):
            path = f"{where}.{key}" if where else str(key)
            if key not in migrated:
                lines.append(f"{path}: not created by the migrations: {generated[key]!r}")
            elif key not in generated:
                lines.append(
                    f"{path}: created by the migrations, not in the models: {migrated[key]!r}"
                )
            else:
                lines += _differences(migrated[key], generated[key], path)
        return lines
    if migrated != generated:
        return [f"{where}: migrated {migrated!r}, models {generated!r}"]
    return []


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_history_upgrades_an_empty_database_to_the_models_schema(
    dialect: str, tmp_path: Path
) -> None:
    history = _history(dialect)
    async with _empty_databases(dialect, tmp_path) as (migrated_url, generated_url):
        await _run(str(BUILD_SCHEMA), "migrate", migrated_url)
        python_defaults = _python_defaults(await _run(str(BUILD_SCHEMA), "generate", generated_url))
        applied = await _applied_versions(migrated_url)
        ignore = frozenset({AERICH_TABLE})
        migrated = await schema_of(migrated_url, ignore)
        generated = await schema_of(generated_url, ignore)
    migrated = _without_aerich_added_defaults(migrated, generated, python_defaults)
    if dialect == "sqlite":
        migrated = _with_sqlite_unique_constraints_for_indexes(migrated, generated)

    assert applied == [f.name for f in history], "every migration file is applied, in order"
    assert generated["tables"], "the models define tables"
    differences = _differences(migrated, generated)
    assert not differences, "the migrated schema differs from the models:\n" + "\n".join(
        differences
    )
    assert migrated == generated


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_history_leaves_no_model_change_pending(dialect: str, tmp_path: Path) -> None:
    history = _history(dialect)
    if dialect == "postgres":
        await _require_postgres()
    root = tmp_path / "migrations"
    shutil.copytree(
        MIGRATIONS_DIR / dialect,
        root / dialect,
        ignore=shutil.ignore_patterns("__pycache__"),
    )

    output = await _run(
        "-m",
        "servicedesk.devtools.makemigrations",
        "pending_check",
        "--dialect",
        dialect,
        "--root",
        str(root),
        env={"POSTGRES_ADMIN_URL": postgres_admin_url()},
    )

    after = version_files(history_dir(root, dialect))
    new = [f for f in after if f.name not in {h.name for h in history}]
    details = "\n\n".join(f"{f.name}:\n{f.read_text()}" for f in new)
    assert not new, (
        f"the models changed since the last {dialect} migration; "
        f"run `make migrations NAME=...`. aerich would write:\n{details}"
    )
    assert f"{dialect}: no changes" in output
