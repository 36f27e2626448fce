"""Contractors' skills, working hours and average rating: stored normalised, refused with the
field at fault, searched with ContactFilter.skill, seen by staff and the contractor itself,
and loaded for a whole page in a bounded number of statements."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.world import ContactCard, contact, create_order, move, portal_member

pytestmark = pytest.mark.asyncio

PROFILE = "id name skills workingHours { weekday start end } averageRating"
CREATE = f"""
mutation($input: CreateContactInput!) {{
  createContact(input: $input) {{ contact {{ {PROFILE} }} errors {{ field code message }} }}
}}
"""
UPDATE = f"""
mutation($id: ID!, $input: UpdateContactInput!) {{
  updateContact(id: $id, input: $input) {{ contact {{ {PROFILE} }} errors {{ field code message }} }}
}}
"""
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on Contact {{ {PROFILE} }} }} }}"
SEARCH = """
query($filter: ContactFilter, $first: Int) {
  contacts(filter: $filter, first: $first) { totalCount edges { node { name } } }
}
"""
PAGE = f"query($first: Int) {{ contacts(first: $first) {{ edges {{ node {{ {PROFILE} }} }} }} }}"
MY_CARD = f"{{ me {{ contact {{ {PROFILE} }} }} }}"
ORDER_CONTRACTOR = f"""
query($id: ID!) {{ node(id: $id) {{ ... on Order {{ contractor {{ {PROFILE} }} }} }} }}
"""
RATE = """
mutation($id: ID!, $r: Int!) { rateOrder(id: $id, rating: $r) { errors { field code } } }
"""
HOURS = [
    {"weekday": 2, "start": "14:00", "end": "18:00"},
    {"weekday": 2, "start": "08:00", "end": "12:00"},
]


async def create(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    data = await api.ok(
        CREATE, {"input": {"kind": "CONTRACTOR", "legalForm": "PERSON", **fields}}, who.access
    )
    payload: dict[str, Any] = data["createContact"]
    return payload


async def seen(api: Api, who: Session, contact_id: str) -> dict[str, Any]:
    data = await api.ok(NODE, {"id": contact_id}, who.access)
    card: dict[str, Any] = data["node"]
    return card


async def test_skills_are_normalised_and_hours_sorted(api: Api, backend: str) -> None:
    owner = await register(api)
    payload = await create(
        api,
        owner,
        name="Sergey",
        skills=[" Windows ", "CARPETS", "windows", "after   renovation"],
        workingHours=HOURS,
    )
    assert payload["errors"] == []
    card = payload["contact"]
    assert card["skills"] == ["windows", "carpets", "after renovation"]
    assert card["workingHours"] == [
        {"weekday": 2, "start": "08:00", "end": "12:00"},
        {"weekday": 2, "start": "14:00", "end": "18:00"},
    ]
    assert card["averageRating"] is None
    assert await seen(api, owner, card["id"]) == card


async def test_an_update_replaces_skills_and_hours_and_null_clears_them(
    api: Api, backend: str
) -> None:
    owner = await register(api)
    card = (await create(api, owner, name="Sergey", skills=["windows"], workingHours=HOURS))[
        "contact"
    ]
    data = await api.ok(
        UPDATE, {"id": card["id"], "input": {"skills": ["Ovens", "windows"]}}, owner.access
    )
    assert data["updateContact"]["errors"] == []
    after = await seen(api, owner, card["id"])
    assert after["skills"] == ["ovens", "windows"]
    assert len(after["workingHours"]) == 2  # not sent: kept
    data = await api.ok(
        UPDATE,
        {"id": card["id"], "input": {"skills": None, "workingHours": None}},
        owner.access,
    )
    assert data["updateContact"]["errors"] == []
    after = await seen(api, owner, card["id"])
    assert (after["skills"], after["workingHours"]) == ([], [])


def hours(*entries: tuple[int, str, str]) -> list[dict[str, Any]]:
    return [{"weekday": d, "start": s, "end": e} for d, s, e in entries]


BAD_INPUT = [
    ({"skills": ["x" * 200]}, ["input", "skills", "0"]),
    ({"skills": ["windows", "  "]}, ["input", "skills", "1"]),
    ({"skills": [f"skill {i}" for i in range(31)]}, ["input", "skills"]),
    ({"workingHours": hours((8, "09:00", "12:00"))}, ["input", "workingHours", "0", "weekday"]),
    ({"workingHours": hours((1, "25:00", "26:00"))}, ["input", "workingHours", "0", "start"]),
    (
        {"workingHours": hours((3, "09:00", "12:00"), (3, "11:59", "15:00"))},
        ["input", "workingHours", "1", "start"],
    ),
]
IDS = [str(bad)[:60] for bad, _ in BAD_INPUT]


@pytest.mark.parametrize(("bad", "field"), BAD_INPUT, ids=IDS)
async def test_bad_input_on_create_stores_no_contact(
    api: Api, backend: str, bad: dict[str, Any], field: list[str]
) -> None:
    owner = await register(api)
    payload = await create(api, owner, name="Never stored", **bad)
    assert payload["contact"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, "INVALID")]
    found = await api.ok(SEARCH, {"filter": {"search": "Never stored"}}, owner.access)
    assert found["contacts"]["totalCount"] == 0


@pytest.mark.parametrize(("bad", "field"), BAD_INPUT, ids=IDS)
async def test_bad_input_on_update_changes_nothing(
    api: Api, backend: str, bad: dict[str, Any], field: list[str]
) -> None:
    owner = await register(api)
    card = (await create(api, owner, name="Sergey", skills=["windows"], workingHours=HOURS))[
        "contact"
    ]
    data = await api.ok(
        UPDATE, {"id": card["id"], "input": {"name": "Renamed", **bad}}, owner.access
    )
    assert [(e["field"], e["code"]) for e in data["updateContact"]["errors"]] == [
        (field, "INVALID")
    ]
    assert await seen(api, owner, card["id"]) == card


async def test_a_client_has_no_skills_nor_hours(api: Api, backend: str) -> None:
    owner = await register(api)
    payload = await create(api, owner, kind="CLIENT", name="Anna", skills=["windows"])
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", "skills"], "INVALID")
    ]
    client = await contact(api, owner, "CLIENT", "Anna")
    data = await api.ok(UPDATE, {"id": client.id, "input": {"workingHours": HOURS}}, owner.access)
    assert [e["field"] for e in data["updateContact"]["errors"]] == [["input", "workingHours"]]
    assert (await seen(api, owner, client.id))["workingHours"] == []


async def names(api: Api, who: Session, skill: str) -> list[str]:
    data = await api.ok(SEARCH, {"filter": {"skill": skill}}, who.access)
    return sorted(edge["node"]["name"] for edge in data["contacts"]["edges"])


async def test_skill_search_ignores_case_and_stays_in_the_company(api: Api, backend: str) -> None:
    owner = await register(api)
    await create(api, owner, name="Window Washer", skills=["Windows"])
    await create(api, owner, name="All Rounder", skills=["carpets", "WINDOWS"])
    await create(api, owner, name="Carpet Cleaner", skills=["carpets"])
    other = await register(api)
    await create(api, other, name="Other Company Washer", skills=["windows"])
    assert await names(api, owner, "  windOWS ") == ["All Rounder", "Window Washer"]
    assert await names(api, owner, "carpets") == ["All Rounder", "Carpet Cleaner"]
    assert await names(api, owner, "window") == []  # a whole tag, not a part of one
    assert await names(api, owner, "x" * 200) == []
    assert await names(api, other, "windows") == ["Other Company Washer"]


async def test_a_contractor_searching_finds_only_its_own_card(api: Api, backend: str) -> None:
    owner = await register(api)
    mine = await create(api, owner, name="Own Card", skills=["windows"])
    await create(api, owner, name="Colleague", skills=["windows"])
    card = ContactCard(mine["contact"]["id"], [])
    member = await portal_member(api, owner, card, "Own Portal")
    assert await names(api, member, "windows") == ["Own Card"]


async def rated_world(api: Api) -> tuple[Session, Session, Session, str, str]:
    """A contractor with DONE orders rated 5 and 4, one DONE unrated, one open; its client's
    member; its own member; the contractor's id and an order of it."""
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    client_member = await portal_member(api, owner, client, "Anna Portal")
    worker = (await create(api, owner, name="Sergey", skills=["windows"], workingHours=HOURS))[
        "contact"
    ]
    worker_card = ContactCard(worker["id"], [])
    worker_member = await portal_member(api, owner, worker_card, "Sergey Portal")
    orders = [
        await create_order(
            api,
            owner,
            clientId=client.id,
            addressId=client.address_ids[0],
            contractorId=worker["id"],
        )
        for _ in range(4)
    ]
    for order, rating in zip(orders[:3], (5, 4, None), strict=True):
        await move(api, owner, order["id"], "IN_PROGRESS")
        await move(api, owner, order["id"], "DONE")
        if rating is not None:
            data = await api.ok(RATE, {"id": order["id"], "r": rating}, client_member.access)
            assert data["rateOrder"]["errors"] == []
    return owner, client_member, worker_member, worker["id"], orders[3]["id"]


