"""Realtime across real processes: two uvicorn servers on PostgreSQL and a Redis of our own.

A mutation on process A reaches subscribers on process B; Redis stopped for a few seconds
loses nothing: subscribers that stayed connected or came back with a cursor end up with
every event exactly once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio

from schema.ids import decode_id
from tests.conftest import TEST_SECRET
from tests.support.api import Api, Session, register
from tests.support.databases import (
    create_postgres_database,
    drop_postgres_database,
    postgres_available,
    service_missing,
)
from tests.support.processes import RedisServer, api_processes
from tests.support.watch_rounds import more_rounds_everywhere
from tests.support.world import (
    ASSIGN,
    COMMENT,
    World,
    build_world,
    contact,
    create_order,
    move,
    portal_member,
)
from tests.support.ws import GraphQLSocket, order_event, socket

# One xdist worker runs the module, so its cluster starts once (`make test` runs -n 2).
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.postgres,
    pytest.mark.xdist_group("realtime_processes"),
]

EVENTS = """subscription($after: String) { orderEvents(after: $after) {
    cursor kind order { id status internalNote } } }"""


@dataclass
class Cluster:
    a: str
    b: str
    redis: RedisServer
    database: str


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest_asyncio.fixture(scope="module")
async def cluster(
    redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Cluster]:
    if not await postgres_available():
        service_missing("PostgreSQL is not reachable: the two-process tests are skipped")
    database = await create_postgres_database("servicedesk_procs")
    data = tmp_path_factory.mktemp("procs")
    env = {
        "DATABASE_URL": database,
        "REDIS_URL": redis_server.url,
        "DATA_DIR": str(data),
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
        "DEADLINE_WATCH_SECONDS": "1",
        # One owner creates 200 orders at once (the write budget is tested elsewhere).
        "WRITES_PER_MINUTE": "100000",
        "WRITE_BURST": "100000",
    }
    try:
        with api_processes(env, [data / "a.log", data / "b.log"]) as (a, b):
            yield Cluster(a, b, redis_server, database)
    finally:
        await drop_postgres_database(database)


@asynccontextmanager
async def api_at(url: str) -> AsyncIterator[Api]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        yield Api(http)


async def events(sock: GraphQLSocket, op: str, count: int) -> list[dict[str, Any]]:
    return [(await sock.data(op, seconds=15))["orderEvents"] for _ in range(count)]


async def test_a_change_on_one_process_reaches_subscribers_on_the_other(cluster: Cluster) -> None:
    async with api_at(cluster.a) as a, httpx.AsyncClient(base_url=cluster.b) as b_http:
        owner: Session = await register(a)
        card = await contact(a, owner, "CLIENT", "Anna")
        other = await contact(a, owner, "CLIENT", "Boris")
        anna = await portal_member(a, owner, card, "Anna Portal")
        async with (
            socket(b_http, owner.access) as staff_sock,
            socket(b_http, anna.access) as anna_sock,
        ):
            # From the company's first event on (it has none yet): whenever process B's
            # subscriptions start, nothing made after this line is missed.
            staff_op = await staff_sock.subscribe(EVENTS, {"after": "0"})
            anna_op = await anna_sock.subscribe(EVENTS, {"after": "0"})
            mine = await create_order(
                a, owner, clientId=card.id, addressId=card.address_ids[0], internalNote="code 42"
            )
            await create_order(a, owner, clientId=other.id, addressId=other.address_ids[0])
            seen = await events(staff_sock, staff_op, 2)
            assert [e["kind"] for e in seen] == ["CREATED", "CREATED"]
            heard = await events(anna_sock, anna_op, 1)
            assert heard[0]["order"] == {"id": mine["id"], "status": "NEW", "internalNote": None}
            # A marker: her next order comes next, nothing of Boris's before it.
            marker = await create_order(a, owner, clientId=card.id, addressId=card.address_ids[1])
            await anna_sock.marker(
                anna_op, lambda d: d["orderEvents"]["order"]["id"] == marker["id"]
            )


async def test_redis_outage_loses_nothing(cluster: Cluster) -> None:
    async with api_at(cluster.a) as a, httpx.AsyncClient(base_url=cluster.b) as b_http:
        owner = await register(a)
        card = await contact(a, owner, "CLIENT", "Anna")
        first = await create_order(a, owner, clientId=card.id, addressId=card.address_ids[0])
        async with socket(b_http, owner.access) as stays:
            # From the company's first event (the order's creation): no wait for the
            # subscriptions to start, nothing is missed.
            stays_op = await stays.subscribe(EVENTS, {"after": "0"})
            async with socket(b_http, owner.access) as leaves:
                leaves_op = await leaves.subscribe(EVENTS, {"after": "0"})
                await move(a, owner, first["id"], "CANCELLED")
                cursor = (await events(leaves, leaves_op, 2))[1]["cursor"]
            assert (await events(stays, stays_op, 2))[1]["cursor"] == cursor
            cluster.redis.stop()
            try:
                made = [
                    await create_order(a, owner, clientId=card.id, addressId=card.address_ids[0])
                    for _ in range(10)
                ]
                await asyncio.sleep(2)
            finally:
                cluster.redis.start()
            made += [
                await create_order(a, owner, clientId=card.id, addressId=card.address_ids[0])
                for _ in range(5)
            ]
            got = await events(stays, stays_op, 15)
            assert [e["order"]["id"] for e in got] == [o["id"] for o in made]
            expected = list(range(int(cursor) + 1, int(cursor) + 16))
            assert [int(e["cursor"]) for e in got] == expected
            # A marker: the next order's event comes next, no copy of those 15 before it.
            marker = await create_order(a, owner, clientId=card.id, addressId=card.address_ids[0])
            marked = int(cursor) + 16
            await stays.marker(stays_op, lambda d: int(d["orderEvents"]["cursor"]) == marked)
        async with socket(b_http, owner.access) as back:
            back_op = await back.subscribe(EVENTS, {"after": cursor})
            replayed = await events(back, back_op, 15)
            assert [int(e["cursor"]) for e in replayed] == expected
            await back.marker(back_op, lambda d: d["orderEvents"]["order"]["id"] == marker["id"])
        listed = await a.ok("{ orders(first: 100) { totalCount } }", token=owner.access)
        assert listed["orders"]["totalCount"] == 17


def may_see(world: World, member: Session, facts: dict[str, Any], visibility: str | None) -> bool:
    """The README's role table for orders, written out independently of permissions/."""
    owner, heads, staff = world.owner, world.heads, world.staff
    below = {
        owner.member_id: {m.member_id for m in [owner, *heads, *staff]},
        heads[0].member_id: {heads[0].member_id, staff[0].member_id, staff[1].member_id},
        heads[1].member_id: {heads[1].member_id, staff[2].member_id},
        **{s.member_id: {s.member_id} for s in staff},
    }
    if member.member_id in below:
        return facts["responsible"] in below[member.member_id]
    client_of = {m.member_id: c.id for c in world.clients for m in c.members}
    if member.member_id in client_of:
        return facts["client"] == client_of[member.member_id] and visibility in (None, "CLIENT")
    contractor_of = {m.member_id: c.id for c in world.contractors for m in c.members}
    return facts["contractor"] == contractor_of[member.member_id] and visibility in (
        None,
        "CONTRACTOR",
    )


