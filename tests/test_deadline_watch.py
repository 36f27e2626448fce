"""The deadline watch: OVERDUE and DEADLINE_SOON exactly once per order and deadline, to the
executor and the client, even with rounds running at the same moment; re-armed when the
deadline moves; overdue tasks; e-mail copies. Rounds run with a clock of the test's own
(the app's background loop is off in tests: DEADLINE_WATCH_SECONDS=0)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from config.settings import Settings, load
from models import OrderEvent, OrderEventKind, OutboxEmail
from resolvers.deadline_watch import WatchRound, run_deadline_watch, watch_once
from schema.ids import decode_id
from tests.support.api import Api
from tests.support.notifications import RECEIVED, Cast, cast, inbox, told
from tests.support.tasks import CREATE_TASK
from tests.support.world import ASSIGN, create_order, move
from tests.support.ws import client, joined, socket

pytestmark = pytest.mark.asyncio

SOON = timedelta(hours=2)
EVENTS = "subscription { orderEvents { kind order { id } } }"
UPDATE = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { errors { field code } } }"""


async def due_order(api: Api, c: Cast, due: datetime, **fields: Any) -> dict[str, Any]:
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        deadline=due.isoformat(),
        **fields,
    )
    order["deadline"] = due
    return order


async def rounds(c: Cast, now: datetime, at_once: int = 4, batch: int = 100) -> WatchRound:
    """`at_once` rounds at the same moment, again while some batch came back full; the sums."""
    total = WatchRound(0, 0, 0, False)
    while True:
        results = await asyncio.gather(
            *(watch_once(now, SOON, batch, companies=[c.company_pk]) for _ in range(at_once))
        )
        total = WatchRound(
            total.overdue_orders + sum(r.overdue_orders for r in results),
            total.due_soon_orders + sum(r.due_soon_orders for r in results),
            total.overdue_tasks + sum(r.overdue_tasks for r in results),
            False,
        )
        if not any(r.more for r in results):
            return total


async def overdue_events(order_ids: list[str]) -> Counter[int]:
    pks = [decode_id(i, "Order") for i in order_ids]
    rows = await OrderEvent.filter(order_id__in=pks, kind=OrderEventKind.OVERDUE).values_list(
        "order_id", flat=True
    )
    return Counter(int(str(pk)) for pk in rows)


