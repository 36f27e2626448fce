"""The status machine: every (role, from, to), allowed or refused with the right code."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import pytest

from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.world import (
    ASSIGN,
    SET_STATUS,
    ContactCard,
    contact,
    create_order,
    move,
    portal_member,
)

pytestmark = pytest.mark.asyncio

STATUSES = ["NEW", "ASSIGNED", "IN_PROGRESS", "DONE", "CANCELLED"]
ROLES = ["OWNER", "STAFF", "CLIENT", "CONTRACTOR"]
# The status flow of the README ("Who sees what"), written out independently of domain/ and
# permissions/order_status.py.
MACHINE = {
    ("NEW", "ASSIGNED"),
    ("ASSIGNED", "IN_PROGRESS"),
    ("IN_PROGRESS", "DONE"),
    ("DONE", "IN_PROGRESS"),
    ("NEW", "CANCELLED"),
    ("ASSIGNED", "CANCELLED"),
    ("IN_PROGRESS", "CANCELLED"),
}
CONTRACTOR_MAY = {("ASSIGNED", "IN_PROGRESS"), ("IN_PROGRESS", "DONE")}
CLIENT_MAY = {("NEW", "CANCELLED"), ("DONE", "IN_PROGRESS")}
PATH = {
    "NEW": [],
    "ASSIGNED": [],
    "IN_PROGRESS": ["IN_PROGRESS"],
    "DONE": ["IN_PROGRESS", "DONE"],
    "CANCELLED": ["CANCELLED"],
}


def expected(role: str, start: str, target: str) -> str | None:
    """None when the move succeeds, else the error code."""
    if role == "CONTRACTOR" and start == "NEW":
        return "NOT_FOUND"  # a NEW order has no contractor yet: it cannot see it
    if (start, target) not in MACHINE:
        return "INVALID"
    if role in ("OWNER", "STAFF"):
        return "INVALID" if (start, target) == ("NEW", "ASSIGNED") else None  # no contractor
    allowed = CONTRACTOR_MAY if role == "CONTRACTOR" else CLIENT_MAY
    return None if (start, target) in allowed else "FORBIDDEN"


@dataclass
class Cast:
    owner: Session
    staff: Session
    client: Session
    contractor: Session
    client_card: ContactCard
    contractor_card: ContactCard

    def of(self, role: str) -> Session:
        return {
            "OWNER": self.owner,
            "STAFF": self.staff,
            "CLIENT": self.client,
            "CONTRACTOR": self.contractor,
        }[role]


async def cast(api: Api) -> Cast:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    client_card = await contact(api, owner, "CLIENT", "Anna")
    contractor_card = await contact(api, owner, "CONTRACTOR", "Sergey")
    client = await portal_member(api, owner, client_card, "Anna Portal")
    contractor = await portal_member(api, owner, contractor_card, "Sergey Portal")
    return Cast(owner, staff, client, contractor, client_card, contractor_card)


async def order_in(api: Api, c: Cast, status: str) -> str:
    fields = {} if status == "NEW" else {"contractorId": c.contractor_card.id}
    order = await create_order(
        api,
        c.owner,
        clientId=c.client_card.id,
        addressId=c.client_card.address_ids[0],
        responsibleId=c.staff.member_id,
        **fields,
    )
    for step in PATH[status]:
        await move(api, c.owner, order["id"], step)
    order_id: str = order["id"]
    return order_id


STATUS_AND_HISTORY = """query($id: ID!) { node(id: $id) { ... on Order {
    status completedAt history { from to by { id } comment } } } }"""


async def test_every_role_and_move(api: Api) -> None:
    c = await cast(api)
    tried = 0
    for role, start, target in product(ROLES, STATUSES, STATUSES):
        order_id = await order_in(api, c, start)
        comment = (
            "the vase is broken"
            if (role, start, target) == ("CLIENT", "DONE", "IN_PROGRESS")
            else None
        )
        data = await api.ok(
            SET_STATUS, {"id": order_id, "s": target, "c": comment}, c.of(role).access
        )
        errors = data["setOrderStatus"]["errors"]
        want = expected(role, start, target)
        got = errors[0]["code"] if errors else None
        assert got == want, (role, start, target, errors)
        after = (await api.ok(STATUS_AND_HISTORY, {"id": order_id}, c.owner.access))["node"]
        if want is None:
            assert after["status"] == target
            assert after["history"][-1] == {
                "from": start,
                "to": target,
                "by": {"id": c.of(role).member_id},
                "comment": comment,
            }
            assert (after["completedAt"] is not None) == (target == "DONE")
        else:
            assert data["setOrderStatus"]["order"] is None
            assert after["status"] == start
        tried += 1
    assert tried == 4 * 5 * 5


async def test_client_dispute_needs_a_comment(api: Api) -> None:
    c = await cast(api)
    order_id = await order_in(api, c, "DONE")
    data = await api.ok(
        SET_STATUS, {"id": order_id, "s": "IN_PROGRESS", "c": "  "}, c.client.access
    )
    assert data["setOrderStatus"]["errors"] == [
        {"field": ["comment"], "code": "INVALID", "message": "Say what is wrong with the work"}
    ]
    after = (await api.ok(STATUS_AND_HISTORY, {"id": order_id}, c.owner.access))["node"]
    assert after["status"] == "DONE"


async def test_assigning_moves_new_to_assigned_and_only_staff_assign(api: Api) -> None:
    c = await cast(api)
    order_id = await order_in(api, c, "NEW")
    for who in (c.client, c.contractor):
        data = await api.ok(ASSIGN, {"id": order_id, "c": c.contractor_card.id}, who.access)
        assert data["assignOrder"]["errors"][0]["code"] in {"FORBIDDEN", "NOT_FOUND"}
    data = await api.ok(
        ASSIGN, {"id": order_id, "c": c.contractor_card.id, "fee": "700"}, c.staff.access
    )
    assert data["assignOrder"]["errors"] == []
    assert data["assignOrder"]["order"]["status"] == "ASSIGNED"
    wrong_kind = await api.ok(ASSIGN, {"id": order_id, "c": c.client_card.id}, c.staff.access)
    assert wrong_kind["assignOrder"]["errors"] == [
        {
            "field": ["contractorId"],
            "code": "INVALID",
            "message": "This contact is not a contractor",
        }
    ]
    done = await order_in(api, c, "DONE")
    closed = await api.ok(ASSIGN, {"id": done, "c": c.contractor_card.id}, c.staff.access)
    assert closed["assignOrder"]["errors"][0]["code"] == "INVALID"


RATE = """mutation($id: ID!, $r: Int!, $f: String) {
  rateOrder(id: $id, rating: $r, feedback: $f) { order { rating feedback } errors { field code } } }"""


async def test_rating(api: Api) -> None:
    c = await cast(api)
    done = await order_in(api, c, "DONE")
    open_order = await order_in(api, c, "IN_PROGRESS")
    for rating in (0, 6):
        data = await api.ok(RATE, {"id": done, "r": rating}, c.client.access)
        assert data["rateOrder"]["errors"] == [{"field": ["rating"], "code": "INVALID"}]
    not_done = await api.ok(RATE, {"id": open_order, "r": 5}, c.client.access)
    assert not_done["rateOrder"]["errors"] == [{"field": ["id"], "code": "INVALID"}]
    for who in (c.owner, c.contractor):
        refused = await api.ok(RATE, {"id": done, "r": 5}, who.access)
        assert refused["rateOrder"]["errors"][0]["code"] == "FORBIDDEN"
    rated = await api.ok(RATE, {"id": done, "r": 4, "f": "Good, a bit late"}, c.client.access)
    assert rated["rateOrder"]["order"] == {"rating": 4, "feedback": "Good, a bit late"}
    again = await api.ok(RATE, {"id": done, "r": 5}, c.client.access)
    assert again["rateOrder"]["order"] == {"rating": 5, "feedback": None}
    seen = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Order { rating feedback } } }",
        {"id": done},
        c.contractor.access,
    )
    assert seen["node"] == {"rating": 5, "feedback": None}
