"""The dashboard through HTTP: figures of a hand-built company known in advance, the scope
of each viewer, portal members refused, "today" in the company's time zone, and the cost."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models import Order, Task
from schema.ids import decode_id
from tests.support.api import (
    PASSWORD,
    REGISTER,
    Api,
    Session,
    count_statements,
    invite_and_accept,
    register,
    session_of,
    unique,
    unique_email,
)
from tests.support.tasks import COMPLETE, Tree, company_of, new_task, portal_members, tree
from tests.support.world import ContactCard, contact, create_order, move

pytestmark = pytest.mark.asyncio

FIGURES = (
    "openOrders",
    "overdueOrders",
    "dueToday",
    "createdToday",
    "completedToday",
    "openTasks",
    "overdueTasks",
    "unansweredConversations",
)
DASHBOARD = f"{{ dashboard {{ {' '.join(FIGURES)} }} }}"
MOVE = """mutation($m: ID!, $to: ID!) { moveMember(memberId: $m, managerId: $to) { id } }"""
COUNTS = """query($open: OrderFilter, $late: OrderFilter, $tasks: TaskFilter, $lateTasks: TaskFilter) {
  open: orders(filter: $open) { totalCount }
  late: orders(filter: $late) { totalCount }
  tasks: tasks(filter: $tasks) { totalCount }
  lateTasks: tasks(filter: $lateTasks) { totalCount }
}"""
OPEN_STATUSES = ["NEW", "ASSIGNED", "IN_PROGRESS"]


async def figures(api: Api, who: Session) -> dict[str, int]:
    data = await api.ok(DASHBOARD, token=who.access)
    result: dict[str, int] = data["dashboard"]
    return result


def expect(
    orders: tuple[int, int, int, int, int], tasks: tuple[int, int] = (0, 0)
) -> dict[str, int]:
    """Figures in the order of FIGURES; there are no conversations yet."""
    return dict(zip(FIGURES, (*orders, *tasks, 0), strict=True))


def day_of(now: datetime, zone: str) -> tuple[datetime, datetime]:
    """[start, end) of the calendar day in `zone` holding `now`, in UTC."""
    local = now.astimezone(ZoneInfo(zone))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1)  # wall-clock arithmetic: the next local midnight
    return start.astimezone(UTC), end.astimezone(UTC)


async def clear_of_midnight(*zones: str) -> datetime:
    """Now, at least a minute before the next midnight in each zone (the test's "today"
    and the server's must be the same day)."""
    now = datetime.now(UTC)
    left = min(day_of(now, zone)[1] - now for zone in zones)
    if left < timedelta(minutes=1):
        await asyncio.sleep(left.total_seconds() + 1)
        now = datetime.now(UTC)
    return now


async def set_order(order_id: str, **fields: datetime) -> None:
    assert await Order.filter(id=decode_id(order_id, "Order")).update(**fields) == 1


async def set_task(task_id: str, **fields: datetime) -> None:
    assert await Task.filter(id=decode_id(task_id, "Task")).update(**fields) == 1


async def order_in(
    api: Api,
    owner: Session,
    client: ContactCard,
    contractor: ContactCard,
    status: str,
    responsible: Session | None = None,
) -> str:
    """An order in `status`, created and moved through the API."""
    fields: dict[str, Any] = {
        "clientId": client.id,
        "addressId": client.address_ids[0],
        "responsibleId": (responsible or owner).member_id,
    }
    if status != "NEW":
        fields["contractorId"] = contractor.id
    order_id: str = (await create_order(api, owner, **fields))["id"]
    steps = {
        "IN_PROGRESS": ["IN_PROGRESS"],
        "DONE": ["IN_PROGRESS", "DONE"],
        "CANCELLED": ["CANCELLED"],
    }
    for step in steps.get(status, []):
        await move(api, owner, order_id, step)
    return order_id


@dataclass(frozen=True)
class Spec:
    """An order of the hand-built company: whose it is, its status and its times.

    deadline: PAST (yesterday), START (the first instant of today), LATER (the last second
    of today, still ahead), TOMORROW (the first instant of tomorrow). An order is created
    today unless `created_yesterday`; a DONE order is completed today unless
    `completed_yesterday`.
    """

    responsible: str
    status: str
    deadline: str
    created_yesterday: bool = False
    completed_yesterday: bool = False


#                             open overdue due created completed
ORDERS = (
    # worker's: 3 1 1 2 1
    Spec("worker", "IN_PROGRESS", "PAST"),
    Spec("worker", "NEW", "TOMORROW", created_yesterday=True),
    Spec("worker", "DONE", "PAST", created_yesterday=True),
    Spec("worker", "ASSIGNED", "LATER"),
    # head's own: 3 1 2 3 0 (with the worker's: 6 2 3 5 1)
    Spec("head", "NEW", "START"),
    Spec("head", "ASSIGNED", "LATER"),
    Spec("head", "CANCELLED", "PAST"),
    Spec("head", "DONE", "TOMORROW", created_yesterday=True, completed_yesterday=True),
    Spec("head", "NEW", "TOMORROW", created_yesterday=True),
    # owner's own: 2 1 0 2 1 (a closed order due today is not "due today")
    Spec("owner", "IN_PROGRESS", "PAST", created_yesterday=True),
    Spec("owner", "DONE", "START"),
    Spec("owner", "NEW", "TOMORROW"),
    # peer's: 1 0 1 1 0
    Spec("peer", "NEW", "LATER"),
    Spec("peer", "DONE", "TOMORROW", created_yesterday=True, completed_yesterday=True),
)


async def build_orders(api: Api, t: Tree, now: datetime) -> None:
    start, end = day_of(now, "UTC")
    deadlines = {
        "PAST": start - timedelta(hours=1),
        "START": start,
        "LATER": end - timedelta(seconds=1),
        "TOMORROW": end,
    }
    yesterday = start - timedelta(microseconds=1)
    client = await contact(api, t.owner, "CLIENT", "Anna")
    contractor = await contact(api, t.owner, "CONTRACTOR", "Sergey")
    members = t.by_name()
    for spec in ORDERS:
        order_id = await order_in(
            api, t.owner, client, contractor, spec.status, members[spec.responsible]
        )
        times = {"deadline": deadlines[spec.deadline]}
        if spec.created_yesterday:
            times["created_at"] = yesterday
        if spec.completed_yesterday:
            times["completed_at"] = yesterday
        await set_order(order_id, **times)


async def build_tasks(api: Api, t: Tree, now: datetime) -> Session:
    """Tasks of the tree; returns `mover`, a member moved from the peer's team to the head's.

    open / overdue: worker 3 / 1, head's team 6 / 2 (with the mover's task the peer
    created), peer 1 / 1, owner 8 / 3.
    """
    past = now - timedelta(days=2)
    o, h, w, p = t.owner, t.head, t.worker, t.peer
    late = []
    _ = await new_task(api, h, title="worker: future", assigneeId=w.member_id)
    late.append(await new_task(api, h, title="worker: late", assigneeId=w.member_id))
    done = await new_task(api, h, title="worker: done", assigneeId=w.member_id)
    _ = await new_task(api, w, title="worker: own")
    _ = await new_task(api, h, title="head: own")
    late.append(await new_task(api, o, title="head: from owner", assigneeId=h.member_id))
    late.append(await new_task(api, o, title="peer: from owner", assigneeId=p.member_id))
    _ = await new_task(api, o, title="owner: own")
    mover = await invite_and_accept(api, p, "Mover")
    _ = await new_task(api, p, title="mover: from peer", assigneeId=mover.member_id)
    _ = await api.ok(MOVE, {"m": mover.member_id, "to": h.member_id}, o.access)
    completed = await api.ok(COMPLETE, {"id": done["id"]}, h.access)
    assert completed["completeTask"]["errors"] == []
    for task in late:
        await set_task(task["id"], deadline=past)
    return mover


async def other_company(api: Api, now: datetime) -> Session:
    """A company whose open, overdue, due-today order and task nobody else may count."""
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Elsewhere")
    contractor = await contact(api, owner, "CONTRACTOR", "Elsewhere Team")
    order_id = await order_in(api, owner, client, contractor, "IN_PROGRESS")
    await set_order(order_id, deadline=day_of(now, "UTC")[0])
    task = await new_task(api, owner, title="elsewhere")
    await set_task(task["id"], deadline=now - timedelta(minutes=5))
    return owner


async def test_each_viewer_sees_the_figures_of_its_scope(api: Api) -> None:
    now = await clear_of_midnight("UTC")
    t = await tree(api)
    await build_orders(api, t, now)
    mover = await build_tasks(api, t, now)
    elsewhere = await other_company(api, now)

    assert await figures(api, t.owner) == expect((9, 3, 4, 8, 2), (8, 3))
    assert await figures(api, t.head) == expect((6, 2, 3, 5, 1), (6, 2))
    assert await figures(api, t.worker) == expect((3, 1, 1, 2, 1), (3, 1))
    # The peer still sees the task it gave the mover in `tasks`; its dashboard counts its
    # own team only, and the task now counts on the head's.
    assert await figures(api, t.peer) == expect((1, 0, 1, 1, 0), (1, 1))
    assert await figures(api, mover) == expect((0, 0, 0, 0, 0), (1, 0))
    assert await figures(api, elsewhere) == expect((1, 1, 1, 1, 0), (1, 1))


async def test_figures_agree_with_the_lists_each_viewer_sees(api: Api) -> None:
    now = await clear_of_midnight("UTC")
    t = await tree(api)
    await build_orders(api, t, now)
    _ = await build_tasks(api, t, now)
    variables = {
        "open": {"status": OPEN_STATUSES},
        "late": {"overdue": True},
        "tasks": {"scope": "TEAM", "status": ["OPEN"]},
        "lateTasks": {"scope": "TEAM", "overdue": True},
    }
    for who in (t.owner, t.head, t.worker, t.peer):
        lists = await api.ok(COUNTS, variables, who.access)
        shown = await figures(api, who)
        assert (
            shown["openOrders"],
            shown["overdueOrders"],
            shown["openTasks"],
            shown["overdueTasks"],
        ) == tuple(lists[name]["totalCount"] for name in ("open", "late", "tasks", "lateTasks"))


async def test_portal_members_are_refused(api: Api) -> None:
    t = await tree(api)
    for member in await portal_members(api, t.company_id):
        body = await api.post(DASHBOARD, token=member.access)
        assert body["data"] is None
        assert [error["extensions"]["code"] for error in body["errors"]] == ["FORBIDDEN"]
        assert body["errors"][0]["path"] == ["dashboard"]


async def test_anonymous_callers_are_refused(api: Api) -> None:
    body = await api.post(DASHBOARD)
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["UNAUTHENTICATED"]


async def register_in(api: Api, timezone: str) -> Session:
    email = unique_email("owner")
    data = await api.ok(
        REGISTER,
        {
            "input": {
                "companyName": unique("Company "),
                "name": "Olga Owner",
                "email": email,
                "password": PASSWORD,
                "timezone": timezone,
            }
        },
    )
    return session_of(data["register"], email)


async def test_today_is_the_company_s_day(api: Api) -> None:
    """Vladivostok is UTC+10: its day and the UTC day always overlap only in part. Times in
    the part that is today only there count; those in the part that is today only in UTC do
    not (two of them, so a UTC "today" would give other figures)."""
    zone = "Asia/Vladivostok"
    now = await clear_of_midnight(zone, "UTC")
    local_start, local_end = day_of(now, zone)
    utc_start, utc_end = day_of(now, "UTC")
    minute = timedelta(minutes=1)
    if local_start < utc_start:
        local_only = local_start + minute
        utc_only = [utc_end - minute, utc_end - 2 * minute]
    else:
        local_only = local_end - minute
        utc_only = [utc_start + minute, utc_start + 2 * minute]
    for instant in (local_only, *utc_only):
        assert (local_start <= instant < local_end) != (utc_start <= instant < utc_end)

    owner = await register_in(api, zone)
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    for instant in (local_only, *utc_only):
        open_id = await order_in(api, owner, client, contractor, "NEW")
        await set_order(open_id, deadline=instant, created_at=instant)
        done_id = await order_in(api, owner, client, contractor, "DONE")
        await set_order(done_id, completed_at=instant, created_at=utc_only[0])

    overdue = sum(instant < now for instant in (local_only, *utc_only))
    assert await figures(api, owner) == expect((3, overdue, 1, 1, 1))


async def test_the_cost_does_not_grow_with_the_orders(api: Api) -> None:
    """The same statements for 1 and for 30 orders (and tasks), for the OWNER and for a
    head whose subtree is a subquery."""
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    company_id = await company_of(owner)
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    costs: dict[int, list[int]] = {}
    for count in (1, 30):
        while await Order.filter(company_id=company_id).count() < count:
            _ = await order_in(api, owner, client, contractor, "NEW", head)
            _ = await new_task(api, head, title=unique("task "))
        costs[count] = []
        for who in (owner, head):
            with count_statements() as counter:
                shown = await figures(api, who)
            assert shown["openOrders"] == shown["openTasks"] == count
            costs[count].append(len(counter.statements))
    assert costs[1] == costs[30]
    with count_statements() as baseline:
        _ = await api.ok("{ me { id } }", token=owner.access)
    # Authentication as for any query; then the time zone and one aggregate each for the
    # orders, the tasks and the unanswered conversations. `me` loads one row after
    # authenticating, the dashboard four.
    assert costs[30] == [len(baseline.statements) + 3] * 2