async def test_average_rating_counts_rated_done_orders_for_staff_only(
    api: Api, backend: str
) -> None:
    owner, client_member, worker_member, worker_id, open_order = await rated_world(api)
    assert (await seen(api, owner, worker_id))["averageRating"] == pytest.approx(4.5)
    staff = await invite_and_accept(api, owner, "Dispatcher")
    by_staff = await seen(api, staff, worker_id)
    assert by_staff["averageRating"] == pytest.approx(4.5)
    assert (by_staff["skills"], len(by_staff["workingHours"])) == (["windows"], 2)
    # The contractor sees its own skills and hours, not its average (a staff yardstick).
    own = (await api.ok(MY_CARD, token=worker_member.access))["me"]["contact"]
    assert own["skills"] == ["windows"]
    assert len(own["workingHours"]) == 2
    assert own["averageRating"] is None
    # The client sees its order's contractor by name only.
    data = await api.ok(ORDER_CONTRACTOR, {"id": open_order}, client_member.access)
    contractor = data["node"]["contractor"]
    assert contractor["name"] == "Sergey"
    assert (contractor["skills"], contractor["workingHours"], contractor["averageRating"]) == (
        [],
        [],
        None,
    )
    # ... and the contact card itself not at all.
    assert (await api.ok(NODE, {"id": worker_id}, client_member.access))["node"] is None


