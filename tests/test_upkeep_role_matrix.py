"""The upkeep mutations from every side of the role table (README "Who sees what"), each tried
by everyone who must NOT succeed before anyone who may, so that a refusal is seen to change
nothing. Expectations are written from the table, not read from permissions/:

- contacts and addresses (correcting, archiving): OWNER and STAFF, any of them ("contacts list:
  all"); a portal member sees only its own card and edits none of it;
- leavers: the OWNER, or a manager above the member; never oneself; a person's act, so never
  an API token (it would hand a login back or take one away);
- tasks: whoever sees them as the creator or from above the assignee (not the assignee itself,
  nor a peer or another branch);
- templates: their owner, or the OWNER for one shared with everyone;
- another company: as if the object did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from models import Address, Contact, Membership, Task, Template
from schema.ids import decode_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.world import ContactCard, contact, in_days, portal_member

pytestmark = pytest.mark.asyncio

ERRORS = "errors { code }"
UPDATE_ADDRESS = f"""mutation($id: ID!, $t: String!) {{
  r: updateAddress(id: $id, input: {{text: $t}}) {{ address {{ id }} {ERRORS} }} }}"""
ARCHIVE_ADDRESS = f"mutation($id: ID!) {{ r: archiveAddress(id: $id) {{ {ERRORS} }} }}"
ARCHIVE_CONTACT = f"mutation($id: ID!) {{ r: archiveContact(id: $id) {{ {ERRORS} }} }}"
RESTORE_CONTACT = f"mutation($id: ID!) {{ r: restoreContact(id: $id) {{ {ERRORS} }} }}"
DEACTIVATE = f"mutation($id: ID!) {{ r: deactivateMember(memberId: $id) {{ {ERRORS} }} }}"
REACTIVATE = f"mutation($id: ID!) {{ r: reactivateMember(memberId: $id) {{ {ERRORS} }} }}"
UPDATE_TASK = f"""mutation($id: ID!, $t: String!) {{
  r: updateTask(id: $id, input: {{title: $t}}) {{ {ERRORS} }} }}"""
CANCEL_TASK = f"mutation($id: ID!) {{ r: cancelTask(id: $id) {{ {ERRORS} }} }}"
UPDATE_TEMPLATE = f"""mutation($id: ID!, $t: String!) {{
  r: updateTemplate(id: $id, input: {{kind: TASK, name: $t, title: $t, description: "", deadlineInHours: 4}}) {{
    {ERRORS} }} }}"""
DELETE_TEMPLATE = f"mutation($id: ID!) {{ r: deleteTemplate(id: $id) {{ {ERRORS} }} }}"
CHANGE_PASSWORD = f"""mutation {{
  r: changePassword(currentPassword: "x", newPassword: "a new passphrase") {{ {ERRORS} }} }}"""
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { code } } }"""
CREATE_TEMPLATE = """mutation($input: TemplateInput!) {
  createTemplate(input: $input) { template { id } errors { code } } }"""
SHARE_ALL = """mutation($id: ID!) {
  shareTemplate(id: $id, memberIds: [], withAll: true) { errors { code } } }"""

# A deactivated member asking to be let back in is no one: UNAUTHENTICATED.
REFUSED = {"NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"}


@dataclass(frozen=True)
class World:
    """The table's sides, and nothing more (no orders: these mutations touch none)."""

    owner: Session
    heads: list[Session]  # report to the owner
    staff: list[Session]  # both under heads[0]
    clients: list[ContactCard]  # clients[1] has no portal member
    contractors: list[ContactCard]  # contractors[1] neither


async def build_world(api: Api) -> World:
    owner = await register(api)
    heads = [await invite_and_accept(api, owner, f"Head {i}") for i in range(2)]
    staff = [await invite_and_accept(api, heads[0], f"Staff {i}") for i in range(2)]
    clients = [await contact(api, owner, "CLIENT", f"Client {i}") for i in range(2)]
    contractors = [await contact(api, owner, "CONTRACTOR", f"Firm {i}") for i in range(2)]
    await portal_member(api, owner, clients[0], "Client Portal")
    await portal_member(api, owner, contractors[0], "Contractor Portal")
    return World(owner, heads, staff, clients, contractors)


@dataclass(frozen=True)
class Callers:
    by_label: dict[str, str]  # label -> bearer token

    def others(self, allowed: set[str]) -> list[tuple[str, str]]:
        return [(label, token) for label, token in self.by_label.items() if label not in allowed]


async def callers(api: Api, world: World) -> Callers:
    stranger = await register(api)
    token = await issue(api, world.owner, readOnly=False)  # a full API token of the OWNER
    return Callers(
        {
            "owner": world.owner.access,
            "owner's API token": token.token,
            "head above": world.heads[0].access,
            "head of another branch": world.heads[1].access,
            "peer": world.staff[1].access,
            "the member itself": world.staff[0].access,
            "client portal": world.clients[0].members[0].access,
            "contractor portal": world.contractors[0].members[0].access,
            "another company's owner": stranger.access,
        }
    )


async def outcome(api: Api, document: str, variables: dict[str, Any], token: str) -> str:
    """OK, or the refusal's code (in the payload, or the whole operation's)."""
    body = await api.post(document, variables, token)
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    errors = body["data"]["r"]["errors"]
    return "OK" if not errors else str(errors[0]["code"])


