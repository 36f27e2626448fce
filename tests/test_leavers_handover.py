"""A leaver's work handed over: open orders (each with the UPDATED event an ordinary change of
responsible member writes), open tasks (the successor told of each) and conversations to the
successor (or, without one, the orders to its manager); its reports move up with their whole
subtree; reactivation leaves all of it where it went; and the statements stay bounded however
many orders it had."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from models import (
    Address,
    Channel,
    Contact,
    ContactKind,
    Conversation,
    LegalForm,
    Membership,
    Notification,
    Order,
    OrderEvent,
    OrderEventKind,
    Task,
    TaskStatus,
)
from schema.ids import decode_id, to_global_id
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.inbox import ASSIGN, arrive
from tests.support.leavers import (
    deactivate,
    membership,
    reactivate,
)
from tests.support.world import build_world, in_days

pytestmark = pytest.mark.asyncio

ORDERS = """query($f: OrderFilter) {
  orders(filter: $f, first: 100) { edges { node { id status responsible { id } } } }
}"""
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { field code message } }
}"""
COMPLETE = "mutation($id: ID!) { completeTask(id: $id) { errors { code } } }"
MANAGER = "query($id: ID!) { node(id: $id) { ... on Member { manager { id } active } } }"
OPEN = {"NEW", "ASSIGNED", "IN_PROGRESS"}


async def orders_of(api: Api, who: Session, member_id: str) -> dict[str, str]:
    data = await api.ok(ORDERS, {"f": {"responsibleId": member_id}}, who.access)
    return {e["node"]["id"]: e["node"]["status"] for e in data["orders"]["edges"]}


async def test_orders_tasks_and_conversations_go_to_the_successor(api: Api) -> None:
    world = await build_world(api, comments=False)
    head, leaver, successor = world.heads[0], world.staff[0], world.staff[1]
    before = await orders_of(api, world.owner, leaver.member_id)
    assert set(before.values()) == OPEN | {"DONE", "CANCELLED"}
    tasks = []
    for title in ("Open one", "Done one"):
        made = await api.ok(
            CREATE_TASK,
            {"input": {"title": title, "deadline": in_days(1), "assigneeId": leaver.member_id}},
            head.access,
        )
        tasks.append(made["createTask"]["task"]["id"])
    done = await api.ok(COMPLETE, {"id": tasks[1]}, leaver.access)
    assert done["completeTask"]["errors"] == []
    company = (await membership(head.member_id)).company_id
    talk = await arrive(company, "Hello", key="leaver-chat")
    talk_id = to_global_id("Conversation", talk.conversation.id)
    given = await api.ok(ASSIGN, {"c": talk_id, "m": leaver.member_id}, world.owner.access)
    assert given["assignConversation"]["errors"] == []

    payload = await deactivate(api, head, leaver.member_id, successor.member_id)
    assert payload["errors"] == []

    after_leaver = await orders_of(api, world.owner, leaver.member_id)
    assert set(after_leaver.values()) == {"DONE", "CANCELLED"}
    moved = {oid for oid, status in before.items() if status in OPEN}
    assert moved <= set(await orders_of(api, world.owner, successor.member_id))
    # One UPDATED event per moved order, by the head, with the successor's visibility key.
    successor_row = await membership(successor.member_id)
    events = await OrderEvent.filter(
        order_id__in=[decode_id(o, "Order") for o in moved], kind=OrderEventKind.UPDATED
    )
    assert len(events) == len(moved)
    assert {(e.actor_id, e.responsible_path) for e in events} == {
        (decode_id(head.member_id, "Member"), successor_row.path)
    }
    seqs = sorted(e.seq for e in events)
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # numbered without gaps
    # The open task moved, the done one stays with its history.
    rows = {t.title: t for t in await Task.filter(id__in=[decode_id(t, "Task") for t in tasks])}
    assert rows["Open one"].assignee_id == successor_row.id
    assert rows["Open one"].status == TaskStatus.OPEN
    assert rows["Done one"].assignee_id == decode_id(leaver.member_id, "Member")
    # The successor is told of the task as a new assignee is (updateTask, createTask).
    told = await Notification.filter(member_id=successor_row.id, kind="TASK_ASSIGNED")
    assert [note.task_id for note in told] == [rows["Open one"].id]
    assert told[0].text.startswith('New task "Open one", due ')
    conversation = await Conversation.get(id=talk.conversation.id)
    assert conversation.assignee_id == successor_row.id
    # Reactivation lifts the block only: the handed-over work stays with the successor.
    assert (await reactivate(api, head, leaver.member_id))["errors"] == []
    assert set((await orders_of(api, world.owner, leaver.member_id)).values()) == {
        "DONE",
        "CANCELLED",
    }
    assert moved <= set(await orders_of(api, world.owner, successor.member_id))
    assert (await Task.get(id=rows["Open one"].id)).assignee_id == successor_row.id
    assert (await Conversation.get(id=talk.conversation.id)).assignee_id == successor_row.id


