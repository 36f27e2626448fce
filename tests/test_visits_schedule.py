"""The day's schedule: `orders(filter: {visitFrom, visitTo, ...}, sort: VISIT_ASC)` for a
contractor, a member and a team, each within what the viewer may see, at a fixed cost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.world import ContactCard, contact, portal_member
from tests.test_visits_booking import DAY, at, create

pytestmark = pytest.mark.asyncio

SCHEDULE = """query($filter: OrderFilter, $first: Int, $after: String) {
  orders(filter: $filter, sort: VISIT_ASC, first: $first, after: $after) {
    totalCount edges { node { title visitStart visitEnd } } pageInfo { hasNextPage endCursor }
  } }"""
DAY_RANGE = {"visitFrom": DAY.isoformat(), "visitTo": (DAY + timedelta(days=1)).isoformat()}


@dataclass
class Office:
    owner: Session
    head_a: Session
    staff_a: Session  # under head_a
    head_b: Session  # beside head_a: outside its subtree
    client1: ContactCard
    client2: ContactCard
    sergey: ContactCard
    ivan: ContactCard


async def office(api: Api) -> Office:
    owner = await register(api)
    head_a = await invite_and_accept(api, owner, "Head A")
    staff_a = await invite_and_accept(api, head_a, "Staff A")
    head_b = await invite_and_accept(api, owner, "Head B")
    cards = [
        await contact(api, owner, kind, name)
        for kind, name in (
            ("CLIENT", "Client One"),
            ("CLIENT", "Client Two"),
            ("CONTRACTOR", "Sergey"),
            ("CONTRACTOR", "Ivan"),
        )
    ]
    for card in cards:
        await portal_member(api, owner, card, f"{card.id} portal")
    return Office(owner, head_a, staff_a, head_b, *cards)


async def book(
    api: Api,
    o: Office,
    title: str,
    client: ContactCard,
    responsible: Session,
    contractor: ContactCard | None,
    start: float | None,
    end: float | None,
    **more: Any,
) -> None:
    fields: dict[str, Any] = {"title": title, "responsibleId": responsible.member_id, **more}
    if contractor is not None:
        fields["contractorId"] = contractor.id
    if start is not None and end is not None:
        fields |= {"visitStart": at(start), "visitEnd": at(end)}
    else:
        fields["deadline"] = at(20)
    payload = await create(api, o.owner, client, **fields)
    assert payload["errors"] == [], payload["errors"]


async def schedule(
    api: Api, who: Session, first: int = 50, after: str | None = None, **filters: Any
) -> list[str]:
    data = await api.ok(
        SCHEDULE, {"filter": {**DAY_RANGE, **filters}, "first": first, "after": after}, who.access
    )
    return [edge["node"]["title"] for edge in data["orders"]["edges"]]


async def planned(api: Api) -> Office:
    """Sergey: 8-9 (head B's), 10-12 (staff A's), and tomorrow; Ivan 9-10 and 12-13 (head
    A's); one cancelled 13-14 for Sergey; one order without a visit."""
    o = await office(api)
    await book(api, o, "sergey 10-12", o.client1, o.staff_a, o.sergey, 10, 12)
    await book(api, o, "sergey 8-9", o.client2, o.head_b, o.sergey, 8, 9)
    await book(api, o, "ivan 12-13", o.client2, o.head_a, o.ivan, 12, 13)
    await book(api, o, "ivan 9-10", o.client1, o.head_a, o.ivan, 9, 10)
    await book(api, o, "sergey tomorrow", o.client2, o.head_a, o.sergey, 34, 35)
    await book(api, o, "no visit", o.client1, o.staff_a, None, None, None)
    return o


async def test_a_contractors_day_in_visit_order(api: Api) -> None:
    o = await planned(api)
    sergey, ivan = o.sergey.id, o.ivan.id
    assert await schedule(api, o.owner, contractorId=sergey) == ["sergey 8-9", "sergey 10-12"]
    assert await schedule(api, o.owner, contractorId=ivan) == ["ivan 9-10", "ivan 12-13"]
    # The contractor's own portal member sees the same day, and nothing of Ivan's.
    assert await schedule(api, o.sergey.members[0]) == ["sergey 8-9", "sergey 10-12"]
    assert await schedule(api, o.sergey.members[0], contractorId=ivan) == []
    assert await schedule(api, o.ivan.members[0]) == ["ivan 9-10", "ivan 12-13"]


async def test_a_member_and_a_team_see_their_day_and_no_one_elses(api: Api) -> None:
    o = await planned(api)
    whole_day = ["sergey 8-9", "ivan 9-10", "sergey 10-12", "ivan 12-13"]
    assert await schedule(api, o.owner) == whole_day
    # Head A's team: itself and staff A; head B's 8-9 is outside its subtree.
    assert await schedule(api, o.head_a) == ["ivan 9-10", "sergey 10-12", "ivan 12-13"]
    assert await schedule(api, o.head_a, responsibleId=o.staff_a.member_id) == ["sergey 10-12"]
    assert await schedule(api, o.staff_a) == ["sergey 10-12"]
    # Head B sees only its own, even asking for Sergey's day or for head A's member.
    assert await schedule(api, o.head_b) == ["sergey 8-9"]
    assert await schedule(api, o.head_b, contractorId=o.sergey.id) == ["sergey 8-9"]
    assert await schedule(api, o.head_b, responsibleId=o.staff_a.member_id) == []
    # A client sees its own visits only.
    assert await schedule(api, o.client1.members[0]) == ["ivan 9-10", "sergey 10-12"]
    assert await schedule(api, o.client2.members[0]) == ["sergey 8-9", "ivan 12-13"]
    # The visit itself comes with the order, to every role that sees it.
    for who in (o.client1.members[0], o.sergey.members[0], o.staff_a):
        data = await api.ok(SCHEDULE, {"filter": DAY_RANGE}, who.access)
        node = next(
            e["node"] for e in data["orders"]["edges"] if e["node"]["title"] == "sergey 10-12"
        )
        assert (node["visitStart"], node["visitEnd"]) == (at(10), at(12))


async def test_the_range_is_half_open_and_must_not_be_empty(api: Api) -> None:
    o = await planned(api)
    sergey = o.sergey.id
    # Sergey's 10-12 ends where [12, 13) starts, and overlaps [11:59, 12:00).
    assert await schedule(api, o.owner, contractorId=sergey, visitFrom=at(12), visitTo=at(13)) == []
    assert await schedule(
        api, o.owner, contractorId=sergey, visitFrom=at(11.99), visitTo=at(12)
    ) == ["sergey 10-12"]
    assert await schedule(api, o.owner, visitFrom=at(9.5), visitTo=at(10)) == ["ivan 9-10"]
    # Either bound alone.
    late = await api.ok(
        SCHEDULE, {"filter": {"visitFrom": at(12.5), "contractorId": sergey}}, o.owner.access
    )
    assert [e["node"]["title"] for e in late["orders"]["edges"]] == ["sergey tomorrow"]
    body = await api.post(
        SCHEDULE, {"filter": {"visitFrom": at(12), "visitTo": at(12)}}, o.owner.access
    )
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_visit_order_puts_orders_without_a_visit_last_across_pages(api: Api) -> None:
    o = await planned(api)
    # Same start for two orders (another contractor): ties go by id, i.e. creation.
    await book(api, o, "tie 10-11", o.client1, o.owner, None, 10, 11)
    expected = [
        "sergey 8-9",
        "ivan 9-10",
        "sergey 10-12",
        "tie 10-11",
        "ivan 12-13",
        "sergey tomorrow",
        "no visit",
    ]
    titles: list[str] = []
    after = None
    for _ in range(10):
        data = await api.ok(SCHEDULE, {"first": 2, "after": after}, o.owner.access)
        page = data["orders"]
        titles += [edge["node"]["title"] for edge in page["edges"]]
        assert page["totalCount"] == 7
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert titles == expected
    body = await api.post(SCHEDULE, {"after": "bm9uc2Vuc2U"}, o.owner.access)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


DAY_PAGE = """query($filter: OrderFilter, $n: Int) {
  orders(filter: $filter, sort: VISIT_ASC, first: $n) { edges { node {
    number visitStart visitEnd client { name } address { text } contractor { name }
    responsible { name } } } } }"""


async def test_a_schedule_page_costs_the_same_for_5_and_50_orders(api: Api) -> None:
    o = await office(api)
    for i in range(50):
        client = (o.client1, o.client2)[i % 2]
        start = 6 + i / 4  # back to back, a quarter of an hour each
        await book(api, o, f"visit {i}", client, o.staff_a, o.sergey, start, start + 0.25)

    async def statements(who: Session, n: int, **filters: Any) -> int:
        variables = {"filter": {**DAY_RANGE, **filters}, "n": n}
        with count_statements() as counter:
            data = await api.ok(DAY_PAGE, variables, who.access)
        assert len(data["orders"]["edges"]) == n
        return len(counter.statements)

    for who, filters in (
        (o.owner, {"contractorId": o.sergey.id}),
        (o.head_a, {}),
        (o.sergey.members[0], {}),
    ):
        few, many = await statements(who, 5, **filters), await statements(who, 50, **filters)
        assert few == many, (few, many)
        # Authenticating, the page with its four relations joined: no statement per order.
        assert many <= 3, many
    print(f"a day's schedule of 50 visits with client, address, contractor: {many} statements")
