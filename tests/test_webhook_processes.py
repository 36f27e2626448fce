"""Webhooks across real processes: two uvicorn servers sending from one PostgreSQL database,
a Redis of the test's own, and a receiver (tests/support/webhook_receiver.py) in the test's
process that records arrival order and verifies signatures with `standardwebhooks`.

One server killed with SIGKILL in the middle of a burst, or Redis stopped during one: every
event reaches the receiver (a copy only ever with the same `webhook-id`), each order's events
in order, and a client portal member's webhook gets its own orders' events only, as it sees
them (no internal or contractor comments).
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from standardwebhooks import Webhook

from tests.conftest import TEST_SECRET
from tests.support.api import Api, Session, register
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_available,
    service_missing,
)
from tests.support.processes import ApiServer, RedisServer, api_server, serve_command
from tests.support.webhook_receiver import Receiver, webhook_receiver
from tests.support.webhooks import create_webhook
from tests.support.world import COMMENT, ContactCard, contact, create_order, portal_member

# One xdist worker runs the module (its servers and Redis start once); PostgreSQL only.
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.postgres,
    pytest.mark.xdist_group("webhook_processes"),
]

ORDERS = 30
COMMENTS = 9  # per order: with its creation, 300 events
# The comment k of an order (1..9) is for this audience: staff, the client, the contractor.
AUDIENCE = ("INTERNAL", "CLIENT", "CONTRACTOR")
SETTLE_SECONDS = 120
# After both receivers have all they should: two poll rounds and a half more, for strays.
STRAY_SECONDS = 2.5


@dataclass
class Setup:
    env: dict[str, str]
    logs: Path
    redis: RedisServer
    first: ApiServer  # server A of every test (a process start less than two per test)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("wh-redis"))
    server.start()
    yield server
    server.stop()


@pytest_asyncio.fixture(scope="module")
async def setup(
    redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Setup]:
    if not await postgres_available():
        service_missing("PostgreSQL is not reachable: the webhook process tests are skipped")
    database = await create_postgres_database("servicedesk_whprocs")
    data = tmp_path_factory.mktemp("whprocs")
    env = {
        "DATABASE_URL": database,
        "REDIS_URL": redis_server.url,
        "DATA_DIR": str(data),
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
        "WEBHOOK_POLL_SECONDS": "1",
        "WEBHOOK_RETRY_BASE_SECONDS": "1",
        # A sender's lease is timeout + margin: 10 s here instead of the default 40 s. It must
        # cover a live process's whole batch (100 sends, 8 at a time; rounds in one process
        # follow each other), else another process could send an order's event again after
        # that order's next one. The kill test's server B, killed within seconds of its first
        # claims, has a margin of 2 s: its claims lapse 4 s after the kill, not 32 s.
        "WEBHOOK_TIMEOUT_SECONDS": "2",
        "WEBHOOK_LEASE_MARGIN_SECONDS": "8",
        "ALLOW_PRIVATE_HOSTS": "1",  # the receiver listens on loopback, over http
        "WRITES_PER_MINUTE": "100000",
        "WRITE_BURST": "100000",
    }
    try:
        with ExitStack() as stack:  # A is `servicedesk serve`: it migrates the database
            started = api_server(env, data / "a.log", serve_command)
            first = await asyncio.to_thread(stack.enter_context, started)
            yield Setup(env, data, redis_server, first)
    finally:
        await drop_postgres_database(database)


@asynccontextmanager
async def two_servers(setup: Setup, name: str, **b_env: str) -> AsyncIterator[list[ApiServer]]:
    """Two API processes (each runs the webhook sender): the module's server A, and a server
    B of the test's own (the kill test kills it), with `b_env` over the module's settings."""
    with ExitStack() as stack:
        log = setup.logs / f"{name}-b.log"
        env = setup.env | b_env
        second = await asyncio.to_thread(stack.enter_context, api_server(env, log))
        yield [setup.first, second]


@asynccontextmanager
async def api_at(url: str) -> AsyncIterator[Api]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        yield Api(http)


async def hook(api: Api, who: Session, url: str, member: Session | None = None) -> str:
    """A webhook of `who` (for `member`) to `url`; its whsec_ secret."""
    fields = {"memberId": member.member_id} if member else {}
    secret: str = (await create_webhook(api, who, url, **fields))["secret"]
    return secret


@dataclass
class Company:
    owner: Session
    anna: Session  # a client's portal member
    anna_card: ContactCard
    boris_card: ContactCard


async def company(api: Api) -> Company:
    owner = await register(api)
    anna_card = await contact(api, owner, "CLIENT", "Anna")
    boris_card = await contact(api, owner, "CLIENT", "Boris")
    anna = await portal_member(api, owner, anna_card, "Anna Portal")
    return Company(owner, anna, anna_card, boris_card)


async def burst(api: Api, co: Company, orders: int, tag: str) -> dict[str, bool]:
    """`orders` orders made side by side (every other one Anna's), each created and then
    commented COMMENTS times in turn; order id -> whether it is Anna's."""
    made: dict[str, bool] = {}

    async def one(i: int) -> None:
        card = co.anna_card if i % 2 == 0 else co.boris_card
        order = await create_order(
            api, co.owner, clientId=card.id, addressId=card.address_ids[0], title=f"{tag} {i}"
        )
        made[order["id"]] = card is co.anna_card
        for k in range(1, COMMENTS + 1):
            variables = {"o": order["id"], "b": f"{tag} {i}.{k}", "v": AUDIENCE[k % 3]}
            data = await api.ok(COMMENT, variables, co.owner.access)
            assert data["addComment"]["errors"] == [], data["addComment"]["errors"]

    await asyncio.gather(*(one(i) for i in range(orders)))
    return made


def event_of(payload: dict[str, Any]) -> tuple[int, str, str]:
    """(cursor, kind, order id) of a payload."""
    data = payload["data"]
    return int(data["cursor"]), str(data["kind"]), str(data["order"]["id"])


def arrivals(rx: Receiver, secret: str) -> list[tuple[str, tuple[int, str, str]]]:
    """(webhook-id, event) of every whole request in arrival order, each signature verified.
    A request cut off by the kill (fewer bytes than its Content-Length) got no answer and
    counts for nothing: its delivery is sent again."""
    hook = Webhook(secret)
    whole = [r for r in list(rx.requests) if len(r.body) == int(r.headers["content-length"])]
    return [(r.id, event_of(hook.verify(r.body, r.headers))) for r in whole]


def cut_off(rx: Receiver) -> int:
    return sum(len(r.body) < int(r.headers["content-length"]) for r in list(rx.requests))


async def settle(rx: Receiver, count: int, what: str) -> float:
    """Waits until `count` distinct webhook-ids arrived; the seconds it took. The caller then
    waits STRAY_SECONDS once for both receivers (strays would be copies or extra events)."""
    started = time.monotonic()
    while len(rx.unique_ids()) < count:
        if time.monotonic() - started > SETTLE_SECONDS:
            raise AssertionError(f"{what}: {len(rx.unique_ids())} of {count} arrived")
        await asyncio.sleep(0.05)
    return time.monotonic() - started


def check(
    got: list[tuple[str, tuple[int, str, str]]], expected: dict[str, list[int]]
) -> dict[str, int]:
    """Every expected event once by webhook-id, copies with the same id and event, each
    order's events in order; a few figures."""
    by_id: dict[str, tuple[int, str, str]] = {}
    for hook_id, event in got:
        assert by_id.setdefault(hook_id, event) == event, f"{hook_id} came with two events"
    ids_of_cursor: dict[int, set[str]] = defaultdict(set)
    for hook_id, (cursor, _, _) in got:
        ids_of_cursor[cursor].add(hook_id)
    assert all(len(ids) == 1 for ids in ids_of_cursor.values()), "a copy with another id"
    per_order: dict[str, list[int]] = defaultdict(list)
    for _, (cursor, _, order) in got:
        per_order[order].append(cursor)
    # In arrival order, copies included: never an order's later event before an earlier one.
    for order, cursors in per_order.items():
        assert cursors == sorted(cursors), f"order {order} out of order: {cursors}"
    firsts = {order: sorted(set(cursors)) for order, cursors in per_order.items()}
    assert firsts == expected
    return {"requests": len(got), "events": len(by_id), "copies": len(got) - len(by_id)}


def expected_events(
    owner_got: list[tuple[str, tuple[int, str, str]]], made: dict[str, bool], start: int
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """What the owner's and Anna's webhooks must get, from the cursors the owner's received:
    every event after `start` for the owner; for Anna her orders' creations and the comments
    meant for clients (each order's k-th event is its k-th mutation: one writer per order)."""
    cursors: dict[str, set[int]] = defaultdict(set)
    for _, (cursor, _, order) in owner_got:
        cursors[order].add(cursor)
    owner = {order: sorted(cursors[order]) for order in made}
    every = sorted(c for cs in owner.values() for c in cs)
    assert every == list(range(start + 1, start + len(made) * (COMMENTS + 1) + 1))
    anna = {
        order: [c for k, c in enumerate(owner[order]) if k == 0 or AUDIENCE[k % 3] == "CLIENT"]
        for order, hers in made.items()
        if hers
    }
    return owner, anna


async def test_a_server_killed_in_a_burst_loses_nothing_and_sends_nothing_twice(
    setup: Setup,
) -> None:
    with webhook_receiver() as owner_rx, webhook_receiver() as anna_rx:
        killed_b = {"WEBHOOK_LEASE_MARGIN_SECONDS": "2"}
        async with two_servers(setup, "kill", **killed_b) as (a, b), api_at(a.url) as api:
            co = await company(api)
            owner_secret = await hook(api, co.owner, owner_rx.url)
            anna_secret = await hook(api, co.owner, anna_rx.url, co.anna)
            started = time.monotonic()
            sending = asyncio.create_task(burst(api, co, ORDERS, "kill"))
            while len(owner_rx.requests) < 20:  # sends under way: kill B in the burst
                assert not sending.done(), "the burst ended before deliveries began"
                await asyncio.sleep(0.01)
            b.process.send_signal(signal.SIGKILL)
            killed_at = time.monotonic() - started
            made = await sending
            burst_seconds = time.monotonic() - started
            events = ORDERS * (COMMENTS + 1)
            waited = await settle(owner_rx, events, "owner's webhook")
            assert b.process.wait(5) == -signal.SIGKILL
            owner_expected, anna_expected = expected_events(
                arrivals(owner_rx, owner_secret), made, 0
            )
            await settle(anna_rx, sum(len(c) for c in anna_expected.values()), "Anna's webhook")
            await asyncio.sleep(STRAY_SECONDS)
            owner_figures = check(arrivals(owner_rx, owner_secret), owner_expected)
            anna_figures = check(arrivals(anna_rx, anna_secret), anna_expected)
            assert set(anna_expected) == {o for o, hers in made.items() if hers}
            print(
                f"kill -9: {events} events over {ORDERS} orders in {burst_seconds:.1f} s, "
                f"server B killed at {killed_at:.1f} s; all at the receiver {waited:.1f} s "
                f"after the burst; owner {owner_figures}, Anna {anna_figures}; requests cut "
                f"off by the kill: {cut_off(owner_rx) + cut_off(anna_rx)}"
            )


async def test_redis_down_in_a_burst_loses_nothing(setup: Setup) -> None:
    with webhook_receiver() as owner_rx, webhook_receiver() as anna_rx:
        async with two_servers(setup, "redis") as (a, _), api_at(a.url) as api:
            co = await company(api)
            owner_secret = await hook(api, co.owner, owner_rx.url)
            anna_secret = await hook(api, co.owner, anna_rx.url, co.anna)
            started = time.monotonic()
            setup.redis.stop()
            try:
                made = await burst(api, co, ORDERS // 2, "down")
                await asyncio.sleep(2)
            finally:
                setup.redis.start()
            made |= await burst(api, co, ORDERS // 2, "back")
            burst_seconds = time.monotonic() - started
            events = ORDERS * (COMMENTS + 1)
            waited = await settle(owner_rx, events, "owner's webhook")
            owner_expected, anna_expected = expected_events(
                arrivals(owner_rx, owner_secret), made, 0
            )
            await settle(anna_rx, sum(len(c) for c in anna_expected.values()), "Anna's webhook")
            await asyncio.sleep(STRAY_SECONDS)
            owner_figures = check(arrivals(owner_rx, owner_secret), owner_expected)
            anna_figures = check(arrivals(anna_rx, anna_secret), anna_expected)
            print(
                f"Redis down: {events} events ({events // 2} while it was stopped) in "
                f"{burst_seconds:.1f} s; all at the receiver {waited:.1f} s after; "
                f"owner {owner_figures}, Anna {anna_figures}"
            )
