"""Fixtures: the real ASGI app on SQLite and on PostgreSQL + Redis, and an HTTP client.

Every test runs once per backend. The PostgreSQL run uses a fresh database per test
session; tests never clean up, because every test works in companies of its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from tortoise.backends.base.executor import EXECUTOR_CACHE

from config.settings import Settings, load
from servicedesk.app import create_app
from servicedesk.db import migrate
from tests.compat.xdist_groups import suffix_groups
from tests.support.api import Api, api_of
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_available,
    redis_available,
    redis_test_url,
    service_missing,
)

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"


def test_settings(data_dir: Path, database_url: str, redis_url: str | None) -> Settings:
    env = {
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "SECRET_KEY": TEST_SECRET,
        # The suite hashes thousands of passwords and no test measures the hash's cost: 64 KiB
        # on one lane (four lanes start four threads a pass: 1.7 ms of CPU a hash, one 0.1 ms).
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "https://desk.example.test",
        "ALLOWED_ORIGINS": "https://app.example.test",
        # Tests run the deadline watch's rounds themselves, with a clock of their own.
        "DEADLINE_WATCH_SECONDS": "0",
        # Tests run the orphan sweep themselves (tests/test_photo_storage.py).
        "ORPHAN_SWEEP_SECONDS": "0",
        # Tests run delivery rounds of the inbox's queue themselves (tests/test_inbox.py).
        "DELIVERY_POLL_SECONDS": "0",
        # ... and IMAP polls (tests/test_email_parsing.py).
        "IMAP_POLL_SECONDS": "0",
        # ... and webhook delivery rounds (tests/test_webhook_delivery.py).
        "WEBHOOK_POLL_SECONDS": "0",
        "WEBHOOK_RETRY_BASE_SECONDS": "1",
        "OUTBOUND_POLL_SECONDS": "0",  # outbound rounds too (tests/test_outbound_delivery.py)
        # The tests' SMTP, IMAP and Bot API servers listen on loopback (tests/security/
        # test_outgoing_hosts.py turns this off to see such hosts refused).
        "ALLOW_PRIVATE_HOSTS": "1",
        # Every test registers from one address and some write hundreds of rows in a loop:
        # generous limits here; tests/security/test_rate_limits.py and test_write_budget.py
        # try the real ones with settings of their own.
        "REGISTRATIONS_PER_ADDRESS": "100000",
        "WRITES_PER_MINUTE": "100000",
        "WRITE_BURST": "100000",
        # Six workers' apps, and the servers tests start, share one PostgreSQL server with
        # max_connections 100: ten a pool let two suites on one server run out of them.
        "DB_POOL_SIZE": "5",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return load(env)


@pytest_asyncio.fixture(scope="session", params=["sqlite", "postgres"])
async def settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Settings]:
    data_dir = tmp_path_factory.mktemp(f"data-{request.param}")
    if request.param == "sqlite":
        yield test_settings(data_dir, f"sqlite://{data_dir / 'test.sqlite3'}", None)
        return
    if not await postgres_available():
        service_missing("PostgreSQL is not reachable: the PostgreSQL half of the suite is skipped")
    if not redis_available():
        service_missing("Redis is not reachable: the PostgreSQL + Redis half is skipped")
    url = await create_postgres_database("servicedesk_test")
    try:
        yield test_settings(data_dir, url, redis_test_url())
    finally:
        await drop_postgres_database(url)


@pytest_asyncio.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    # Tortoise caches insert statements per connection name and table, not per dialect; one
    # process never switches dialect in production, but this test session does.
    EXECUTOR_CACHE.clear()
    await migrate(settings)
    application = create_app(settings)
    async with LifespanManager(application):
        yield application


@pytest_asyncio.fixture
async def api(app: Starlette) -> AsyncIterator[Api]:
    async with api_of(app) as client:
        yield client


@pytest.fixture
def backend(settings: Settings) -> str:
    return settings.dialect


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the PostgreSQL + Redis half (`-m "not postgres"` runs the SQLite half alone, as
    `make test-fast` does): tests run with a "postgres" parameter, and modules that mark
    themselves (those that start PostgreSQL-backed processes). Then keep each xdist_group on
    one worker (tests/compat/xdist_groups.py)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgres" in callspec.params.values():
            item.add_marker(pytest.mark.postgres)
    suffix_groups(config, items)
