"""A generated company for order tests: a three-level staff tree, clients (one an
organisation with two portal members), contractors with their portal members, and orders
in every status. Built through the API, as users would build it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.api import (
    ACCEPT,
    PASSWORD,
    Api,
    Session,
    invite_and_accept,
    register,
    session_of,
    unique_email,
)
from tests.support.graphql_batch import combine

CREATE_CONTACT = """
mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id addresses { id } } errors { field code message } }
}
"""
INVITE_CONTACT = """
mutation($c: ID!, $e: String) {
  inviteContact(contactId: $c, email: $e) { token errors { field code message } }
}
"""
CREATE_ORDER = """
mutation($input: CreateOrderInput!) {
  createOrder(input: $input) { order { id number status } errors { field code message } }
}
"""
SET_STATUS = """
mutation($id: ID!, $s: OrderStatus!, $c: String) {
  setOrderStatus(id: $id, status: $s, comment: $c) { order { id status } errors { field code message } }
}
"""
ASSIGN = """
mutation($id: ID!, $c: ID!, $fee: Decimal) {
  assignOrder(id: $id, contractorId: $c, contractorFee: $fee) {
    order { id status } errors { field code message }
  }
}
"""
COMMENT = """
mutation($o: ID!, $b: String!, $v: CommentVisibility) {
  addComment(orderId: $o, body: $b, visibility: $v) { comment { id } errors { field code message } }
}
"""


VISIBILITIES = ("INTERNAL", "CLIENT", "CONTRACTOR")


def in_days(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


@dataclass
class ContactCard:
    id: str
    address_ids: list[str]
    members: list[Session] = field(default_factory=list)


@dataclass
class World:
    owner: Session
    heads: list[Session]  # level 2: report to the owner
    staff: list[Session]  # level 3: staff[0], staff[1] under heads[0]; staff[2] under heads[1]
    clients: list[ContactCard]  # clients[0] is an organisation with two portal members
    contractors: list[ContactCard]
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> facts

    def members(self) -> list[Session]:
        portal = [m for c in self.clients + self.contractors for m in c.members]
        return [self.owner, *self.heads, *self.staff, *portal]


async def contact(
    api: Api,
    who: Session,
    kind: str,
    name: str,
    form: str = "PERSON",
    manager_id: str | None = None,
) -> ContactCard:
    data = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": kind,
                "legalForm": form,
                "name": name,
                "managerId": manager_id,
                "addresses": [{"text": f"{name}, street 1"}, {"text": f"{name}, street 2"}],
            }
        },
        who.access,
    )
    payload = data["createContact"]
    assert payload["errors"] == [], payload["errors"]
    return ContactCard(payload["contact"]["id"], [a["id"] for a in payload["contact"]["addresses"]])


async def portal_member(api: Api, staff: Session, card: ContactCard, name: str) -> Session:
    email = unique_email(name.lower().replace(" ", "."))
    invited = await api.ok(INVITE_CONTACT, {"c": card.id, "e": email}, staff.access)
    assert invited["inviteContact"]["errors"] == [], invited["inviteContact"]["errors"]
    token = invited["inviteContact"]["token"]
    data = await api.ok(ACCEPT, {"input": {"token": token, "name": name, "password": PASSWORD}})
    member = session_of(data["acceptInvitation"], email)
    card.members.append(member)
    return member


async def create_order(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    data = await api.ok(
        CREATE_ORDER, {"input": {"title": "Clean", "deadline": in_days(3), **fields}}, who.access
    )
    payload = data["createOrder"]
    assert payload["errors"] == [], payload["errors"]
    order: dict[str, Any] = payload["order"]
    return order


async def move(
    api: Api, who: Session, order_id: str, status: str, comment: str | None = None
) -> None:
    data = await api.ok(SET_STATUS, {"id": order_id, "s": status, "c": comment}, who.access)
    assert data["setOrderStatus"]["errors"] == [], data["setOrderStatus"]["errors"]


async def build_world(api: Api, *, comments: bool = True) -> World:
    """The company; `comments=False` leaves out the three comments on each order, for callers
    that never read them: each comment's notifications and outbound fan-out are about half of
    a build's CPU (0.7-0.9 s of 1.6-1.9 s measured, SQLite and PostgreSQL alike)."""
    owner = await register(api)
    heads = [await invite_and_accept(api, owner, f"Head {i}") for i in range(2)]
    staff = [
        await invite_and_accept(api, heads[0], "Staff A"),
        await invite_and_accept(api, heads[0], "Staff B"),
        await invite_and_accept(api, heads[1], "Staff C"),
    ]
    clients = [
        await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION", heads[0].member_id),
        await contact(api, owner, "CLIENT", "Anna Petrova"),
    ]
    contractors = [
        await contact(api, owner, "CONTRACTOR", "Sergey Cleaner"),
        await contact(api, owner, "CONTRACTOR", "FixIt Team", "ORGANIZATION"),
    ]
    await portal_member(api, owner, clients[0], "Client One")
    await portal_member(api, owner, clients[0], "Client Two")
    await portal_member(api, owner, clients[1], "Anna Portal")
    await portal_member(api, owner, contractors[0], "Sergey Portal")
    await portal_member(api, owner, contractors[1], "FixIt Portal")
    world = World(owner, heads, staff, clients, contractors)
    # One order per (responsible, status) spread over clients and contractors.
    statuses = ["NEW", "ASSIGNED", "IN_PROGRESS", "DONE", "CANCELLED"]
    responsibles = [owner, heads[0], heads[1], *staff]
    for i, responsible in enumerate(responsibles):
        for j, status in enumerate(statuses):
            client = clients[(i + j) % 2]
            contractor = contractors[(i + j) % 2] if status != "NEW" else None
            order = await create_order(
                api,
                owner,
                clientId=client.id,
                addressId=client.address_ids[j % 2],
                responsibleId=responsible.member_id,
                price="1500.00",
                contractorFee="900.00",
                internalNote="door code 1234",
                **({"contractorId": contractor.id} if contractor else {}),
            )
            world.orders[order["id"]] = {
                "status": status,
                "client": client.id,
                "contractor": contractor.id if contractor else None,
                "responsible": responsible.member_id,
            }
            path = {
                "IN_PROGRESS": ["IN_PROGRESS"],
                "DONE": ["IN_PROGRESS", "DONE"],
                "CANCELLED": ["CANCELLED"],
            }.get(status, [])
            # The moves, then the comments, in one request: its mutations run in this order.
            calls = [(SET_STATUS, {"id": order["id"], "s": step, "c": None}) for step in path]
            calls += [
                (COMMENT, {"o": order["id"], "b": f"{visibility} note", "v": visibility})
                for visibility in (VISIBILITIES if comments else ())
            ]
            if calls:
                query, variables = combine(calls)
                data = await api.ok(query, variables, owner.access)
                for k in range(len(calls)):
                    assert data[f"r{k}"]["errors"] == [], data[f"r{k}"]
    return world