async def test_each_member_hears_exactly_the_events_it_may_see(cluster: Cluster) -> None:
    """The role matrix for events: every member of a generated company subscribes on process
    B while changes are made on process A."""
    async with api_at(cluster.a) as a, httpx.AsyncClient(base_url=cluster.b, timeout=30) as b_http:
        world = await build_world(a)
        members = world.members()
        by_status: dict[str, list[str]] = {}
        for order_id, facts in world.orders.items():
            by_status.setdefault(facts["status"], []).append(order_id)
        async with AsyncExitStack() as stack:
            sockets = [await stack.enter_async_context(socket(b_http, m.access)) for m in members]
            ops = [await sock.subscribe(EVENTS) for sock in sockets]
            # Process B's hub cannot be looked at from here, and `after` would replay the
            # world: a short timed pause for the subscriptions to start (a late one fails the
            # test below, it cannot make it pass).
            for sock, op in zip(sockets, ops, strict=True):
                await sock.unheard(op, 0.05)
            expected: dict[str, list[tuple[str, str]]] = {m.member_id: [] for m in members}

            def happened(order_id: str, kind: str, visibility: str | None = None) -> None:
                for member in members:
                    if may_see(world, member, world.orders[order_id], visibility):
                        expected[member.member_id].append((order_id, kind))

            for order_id in by_status["NEW"]:  # a contractor hears of an order once assigned
                contractor = world.contractors[len(order_id) % 2]
                await a.ok(ASSIGN, {"id": order_id, "c": contractor.id}, world.owner.access)
                world.orders[order_id]["contractor"] = contractor.id
                happened(order_id, "ASSIGNED")
            for order_id in by_status["IN_PROGRESS"]:
                await move(a, world.owner, order_id, "DONE")
                happened(order_id, "STATUS_CHANGED")
            for order_id in by_status["ASSIGNED"][:3]:
                for visibility in ("INTERNAL", "CLIENT", "CONTRACTOR"):
                    await a.ok(
                        COMMENT, {"o": order_id, "b": "x", "v": visibility}, world.owner.access
                    )
                    happened(order_id, "COMMENTED", visibility)
            # Markers: three new orders that between them every member may see; each
            # member's next event is the first of them it may see, nothing else before it.
            markers = []
            for client, contractor, responsible in (
                (world.clients[0], world.contractors[0], world.staff[0]),
                (world.clients[1], world.contractors[1], world.staff[2]),
                (world.clients[0], world.contractors[0], world.staff[1]),
            ):
                made_now = await create_order(
                    a,
                    world.owner,
                    clientId=client.id,
                    addressId=client.address_ids[0],
                    contractorId=contractor.id,
                    responsibleId=responsible.member_id,
                )
                facts = {
                    "client": client.id,
                    "contractor": contractor.id,
                    "responsible": responsible.member_id,
                }
                markers.append((made_now["id"], facts))
            for member, sock, op in zip(members, sockets, ops, strict=True):
                want = expected[member.member_id]
                got = [(e["order"]["id"], e["kind"]) for e in await events(sock, op, len(want))]
                assert got == want, member.member_id
                first = next(m for m, facts in markers if may_see(world, member, facts, None))
                await sock.marker(op, order_event(first))
            made = len(by_status["NEW"]) + len(by_status["IN_PROGRESS"]) + 9
            heard = sum(len(v) for v in expected.values())
            print(f"event role matrix: {len(members)} members x {made} events, {heard} heard")


