"""A newcomer's first hour through the command line, as a subprocess: a wrong DATABASE_URL is
one line naming it (password masked) and a non-zero status, never a traceback; `migrate` and
`demo` create a missing PostgreSQL database, a production `serve` refuses to; a production
start lists every missing or invalid setting at once; `demo` prints one short block whose API
token works, on the second run too."""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from config.settings import SettingsError, load
from servicedesk.devtools import demo_data as d
from tests.conftest import TEST_SECRET
from tests.support.databases import (
    CONNECT_TIMEOUT,
    database_name,
    database_url,
    drop_postgres_database,
    postgres_admin_url,
    postgres_available,
    service_missing,
)
from tests.support.processes import ROOT, api_server, free_port

PASSWORD_IN_URL = "s3cret-pw"
SERVE = [sys.executable, "-m", "servicedesk.cli", "serve"]
# Settings a test may not inherit from the shell that runs the suite.
OWN_SETTINGS = ("DATABASE_URL", "SERVICEDESK_ENV", "SECRET_KEY", "PUBLIC_URL", "SMTP_URL")


def cli(data: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """`servicedesk ARGS` with DATA_DIR `data` and `settings` over a clean environment."""
    env = {k: v for k, v in os.environ.items() if k not in OWN_SETTINGS}
    env |= {"DATA_DIR": str(data), "ARGON2_MEMORY_KIB": "1024", "ARGON2_LANES": "1", **settings}
    return subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def failed_in_one_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one line on stderr of a command that stopped as it should."""
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    [line] = done.stderr.strip().splitlines()
    return line


def require_postgres() -> str:
    """The admin URL of the test PostgreSQL server; the test is skipped (or fails in CI)
    without one."""
    if not asyncio.run(postgres_available()):
        service_missing("PostgreSQL is not reachable: the first-hour PostgreSQL tests skip")
    return postgres_admin_url()


async def _fetch(url: str, query: str) -> object:
    connection = await asyncpg.connect(url, timeout=CONNECT_TIMEOUT)
    try:
        return await connection.fetchval(query)
    finally:
        await connection.close()


def fetch(url: str, query: str) -> object:
    return asyncio.run(_fetch(url, query))


async def _admin(statement: str) -> None:
    connection = await asyncpg.connect(postgres_admin_url(), timeout=CONNECT_TIMEOUT)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def admin(statement: str) -> None:
    """Run `statement` as the test server's administrator, as the error line tells one to."""
    asyncio.run(_admin(statement))


async def _exists(name: str) -> bool:
    connection = await asyncpg.connect(postgres_admin_url(), timeout=CONNECT_TIMEOUT)
    try:
        found = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    finally:
        await connection.close()
    return bool(found == 1)


def exists(name: str) -> bool:
    return asyncio.run(_exists(name))


@pytest.fixture
def missing_database() -> Iterator[str]:
    """The URL of a PostgreSQL database that does not exist yet; dropped after the test. Its
    name needs quoting (capitals and a double quote), as a newcomer's might."""
    admin = require_postgres()
    url = database_url(admin, f'First"Hour_{secrets.token_hex(4)}')
    try:
        yield url
    finally:
        asyncio.run(drop_postgres_database(url))


def with_password(url: str) -> str:
    return url.replace("://", f"://servicedesk:{PASSWORD_IN_URL}@", 1)


@pytest.mark.parametrize("command", ["migrate", "serve", "demo"])
@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            "postgres://127.0.0.1:{closed}/desk",
            "nothing listens on 127.0.0.1:{closed} (is PostgreSQL running there?)",
        ),
        ("postgres://db.first-hour.invalid:5432/desk", "unknown host 'db.first-hour.invalid'"),
    ],
    ids=["closed-port", "unknown-host"],
)
def test_an_unreachable_database_is_one_line_naming_it(
    tmp_path: Path, command: str, url: str, problem: str
) -> None:
    closed = str(free_port())
    url, problem = with_password(url.format(closed=closed)), problem.format(closed=closed)
    line = failed_in_one_line(cli(tmp_path, command, DATABASE_URL=url))
    masked = url.replace(PASSWORD_IN_URL, "***")
    assert line == f"servicedesk: DATABASE_URL {masked}: {problem}"
    assert PASSWORD_IN_URL not in line