async def test_overdue_orders_are_told_once_to_the_executor_and_the_client(
    app: Starlette, api: Api
) -> None:
    c = await cast(api)
    everyone = c.members()
    due = datetime.now(UTC) + timedelta(days=1)
    with_contractor = await due_order(api, c, due, contractorId=c.contractor.id)
    no_contractor = await due_order(api, c, due)
    offline = await due_order(api, c, due + timedelta(minutes=1), contractorId=c.offline.id)
    done = await due_order(api, c, due)
    await move(api, c.owner, done["id"], "CANCELLED")
    later = await due_order(api, c, due + timedelta(days=1))
    late = [with_contractor, no_contractor, offline]
    async with (
        client(app) as http,
        socket(http, c.staff.access) as staff_sock,
        socket(http, c.contractor.members[0].access) as fixer_sock,
        socket(http, c.head.access) as head_sock,
    ):
        events_op = await staff_sock.subscribe(EVENTS)
        fixer_op = await fixer_sock.subscribe(RECEIVED)
        head_op = await head_sock.subscribe(RECEIVED)
        for member in (c.staff, c.contractor.members[0], c.head):
            await joined(member.member_id)
        assert await rounds(c, due - timedelta(hours=3)) == WatchRound(0, 0, 0, False)
        result = await rounds(c, due + timedelta(minutes=5), at_once=5)
        assert (result.overdue_orders, result.due_soon_orders) == (3, 0)
        heard = [(await staff_sock.data(events_op))["orderEvents"] for _ in range(3)]
        assert sorted(e["order"]["id"] for e in heard) == sorted(o["id"] for o in late)
        assert {e["kind"] for e in heard} == {"OVERDUE"}
        live = (await fixer_sock.data(fixer_op))["notificationReceived"]
        assert (live["kind"], live["order"]["id"]) == ("ORDER_OVERDUE", with_contractor["id"])
        # A marker each of the three hears (a status change: an event for the staff member,
        # a notification for the contractor and the head): nothing more came before it.
        await move(api, c.owner, with_contractor["id"], "IN_PROGRESS")
        await staff_sock.marker(events_op, lambda d: d["orderEvents"]["kind"] == "STATUS_CHANGED")
        for sock, op in ((fixer_sock, fixer_op), (head_sock, head_op)):
            await sock.marker(
                op, lambda d: d["notificationReceived"]["kind"] == "ORDER_STATUS_CHANGED"
            )
    counts = await overdue_events([o["id"] for o in [*late, done, later]])
    assert sorted(counts.values()) == [1, 1, 1]
    clients = {"client1": 1, "client2": 1}
    expected = {
        with_contractor["id"]: {"contractor1": 1, "contractor2": 1, **clients},
        no_contractor["id"]: {"staff": 1, **clients},  # the responsible runs it
        offline["id"]: {"staff": 1, **clients},  # staff run a contractor without a login
        done["id"]: {},
        later["id"]: {},
    }
    for order_id, who in expected.items():
        assert await told(api, everyone, "ORDER_OVERDUE", order_id) == who, order_id
    # An e-mail copy per party and order.
    for session, orders in (
        (c.contractor.members[0], [with_contractor]),
        (c.staff, [no_contractor, offline]),
        (c.client.members[1], late),
    ):
        subjects = await OutboxEmail.filter(to=session.email, subject__contains="overdue").values(
            "subject"
        )
        assert sorted(s["subject"].split('"')[0] for s in subjects) == sorted(
            f"Order #{o['number']} " for o in orders
        )
    # Later rounds find nothing more to say.
    assert await rounds(c, due + timedelta(hours=1)) == WatchRound(0, 0, 0, False)


async def test_moving_the_deadline_rearms_the_watch(api: Api) -> None:
    c = await cast(api)
    due = datetime.now(UTC) + timedelta(days=1)
    order = await due_order(api, c, due)
    assert (await rounds(c, due - timedelta(hours=1))).due_soon_orders == 1
    assert (await rounds(c, due + timedelta(minutes=1))).overdue_orders == 1
    moved = due + timedelta(days=2)
    data = await api.ok(
        UPDATE, {"id": order["id"], "input": {"deadline": moved.isoformat()}}, c.owner.access
    )
    assert data["updateOrder"]["errors"] == []
    assert await rounds(c, due + timedelta(hours=2)) == WatchRound(0, 0, 0, False)
    assert (await rounds(c, moved - timedelta(hours=1))).due_soon_orders == 1
    assert (await rounds(c, moved + timedelta(minutes=1))).overdue_orders == 1
    assert (await overdue_events([order["id"]])).total() == 2
    everyone = c.members()
    both = {"staff": 2, "client1": 2, "client2": 2}
    assert await told(api, everyone, "ORDER_OVERDUE", order["id"]) == both
    assert await told(api, everyone, "ORDER_DEADLINE_SOON", order["id"]) == both


