"""cancelTask: who may cancel (and who must not), done and cancelled tasks, and an
announcement cancelled all together, in a bounded number of statements for 600 members."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models import Task, TaskStatus
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.api_tokens import codes, issue
from tests.support.tasks import (
    ACKNOWLEDGE,
    ANNOUNCE,
    CANCEL_TASK,
    COMPLETE,
    cancel_task,
    company_of,
    in_hours,
    new_task,
    pk,
    portal_members,
    staff_in_db,
    tree,
)

pytestmark = pytest.mark.asyncio


async def status(task: dict[str, Any]) -> str:
    return str((await Task.get(id=pk(task["id"], "Task"))).status)


async def announce(api: Api, who: Session, audience: str = "SUBTREE") -> list[dict[str, Any]]:
    data = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "Fire drill",
                "description": "Read the plan",
                "deadline": in_hours(24),
                "audience": audience,
            }
        },
        who.access,
    )
    assert data["announce"]["errors"] == []
    tasks: list[dict[str, Any]] = data["announce"]["tasks"]
    return tasks


async def test_who_may_cancel(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    task = await new_task(api, t.head, title="Hire", assigneeId=t.worker.member_id)
    assert await cancel_task(api, t.worker, task["id"]) == {
        "task": None,
        "errors": [{"field": None, "code": "FORBIDDEN"}],
    }
    for who in (t.peer, stranger):
        hidden = await cancel_task(api, who, task["id"])
        assert hidden == {"task": None, "errors": [{"field": ["id"], "code": "NOT_FOUND"}]}
    for who in await portal_members(api, t.company_id):
        portal = await cancel_task(api, who, task["id"])
        assert portal == {"task": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    token = await issue(api, t.owner)  # read-only by default
    body = await api.post(CANCEL_TASK, {"id": task["id"]}, token.token)
    assert codes(body) == ["FORBIDDEN"]
    assert await status(task) == "OPEN"
    # The creator, and a manager above the assignee who did not create it.
    done = await cancel_task(api, t.head, task["id"])
    assert done["errors"] == []
    assert (done["task"]["status"], done["task"]["overdue"]) == ("CANCELLED", False)
    own = await new_task(api, t.worker, title="Own")
    assert (await cancel_task(api, t.owner, own["id"]))["task"]["status"] == "CANCELLED"


async def test_done_stays_done_and_cancelled_again_is_no_change(api: Api) -> None:
    t = await tree(api)
    task = await new_task(api, t.head, title="Pay", assigneeId=t.worker.member_id)
    first = await cancel_task(api, t.head, task["id"])
    again = await cancel_task(api, t.owner, task["id"])
    assert again == first
    assert again["task"]["status"] == "CANCELLED"
    # A cancelled task is closed for its assignee too.
    closed = await api.ok(COMPLETE, {"id": task["id"]}, t.worker.access)
    assert closed["completeTask"]["errors"] == [{"field": None, "code": "CONFLICT"}]
    finished = await new_task(api, t.head, title="Finished", assigneeId=t.worker.member_id)
    await api.ok(COMPLETE, {"id": finished["id"]}, t.worker.access)
    refused = await cancel_task(api, t.head, finished["id"])
    assert refused == {"task": None, "errors": [{"field": None, "code": "CONFLICT"}]}
    assert await status(finished) == "DONE"


async def test_an_announcement_is_cancelled_all_together(api: Api) -> None:
    t = await tree(api)
    second = await invite_and_accept(api, t.head, "Second")
    drill = await announce(api, t.owner)
    other = await announce(api, t.owner)
    by_head = await announce(api, t.head)
    rows = await Task.filter(id__in=[pk(x["id"], "Task") for x in drill + other + by_head])
    stamps = {row.announcement for row in rows}
    assert None not in stamps
    assert len(stamps) == 3  # one UUID per announcement
    mine = {task["assignee"]["name"]: task for task in drill}
    await api.ok(ACKNOWLEDGE, {"id": mine["Worker"]["id"]}, t.worker.access)
    # The head sees its people's copies, but cancelling one would cancel everyone's.
    refused = await cancel_task(api, t.head, mine["Second"]["id"])
    assert refused == {"task": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    cancelled = await cancel_task(api, t.owner, mine["Peer"]["id"])
    assert cancelled["task"]["status"] == "CANCELLED"
    assert {name: await status(task) for name, task in mine.items()} == {
        "Head": "CANCELLED",
        "Peer": "CANCELLED",
        "Second": "CANCELLED",
        "Worker": "DONE",  # acknowledged before: it stays so
    }
    assert {await status(task) for task in other} == {"OPEN"}
    late = await api.ok(ACKNOWLEDGE, {"id": mine["Second"]["id"]}, second.access)
    assert late["acknowledgeTask"]["errors"] == [{"field": None, "code": "CONFLICT"}]
    # The one acknowledged copy cannot be cancelled; the announcer and the OWNER cancel theirs.
    assert (await cancel_task(api, t.owner, mine["Worker"]["id"]))["errors"] == [
        {"field": None, "code": "CONFLICT"}
    ]
    assert (await cancel_task(api, t.head, by_head[0]["id"]))["errors"] == []
    assert {await status(task) for task in by_head} == {"CANCELLED"}
    assert (await cancel_task(api, t.owner, other[0]["id"]))["errors"] == []
    assert {await status(task) for task in other} == {"CANCELLED"}


async def test_cancel_racing_an_acknowledgement_leaves_one_story(api: Api) -> None:
    """Either the announcement is cancelled (the late acknowledgement is a CONFLICT) or the
    copy is acknowledged and nothing is cancelled: never a cancelled announcement whose
    cancelled copy says DONE, nor half of one cancelled."""
    for _ in range(3):
        t = await tree(api)
        tasks = {task["assignee"]["name"]: task for task in await announce(api, t.owner)}
        worker = tasks["Worker"]["id"]
        cancelled, acknowledged = await asyncio.gather(
            cancel_task(api, t.owner, worker),
            api.ok(ACKNOWLEDGE, {"id": worker}, t.worker.access),
        )
        won_cancel = cancelled["errors"] == []
        assert won_cancel != (acknowledged["acknowledgeTask"]["errors"] == [])
        statuses = {name: await status(task) for name, task in tasks.items()}
        if won_cancel:
            assert set(statuses.values()) == {"CANCELLED"}
        else:
            assert statuses.pop("Worker") == "DONE"
            assert set(statuses.values()) == {"OPEN"}


async def test_an_announcement_to_600_is_cancelled_in_a_few_statements(api: Api) -> None:
    owner = await register(api)
    company_id = await company_of(owner)
    await staff_in_db(company_id, owner, 600)
    tasks = await announce(api, owner)
    assert len(tasks) == 600
    with count_statements() as counter:
        payload = await cancel_task(api, owner, tasks[300]["id"])
    assert payload["errors"] == []
    writes = [s for s in counter.statements if s.split(None, 1)[0].upper() == "UPDATE"]
    assert [w.split(" SET ")[0] for w in writes] == ['UPDATE "task"']
    # Measured 6: the session, the task, its assignee's path, the UPDATE, the task re-read,
    # the payload's members; the same for 6 members or 600.
    assert len(counter.statements) <= 6, counter.statements
    left = await Task.filter(company_id=company_id, status=TaskStatus.OPEN).count()
    assert left == 0
    assert await Task.filter(company_id=company_id, status=TaskStatus.CANCELLED).count() == 600