def test_a_sqlite_file_in_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'no-such-folder' / 'desk.sqlite3'}"
    line = failed_in_one_line(cli(tmp_path, "migrate", DATABASE_URL=url))
    assert line == (
        f"servicedesk: DATABASE_URL {url}: folder '{tmp_path / 'no-such-folder'}' does not exist"
    )


def test_a_bad_scheme_is_one_line(tmp_path: Path) -> None:
    done = cli(tmp_path, "serve", DATABASE_URL=f"mysql://root:{PASSWORD_IN_URL}@db/desk")
    assert failed_in_one_line(done) == (
        "servicedesk: invalid setting DATABASE_URL: scheme 'mysql' is not sqlite:// or postgres://"
    )
    assert done.returncode == 2


@pytest.mark.postgres
def test_an_unknown_role_is_one_line(tmp_path: Path) -> None:
    url = as_user(require_postgres(), "no_such_role_first_hour")
    line = failed_in_one_line(cli(tmp_path, "migrate", DATABASE_URL=url))
    assert line.startswith(f"servicedesk: DATABASE_URL {url}: PostgreSQL refused the login: ")
    assert 'role "no_such_role_first_hour" does not exist' in line


@pytest.fixture
def plain_role() -> Iterator[str]:
    """A PostgreSQL login that may not create databases; dropped after the test."""
    require_postgres()
    name = f"first_hour_{secrets.token_hex(4)}"
    admin(f'CREATE ROLE "{name}" LOGIN')
    try:
        yield name
    finally:
        admin(f'DROP ROLE IF EXISTS "{name}"')


