"""Two real API processes on one PostgreSQL database, each running the deadline watch every
second: every escalation level and every visit reminder happens exactly once (each step is
claimed by a conditional UPDATE; the outbound rows carry a dedupe key besides)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest
import pytest_asyncio

from schema.ids import decode_id
from tests.conftest import TEST_SECRET
from tests.support.api import Api
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_available,
    service_missing,
)
from tests.support.escalation import configure, update_contact
from tests.support.notifications import cast
from tests.support.processes import RedisServer, api_processes
from tests.support.watch_rounds import more_rounds_everywhere
from tests.support.world import create_order

pytestmark = [pytest.mark.asyncio, pytest.mark.postgres]

ORDERS = 8
TOTALS = """
SELECT
  (SELECT count(*) FROM notification WHERE company_id = $1 AND kind = 'ORDER_ESCALATED'),
  (SELECT count(DISTINCT (order_id, member_id)) FROM notification
     WHERE company_id = $1 AND kind = 'ORDER_ESCALATED'),
  (SELECT count(*) FROM notification WHERE company_id = $1 AND kind = 'VISIT_REMINDER'),
  (SELECT count(*) FROM outbound_message WHERE company_id = $1 AND kind = 'VISIT_REMINDER'),
  (SELECT count(*) FROM notification
     WHERE company_id = $1 AND kind = 'CONVERSATION_UNANSWERED')
"""


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest_asyncio.fixture(scope="module")
async def servers(
    redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[list[str], str]]:
    """Two uvicorn processes on one database of their own, the watch every second; their
    URLs and the database's."""
    if not await postgres_available():
        service_missing("PostgreSQL is not reachable: the two-process test is skipped")
    database = await create_postgres_database("servicedesk_escalation")
    data = tmp_path_factory.mktemp("escalation")
    env = {
        "DATABASE_URL": database,
        "REDIS_URL": redis_server.url,
        "DATA_DIR": str(data),
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
        "DEADLINE_WATCH_SECONDS": "1",
    }
    try:
        with api_processes(env, [data / "a.log", data / "b.log"]) as urls:
            yield urls, database
    finally:
        await drop_postgres_database(database)


async def test_two_processes_escalate_and_remind_once(servers: tuple[list[str], str]) -> None:
    urls, database = servers
    url = urls[0]
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        api = Api(http)
        c = await cast(api)  # owner > head > staff; the client and contractor have 2 members
        await update_contact(api, c.owner, c.client.id, email="client@example.test")
        await update_contact(api, c.owner, c.contractor.id, email="fixer@example.test")
        visit = datetime.now(UTC) + timedelta(hours=3)
        orders = [
            await create_order(
                api,
                c.owner,
                clientId=c.client.id,
                addressId=c.client.address_ids[0],
                responsibleId=c.staff.member_id,
                contractorId=c.contractor.id,
                deadline=(visit + timedelta(days=1)).isoformat(),
                visitStart=(visit + timedelta(minutes=30 * i)).isoformat(),
                visitEnd=(visit + timedelta(minutes=30 * i + 30)).isoformat(),
            )
            for i in range(ORDERS)
        ]
    company = c.company_pk
    staff = decode_id(c.staff.member_id, "Member")
    connection = await asyncpg.connect(database)
    try:
        # Long overdue, and a message unanswered for ten minutes, assigned to the staff member.
        await connection.execute(
            "UPDATE \"order\" SET deadline = now() - interval '10 minutes' WHERE id = ANY($1)",
            [decode_id(o["id"], "Order") for o in orders],
        )
        await connection.execute(
            "INSERT INTO conversation (company_id, channel, status, external_key, "
            "last_message_at, last_direction, created_at, assignee_id, unanswered_level) "
            "VALUES ($1, 'TELEGRAM', 'OPEN', 'chat-9', now() - interval '10 minutes', "
            "'INBOUND', now(), $2, 0)",
            company,
            staff,
        )
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            # Everything is due now: minutes of 1 (always working), reminders a day ahead.
            await configure(
                Api(http),
                c.owner,
                overdueEscalationMinutes=1,
                unansweredEscalationMinutes=1,
                visitReminderHours=24,
            )
        # Per order: head, then owner; 4 portal members in the app and 2 contacts by e-mail;
        # the conversation: staff, head, owner.
        expected = (ORDERS * 2, ORDERS * 2, ORDERS * 4, ORDERS * 2, 3)
        started = time.monotonic()
        totals: tuple[int, ...] = ()
        while time.monotonic() - started < 60:
            totals = tuple(await connection.fetchrow(TOTALS, company))
            if totals == expected:
                break
            await asyncio.sleep(0.1)
        print(f"all steps done {time.monotonic() - started:.1f} s after the settings")
        assert totals == expected
        # Nothing more: two more rounds on each process (their own /metrics), so a whole round
        # ran on each after the last step was taken (a fixed 4 s sleep was no such promise).
        await more_rounds_everywhere(urls)
        assert tuple(await connection.fetchrow(TOTALS, company)) == expected
        levels = await connection.fetch(
            'SELECT escalation_level FROM "order" WHERE company_id = $1', company
        )
        assert {row["escalation_level"] for row in levels} == {2}
    finally:
        await connection.close()
