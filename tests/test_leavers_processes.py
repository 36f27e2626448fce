"""A leaver's socket on a real API process closes within a second when another process
deactivates it: here the other process's work (its transaction, then its signal on Redis) is
done by the test itself, as `resolvers.leavers.deactivate_member` does it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
import pytest_asyncio
from redis import asyncio as aioredis

from realtime.member_signals import CHANNEL
from schema.ids import decode_id
from tests.conftest import TEST_SECRET
from tests.support.api import Api, invite_and_accept, register
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_available,
    service_missing,
)
from tests.support.processes import RedisServer, api_server, serve_command
from tests.support.ws import socket

pytestmark = [pytest.mark.asyncio, pytest.mark.postgres]

EVENTS = "subscription { orderEvents { kind } }"


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest_asyncio.fixture(scope="module")
async def server(
    redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[str, str]]:
    """One `servicedesk serve` process on a database of its own; yields its URL and the
    database's."""
    if not await postgres_available():
        service_missing("PostgreSQL is not reachable: the process test is skipped")
    database = await create_postgres_database("servicedesk_leavers")
    data = tmp_path_factory.mktemp("leavers")
    env = {
        "DATABASE_URL": database,
        "REDIS_URL": redis_server.url,
        "DATA_DIR": str(data),
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
    }
    try:
        with api_server(env, data / "api.log", serve_command) as server:  # it migrates
            yield server.url, database
    finally:
        await drop_postgres_database(database)


async def test_another_process_s_deactivation_closes_the_socket_here(
    server: tuple[str, str], redis_server: RedisServer
) -> None:
    url, database = server
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        api = Api(http)
        owner = await register(api)
        leaver = await invite_and_accept(api, owner, "Staff Boris")
        member = decode_id(leaver.member_id, "Member")
        async with socket(http, leaver.access) as sock:
            await sock.subscribe(EVENTS)
            await asyncio.sleep(0.3)  # the subscription is running on the server
            connection = await asyncpg.connect(database)
            try:
                async with connection.transaction():
                    await connection.execute(
                        "UPDATE membership SET active = false, deactivated_at = now() "
                        "WHERE id = $1",
                        member,
                    )
                    await connection.execute(
                        "UPDATE session SET revoked_at = now() WHERE membership_id = $1", member
                    )
            finally:
                await connection.close()
            started = time.perf_counter()
            async with aioredis.Redis.from_url(redis_server.url) as redis:
                await redis.publish(CHANNEL, str(member))
            assert await sock.closed(seconds=1.0) == 4401
            elapsed = time.perf_counter() - started
        print(f"closed {elapsed:.3f} s after the signal, on another process")
        assert elapsed < 1.0