async def test_deadline_soon_comes_first_once_and_without_an_event(
    app: Starlette, api: Api
) -> None:
    c = await cast(api)
    due = datetime.now(UTC) + timedelta(days=1)
    order = await due_order(api, c, due)
    await api.ok(ASSIGN, {"id": order["id"], "c": c.contractor.id}, c.owner.access)
    async with (
        client(app) as http,
        socket(http, c.owner.access) as owner_sock,
        socket(http, c.client.members[0].access) as client_sock,
    ):
        events_op = await owner_sock.subscribe(EVENTS)
        told_op = await client_sock.subscribe(RECEIVED)
        for member in (c.owner, c.client.members[0]):
            await joined(member.member_id)
        assert await rounds(c, due - SOON - timedelta(minutes=1)) == WatchRound(0, 0, 0, False)
        result = await rounds(c, due - SOON + timedelta(minutes=1), at_once=5)
        assert result == WatchRound(0, 1, 0, False)
        live = (await client_sock.data(told_op))["notificationReceived"]
        assert live["kind"] == "ORDER_DEADLINE_SOON"
        assert live["text"].startswith(f'Order #{order["number"]} "Clean" is due soon: ')
        assert await rounds(c, due - timedelta(minutes=1)) == WatchRound(0, 0, 0, False)
        # A marker both hear (a status change): no order event came for "due soon" (no kind
        # exists for it), and the client was not told twice.
        await move(api, c.owner, order["id"], "IN_PROGRESS")
        await owner_sock.marker(events_op, lambda d: d["orderEvents"]["kind"] == "STATUS_CHANGED")
        await client_sock.marker(
            told_op, lambda d: d["notificationReceived"]["kind"] == "ORDER_STATUS_CHANGED"
        )
    executor_and_client = {"contractor1": 1, "contractor2": 1, "client1": 1, "client2": 1}
    assert await told(api, c.members(), "ORDER_DEADLINE_SOON", order["id"]) == executor_and_client
    mails = await OutboxEmail.filter(to=c.contractor.members[1].email, subject__contains="soon")
    assert len(mails) == 1


async def test_an_overdue_task_tells_its_assignee_once(api: Api) -> None:
    c = await cast(api)
    due = datetime.now(UTC) + timedelta(hours=5)
    data = await api.ok(
        CREATE_TASK,
        {
            "input": {
                "title": "Pay rent",
                "assigneeId": c.staff.member_id,
                "deadline": due.isoformat(),
            }
        },
        c.head.access,
    )
    task = data["createTask"]["task"]
    assert await rounds(c, due - timedelta(minutes=1)) == WatchRound(0, 0, 0, False)
    assert (await rounds(c, due + timedelta(minutes=1), at_once=5)).overdue_tasks == 1
    assert await rounds(c, due + timedelta(hours=1)) == WatchRound(0, 0, 0, False)
    heard = await told(api, c.members(), "TASK_OVERDUE")
    assert heard == {"staff": 1}
    [mail] = await OutboxEmail.filter(to=c.staff.email, subject__startswith="Task")
    assert mail.subject.startswith('Task "Pay rent" is overdue: it was due ')
    [note] = [n for n in await inbox(api, c.staff) if n["kind"] == "TASK_OVERDUE"]
    assert note["task"] == {"id": task["id"]}


async def test_many_orders_falling_due_together_are_each_told_once(api: Api) -> None:
    """Rounds at the same moment in small batches: each order gets one OVERDUE event and
    each party one notification (the claim is a conditional update of the order's row)."""
    c = await cast(api)
    due = datetime.now(UTC) + timedelta(days=1)
    orders = [
        await due_order(api, c, due, **({"contractorId": c.contractor.id} if i % 2 else {}))
        for i in range(24)
    ]
    result = await rounds(c, due + timedelta(minutes=1), at_once=6, batch=5)
    assert result.overdue_orders == 24
    assert result.due_soon_orders == 0  # never due soon: the watch first looked after the deadline
    counts = await overdue_events([o["id"] for o in orders])
    assert sorted(counts.values()) == [1] * 24
    everyone = c.members()
    assert await told(api, everyone, "ORDER_OVERDUE") == {
        "staff": 12,
        "contractor1": 12,
        "contractor2": 12,
        "client1": 24,
        "client2": 24,
    }


async def test_the_watch_is_configured_and_off_at_zero(settings: Settings) -> None:
    env = {"DATA_DIR": str(settings.data_dir), "DATABASE_URL": settings.database_url}
    defaults = load(env)
    assert (defaults.deadline_soon_minutes, defaults.deadline_watch_seconds) == (120, 5)
    tuned = load({**env, "DEADLINE_SOON_MINUTES": "30", "DEADLINE_WATCH_SECONDS": "2"})
    assert (tuned.deadline_soon_minutes, tuned.deadline_watch_seconds) == (30, 2)
    off = load({**env, "DEADLINE_WATCH_SECONDS": "0"})
    await asyncio.wait_for(run_deadline_watch(off), 1)  # returns at once: nothing runs
