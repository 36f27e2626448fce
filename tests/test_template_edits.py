"""updateTemplate and deleteTemplate: the owner, and the company's OWNER once a template is
shared; everyone else refused (NOT_FOUND when hidden, FORBIDDEN when only visible); the input
checked as at creation; deletion takes the shares and leaves what was made from it."""

from __future__ import annotations

from typing import Any

import pytest

from models import Task, Template, TemplateShare
from tests.support.api import Api, Session, register
from tests.support.api_tokens import codes, issue
from tests.support.tasks import (
    CREATE_TEMPLATE,
    DELETE_TEMPLATE,
    SHARE,
    TEMPLATES,
    UPDATE_TEMPLATE,
    create_task,
    new_task,
    node,
    pk,
    portal_members,
    tree,
)

pytestmark = pytest.mark.asyncio

GOOD = {"kind": "TASK", "name": "n", "title": "t", "description": "d", "deadlineInHours": 24}


async def new_template(api: Api, who: Session, name: str) -> dict[str, Any]:
    data = await api.ok(CREATE_TEMPLATE, {"input": {**GOOD, "name": name}}, who.access)
    assert data["createTemplate"]["errors"] == []
    template: dict[str, Any] = data["createTemplate"]["template"]
    return template


async def share(api: Api, who: Session, template: dict[str, Any], *members: Session) -> None:
    variables = {"id": template["id"], "members": [m.member_id for m in members], "all": False}
    if not members:
        variables["all"] = True
    data = await api.ok(SHARE, variables, who.access)
    assert data["shareTemplate"]["errors"] == []


async def update(api: Api, who: Session, template_id: str, **fields: Any) -> dict[str, Any]:
    data = await api.ok(
        UPDATE_TEMPLATE, {"id": template_id, "input": {**GOOD, **fields}}, who.access
    )
    payload: dict[str, Any] = data["updateTemplate"]
    return payload


async def delete(api: Api, who: Session, template_id: str) -> dict[str, Any]:
    data = await api.ok(DELETE_TEMPLATE, {"id": template_id}, who.access)
    payload: dict[str, Any] = data["deleteTemplate"]
    return payload


async def stored_name(template: dict[str, Any]) -> str:
    return (await Template.get(id=pk(template["id"], "Template"))).name


HIDDEN = {"template": None, "errors": [{"field": ["id"], "code": "NOT_FOUND"}]}
REFUSED = {"template": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}


async def test_its_owner_changes_every_field(api: Api) -> None:
    t = await tree(api)
    template = await new_template(api, t.head, "Cleaning")
    await share(api, t.head, template, t.worker)
    changed = await update(
        api,
        t.head,
        template["id"],
        kind="ORDER",
        name="Deep cleaning",
        title="Deep clean",
        description="",
        deadlineInHours=48,
    )
    assert changed["errors"] == []
    assert {k: v for k, v in changed["template"].items() if k != "owner"} == {
        "id": template["id"],
        "kind": "ORDER",
        "name": "Deep cleaning",
        "title": "Deep clean",
        "description": "",
        "deadlineInHours": 48,
        "sharedWithAll": False,
        "sharedWith": [{"id": t.worker.member_id}],
    }
    listed = await api.ok(TEMPLATES, {"kind": "ORDER"}, t.worker.access)
    assert listed["templates"] == [{"id": template["id"], "name": "Deep cleaning"}]