async def test_reports_move_up_with_their_subtree(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head Anna")
    staff = await invite_and_accept(api, head, "Staff Boris")
    deep = await invite_and_accept(api, staff, "Deep Clara")
    other = await invite_and_accept(api, head, "Staff Dan")
    head_path = (await membership(head.member_id)).path
    payload = await deactivate(api, owner, head.member_id)
    assert payload["errors"] == []
    assert payload["member"]["manager"] == {"id": owner.member_id}  # its own place stays
    owner_path = (await membership(owner.member_id)).path
    staff_id = decode_id(staff.member_id, "Member")
    for member, manager in ((staff, owner), (other, owner), (deep, staff)):
        node = (await api.ok(MANAGER, {"id": member.member_id}, owner.access))["node"]
        assert node == {"manager": {"id": manager.member_id}, "active": True}
    assert (await membership(staff.member_id)).path == f"{owner_path}{staff_id}/"
    deep_id = decode_id(deep.member_id, "Member")
    assert (await membership(deep.member_id)).path == f"{owner_path}{staff_id}/{deep_id}/"
    assert (await membership(head.member_id)).path == head_path
    # Reactivated, the head keeps its place and its former reports stay with the owner.
    assert (await reactivate(api, owner, head.member_id))["errors"] == []
    node = (await api.ok(MANAGER, {"id": staff.member_id}, owner.access))["node"]
    assert node == {"manager": {"id": owner.member_id}, "active": True}
    assert (await membership(head.member_id)).path == head_path
    # The moved members now answer to the owner's tree: the owner reaches them, and the
    # staff member still manages its own report.
    assert (await deactivate(api, staff, deep.member_id))["errors"] == []


async def test_without_a_successor_open_orders_go_to_the_manager(api: Api) -> None:
    world = await build_world(api, comments=False)
    leaver, manager = world.staff[2], world.heads[1]
    before = await orders_of(api, world.owner, leaver.member_id)
    payload = await deactivate(api, world.owner, leaver.member_id)
    assert payload["errors"] == []
    now_manager = await orders_of(api, world.owner, manager.member_id)
    assert {o for o, s in before.items() if s in OPEN} <= set(now_manager)
    assert set((await orders_of(api, world.owner, leaver.member_id)).values()) == {
        "DONE",
        "CANCELLED",
    }


async def orders_in_db(company_id: int, responsible_id: int, count: int) -> None:
    client = await Contact.create(
        company_id=company_id, kind=ContactKind.CLIENT, legal_form=LegalForm.PERSON, name="C"
    )
    address = await Address.create(company_id=company_id, contact=client, text="Tverskaya 1")
    base = await Order.filter(company_id=company_id).count()
    await Order.bulk_create(
        [
            Order(
                company_id=company_id,
                number=base + i + 1,
                title=f"Order {i}",
                deadline=datetime.now(UTC) + timedelta(days=1),
                source=Channel.STAFF,
                client=client,
                address=address,
                responsible_id=responsible_id,
            )
            for i in range(count)
        ]
    )


async def test_statements_stay_bounded_with_200_orders(api: Api) -> None:
    counts: dict[int, int] = {}
    for orders in (2, 200):
        owner = await register(api)
        head = await invite_and_accept(api, owner, "Head Anna")
        leaver = await invite_and_accept(api, head, "Staff Boris")
        row = await membership(leaver.member_id)
        await orders_in_db(row.company_id, row.id, orders)
        with count_statements() as counter:
            started = time.perf_counter()
            payload = await deactivate(api, owner, leaver.member_id, head.member_id)
            elapsed = time.perf_counter() - started
        assert payload["errors"] == []
        counts[orders] = len(counter.statements)
        moved = await Order.filter(responsible_id=decode_id(head.member_id, "Member")).count()
        assert moved == orders
        assert await OrderEvent.filter(company_id=row.company_id).count() == orders
        print(f"deactivate with {orders} orders: {counts[orders]} statements, {elapsed:.3f} s")
    assert counts[200] == counts[2], counts
    assert counts[200] <= 25, counts
    assert not (await Membership.get(id=row.id)).active
