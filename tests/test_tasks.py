"""Internal tasks and announcements: scopes, visibility from the side that must not see,
who may complete or acknowledge, bad input, and the cost of a task list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Task
from tests.support.api import Api, count_statements, invite_and_accept, register
from tests.support.tasks import (
    ACKNOWLEDGE,
    ANNOUNCE,
    COMPLETE,
    TASKS,
    create_task,
    in_hours,
    new_task,
    node,
    order_in_db,
    pk,
    portal_members,
    task_titles,
    tree,
)

pytestmark = pytest.mark.asyncio

MOVE = """mutation($m: ID!, $to: ID!) { moveMember(memberId: $m, managerId: $to) { id } }"""


async def test_scopes_in_a_three_level_tree(api: Api) -> None:
    t = await tree(api)
    o, h, w, p = t.owner, t.head, t.worker, t.peer
    for creator, assignee, title in (
        (o, o, "t1"),
        (o, h, "t2"),
        (o, w, "t3"),
        (h, h, "t4"),
        (h, w, "t5"),
        (w, w, "t6"),
        (p, p, "t7"),
        (o, p, "t8"),
    ):
        await new_task(api, creator, title=title, assigneeId=assignee.member_id)
    everything = {f"t{i}" for i in range(1, 9)}
    expected = {
        # who: (no scope, MINE, TEAM, CREATED)
        "owner": (everything, {"t1"}, everything, {"t1", "t2", "t3", "t8"}),
        "head": (
            {"t2", "t3", "t4", "t5", "t6"},
            {"t2", "t4"},
            {"t2", "t3", "t4", "t5", "t6"},
            {"t4", "t5"},
        ),
        "worker": ({"t3", "t5", "t6"}, {"t3", "t5", "t6"}, {"t3", "t5", "t6"}, {"t6"}),
        "peer": ({"t7", "t8"}, {"t7", "t8"}, {"t7", "t8"}, {"t7"}),
    }
    for name, who in t.by_name().items():
        seen = (
            await task_titles(api, who),
            await task_titles(api, who, scope="MINE"),
            await task_titles(api, who, scope="TEAM"),
            await task_titles(api, who, scope="CREATED"),
        )
        assert seen == expected[name], name


async def test_a_creator_keeps_seeing_its_task_after_the_assignee_moves_away(api: Api) -> None:
    t = await tree(api)
    task = await new_task(api, t.head, title="hire", assigneeId=t.worker.member_id)
    moved = await api.ok(MOVE, {"m": t.worker.member_id, "to": t.peer.member_id}, t.owner.access)
    assert moved["moveMember"] == {"id": t.worker.member_id}
    assert await task_titles(api, t.head, scope="TEAM") == set()
    assert await task_titles(api, t.head, scope="CREATED") == {"hire"}
    assert await task_titles(api, t.peer, scope="TEAM") == {"hire"}
    assert await node(api, t.head, task["id"]) == {"id": task["id"]}
    done = await api.ok(COMPLETE, {"id": task["id"]}, t.head.access)
    assert done["completeTask"]["task"]["status"] == "DONE"


async def test_peers_and_other_companies_see_nothing_and_touch_nothing(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    task = await new_task(api, t.head, title="secret", assigneeId=t.worker.member_id)
    for who in (t.peer, stranger):
        assert await task_titles(api, who) == set()
        assert await node(api, who, task["id"]) is None
        data = await api.ok(COMPLETE, {"id": task["id"]}, who.access)
        assert data["completeTask"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    # The worker sees its task but not the one its manager keeps for itself.
    own = await new_task(api, t.head, title="head only")
    assert await node(api, t.worker, own["id"]) is None
    assert (await Task.get(id=pk(task["id"], "Task"))).status == "OPEN"


async def test_portal_members_see_no_tasks_and_may_do_nothing(api: Api) -> None:
    t = await tree(api)
    task = await new_task(api, t.owner, title="staff only", assigneeId=t.head.member_id)
    for who in await portal_members(api, t.company_id):
        data = await api.ok(TASKS, {"filter": {"scope": "TEAM"}}, who.access)
        assert data["tasks"] == {
            "totalCount": 0,
            "edges": [],
            "pageInfo": {"hasNextPage": False, "endCursor": None},
        }
        assert await node(api, who, task["id"]) is None
        created = await create_task(api, who, title="mine")
        assert created == {"task": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
        for mutation, name in ((COMPLETE, "completeTask"), (ACKNOWLEDGE, "acknowledgeTask")):
            data = await api.ok(mutation, {"id": task["id"]}, who.access)
            assert data[name]["errors"] == [{"field": None, "code": "FORBIDDEN"}]
        announced = await api.ok(
            ANNOUNCE,
            {
                "input": {
                    "title": "x",
                    "description": "",
                    "deadline": in_hours(1),
                    "audience": "SUBTREE",
                }
            },
            who.access,
        )
        assert announced["announce"] == {
            "tasks": [],
            "errors": [{"field": None, "code": "FORBIDDEN"}],
        }
    assert await Task.filter(company_id=t.company_id).count() == 1


async def test_who_may_complete(api: Api) -> None:
    t = await tree(api)
    by_assignee = await new_task(api, t.owner, title="a", assigneeId=t.worker.member_id)
    by_manager = await new_task(api, t.worker, title="b")
    by_creator = await new_task(api, t.head, title="c", assigneeId=t.worker.member_id)
    for who, task in ((t.worker, by_assignee), (t.head, by_manager), (t.head, by_creator)):
        data = await api.ok(COMPLETE, {"id": task["id"]}, who.access)
        done = data["completeTask"]
        assert done["errors"] == []
        assert done["task"]["status"] == "DONE"
        assert done["task"]["completedAt"] is not None
        assert done["task"]["overdue"] is False
    again = await api.ok(COMPLETE, {"id": by_assignee["id"]}, t.owner.access)
    assert again["completeTask"] == {"task": None, "errors": [{"field": None, "code": "CONFLICT"}]}
    # Someone below the assignee sees nothing of its manager's task.
    up = await new_task(api, t.owner, title="d", assigneeId=t.head.member_id)
    data = await api.ok(COMPLETE, {"id": up["id"]}, t.worker.access)
    assert data["completeTask"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]


async def test_announce_makes_one_task_per_audience_member(api: Api) -> None:
    t = await tree(api)
    second = await invite_and_accept(api, t.head, "Second Worker")
    announce: dict[str, Any] = {
        "title": "Party",
        "description": "Friday 6pm",
        "deadline": in_hours(48),
    }

    async def audience(who: Any, kind: str) -> list[dict[str, Any]]:
        data = await api.ok(ANNOUNCE, {"input": {**announce, "audience": kind}}, who.access)
        assert data["announce"]["errors"] == []
        tasks: list[dict[str, Any]] = data["announce"]["tasks"]
        return tasks

    direct = await audience(t.owner, "DIRECT_REPORTS")
    assert sorted(task["assignee"]["name"] for task in direct) == ["Head", "Peer"]
    subtree = await audience(t.owner, "SUBTREE")
    assert sorted(task["assignee"]["name"] for task in subtree) == [
        "Head",
        "Peer",
        "Second Worker",
        "Worker",
    ]
    for task in subtree:
        assert task["requiresAcknowledgement"] is True
        assert task["creator"] == {"id": t.owner.member_id, "name": "Olga Owner"}
        assert (task["title"], task["description"], task["status"]) == (
            "Party",
            "Friday 6pm",
            "OPEN",
        )
    heads = await audience(t.head, "SUBTREE")
    assert sorted(task["assignee"]["id"] for task in heads) == sorted(
        [t.worker.member_id, second.member_id]
    )
    assert await Task.filter(company_id=t.company_id).count() == 2 + 4 + 2

    workers = {task["assignee"]["name"]: task for task in subtree}
    mine = workers["Worker"]
    # Its manager sees the worker's announcement but may not acknowledge it; a peer cannot see it.
    refused = await api.ok(ACKNOWLEDGE, {"id": mine["id"]}, t.head.access)
    assert refused["acknowledgeTask"]["errors"] == [{"field": None, "code": "FORBIDDEN"}]
    hidden = await api.ok(ACKNOWLEDGE, {"id": mine["id"]}, t.peer.access)
    assert hidden["acknowledgeTask"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    # Nobody completes an announcement in the assignee's place.
    completed = await api.ok(COMPLETE, {"id": mine["id"]}, t.owner.access)
    assert completed["completeTask"]["errors"] == [{"field": None, "code": "INVALID"}]
    data = await api.ok(ACKNOWLEDGE, {"id": mine["id"]}, t.worker.access)
    acknowledged = data["acknowledgeTask"]["task"]
    assert acknowledged["status"] == "DONE"
    assert acknowledged["acknowledgedAt"] is not None
    again = await api.ok(ACKNOWLEDGE, {"id": mine["id"]}, t.worker.access)
    assert again["acknowledgeTask"]["errors"] == [{"field": None, "code": "CONFLICT"}]
    # A plain task is completed, not acknowledged.
    plain = await new_task(api, t.worker, title="plain")
    wrong = await api.ok(ACKNOWLEDGE, {"id": plain["id"]}, t.worker.access)
    assert wrong["acknowledgeTask"]["errors"] == [{"field": None, "code": "INVALID"}]


async def test_bad_input_is_refused_with_its_code_and_nothing_is_stored(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    order = await order_in_db(t.company_id, t.owner, "Owner's order")
    naive = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None).isoformat()
    cases: list[tuple[dict[str, Any], list[str], str]] = [
        ({"title": "x", "deadline": in_hours(-1)}, ["input", "deadline"], "INVALID"),
        ({"title": "x", "deadline": None}, ["input", "deadline"], "INVALID"),
        ({"title": "x", "deadline": naive}, ["input", "deadline"], "INVALID"),
        ({"title": "  "}, ["input", "title"], "INVALID"),
        ({"title": "x", "assigneeId": t.peer.member_id}, ["input", "assigneeId"], "INVALID"),
        ({"title": "x", "assigneeId": t.owner.member_id}, ["input", "assigneeId"], "INVALID"),
        ({"title": "x", "assigneeId": stranger.member_id}, ["input", "assigneeId"], "NOT_FOUND"),
        ({"title": "x", "assigneeId": order}, ["input", "assigneeId"], "NOT_FOUND"),
        ({"title": "x", "orderId": order}, ["input", "orderId"], "NOT_FOUND"),
        ({"title": "x", "orderId": t.head.member_id}, ["input", "orderId"], "NOT_FOUND"),
        ({"title": "x", "templateId": order}, ["input", "templateId"], "NOT_FOUND"),
    ]
    for fields, field, code in cases:
        payload = await create_task(api, t.head, **fields)
        assert payload["task"] is None, fields
        assert payload["errors"] == [{"field": field, "code": code}], fields
    for bad_id in (t.head.member_id, order, "bm90IGFuIGlk", "VGFzazo5OTk5OTk5OTk5OTk5"):
        for mutation, name in ((COMPLETE, "completeTask"), (ACKNOWLEDGE, "acknowledgeTask")):
            data = await api.ok(mutation, {"id": bad_id}, t.head.access)
            assert data[name]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    lonely = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "x",
                "description": "",
                "deadline": in_hours(1),
                "audience": "SUBTREE",
            }
        },
        t.worker.access,
    )
    assert lonely["announce"]["errors"] == [{"field": ["input", "audience"], "code": "INVALID"}]
    past = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "x",
                "description": "",
                "deadline": in_hours(-1),
                "audience": "SUBTREE",
            }
        },
        t.owner.access,
    )
    assert past["announce"]["errors"] == [{"field": ["input", "deadline"], "code": "INVALID"}]
    assert await Task.filter(company_id=t.company_id).count() == 0


async def test_task_order_is_shown_only_to_those_who_see_the_order(api: Api) -> None:
    t = await tree(api)
    owners = await order_in_db(t.company_id, t.owner, "Owner's order")
    heads = await order_in_db(t.company_id, t.head, "Head's order")
    task = await new_task(
        api, t.owner, title="call back", assigneeId=t.head.member_id, orderId=owners
    )
    assert task["order"] == {"id": owners}
    seen = await node(api, t.head, task["id"], "... on Task { title order { id } }")
    assert seen == {"title": "call back", "order": None}
    refused = await create_task(api, t.head, title="x", orderId=owners)
    assert refused["errors"] == [{"field": ["input", "orderId"], "code": "NOT_FOUND"}]
    linked = await new_task(
        api, t.head, title="visit", assigneeId=t.worker.member_id, orderId=heads
    )
    assert linked["order"] == {"id": heads}


async def test_status_and_overdue_filters(api: Api) -> None:
    t = await tree(api)
    late = await new_task(api, t.head, title="late")
    await new_task(api, t.head, title="on time")
    done = await new_task(api, t.head, title="done late")
    past = datetime.now(UTC) - timedelta(hours=2)
    await Task.filter(id__in=[pk(late["id"], "Task"), pk(done["id"], "Task")]).update(deadline=past)
    assert (await api.ok(COMPLETE, {"id": done["id"]}, t.head.access))["completeTask"][
        "errors"
    ] == []
    assert await task_titles(api, t.head, overdue=True) == {"late"}
    assert await task_titles(api, t.head, overdue=False) == {"on time", "done late"}
    assert await task_titles(api, t.head, status=["DONE"]) == {"done late"}
    assert await task_titles(api, t.head, status=["OPEN"], overdue=False) == {"on time"}
    assert await task_titles(api, t.head, status=["CANCELLED"]) == set()
    flags = await api.ok("{ tasks { edges { node { title overdue } } } }", token=t.head.access)
    assert {e["node"]["title"]: e["node"]["overdue"] for e in flags["tasks"]["edges"]} == {
        "late": True,
        "on time": False,
        "done late": False,
    }


async def test_pagination_walks_every_task_once_by_deadline(api: Api) -> None:
    owner = await register(api)
    for hours in (5, 1, 4, 2, 3, 7, 6):
        await new_task(api, owner, title=f"due in {hours}", deadline=in_hours(hours))
    seen: list[str] = []
    after = None
    while True:
        data = await api.ok(TASKS, {"first": 3, "after": after}, owner.access)
        page = data["tasks"]
        assert page["totalCount"] == 7
        seen += [edge["node"]["title"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [f"due in {hours}" for hours in range(1, 8)]


async def test_a_task_list_costs_the_same_statements_for_5_and_100_tasks(api: Api) -> None:
    t = await tree(api)
    query = """query($first: Int) { tasks(first: $first) { totalCount edges { node {
        title overdue assignee { name email } creator { name } order { id title }
    } } } }"""
    assignees = [t.owner, t.head, t.worker, t.peer]
    for i in range(12):
        order = await order_in_db(t.company_id, t.owner, f"order {i}")
        assignee = assignees[i % len(assignees)]
        await new_task(
            api, t.owner, title=f"task {i}", assigneeId=assignee.member_id, orderId=order
        )

    async def statements(first: int) -> int:
        with count_statements() as counter:
            data = await api.ok(query, {"first": first}, t.owner.access)
        edges = data["tasks"]["edges"]
        assert len(edges) == min(first, 12)
        assert all(edge["node"]["order"] is not None for edge in edges)
        return len(counter.statements)

    few = await statements(5)
    assert await statements(100) == few
    # The session, the page, the total, the members, their e-mails and the orders.
    assert few <= 6