async def refused_by_all_but(
    api: Api, who: Callers, allowed: set[str], document: str, variables: dict[str, Any]
) -> None:
    for label, token in who.others(allowed):
        code = await outcome(api, document, variables, token)
        assert code in REFUSED, (label, document.split("(")[1].split(":")[-1], code)


async def allowed_to(
    api: Api, who: Callers, labels: list[str], document: str, variables: dict[str, Any]
) -> None:
    for label in labels:
        assert await outcome(api, document, variables, who.by_label[label]) == "OK", label


STAFF_SIDE = {"owner", "owner's API token", "head above", "head of another branch", "peer"}
STAFF_SIDE_ALL = STAFF_SIDE | {"the member itself"}  # for contacts, staff[0] is staff too


async def test_contacts_and_addresses(api: Api) -> None:
    world = await build_world(api)
    who = await callers(api, world)
    client, contractor = world.clients[1], world.contractors[1]
    address = client.address_ids[0]
    await refused_by_all_but(
        api, who, STAFF_SIDE_ALL, UPDATE_ADDRESS, {"id": address, "t": "Hacked, 1"}
    )
    await refused_by_all_but(api, who, STAFF_SIDE_ALL, ARCHIVE_CONTACT, {"id": contractor.id})
    await refused_by_all_but(api, who, STAFF_SIDE_ALL, ARCHIVE_ADDRESS, {"id": address})
    assert not await Address.filter(text="Hacked, 1").exists()
    assert not (await Contact.get(id=decode_id(contractor.id, "Contact"))).archived
    assert not (await Address.get(id=decode_id(address, "Address"))).archived
    for label in sorted(STAFF_SIDE_ALL):
        await allowed_to(api, who, [label], UPDATE_ADDRESS, {"id": address, "t": f"{label}, 1"})
        await allowed_to(api, who, [label], ARCHIVE_CONTACT, {"id": contractor.id})
        await refused_by_all_but(api, who, STAFF_SIDE_ALL, RESTORE_CONTACT, {"id": contractor.id})
        await allowed_to(api, who, [label], RESTORE_CONTACT, {"id": contractor.id})


async def test_leavers(api: Api) -> None:
    world = await build_world(api)
    who = await callers(api, world)
    leaver = {"id": world.staff[0].member_id}
    may = {"owner", "head above"}
    await refused_by_all_but(api, who, may, DEACTIVATE, leaver)
    assert (await Membership.get(id=decode_id(leaver["id"], "Member"))).active
    for label in sorted(may):
        await allowed_to(api, who, [label], DEACTIVATE, leaver)
        await refused_by_all_but(api, who, may, REACTIVATE, leaver)
        assert not (await Membership.get(id=decode_id(leaver["id"], "Member"))).active
        await allowed_to(api, who, [label], REACTIVATE, leaver)
    code = await outcome(api, CHANGE_PASSWORD, {}, who.by_label["owner's API token"])
    assert code in REFUSED


async def new_task(api: Api, world: World) -> dict[str, str]:
    data = await api.ok(
        CREATE_TASK,
        {
            "input": {
                "title": "Check the stock",
                "deadline": in_days(2),
                "assigneeId": world.staff[0].member_id,
            }
        },
        world.heads[0].access,
    )
    return {"id": data["createTask"]["task"]["id"]}


async def test_tasks(api: Api) -> None:
    world = await build_world(api)
    who = await callers(api, world)
    may = {"owner", "owner's API token", "head above"}  # above the assignee; the creator
    task = await new_task(api, world)
    await refused_by_all_but(api, who, may, UPDATE_TASK, {**task, "t": "Hacked"})
    await refused_by_all_but(api, who, may, CANCEL_TASK, task)
    row = await Task.get(id=decode_id(task["id"], "Task"))
    assert (row.title, row.status) == ("Check the stock", "OPEN")
    await allowed_to(api, who, sorted(may), UPDATE_TASK, {**task, "t": "Check it twice"})
    for label in sorted(may):
        await allowed_to(api, who, [label], CANCEL_TASK, await new_task(api, world))


async def shared_template(api: Api, world: World, name: str) -> dict[str, str]:
    """A template of staff[1]'s, shared with everyone."""
    template = {
        "kind": "TASK",
        "name": name,
        "title": name,
        "description": "",
        "deadlineInHours": 8,
    }
    data = await api.ok(CREATE_TEMPLATE, {"input": template}, world.staff[1].access)
    template_id = data["createTemplate"]["template"]["id"]
    shared = await api.ok(SHARE_ALL, {"id": template_id}, world.staff[1].access)
    assert shared["shareTemplate"]["errors"] == []
    return {"id": template_id}


async def test_templates(api: Api) -> None:
    world = await build_world(api)
    who = await callers(api, world)
    may = {"owner", "owner's API token", "peer"}  # the OWNER; its own maker (staff[1])
    template = await shared_template(api, world, "Weekly check")
    await refused_by_all_but(api, who, may, UPDATE_TEMPLATE, {**template, "t": "Hacked"})
    await refused_by_all_but(api, who, may, DELETE_TEMPLATE, template)
    assert (await Template.get(id=decode_id(template["id"], "Template"))).name == "Weekly check"
    await allowed_to(api, who, sorted(may), UPDATE_TEMPLATE, {**template, "t": "Weekly"})
    for label in sorted(may):
        await allowed_to(
            api, who, [label], DELETE_TEMPLATE, await shared_template(api, world, label)
        )