async def contractors(api: Api, owner: Session, count: int) -> list[ContactCard]:
    client = await contact(api, owner, "CLIENT", "Rater")
    cards = []
    for i in range(count):
        card = await create(
            api, owner, name=f"Worker {i:03}", skills=["windows", f"tag {i}"], workingHours=HOURS
        )
        cards.append(ContactCard(card["contact"]["id"], []))
    order = await create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0], contractorId=cards[0].id
    )
    await move(api, owner, order["id"], "IN_PROGRESS")
    await move(api, owner, order["id"], "DONE")
    return cards


async def page_statements(api: Api, owner: Session) -> tuple[int, list[dict[str, Any]]]:
    with count_statements() as counter:
        data = await api.ok(PAGE, {"first": 100}, owner.access)
    return len(counter.statements), [edge["node"] for edge in data["contacts"]["edges"]]


async def test_a_page_of_contractors_costs_the_same_for_5_and_50(api: Api, backend: str) -> None:
    small, large = await register(api), await register(api)
    await contractors(api, small, 5)
    await contractors(api, large, 50)
    few, few_nodes = await page_statements(api, small)
    assert len(few_nodes) == 6
    many, many_nodes = await page_statements(api, large)
    assert len(many_nodes) == 51  # 50 contractors and the client
    assert all(node["skills"][0] == "windows" for node in many_nodes if node["name"] != "Rater")
    assert few == many, (few, many)
    # Authentication, the page and its count, skills, ratings: a handful, not one per card.
    assert many <= 5, many