async def test_the_owner_of_the_company_manages_shared_templates_only(api: Api) -> None:
    t = await tree(api)
    with_all = await new_template(api, t.head, "For everyone")
    await share(api, t.head, with_all)
    with_owner = await new_template(api, t.head, "For the owner and the worker")
    await share(api, t.head, with_owner, t.owner, t.worker)
    private = await new_template(api, t.head, "Private")
    with_worker = await new_template(api, t.head, "For the worker")
    await share(api, t.head, with_worker, t.worker)
    for template in (with_all, with_owner):
        assert (await update(api, t.owner, template["id"], name="Checked"))["errors"] == []
        assert await stored_name(template) == "Checked"
    # Hidden from the OWNER: its owner's alone, or shared with others but not the OWNER.
    for template in (private, with_worker):
        assert await update(api, t.owner, template["id"], name="x") == HIDDEN
        assert await delete(api, t.owner, template["id"]) == HIDDEN
    # Staff who only use a shared template may not change it.
    for who, template in ((t.peer, with_all), (t.worker, with_all), (t.worker, with_worker)):
        assert await update(api, who, template["id"], name="x") == REFUSED
        assert await delete(api, who, template["id"]) == REFUSED
    assert await stored_name(with_worker) == "For the worker"
    assert (await delete(api, t.owner, with_all["id"]))["errors"] == []


async def test_strangers_portal_members_and_read_only_tokens_are_refused(api: Api) -> None:
    t = await tree(api)
    stranger = await register(api)
    template = await new_template(api, t.owner, "Shared")
    await share(api, t.owner, template)
    assert await update(api, stranger, template["id"], name="x") == HIDDEN
    assert await delete(api, stranger, template["id"]) == HIDDEN
    for who in await portal_members(api, t.company_id):
        assert await update(api, who, template["id"], name="x") == REFUSED
        assert await delete(api, who, template["id"]) == REFUSED
    token = await issue(api, t.owner)  # read-only by default
    for query, variables in (
        (UPDATE_TEMPLATE, {"id": template["id"], "input": GOOD}),
        (DELETE_TEMPLATE, {"id": template["id"]}),
    ):
        assert codes(await api.post(query, variables, token.token)) == ["FORBIDDEN"]
    # Ids of something else, or of nothing, are not templates.
    for bad_id in (t.owner.member_id, "bm90IGFuIGlk", "VGVtcGxhdGU6OTk5OTk5OTk5OTk5"):
        assert await update(api, t.owner, bad_id) == HIDDEN
        assert await delete(api, t.owner, bad_id) == HIDDEN
    assert await stored_name(template) == "Shared"


async def test_bad_input_is_refused_as_at_creation_and_nothing_changes(api: Api) -> None:
    t = await tree(api)
    template = await new_template(api, t.head, "Keep")
    for fields, field in (
        ({"deadlineInHours": 0}, "deadlineInHours"),
        ({"deadlineInHours": 10**6}, "deadlineInHours"),
        ({"name": " "}, "name"),
        ({"title": ""}, "title"),
    ):
        payload = await update(api, t.head, template["id"], **fields)
        assert payload == {
            "template": None,
            "errors": [{"field": ["input", field], "code": "INVALID"}],
        }, fields
    stored = await Template.get(id=pk(template["id"], "Template"))
    assert (stored.name, stored.title, stored.deadline_in_hours) == ("Keep", "t", 24)


async def test_delete_returns_it_as_it_was_and_leaves_what_was_made(api: Api) -> None:
    t = await tree(api)
    template = await new_template(api, t.head, "Stock count")
    await share(api, t.head, template, t.worker, t.peer)
    task = await new_task(api, t.head, templateId=template["id"])
    gone = await delete(api, t.head, template["id"])
    assert gone["errors"] == []
    assert gone["template"]["name"] == "Stock count"
    assert sorted(m["id"] for m in gone["template"]["sharedWith"]) == sorted(
        [t.worker.member_id, t.peer.member_id]
    )
    template_pk = pk(template["id"], "Template")
    assert not await Template.exists(id=template_pk)
    assert not await TemplateShare.exists(template_id=template_pk)
    for who in (t.head, t.worker, t.peer):
        assert await node(api, who, template["id"]) is None
        assert (await api.ok(TEMPLATES, {}, who.access))["templates"] == []
    made = await Task.get(id=pk(task["id"], "Task"))
    assert (made.title, made.description) == ("t", "d")
    assert await delete(api, t.head, template["id"]) == HIDDEN
    refused = await create_task(api, t.head, templateId=template["id"])
    assert refused["errors"] == [{"field": ["input", "templateId"], "code": "NOT_FOUND"}]