async def test_two_watching_processes_tell_each_party_once_per_overdue_order(
    cluster: Cluster,
) -> None:
    """200 orders fall due together while both processes run the deadline watch."""
    async with api_at(cluster.a) as a:
        owner = await register(a)
        card = await contact(a, owner, "CLIENT", "Anna")
        anna = await portal_member(a, owner, card, "Anna Portal")
        made = await asyncio.gather(
            *(
                create_order(a, owner, clientId=card.id, addressId=card.address_ids[0])
                for _ in range(200)
            )
        )
        order_ids = [decode_id(o["id"], "Order") for o in made]
    connection = await asyncpg.connect(cluster.database)
    try:
        await connection.execute(
            "UPDATE \"order\" SET deadline = now() - interval '1 minute' WHERE id = ANY($1::int[])",
            order_ids,
        )
        query = """SELECT COUNT(*) FROM notification
                   WHERE kind = 'ORDER_OVERDUE' AND order_id = ANY($1::int[])"""
        for _ in range(600):  # at most a minute
            if await connection.fetchval(query, order_ids) >= 400:
                break
            await asyncio.sleep(0.1)
        # Both processes keep watching: nothing more may come. Two more rounds each (their
        # own /metrics) mean a whole round ran on each after the last claim was made.
        await more_rounds_everywhere([cluster.a, cluster.b])
        per_party = await connection.fetch(
            """SELECT member_id, order_id, COUNT(*) AS n FROM notification
               WHERE kind = 'ORDER_OVERDUE' AND order_id = ANY($1::int[])
               GROUP BY member_id, order_id""",
            order_ids,
        )
        events = await connection.fetchval(
            """SELECT COUNT(*) FROM order_event WHERE kind = 'OVERDUE' AND order_id = ANY($1::int[])""",
            order_ids,
        )
    finally:
        await connection.close()
    # No contractor: the executor is the responsible member (the owner); and the client.
    members = {decode_id(owner.member_id, "Member"), decode_id(anna.member_id, "Member")}
    assert {(row["member_id"], row["order_id"]) for row in per_party} == {
        (member, order) for member in members for order in order_ids
    }
    assert {row["n"] for row in per_party} == {1}
    assert events == 200
