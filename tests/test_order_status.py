"""The status machine: every (role, from, to), allowed or refused with the right code."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

import pytest

from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.graphql_batch import send_all
from tests.support.world import (
    ASSIGN,
    CREATE_ORDER,
    SET_STATUS,
    ContactCard,
    contact,
    create_order,
    in_days,
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


async def orders_in(api: Api, c: Cast, statuses: list[str]) -> list[str]:
    """`order_in` for many orders at once: the creations, then the moves, several a request
    (the orders are independent; each one's moves still run in order)."""
    created = await send_all(
        api,
        [
            (
                CREATE_ORDER,
                {
                    "input": {
                        "title": "Clean",
                        "deadline": in_days(3),
                        "clientId": c.client_card.id,
                        "addressId": c.client_card.address_ids[0],
                        "responsibleId": c.staff.member_id,
                        **({} if status == "NEW" else {"contractorId": c.contractor_card.id}),
                    }
                },
            )
            for status in statuses
        ],
        c.owner.access,
    )
    assert all(payload["errors"] == [] for payload in created), created
    ids: list[str] = [payload["order"]["id"] for payload in created]
    moves = [
        (SET_STATUS, {"id": order_id, "s": step, "c": None})
        for order_id, status in zip(ids, statuses, strict=True)
        for step in PATH[status]
    ]
    moved = await send_all(api, moves, c.owner.access)
    assert all(payload["errors"] == [] for payload in moved), moved
    return ids


async def test_every_role_and_move(api: Api) -> None:
    """Each (role, from, to) on an order of its own; the orders made, the moves tried and the
    orders read back several a request (one request each took 6 s on SQLite, 3 on PostgreSQL)."""
    c = await cast(api)
    cases = list(product(ROLES, STATUSES, STATUSES))
    order_ids = await orders_in(api, c, [start for _, start, _ in cases])
    comments = [
        "the vase is broken" if case == ("CLIENT", "DONE", "IN_PROGRESS") else None
        for case in cases
    ]
    answers: dict[int, dict[str, Any]] = {}
    for role in ROLES:
        mine = [k for k, case in enumerate(cases) if case[0] == role]
        calls = [
            (SET_STATUS, {"id": order_ids[k], "s": cases[k][2], "c": comments[k]}) for k in mine
        ]
        answers.update(zip(mine, await send_all(api, calls, c.of(role).access), strict=True))
    reads = [(STATUS_AND_HISTORY, {"id": order_id}) for order_id in order_ids]
    nodes = await send_all(api, reads, c.owner.access)
    tried = 0
    for k, (role, start, target) in enumerate(cases):
        payload, after, comment = answers[k], nodes[k], comments[k]
        errors = payload["errors"]
        want = expected(role, start, target)
        got = errors[0]["code"] if errors else None
        assert got == want, (role, start, target, errors)
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
            assert payload["order"] is None
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
