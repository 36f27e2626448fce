"""Helpers for the task and template tests: a staff tree, portal members, calls and ids."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from models import (
    Address,
    Channel,
    Contact,
    ContactKind,
    LegalForm,
    Membership,
    Order,
    Role,
    User,
)
from schema.ids import decode_id, to_global_id
from tests.support.api import Api, Session, invite_and_accept, register, unique
from tests.support.portal import portal_member

TASK_FIELDS = """id title description status deadline overdue requiresAcknowledgement
    acknowledgedAt completedAt assignee { id name } creator { id name } order { id }"""
TEMPLATE_FIELDS = """id kind name title description deadlineInHours sharedWithAll
    owner { id } sharedWith { id }"""
ERRORS = "errors { field code }"

CREATE_TASK = f"""mutation($input: CreateTaskInput!) {{
  createTask(input: $input) {{ task {{ {TASK_FIELDS} }} {ERRORS} }}
}}"""
COMPLETE = (
    f"""mutation($id: ID!) {{ completeTask(id: $id) {{ task {{ {TASK_FIELDS} }} {ERRORS} }} }}"""
)
ACKNOWLEDGE = f"""mutation($id: ID!) {{
  acknowledgeTask(id: $id) {{ task {{ {TASK_FIELDS} }} {ERRORS} }}
}}"""
ANNOUNCE = f"""mutation($input: AnnounceInput!) {{
  announce(input: $input) {{ tasks {{ {TASK_FIELDS} }} {ERRORS} }}
}}"""
TASKS = """query($filter: TaskFilter, $first: Int, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor }
  }
}"""
CREATE_TEMPLATE = f"""mutation($input: TemplateInput!) {{
  createTemplate(input: $input) {{ template {{ {TEMPLATE_FIELDS} }} {ERRORS} }}
}}"""
SHARE = f"""mutation($id: ID!, $members: [ID!]!, $all: Boolean) {{
  shareTemplate(id: $id, memberIds: $members, withAll: $all) {{
    template {{ {TEMPLATE_FIELDS} }} {ERRORS}
  }}
}}"""
TEMPLATES = "query($kind: TemplateKind) { templates(kind: $kind) { id name } }"
UPDATE_TASK = f"""mutation($id: ID!, $input: UpdateTaskInput!) {{
  updateTask(id: $id, input: $input) {{ task {{ {TASK_FIELDS} }} {ERRORS} }}
}}"""
CANCEL_TASK = (
    f"""mutation($id: ID!) {{ cancelTask(id: $id) {{ task {{ {TASK_FIELDS} }} {ERRORS} }} }}"""
)
UPDATE_TEMPLATE = f"""mutation($id: ID!, $input: TemplateInput!) {{
  updateTemplate(id: $id, input: $input) {{ template {{ {TEMPLATE_FIELDS} }} {ERRORS} }}
}}"""
DELETE_TEMPLATE = f"""mutation($id: ID!) {{
  deleteTemplate(id: $id) {{ template {{ {TEMPLATE_FIELDS} }} {ERRORS} }}
}}"""


def in_hours(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def pk(global_id: str, type_name: str) -> int:
    return decode_id(global_id, type_name)


@dataclass
class Tree:
    """owner -> head -> worker, and peer beside head: three levels of staff."""

    owner: Session
    head: Session
    worker: Session
    peer: Session
    company_id: int

    def by_name(self) -> dict[str, Session]:
        return {"owner": self.owner, "head": self.head, "worker": self.worker, "peer": self.peer}


async def company_of(session: Session) -> int:
    return (await Membership.get(user__email=session.email)).company_id


async def tree(api: Api) -> Tree:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    worker = await invite_and_accept(api, head, "Worker")
    peer = await invite_and_accept(api, owner, "Peer")
    return Tree(owner, head, worker, peer, await company_of(owner))


async def portal_members(api: Api, company_id: int) -> list[Session]:
    """A CLIENT and a CONTRACTOR member of the company, logged in."""
    sessions = []
    for kind, role in (
        (ContactKind.CLIENT, Role.CLIENT),
        (ContactKind.CONTRACTOR, Role.CONTRACTOR),
    ):
        card = await Contact.create(
            company_id=company_id, kind=kind, legal_form=LegalForm.PERSON, name=role.title()
        )
        sessions.append(await portal_member(api, company_id, card, role))
    return sessions


async def create_task(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    """The createTask payload (task and errors)."""
    data = await api.ok(CREATE_TASK, {"input": {"deadline": in_hours(24), **fields}}, who.access)
    payload: dict[str, Any] = data["createTask"]
    return payload


async def new_task(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    payload = await create_task(api, who, **fields)
    assert payload["errors"] == [], payload["errors"]
    task: dict[str, Any] = payload["task"]
    return task


async def task_titles(api: Api, who: Session, **filter: Any) -> set[str]:
    data = await api.ok(TASKS, {"filter": filter, "first": 100}, who.access)
    connection = data["tasks"]
    assert connection["totalCount"] == len(connection["edges"])
    return {edge["node"]["title"] for edge in connection["edges"]}


async def node(api: Api, who: Session, node_id: str, fields: str = "id") -> Any:
    data = await api.ok(
        f"query($id: ID!) {{ node(id: $id) {{ {fields} }} }}", {"id": node_id}, who.access
    )
    return data["node"]


_numbers = itertools.count(1)


async def order_in_db(company_id: int, responsible: Session, title: str) -> str:
    """An order written straight to the database (orders have tests of their own); its global id."""
    client = await Contact.create(
        company_id=company_id, kind=ContactKind.CLIENT, legal_form=LegalForm.PERSON, name=title
    )
    address = await Address.create(company_id=company_id, contact=client, text="Tverskaya 1")
    order = await Order.create(
        company_id=company_id,
        number=next(_numbers),
        title=title,
        deadline=datetime.now(UTC) + timedelta(days=1),
        source=Channel.STAFF,
        client=client,
        address=address,
        responsible_id=pk(responsible.member_id, "Member"),
    )
    return to_global_id("Order", order.id)


async def update_task(api: Api, who: Session, task_id: str, **fields: Any) -> dict[str, Any]:
    """The updateTask payload (task and errors)."""
    data = await api.ok(UPDATE_TASK, {"id": task_id, "input": fields}, who.access)
    payload: dict[str, Any] = data["updateTask"]
    return payload


async def cancel_task(api: Api, who: Session, task_id: str) -> dict[str, Any]:
    """The cancelTask payload (task and errors)."""
    data = await api.ok(CANCEL_TASK, {"id": task_id}, who.access)
    payload: dict[str, Any] = data["cancelTask"]
    return payload


async def deactivate(session: Session) -> None:
    """A leaver, written straight to the database (deactivateMember has tests of its own)."""
    await Membership.filter(id=pk(session.member_id, "Member")).update(
        active=False, deactivated_at=datetime.now(UTC)
    )


async def staff_in_db(company_id: int, manager: Session, count: int) -> list[int]:
    """`count` staff members reporting to `manager`, written in bulk (no logins needed)."""
    boss = await Membership.get(id=pk(manager.member_id, "Member"))
    prefix = unique("bulk")
    await User.bulk_create(
        [User(email=f"{prefix}.{i}@example.test", password_hash="-") for i in range(count)]
    )
    users = await User.filter(email__startswith=f"{prefix}.").order_by("id")
    await Membership.bulk_create(
        [
            Membership(
                company_id=company_id,
                user_id=user.id,
                role=Role.STAFF,
                name=f"Staff {i:04}",
                manager_id=boss.id,
                path=f"{boss.path}u{user.id}/",
            )
            for i, user in enumerate(users)
        ]
    )
    rows = Membership.filter(company_id=company_id, user__email__startswith=f"{prefix}.")
    ids: list[Any] = await rows.values_list("id", flat=True)
    return [int(i) for i in ids]
