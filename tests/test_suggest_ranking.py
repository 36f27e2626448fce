"""suggestContractors: each factor's value, the ranking they make, who may ask, and a
statement count that does not grow with the company's contractors."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest

from domain.distance import haversine_km
from models import Address, Contact, ContactKind, ContactSkill, LegalForm, OrderStatus
from schema.ids import decode_id
from tests.support.api import Api, count_statements, register
from tests.support.suggest import SUGGEST, contractor, order, planner
from tests.support.world import ContactCard, portal_member

pytestmark = pytest.mark.asyncio

HOME = (52.52, 13.405)  # the client's address, Berlin centre
NEAR = (52.53, 13.405)  # about 1.1 km north
FAR = (52.39, 13.065)  # Potsdam, about 27 km
ALL_DAY = [(day, time(8), time(20)) for day in range(1, 8)]
# Wednesday 2 June 2027, 10:00-12:00 in Berlin (CEST, +2).
VISIT = (
    datetime(2027, 6, 2, 8, tzinfo=UTC),
    datetime(2027, 6, 2, 10, tzinfo=UTC),
)
CLASH = (datetime(2027, 6, 2, 9, tzinfo=UTC), datetime(2027, 6, 2, 11, tzinfo=UTC))
BEFORE = (datetime(2027, 6, 2, 6, tzinfo=UTC), datetime(2027, 6, 2, 8, tzinfo=UTC))


def expected_score(
    free: bool, skilled: bool, km: float | None, rating: float | None, open_orders: int
) -> float:
    """The formula suggestContractors documents, written out again."""
    near = 0.0 if km is None else 20 / (1 + km / 5)
    rated = 15 * ((3.0 if rating is None else rating) - 1) / 4
    return 100 * free + 50 * skilled + near + rated + 10 / (1 + open_orders)


async def suggest(
    api: Api, token: str, order_id: str, skills: list[str] | None = None, first: int = 20
) -> dict[str, Any]:
    return await api.post(SUGGEST, {"o": order_id, "s": skills, "first": first}, token)


async def test_each_factor_and_the_ranking(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", ALL_DAY, at=HOME)
    c = p.contractors
    await contractor(api, p, "Best", NEAR, ("windows", "floors"))
    await contractor(api, p, "Busy", NEAR, ("windows", "floors"))
    await contractor(api, p, "Unskilled", NEAR, ("floors",))
    await contractor(api, p, "Far", FAR, ("windows", "floors"))
    await contractor(api, p, "Nowhere", None, ("windows", "floors"))
    await contractor(api, p, "Afternoons", NEAR, ("windows", "floors"), [(3, time(13), time(18))])
    await contractor(api, p, "Twin A", NEAR, ("windows", "floors"))
    await contractor(api, p, "Twin B", NEAR, ("windows", "floors"))
    target = await order(api, p, visit=VISIT)
    # Best: rated 5 and 3 (mean 4), one open order whose visit ends as this one starts.
    await order(api, p, c["Best"], None, OrderStatus.DONE, rating=5)
    await order(api, p, c["Best"], None, OrderStatus.DONE, rating=3)
    await order(api, p, c["Best"], BEFORE, OrderStatus.ASSIGNED)
    # Busy: an overlapping visit in progress; a cancelled one does not count anywhere.
    await order(api, p, c["Busy"], CLASH, OrderStatus.IN_PROGRESS)
    await order(api, p, c["Unskilled"], CLASH, OrderStatus.CANCELLED)
    # Far: two open orders without visits, a DONE order without a rating.
    await order(api, p, c["Far"], None, OrderStatus.ASSIGNED)
    await order(api, p, c["Far"], None, OrderStatus.IN_PROGRESS)
    await order(api, p, c["Far"], None, OrderStatus.DONE)

    body = await suggest(api, p.owner.access, target, [" Windows", "FLOORS", "windows"])
    assert "errors" not in body, body
    rows = body["data"]["suggestContractors"]
    by_name = {row["contractor"]["name"]: row for row in rows}
    near_km = haversine_km(*HOME, *NEAR)
    far_km = haversine_km(*HOME, *FAR)
    facts = {
        # name: free, skilled, km, rating, open orders
        "Best": (True, True, near_km, 4.0, 1),
        "Busy": (False, True, near_km, None, 1),
        "Unskilled": (True, False, near_km, None, 0),
        "Far": (True, True, far_km, None, 2),
        "Nowhere": (True, True, None, None, 0),
        "Afternoons": (False, True, near_km, None, 0),
        "Twin A": (True, True, near_km, None, 0),
        "Twin B": (True, True, near_km, None, 0),
    }
    assert set(by_name) == set(facts)
    for name, (free, skilled, km, rating, open_orders) in facts.items():
        row = by_name[name]
        assert row["contractor"]["id"] == c[name]
        assert (row["free"], row["skilled"]) == (free, skilled), name
        assert row["openOrders"] == open_orders, name
        assert row["averageRating"] == rating, name
        if km is None:
            assert row["distanceKm"] is None
        else:
            assert row["distanceKm"] == pytest.approx(km, abs=0.001), name
        assert row["score"] == pytest.approx(
            expected_score(free, skilled, km, rating, open_orders), abs=0.001
        ), name
    assert 1.0 < near_km < 1.2
    assert 26 < far_km < 28
    # Free beats busy, skilled beats not, nearer beats farther; twins by id; then the rest.
    order_of_names = [row["contractor"]["name"] for row in rows]
    assert order_of_names == [
        "Twin A",  # free, skilled, near, idle, unrated (7.5) beats Best's rating 4 but 1 open
        "Twin B",
        "Best",
        "Nowhere",
        "Far",
        "Unskilled",
        "Afternoons",  # outside its hours, idle
        "Busy",  # a clashing visit, one open order
    ], [(r["contractor"]["name"], r["score"]) for r in rows]
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    assert decode_id(c["Twin A"], "Contact") < decode_id(c["Twin B"], "Contact")

    # No skills asked: everyone is skilled, so Unskilled ties with the twins and comes
    # first by its lower id; `first` cuts the list.
    top = await suggest(api, p.owner.access, target, None, first=3)
    assert [r["contractor"]["name"] for r in top["data"]["suggestContractors"]] == [
        "Unskilled",
        "Twin A",
        "Twin B",
    ]
    assert all(r["skilled"] for r in top["data"]["suggestContractors"])


async def test_an_order_without_a_visit_has_nothing_to_clash_with(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", ALL_DAY, at=HOME)
    await contractor(api, p, "Sergey", NEAR)
    await order(api, p, p.contractors["Sergey"], CLASH, OrderStatus.ASSIGNED)
    target = await order(api, p)
    [row] = (await suggest(api, p.owner.access, target))["data"]["suggestContractors"]
    assert row["free"] is True
    assert row["openOrders"] == 1


async def test_who_may_ask(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", ALL_DAY, at=HOME)
    sergey = await contractor(api, p, "Sergey", NEAR)
    target = await order(api, p, sergey, VISIT, OrderStatus.ASSIGNED)
    client = await portal_member(api, p.owner, ContactCard(p.client_id, []), "Client")
    worker = await portal_member(api, p.owner, ContactCard(sergey, []), "Sergey Portal")
    stranger = await register(api)
    # Both see the order, neither may dispatch it.
    for member in (client, worker):
        body = await suggest(api, member.access, target)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    missing = await suggest(api, p.owner.access, "T3JkZXI6OTk5OTk5OQ")
    hidden = await suggest(api, stranger.access, target)
    for body in (missing, hidden):
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert body["errors"][0]["message"] == "Order not found"


async def test_statements_do_not_grow_with_contractors(api: Api, backend: str) -> None:
    counts = []
    for contractors in (5, 700):
        p = await planner(api, "Europe/Berlin", ALL_DAY, at=HOME)
        await bulk_contractors(p.company_pk, contractors)
        target = await order(api, p, visit=VISIT)
        with count_statements() as counter:
            body = await suggest(api, p.owner.access, target, ["windows"], first=5)
        assert "errors" not in body, body
        rows = body["data"]["suggestContractors"]
        assert len(rows) == 5
        assert all(r["free"] and r["distanceKm"] is not None for r in rows)
        counts.append(len(counter.statements))
    assert counts[0] == counts[1], counts


async def bulk_contractors(company_pk: int, count: int) -> None:
    """`count` contractors in three inserts: the contacts, an address each, a skill each."""
    names = [f"Bulk {company_pk}-{i}" for i in range(count)]
    await Contact.bulk_create(
        [
            Contact(
                company_id=company_pk,
                kind=ContactKind.CONTRACTOR,
                legal_form=LegalForm.PERSON,
                name=name,
            )
            for name in names
        ]
    )
    ids = await Contact.filter(company_id=company_pk, name__in=names).values_list("id", flat=True)
    await Address.bulk_create(
        [
            Address(company_id=company_pk, contact_id=pk, text="x", latitude=52.5, longitude=13.4)
            for pk in ids
        ]
    )
    await ContactSkill.bulk_create(
        [ContactSkill(company_id=company_pk, contact_id=pk, skill="windows") for pk in ids]
    )


async def test_bad_input_is_invalid(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", ALL_DAY, at=HOME)
    await contractor(api, p, "Sergey", NEAR)
    target = await order(api, p, visit=VISIT)
    many = [f"skill {i}" for i in range(31)]
    for body in (
        await suggest(api, p.owner.access, target, many),
        await suggest(api, p.owner.access, target, None, first=-1),
    ):
        assert body["data"] is None
        [error] = body["errors"]
        assert error["extensions"]["code"] == "INVALID"
    assert (await suggest(api, p.owner.access, target, many))["errors"][0]["extensions"][
        "field"
    ] == ["skills"]
    # 30 different skills in 31 spellings are fine; a word longer than any tag is no
    # error either, it is just had by no one.
    body = await suggest(api, p.owner.access, target, [*many[:30], " SKILL 0 "])
    [row] = body["data"]["suggestContractors"]
    assert row["skilled"] is False
    [row] = (await suggest(api, p.owner.access, target, ["x" * 80]))["data"]["suggestContractors"]
    assert row["skilled"] is False