def as_user(url: str, user: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{user}@{parts.netloc.rpartition('@')[2]}"))


@pytest.mark.postgres
def test_a_user_without_rights_is_told_the_sql_that_gives_them(
    tmp_path: Path, plain_role: str, missing_database: str
) -> None:
    url, name = as_user(missing_database, plain_role), database_name(missing_database)
    line = failed_in_one_line(cli(tmp_path, "migrate", DATABASE_URL=url))
    quoted = '"' + name.replace('"', '""') + '"'
    create = f'CREATE DATABASE {quoted} OWNER "{plain_role}"'
    assert line == (
        f"servicedesk: DATABASE_URL {url}: database {name!r} does not exist and user "
        f"{plain_role!r} may not create it: as a superuser run {create}"
    )
    admin(create.replace(f' OWNER "{plain_role}"', ""))  # made without the advice's OWNER
    line = failed_in_one_line(cli(tmp_path, "migrate", DATABASE_URL=url))
    give = line.partition("as a superuser run ")[2]
    assert line.startswith(
        f"servicedesk: DATABASE_URL {url}: user {plain_role!r} may not change the schema "
    )
    assert give.startswith("ALTER DATABASE ")
    admin(give)
    done = cli(tmp_path, "migrate", DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("migrations applied: 0_")


@pytest.mark.postgres
def test_migrate_creates_a_missing_database(tmp_path: Path, missing_database: str) -> None:
    name = database_name(missing_database)
    done = cli(tmp_path, "migrate", DATABASE_URL=missing_database)
    assert done.returncode == 0, done.stderr
    created, applied = done.stdout.splitlines()
    assert created == f"created database {name!r}"
    assert applied.startswith("migrations applied: 0_")
    assert fetch(missing_database, "SELECT count(*) FROM company") == 0
    again = cli(tmp_path, "migrate", DATABASE_URL=missing_database)
    assert again.stdout.splitlines() == ["database is up to date"]


@pytest.mark.postgres
def test_development_serve_creates_a_missing_database_as_it_creates_a_sqlite_file(
    tmp_path: Path, missing_database: str
) -> None:
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": missing_database}
    log = tmp_path / "serve.log"
    with api_server(env, log, lambda port: [*SERVE, "--port", str(port)]) as server:
        assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200
    assert f"created database {database_name(missing_database)!r}" in log.read_text()


@pytest.mark.postgres
def test_production_serve_names_a_missing_database_and_creates_none(
    tmp_path: Path, missing_database: str
) -> None:
    name = database_name(missing_database)
    done = cli(
        tmp_path,
        "serve",
        SERVICEDESK_ENV="production",
        SECRET_KEY=TEST_SECRET,
        PUBLIC_URL="https://desk.example.test",
        DATABASE_URL=missing_database,
    )
    assert failed_in_one_line(done) == (
        f"servicedesk: DATABASE_URL {missing_database}: database {name!r} does not exist; "
        "`servicedesk migrate` creates it"
    )
    assert not exists(name)


def test_production_lists_every_missing_and_invalid_setting_at_once(tmp_path: Path) -> None:
    done = cli(tmp_path, "serve", SERVICEDESK_ENV="production", DB_POOL_SIZE="many")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    named = [
        re.match(r"servicedesk: invalid setting (\w+): ", line) for line in done.stderr.splitlines()
    ]
    assert [found and found[1] for found in named] == [
        "DB_POOL_SIZE",
        "SECRET_KEY",
        "PUBLIC_URL",
        "DATABASE_URL",
    ]


def test_production_runs_on_sqlite_only_when_told(tmp_path: Path) -> None:
    required = {
        "DATA_DIR": str(tmp_path),
        "SERVICEDESK_ENV": "production",
        "SECRET_KEY": TEST_SECRET,
        "PUBLIC_URL": "https://desk.example.test",
    }
    with pytest.raises(SettingsError) as caught:
        load(required)
    assert caught.value.problems == (
        (
            "DATABASE_URL",
            "required in production (postgres://user:pass@host:5432/db; "
            "the SQLite file is the development default)",
        ),
    )
    chosen = f"sqlite://{tmp_path / 'desk.sqlite3'}"
    assert load({**required, "DATABASE_URL": chosen}).database_url == chosen


def demo_block(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The demo's block: after the migration line, short, with every login; no e-mail lines."""
    assert done.returncode == 0, done.stderr
    assert "e-mail to" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(("migrations applied: ", "database is up to date", "created "))
    block = lines[next(i for i, line in enumerate(lines) if line.startswith("Demo company")) :]
    assert len(block) <= 16
    logins = [d.OWNER_EMAIL, *(email for _, email, *_ in d.STAFF)]
    logins += [c.portal for c in d.CONTACTS if c.portal]
    for email in logins:
        assert any(line.split()[:1] == [email] for line in block), email
    assert f"password {d.PASSWORD!r}" in "\n".join(block)
    assert block[-2].endswith("/graphql;")
    return block


def outbox_size(url: str) -> int:
    query = "SELECT count(*) FROM outbox_email"
    if url.startswith("sqlite://"):
        with closing(sqlite3.connect(url.removeprefix("sqlite://"))) as db:
            count: int = db.execute(query).fetchone()[0]
            return count
    return int(str(fetch(url, query)))


def token_of(block: list[str]) -> str:
    [token] = [line.strip() for line in block if line.strip().startswith("sd_")]
    return token


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_demo_prints_a_short_block_with_a_working_token_every_run(
    tmp_path: Path, dialect: str, request: pytest.FixtureRequest
) -> None:
    if dialect == "sqlite":
        url = f"sqlite://{tmp_path / 'demo.sqlite3'}"
    else:  # a database the demo itself creates
        url = request.getfixturevalue("missing_database")
    first = demo_block(cli(tmp_path, "demo", DATABASE_URL=url))
    queued = re.fullmatch(r"Demo company 'Demo Cleaning' created\. (\d+) e-mails .*", first[0])
    assert queued is not None, first[0]
    if dialect == "postgres":
        assert exists(database_name(url))
    assert outbox_size(url) == int(queued[1]) > 0
    second = demo_block(cli(tmp_path, "demo", DATABASE_URL=url))
    assert (
        second[0] == "Demo company 'Demo Cleaning' already exists: only a new API token was made."
    )
    tokens = [token_of(first), token_of(second)]
    assert tokens[0] != tokens[1]
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": url, "SECRET_KEY": TEST_SECRET}
    query = {"query": "{ orders(first: 20) { edges { node { number } } } }"}
    with (
        api_server(env, tmp_path / "server.log") as server,
        httpx.Client(base_url=server.url, timeout=10) as http,
    ):
        seen = [
            http.post("/graphql", json=query, headers={"Authorization": f"Bearer {token}"}).json()
            for token in tokens
        ]
    assert seen[0] == seen[1]
    assert seen[0]["data"]["orders"]["edges"], seen[0]
