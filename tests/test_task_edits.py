"""updateTask: who may change a task (and who must not), what a change may be, bad input that
changes nothing, re-assignment telling the new assignee, and the overdue watch re-armed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Notification, Task
from resolvers.deadline_watch import watch_once
from tests.support.api import Api, invite_and_accept, register
from tests.support.api_tokens import codes, issue
from tests.support.notifications import inbox
from tests.support.tasks import (
    ANNOUNCE,
    COMPLETE,
    UPDATE_TASK,
    cancel_task,
    deactivate,
    in_hours,
    new_task,
    pk,
    portal_members,
    tree,
    update_task,
)

pytestmark = pytest.mark.asyncio


async def row(task: dict[str, Any]) -> Task:
    return await Task.get(id=pk(task["id"], "Task"))


async def test_the_creator_and_managers_above_the_assignee_edit(api: Api) -> None:
    t = await tree(api)
    task = await new_task(api, t.head, title="Hire", assigneeId=t.worker.member_id)
    by_creator = await update_task(api, t.head, task["id"], title="Hire two")
    assert by_creator["errors"] == []
    assert by_creator["task"]["title"] == "Hire two"
    by_owner = await update_task(api, t.owner, task["id"], description="By Friday")
    assert by_owner["errors"] == []
    assert (by_owner["task"]["title"], by_owner["task"]["description"]) == ("Hire two", "By Friday")
    # A manager above the assignee edits a task it did not create.
    own = await new_task(api, t.worker, title="Own")
    assert (await update_task(api, t.head, own["id"], title="Own, checked"))["errors"] == []
    assert (await row(own)).title == "Own, checked"


async def test_those_who_may_not_edit_change_nothing(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    task = await new_task(api, t.head, title="Hire", assigneeId=t.worker.member_id)
    # The assignee sees its task but may not rewrite it; a peer and another company see nothing.
    refused = await update_task(api, t.worker, task["id"], title="Nothing to do")
    assert refused == {"task": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    for who in (t.peer, stranger):
        hidden = await update_task(api, who, task["id"], title="Mine now")
        assert hidden == {"task": None, "errors": [{"field": ["id"], "code": "NOT_FOUND"}]}
    # Someone below the assignee does not see its manager's task.
    up = await new_task(api, t.owner, title="Up", assigneeId=t.head.member_id)
    below = await update_task(api, t.worker, up["id"], title="x")
    assert below["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    for who in await portal_members(api, t.company_id):
        portal = await update_task(api, who, task["id"], title="x")
        assert portal == {"task": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    token = await issue(api, t.owner)  # read-only by default
    body = await api.post(UPDATE_TASK, {"id": task["id"], "input": {"title": "x"}}, token.token)
    assert codes(body) == ["FORBIDDEN"]
    assert (body.get("data") or {}).get("updateTask") is None
    assert (await row(task)).title == "Hire"


async def test_fields_left_out_stay_as_they_are(api: Api) -> None:
    t = await tree(api)
    task = await new_task(
        api, t.head, title="Pay", description="Invoice 7", assigneeId=t.worker.member_id
    )
    same = await update_task(api, t.head, task["id"])
    assert same["task"] == task
    moved = await update_task(api, t.head, task["id"], deadline=in_hours(72), title=None)
    assert moved["errors"] == []
    assert (moved["task"]["title"], moved["task"]["description"]) == ("Pay", "Invoice 7")
    assert moved["task"]["deadline"] > task["deadline"]
    cleared = await update_task(api, t.head, task["id"], description="")
    assert cleared["task"]["description"] == ""
    assert cleared["task"]["assignee"] == task["assignee"]


async def test_bad_input_is_refused_by_field_and_nothing_is_written(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    second = await invite_and_accept(api, t.head, "Second")
    leaver = await invite_and_accept(api, t.head, "Leaver")
    await deactivate(leaver)
    client, contractor = await portal_members(api, t.company_id)
    task = await new_task(api, t.head, title="Keep", assigneeId=t.worker.member_id)
    naive = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None).isoformat()
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"title": "  "}, "title", "INVALID"),
        ({"title": ""}, "title", "INVALID"),
        ({"deadline": in_hours(-1)}, "deadline", "INVALID"),
        ({"deadline": naive}, "deadline", "INVALID"),
        ({"assigneeId": t.peer.member_id}, "assigneeId", "INVALID"),  # not below the head
        ({"assigneeId": t.owner.member_id}, "assigneeId", "INVALID"),
        ({"assigneeId": leaver.member_id}, "assigneeId", "INVALID"),
        ({"assigneeId": client.member_id}, "assigneeId", "NOT_FOUND"),
        ({"assigneeId": contractor.member_id}, "assigneeId", "NOT_FOUND"),
        ({"assigneeId": stranger.member_id}, "assigneeId", "NOT_FOUND"),
        ({"assigneeId": task["id"]}, "assigneeId", "NOT_FOUND"),
    ]
    for fields, field, code in cases:
        # A good title beside the bad field: all or nothing.
        payload = await update_task(api, t.head, task["id"], **{"title": "Changed", **fields})
        assert payload == {
            "task": None,
            "errors": [{"field": ["input", field], "code": code}],
        }, fields
    stored = await row(task)
    assert (stored.title, stored.assignee_id) == ("Keep", pk(t.worker.member_id, "Member"))
    # The same rule at creation: a leaver gets no new task.
    data = await api.ok(
        "mutation($i: CreateTaskInput!) { createTask(input: $i) { errors { field code } } }",
        {"i": {"title": "x", "deadline": in_hours(1), "assigneeId": leaver.member_id}},
        t.head.access,
    )
    assert data["createTask"]["errors"] == [{"field": ["input", "assigneeId"], "code": "INVALID"}]
    moved = await update_task(api, t.head, task["id"], assigneeId=second.member_id)
    assert moved["task"]["assignee"]["id"] == second.member_id


async def test_a_new_assignee_is_told_as_at_creation(api: Api) -> None:
    t = await tree(api)
    second = await invite_and_accept(api, t.head, "Second")
    task = await new_task(api, t.head, title="Count stock", assigneeId=t.worker.member_id)
    moved = await update_task(api, t.head, task["id"], assigneeId=second.member_id)
    assert moved["errors"] == []
    assert moved["task"]["assignee"] == {"id": second.member_id, "name": "Second"}
    [note] = [n for n in await inbox(api, second) if n["kind"] == "TASK_ASSIGNED"]
    assert note["task"] == {"id": task["id"]}
    assert note["text"].startswith('New task "Count stock", due ')
    # The old assignee no longer sees the task; its old notification stays its own.
    assert (await update_task(api, t.worker, task["id"], title="x"))["errors"] == [
        {"field": ["id"], "code": "NOT_FOUND"}
    ]
    # Taking it over oneself tells nobody; the same assignee again is no change at all.
    await update_task(api, t.head, task["id"], assigneeId=t.head.member_id)
    await update_task(api, t.head, task["id"], assigneeId=t.head.member_id)
    assert await Notification.filter(task_id=pk(task["id"], "Task")).count() == 2
    assert await Notification.filter(task_id=pk(task["id"], "Task"), published_at=None).count() == 0


async def test_done_or_cancelled_tasks_and_announcements(api: Api) -> None:
    t = await tree(api)
    done = await new_task(api, t.head, title="Done", assigneeId=t.worker.member_id)
    await api.ok(COMPLETE, {"id": done["id"]}, t.worker.access)
    cancelled = await new_task(api, t.head, title="Off", assigneeId=t.worker.member_id)
    assert (await cancel_task(api, t.head, cancelled["id"]))["errors"] == []
    for task in (done, cancelled):
        payload = await update_task(api, t.head, task["id"], title="Again")
        assert payload == {"task": None, "errors": [{"field": None, "code": "CONFLICT"}]}
        assert (await row(task)).title == task["title"]
    announced = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "Party",
                "description": "",
                "deadline": in_hours(5),
                "audience": "DIRECT_REPORTS",
            }
        },
        t.head.access,
    )
    [notice] = announced["announce"]["tasks"]
    second = await invite_and_accept(api, t.head, "Second")
    moved = await update_task(api, t.head, notice["id"], assigneeId=second.member_id)
    assert moved["errors"] == [{"field": ["input", "assigneeId"], "code": "INVALID"}]
    renamed = await update_task(api, t.head, notice["id"], title="Party at 7")
    assert renamed["task"]["title"] == "Party at 7"
    assert renamed["task"]["assignee"]["id"] == t.worker.member_id


async def test_a_new_deadline_rearms_the_overdue_watch(api: Api) -> None:
    t = await tree(api)
    first = datetime.now(UTC) + timedelta(hours=5)
    task = await new_task(
        api, t.head, title="Renew", assigneeId=t.worker.member_id, deadline=first.isoformat()
    )

    async def overdue_at(now: datetime) -> int:
        return (await watch_once(now, timedelta(hours=2), companies=[t.company_id])).overdue_tasks

    assert await overdue_at(first + timedelta(minutes=1)) == 1
    assert await overdue_at(first + timedelta(minutes=2)) == 0
    second = first + timedelta(hours=3)
    moved = await update_task(api, t.head, task["id"], deadline=second.isoformat())
    assert moved["task"]["overdue"] is False
    assert (await row(task)).overdue_for is None
    assert await overdue_at(first + timedelta(minutes=3)) == 0
    assert await overdue_at(second + timedelta(minutes=1)) == 1
    # Moved back to the deadline told of before: told of again, since the deadline changed.
    await update_task(api, t.head, task["id"], deadline=first.isoformat())
    assert await overdue_at(first + timedelta(minutes=1)) == 1
    # The same deadline again is no change: the watch stays quiet.
    await update_task(api, t.head, task["id"], deadline=first.isoformat())
    assert await overdue_at(first + timedelta(minutes=4)) == 0
    kinds = [n["kind"] for n in await inbox(api, t.worker)]
    assert kinds.count("TASK_OVERDUE") == 3
