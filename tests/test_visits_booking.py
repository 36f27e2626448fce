"""Booked visits through HTTP: the window's rules, the deadline that follows the visit, and a
contractor never booked twice for one moment unless staff say so (also under concurrency)."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.api import Api, Session, register
from tests.support.world import ContactCard, contact, move

pytestmark = pytest.mark.asyncio

DAY = (datetime.now(UTC) + timedelta(days=3)).replace(hour=0, minute=0, second=0, microsecond=0)

VISIT_FIELDS = "id number status deadline visitStart visitEnd contractor { id }"
CREATE = f"""mutation($input: CreateOrderInput!) {{
  createOrder(input: $input) {{ order {{ {VISIT_FIELDS} }} errors {{ field code message }} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: UpdateOrderInput!) {{
  updateOrder(id: $id, input: $input) {{ order {{ {VISIT_FIELDS} }} errors {{ field code message }} }} }}"""
ASSIGN = f"""mutation($id: ID!, $c: ID!, $allow: Boolean) {{
  assignOrder(id: $id, contractorId: $c, allowOverlap: $allow) {{
    order {{ {VISIT_FIELDS} }} errors {{ field code message }} }} }}"""
GET = f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ {VISIT_FIELDS} }} }} }}"


def at(hour: float, day: int = 0) -> str:
    return (DAY + timedelta(days=day, hours=hour)).isoformat()


def iso(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def company(api: Api) -> tuple[Session, ContactCard, ContactCard, ContactCard]:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Visits Client")
    sergey = await contact(api, owner, "CONTRACTOR", "Sergey")
    ivan = await contact(api, owner, "CONTRACTOR", "Ivan")
    return owner, client, sergey, ivan


async def create(api: Api, owner: Session, client: ContactCard, **fields: Any) -> dict[str, Any]:
    """createOrder's payload (order and errors)."""
    data = await api.ok(
        CREATE,
        {
            "input": {
                "clientId": client.id,
                "addressId": client.address_ids[0],
                "title": "Clean",
                **fields,
            }
        },
        owner.access,
    )
    payload: dict[str, Any] = data["createOrder"]
    return payload


async def booked(
    api: Api, owner: Session, client: ContactCard, contractor: ContactCard, start: float, end: float
) -> dict[str, Any]:
    payload = await create(
        api, owner, client, contractorId=contractor.id, visitStart=at(start), visitEnd=at(end)
    )
    assert payload["errors"] == [], payload["errors"]
    order: dict[str, Any] = payload["order"]
    return order


async def order_count(api: Api, owner: Session) -> int:
    data = await api.ok("{ orders { totalCount } }", token=owner.access)
    count: int = data["orders"]["totalCount"]
    return count


def error(payload: dict[str, Any]) -> tuple[list[str], str]:
    [only] = payload["errors"]
    return only["field"], only["code"]


BAD_WINDOWS = [
    ({"visitStart": at(12), "visitEnd": at(10)}, ["input", "visitEnd"]),
    ({"visitStart": at(10), "visitEnd": at(10)}, ["input", "visitEnd"]),
    ({"visitStart": at(10), "visitEnd": at(34.01)}, ["input", "visitEnd"]),
    ({"visitStart": at(10)}, ["input", "visitEnd"]),
    ({"visitEnd": at(10)}, ["input", "visitStart"]),
    # No deadline: the visit's end would be one, and it has passed.
    ({"visitStart": at(-100), "visitEnd": at(-99)}, ["input", "visitEnd"]),
    (
        {"visitStart": "1990-01-01T10:00:00Z", "visitEnd": "1990-01-01T11:00:00Z"},
        ["input", "visitStart"],
    ),
]


async def test_a_bad_window_is_refused_with_its_field_and_nothing_is_stored(api: Api) -> None:
    owner, client, sergey, _ = await company(api)
    for window, field in BAD_WINDOWS:
        payload = await create(api, owner, client, contractorId=sergey.id, **window)
        assert payload["order"] is None, window
        assert error(payload) == (field, "INVALID"), window
    assert await order_count(api, owner) == 0
    # Exactly 24 hours is the longest visit; without a deadline its end is the deadline.
    payload = await create(api, owner, client, visitStart=at(10), visitEnd=at(34))
    assert payload["errors"] == []
    order = payload["order"]
    assert iso(order["deadline"]) == iso(order["visitEnd"]) == iso(at(34))
    assert await order_count(api, owner) == 1


async def test_an_update_gives_both_ends_or_none_and_changes_nothing_when_refused(
    api: Api,
) -> None:
    owner, client, sergey, _ = await company(api)
    order = await booked(api, owner, client, sergey, 10, 12)
    for window, field in [
        ({"visitStart": at(11)}, ["input", "visitEnd"]),
        ({"visitEnd": at(13)}, ["input", "visitStart"]),
        ({"visitStart": at(11), "visitEnd": at(11)}, ["input", "visitEnd"]),
        ({"visitStart": at(11), "visitEnd": at(36)}, ["input", "visitEnd"]),
    ]:
        data = await api.ok(UPDATE, {"id": order["id"], "input": window}, owner.access)
        assert error(data["updateOrder"]) == (field, "INVALID"), window
    now = (await api.ok(GET, {"id": order["id"]}, owner.access))["node"]
    assert (iso(now["visitStart"]), iso(now["visitEnd"])) == (iso(at(10)), iso(at(12)))


async def test_a_derived_deadline_follows_the_visit_and_an_explicit_one_stays(api: Api) -> None:
    owner, client, _, _ = await company(api)
    derived = (await create(api, owner, client, visitStart=at(10), visitEnd=at(12)))["order"]
    explicit = (
        await create(api, owner, client, visitStart=at(10), visitEnd=at(12), deadline=at(20, day=1))
    )["order"]
    assert iso(derived["deadline"]) == iso(at(12))
    assert iso(explicit["deadline"]) == iso(at(20, day=1))
    moved = {"visitStart": at(14, day=1), "visitEnd": at(15, day=1)}
    for order, deadline in ((derived, at(15, day=1)), (explicit, at(20, day=1))):
        data = await api.ok(UPDATE, {"id": order["id"], "input": moved}, owner.access)
        assert data["updateOrder"]["errors"] == []
        after = data["updateOrder"]["order"]
        assert iso(after["visitStart"]) == iso(at(14, day=1))
        assert iso(after["deadline"]) == iso(deadline)
    # A deadline given with the move wins; removing the visit keeps the deadline.
    data = await api.ok(
        UPDATE,
        {"id": derived["id"], "input": {**moved, "deadline": at(18, day=2)}},
        owner.access,
    )
    assert iso(data["updateOrder"]["order"]["deadline"]) == iso(at(18, day=2))
    data = await api.ok(
        UPDATE, {"id": derived["id"], "input": {"visitStart": None, "visitEnd": None}}, owner.access
    )
    cleared = data["updateOrder"]["order"]
    assert (cleared["visitStart"], cleared["visitEnd"]) == (None, None)
    assert iso(cleared["deadline"]) == iso(at(18, day=2))


async def test_overlapping_visits_conflict_naming_the_order_and_touching_ones_do_not(
    api: Api,
) -> None:
    owner, client, sergey, ivan = await company(api)
    first = await booked(api, owner, client, sergey, 10, 12)
    # [10, 12) and [12, 13) share no instant; neither do [9, 10) and [10, 12).
    await booked(api, owner, client, sergey, 12, 13)
    await booked(api, owner, client, sergey, 9, 10)
    await booked(api, owner, client, ivan, 10, 12)  # another contractor is not busy
    for start, end in ((11, 13), (9.5, 10.5), (10, 12), (10.5, 11), (8, 14)):
        payload = await create(
            api, owner, client, contractorId=sergey.id, visitStart=at(start), visitEnd=at(end)
        )
        assert error(payload) == (["input", "visitStart"], "CONFLICT"), (start, end)
        assert payload["order"] is None
    payload = await create(
        api, owner, client, contractorId=sergey.id, visitStart=at(11), visitEnd=at(11.5)
    )
    assert f"#{first['number']}" in payload["errors"][0]["message"]
    assert await order_count(api, owner) == 4
    allowed = await create(
        api,
        owner,
        client,
        contractorId=sergey.id,
        visitStart=at(11),
        visitEnd=at(11.5),
        allowOverlap=True,
    )
    assert allowed["errors"] == []
    assert allowed["order"]["contractor"] == {"id": sergey.id}


async def test_a_cancelled_order_books_no_one(api: Api) -> None:
    owner, client, sergey, _ = await company(api)
    first = await booked(api, owner, client, sergey, 10, 12)
    await move(api, owner, first["id"], "CANCELLED")
    await booked(api, owner, client, sergey, 10, 12)
    # A cancelled order's visit may also be moved onto a booked one: it books no one.
    data = await api.ok(
        UPDATE,
        {"id": first["id"], "input": {"visitStart": at(11), "visitEnd": at(13)}},
        owner.access,
    )
    assert data["updateOrder"]["errors"] == []


async def test_assigning_a_busy_contractor_conflicts_unless_allowed(api: Api) -> None:
    owner, client, sergey, ivan = await company(api)
    busy = await booked(api, owner, client, sergey, 10, 12)
    loose = (await create(api, owner, client, visitStart=at(11), visitEnd=at(13)))["order"]
    data = await api.ok(ASSIGN, {"id": loose["id"], "c": sergey.id}, owner.access)
    assert error(data["assignOrder"]) == (["contractorId"], "CONFLICT")
    assert f"#{busy['number']}" in data["assignOrder"]["errors"][0]["message"]
    unchanged = (await api.ok(GET, {"id": loose["id"]}, owner.access))["node"]
    assert (unchanged["status"], unchanged["contractor"]) == ("NEW", None)
    # Another contractor is free; moving the booking back to the busy one conflicts again.
    data = await api.ok(ASSIGN, {"id": loose["id"], "c": ivan.id}, owner.access)
    assert data["assignOrder"]["order"]["status"] == "ASSIGNED"
    data = await api.ok(ASSIGN, {"id": loose["id"], "c": sergey.id}, owner.access)
    assert error(data["assignOrder"]) == (["contractorId"], "CONFLICT")
    # Reassigning the same contractor never clashes with the order's own visit.
    data = await api.ok(ASSIGN, {"id": loose["id"], "c": ivan.id}, owner.access)
    assert data["assignOrder"]["errors"] == []
    data = await api.ok(ASSIGN, {"id": loose["id"], "c": sergey.id, "allow": True}, owner.access)
    assert data["assignOrder"]["order"]["contractor"] == {"id": sergey.id}


async def test_moving_a_visit_onto_another_conflicts_and_leaves_it(api: Api) -> None:
    owner, client, sergey, _ = await company(api)
    busy = await booked(api, owner, client, sergey, 10, 12)
    other = await booked(api, owner, client, sergey, 13, 14)
    onto = {"visitStart": at(11), "visitEnd": at(13)}
    data = await api.ok(UPDATE, {"id": other["id"], "input": onto}, owner.access)
    assert error(data["updateOrder"]) == (["input", "visitStart"], "CONFLICT")
    assert f"#{busy['number']}" in data["updateOrder"]["errors"][0]["message"]
    kept = (await api.ok(GET, {"id": other["id"]}, owner.access))["node"]
    assert iso(kept["visitStart"]) == iso(at(13))
    # Within its own old window it never clashes with itself.
    data = await api.ok(
        UPDATE,
        {"id": other["id"], "input": {"visitStart": at(12), "visitEnd": at(13.5)}},
        owner.access,
    )
    assert data["updateOrder"]["errors"] == []
    data = await api.ok(
        UPDATE, {"id": other["id"], "input": {**onto, "allowOverlap": True}}, owner.access
    )
    assert data["updateOrder"]["errors"] == []


async def test_twenty_concurrent_bookings_of_one_contractor_one_wins(api: Api) -> None:
    """On PostgreSQL the twenty requests run on pooled connections at once: without the lock
    on the contractor, 9 of them found the day free before any committed (measured). SQLite
    runs one transaction at a time, and must give the same answer."""
    owner, client, sergey, _ = await company(api)
    # Twenty windows from 10:00 to 10:19 start, each an hour long: every two overlap.
    bodies = await asyncio.gather(
        *(
            create(
                api,
                owner,
                client,
                title=f"Race {i}",
                contractorId=sergey.id,
                visitStart=at(10 + i / 60),
                visitEnd=at(11 + i / 60),
            )
            for i in range(20)
        )
    )
    won = [b["order"] for b in bodies if b["order"] is not None]
    lost = [error(b) for b in bodies if b["order"] is None]
    assert len(won) == 1
    assert lost == [(["input", "visitStart"], "CONFLICT")] * 19
    assert all(f"#{won[0]['number']}" in b["errors"][0]["message"] for b in bodies if b["errors"])
    assert await order_count(api, owner) == 1


async def test_concurrent_assignments_and_moves_book_a_contractor_once(api: Api) -> None:
    """Assigning ten orders with overlapping visits to one contractor at once, while ten of
    its booked orders move onto the same hour: every one of the twenty overlaps every other,
    so exactly one gets through, and the contractor's day holds no two overlapping visits."""
    owner, client, sergey, _ = await company(api)
    loose = [
        (await create(api, owner, client, visitStart=at(10 + i / 60), visitEnd=at(11)))["order"]
        for i in range(10)
    ]
    movers = [await booked(api, owner, client, sergey, 13 + i, 13.5 + i) for i in range(10)]
    bodies = await asyncio.gather(
        *(api.ok(ASSIGN, {"id": o["id"], "c": sergey.id}, owner.access) for o in loose),
        *(
            api.ok(
                UPDATE,
                {"id": o["id"], "input": {"visitStart": at(10.5), "visitEnd": at(12)}},
                owner.access,
            )
            for o in movers
        ),
    )
    payloads = [b.get("assignOrder") or b["updateOrder"] for b in bodies]
    assert sum(1 for p in payloads if not p["errors"]) == 1
    assert {error(p)[1] for p in payloads if p["errors"]} == {"CONFLICT"}
    data = await api.ok(
        """query($c: ID!) { orders(filter: {contractorId: $c}, sort: VISIT_ASC, first: 50) {
            edges { node { visitStart visitEnd } } } }""",
        {"c": sergey.id},
        owner.access,
    )
    visits = [
        (iso(e["node"]["visitStart"]), iso(e["node"]["visitEnd"])) for e in data["orders"]["edges"]
    ]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(visits)), visits
