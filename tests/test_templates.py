"""Templates: own, shared with a member, shared with all; who may share; tasks made from them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Task, Template, TemplateShare
from tests.support.api import Api, Session, count_statements, register
from tests.support.tasks import (
    CREATE_TEMPLATE,
    SHARE,
    TEMPLATES,
    create_task,
    new_task,
    node,
    pk,
    portal_members,
    tree,
)

pytestmark = pytest.mark.asyncio


async def new_template(api: Api, who: Session, name: str, **fields: Any) -> dict[str, Any]:
    template = {
        "kind": "TASK",
        "name": name,
        "title": f"{name} title",
        "description": f"{name} text",
        "deadlineInHours": 24,
        **fields,
    }
    data = await api.ok(CREATE_TEMPLATE, {"input": template}, who.access)
    payload = data["createTemplate"]
    assert payload["errors"] == [], payload["errors"]
    result: dict[str, Any] = payload["template"]
    return result


async def share(
    api: Api, who: Session, template_id: str, members: list[str], with_all: bool | None = None
) -> dict[str, Any]:
    variables: dict[str, Any] = {"id": template_id, "members": members}
    if with_all is not None:
        variables["all"] = with_all
    data = await api.ok(SHARE, variables, who.access)
    payload: dict[str, Any] = data["shareTemplate"]
    return payload


async def names(api: Api, who: Session, kind: str | None = None) -> list[str]:
    data = await api.ok(TEMPLATES, {"kind": kind}, who.access)
    return [template["name"] for template in data["templates"]]


async def test_own_shared_and_shared_with_all(api: Api) -> None:
    t = await tree(api)
    mine = await new_template(api, t.owner, "Cleaning")
    assert mine["owner"] == {"id": t.owner.member_id}
    assert (mine["sharedWith"], mine["sharedWithAll"]) == ([], False)
    await new_template(api, t.head, "Hiring")
    assert await names(api, t.owner) == ["Cleaning"]
    assert await names(api, t.head) == ["Hiring"]
    for who in (t.worker, t.peer):
        assert await names(api, who) == []
        assert await node(api, who, mine["id"]) is None

    shared = await share(api, t.owner, mine["id"], [t.head.member_id, t.worker.member_id])
    assert shared["errors"] == []
    assert sorted(m["id"] for m in shared["template"]["sharedWith"]) == sorted(
        [t.head.member_id, t.worker.member_id]
    )
    assert await names(api, t.head) == ["Cleaning", "Hiring"]
    assert await names(api, t.worker) == ["Cleaning"]
    assert await names(api, t.peer) == []

    # Sharing replaces the share set.
    narrowed = await share(api, t.owner, mine["id"], [t.worker.member_id])
    assert narrowed["template"]["sharedWith"] == [{"id": t.worker.member_id}]
    assert await names(api, t.head) == ["Hiring"]
    assert await node(api, t.head, mine["id"]) is None

    everyone = await share(api, t.owner, mine["id"], [], with_all=True)
    assert (everyone["template"]["sharedWith"], everyone["template"]["sharedWithAll"]) == ([], True)
    for who in (t.head, t.worker, t.peer):
        assert "Cleaning" in await names(api, who)
        seen = await node(api, who, mine["id"], "... on Template { name owner { id } }")
        assert seen == {"name": "Cleaning", "owner": {"id": t.owner.member_id}}
    # withAll defaults to false: sharing again without it takes "all" back.
    await share(api, t.owner, mine["id"], [])
    assert await names(api, t.peer) == []


async def test_portal_members_and_other_companies_see_no_templates(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    template = await new_template(api, t.owner, "Shared", kind="ORDER")
    await share(api, t.owner, template["id"], [], with_all=True)
    for who in [*await portal_members(api, t.company_id), stranger]:
        assert await names(api, who) == []
        assert await node(api, who, template["id"]) is None
    for who in await portal_members(api, t.company_id):
        data = await api.ok(
            CREATE_TEMPLATE,
            {
                "input": {
                    "kind": "ORDER",
                    "name": "x",
                    "title": "x",
                    "description": "",
                    "deadlineInHours": 1,
                }
            },
            who.access,
        )
        assert data["createTemplate"] == {
            "template": None,
            "errors": [{"field": None, "code": "FORBIDDEN"}],
        }
        refused = await share(api, who, template["id"], [])
        assert refused["errors"] == [{"field": None, "code": "FORBIDDEN"}]
    hidden = await share(api, stranger, template["id"], [])
    assert hidden["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert await Template.filter(company_id=t.company_id).count() == 1


async def test_only_the_owner_shares_and_only_with_its_company_staff(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    client, _ = await portal_members(api, t.company_id)
    template = await new_template(api, t.owner, "Mine")
    await share(api, t.owner, template["id"], [t.head.member_id])
    refused = await share(api, t.head, template["id"], [t.worker.member_id], with_all=True)
    assert refused == {"template": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    hidden = await share(api, t.peer, template["id"], [t.peer.member_id])
    assert hidden["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    for members, field, code in (
        ([t.worker.member_id, stranger.member_id], ["memberIds", "1"], "NOT_FOUND"),
        ([template["id"]], ["memberIds", "0"], "NOT_FOUND"),
        ([client.member_id], ["memberIds", "0"], "INVALID"),
    ):
        bad = await share(api, t.owner, template["id"], members, with_all=True)
        assert bad["errors"] == [{"field": field, "code": code}], members
    # Nothing changed: still shared with the head only, not with all.
    shares = await TemplateShare.filter(template_id=pk(template["id"], "Template"))
    assert [s.member_id for s in shares] == [pk(t.head.member_id, "Member")]
    assert not (await Template.get(id=pk(template["id"], "Template"))).shared_with_all
    # The owner itself and repeats need no share of their own.
    again = await share(
        api, t.owner, template["id"], [t.owner.member_id, t.peer.member_id, t.peer.member_id]
    )
    assert again["template"]["sharedWith"] == [{"id": t.peer.member_id}]


async def test_create_template_validates_its_input(api: Api) -> None:
    owner = await register(api)
    good = {"kind": "TASK", "name": "n", "title": "t", "description": "", "deadlineInHours": 1}
    for fields, field in (
        ({"deadlineInHours": 0}, ["input", "deadlineInHours"]),
        ({"deadlineInHours": -5}, ["input", "deadlineInHours"]),
        ({"deadlineInHours": 10**6}, ["input", "deadlineInHours"]),
        ({"name": " "}, ["input", "name"]),
        ({"title": ""}, ["input", "title"]),
    ):
        data = await api.ok(CREATE_TEMPLATE, {"input": {**good, **fields}}, owner.access)
        assert data["createTemplate"]["errors"] == [{"field": field, "code": "INVALID"}], fields
    assert await names(api, owner) == []
    made = await api.ok(CREATE_TEMPLATE, {"input": good}, owner.access)
    assert made["createTemplate"]["template"]["description"] == ""


async def test_templates_filter_by_kind(api: Api) -> None:
    owner = await register(api)
    await new_template(api, owner, "B task")
    await new_template(api, owner, "A order", kind="ORDER")
    await new_template(api, owner, "C order", kind="ORDER")
    assert await names(api, owner) == ["A order", "B task", "C order"]
    assert await names(api, owner, "ORDER") == ["A order", "C order"]
    assert await names(api, owner, "TASK") == ["B task"]


async def test_create_task_from_a_template(api: Api) -> None:
    t = await tree(api)
    template = await new_template(api, t.owner, "Invoices", deadlineInHours=48)
    await share(api, t.owner, template["id"], [t.head.member_id])
    before = datetime.now(UTC)
    task = await new_task(api, t.head, templateId=template["id"], deadline=None)
    assert (task["title"], task["description"]) == ("Invoices title", "Invoices text")
    deadline = datetime.fromisoformat(task["deadline"])
    assert before + timedelta(hours=48) <= deadline <= datetime.now(UTC) + timedelta(hours=48)
    # What the input gives wins over the template.
    given = await new_task(
        api,
        t.head,
        templateId=template["id"],
        title="Pay rent",
        description="",
        assigneeId=t.worker.member_id,
    )
    assert (given["title"], given["description"]) == ("Pay rent", "")
    assert given["assignee"]["id"] == t.worker.member_id


async def test_create_task_refuses_templates_it_may_not_use(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    order_kind = await new_template(api, t.owner, "Order kind", kind="ORDER")
    await share(api, t.owner, order_kind["id"], [], with_all=True)
    private = await new_template(api, t.owner, "Private")
    foreign = await new_template(api, stranger, "Foreign")
    await share(api, stranger, foreign["id"], [], with_all=True)
    for template in (order_kind, private, foreign):
        payload = await create_task(api, t.head, templateId=template["id"], deadline=None)
        assert payload == {
            "task": None,
            "errors": [{"field": ["input", "templateId"], "code": "NOT_FOUND"}],
        }
    assert await Task.filter(company_id=t.company_id).count() == 0


async def test_template_list_costs_a_bounded_number_of_statements(api: Api) -> None:
    t = await tree(api)
    query = "{ templates { name owner { name } sharedWith { name email } } }"

    async def statements() -> int:
        with count_statements() as counter:
            await api.ok(query, token=t.owner.access)
        return len(counter.statements)

    first = await new_template(api, t.owner, "First")
    await share(api, t.owner, first["id"], [t.head.member_id])
    few = await statements()
    for i in range(8):
        template = await new_template(api, t.owner, f"More {i}")
        await share(api, t.owner, template["id"], [t.head.member_id, t.worker.member_id])
    assert await statements() == few
    # The session, the templates, their owners, their shares with members, the e-mails.
    assert few <= 5
