"""Scratch PostgreSQL databases and service checks for the tests.

PostgreSQL is reached through `TEST_POSTGRES_URL` (an administrative URL: a role that may create
and drop databases, pointing at an existing database such as `postgres`); Redis through
`TEST_REDIS_URL`. When `SERVICEDESK_REQUIRE_SERVICES=1` (set by `.ci/run`), a missing service
must fail the run instead of skipping its tests: `service_missing()` does one or the other.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
import redis

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
CONNECT_TIMEOUT = 5.0

_UNREACHABLE = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


def postgres_admin_url() -> str:
    return os.environ.get("TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


def redis_test_url() -> str:
    return os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL


def require_services() -> bool:
    """True when a missing PostgreSQL or Redis must fail the run rather than skip tests."""
    return os.environ.get("SERVICEDESK_REQUIRE_SERVICES") == "1"


def service_missing(reason: str) -> NoReturn:
    """Skip the current test for `reason`, or fail it when services are required."""
    if require_services():
        pytest.fail(f"{reason} (SERVICEDESK_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(reason)


def database_url(server_url: str, database: str) -> str:
    """`server_url` with its database (the URL path) replaced by `database`."""
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def postgres_available(url: str | None = None) -> bool:
    """True when the PostgreSQL server at `url` (default: the admin URL) accepts a query."""
    try:
        conn = await asyncpg.connect(url or postgres_admin_url(), timeout=CONNECT_TIMEOUT)
    except _UNREACHABLE:
        return False
    try:
        await conn.fetchval("SELECT 1")
    except _UNREACHABLE:
        return False
    finally:
        await conn.close()
    return True


async def create_postgres_database(prefix: str) -> str:
    """Create a fresh, uniquely named, empty database; return its URL.

    The name is `prefix` (lower-cased, reduced to letters, digits and `_`), the process id and a
    random suffix, so parallel runs on one server never collide.
    """
    admin_url = postgres_admin_url()
    stem = re.sub(r"[^a-z0-9_]+", "_", prefix.lower()).strip("_")[:30] or "test"
    name = f"{stem}_{os.getpid()}_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(admin_url, timeout=CONNECT_TIMEOUT)
    try:
        await conn.execute(f"CREATE DATABASE {_quote(name)} TEMPLATE template0 ENCODING 'UTF8'")
        # A test database outlives no crash: commits need not wait for the WAL to reach the
        # disk (the server's other databases keep their setting).
        await conn.execute(f"ALTER DATABASE {_quote(name)} SET synchronous_commit = off")
    finally:
        await conn.close()
    return database_url(admin_url, name)


async def drop_postgres_database(url: str) -> None:
    """Drop the database named by `url` (if it exists), ending any connection still open on it."""
    name = database_name(url)
    if not name:
        raise ValueError(f"no database name in {url!r}")
    if name == database_name(postgres_admin_url()):
        raise ValueError(f"refusing to drop the administrative database {name!r}")
    conn = await asyncpg.connect(postgres_admin_url(), timeout=CONNECT_TIMEOUT)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
    finally:
        await conn.close()


def redis_available(url: str | None = None) -> bool:
    """True when the Redis server at `url` (default `TEST_REDIS_URL`) answers PING."""
    client = redis.Redis.from_url(
        url or redis_test_url(), socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=5.0
    )
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()
