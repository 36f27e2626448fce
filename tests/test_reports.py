"""`orderReport` through HTTP: the figures of a hand-built company known in advance (see
tests/support/reports.py), days in the company's time zone east of UTC, the scope of each
viewer, portal members refused, a period still running, bad periods, and the cost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Order
from schema.ids import decode_id
from tests.support.api import Api, Session, count_statements, invite_and_accept
from tests.support.reports import (
    ANNA,
    END,
    FIXIT,
    ROMASHKA,
    SERGEY,
    START,
    build_report_company,
    register_in,
)
from tests.support.tasks import portal_members
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

FIELDS = (
    "label",
    "created",
    "completed",
    "completedOnTime",
    "overdue",
    "cancelled",
    "averageCompletionHours",
    "averageRating",
)
REPORT = f"""query($from: DateTime!, $to: DateTime!, $by: ReportGrouping!) {{
  orderReport(from: $from, to: $to, groupBy: $by) {{ key {" ".join(FIELDS)} }}
}}"""

Row = tuple[Any, ...]


async def report(
    api: Api, who: Session, by: str, start: str = START, end: str = END
) -> list[dict[str, Any]]:
    data = await api.ok(REPORT, {"from": start, "to": end, "by": by}, who.access)
    rows: list[dict[str, Any]] = data["orderReport"]
    return rows


async def figures(api: Api, who: Session, by: str) -> list[Row]:
    """Rows as tuples in the order of FIELDS."""
    return [tuple(row[field] for field in FIELDS) for row in await report(api, who, by)]


#        label     created completed on-time overdue cancelled hours rating
SERGEY_ALL = (SERGEY, 2, 3, 1, 3, 0, 92.83, 4.0)  # O1 O2 O6 O7: (12.5 + 24 + 242) / 3
FIXIT_ALL = (FIXIT, 3, 0, 0, 2, 1, None, None)  # O3 O4 O10
NOBODY = ("No contractor", 1, 0, 0, 0, 0, None, None)  # O5


async def test_each_grouping_of_the_whole_company(api: Api) -> None:
    company = await build_report_company(api)
    owner = company.tree.owner
    # Latin sorts before Cyrillic; the orders without a contractor come last.
    assert await figures(api, owner, "CONTRACTOR") == [FIXIT_ALL, SERGEY_ALL, NOBODY]
    assert await figures(api, owner, "CLIENT") == [
        (ROMASHKA, 3, 2, 0, 3, 1, 133.0, None),  # O2 O4 O6 O10: (24 + 242) / 2
        (ANNA, 3, 1, 1, 2, 0, 12.5, None),  # O1 O3 O5 O7
    ]
    assert await figures(api, owner, "RESPONSIBLE") == [
        ("Head", 2, 0, 0, 1, 1, None, None),  # O3 O4
        ("Olga Owner", 2, 0, 0, 1, 0, None, None),  # O5 O10
        ("Peer", 0, 1, 0, 2, 0, 242.0, None),  # O6 O7
        ("Worker", 2, 2, 1, 1, 0, 18.25, None),  # O1 O2
    ]


async def test_keys_are_the_ids_of_the_contacts_and_members(api: Api) -> None:
    company = await build_report_company(api)
    owner = company.tree.owner
    by_contractor = {row["label"]: row["key"] for row in await report(api, owner, "CONTRACTOR")}
    assert by_contractor == {
        SERGEY: company.contacts[SERGEY].id,
        FIXIT: company.contacts[FIXIT].id,
        "No contractor": None,
    }
    by_client = {row["label"]: row["key"] for row in await report(api, owner, "CLIENT")}
    assert by_client == {ANNA: company.contacts[ANNA].id, ROMASHKA: company.contacts[ROMASHKA].id}
    members = {name: s.member_id for name, s in company.tree.by_name().items()}
    by_member = {row["label"]: row["key"] for row in await report(api, owner, "RESPONSIBLE")}
    assert by_member == {
        "Olga Owner": members["owner"],
        "Head": members["head"],
        "Worker": members["worker"],
        "Peer": members["peer"],
    }


async def test_days_are_moscow_days(api: Api) -> None:
    """O1, done at 22:30 UTC on 1 March, counts on 2 March in Moscow; O5, made at 21:30 UTC on
    28 February, counts on 1 March (in UTC it would fall outside the period)."""
    company = await build_report_company(api)
    rows = await report(api, company.tree.owner, "DAY")
    assert [row["key"] for row in rows] == [None] * 3
    assert [tuple(row[field] for field in FIELDS) for row in rows] == [
        # O1 O2 O3 O5 made; O2 O6 O7 open and late at midnight
        ("2025-03-01", 4, 0, 0, 3, 0, None, None),
        # O4 made; O1 O2 O6 done, O2 O6 late; O3 O7 open and late at midnight
        ("2025-03-02", 1, 3, 1, 4, 0, 92.83, None),
        # O10 made, and open and late at midnight with O3 O7; O4 cancelled
        ("2025-03-03", 1, 0, 0, 3, 1, None, None),
    ]


async def test_a_utc_company_counts_the_same_orders_on_utc_days(api: Api) -> None:
    """The same data in a company on UTC: O1's completion moves to 1 March, O5 leaves the
    period, and O10, done at 21:10 UTC, is done within 3 March."""
    company = await build_report_company(api, "UTC")
    rows = await report(
        api, company.tree.owner, "DAY", "2025-03-01T00:00:00Z", "2025-03-04T00:00:00Z"
    )
    assert [(row["label"], row["created"], row["completed"]) for row in rows] == [
        ("2025-03-01", 3, 1),
        ("2025-03-02", 1, 2),
        ("2025-03-03", 1, 1),
    ]


async def test_each_staff_member_sees_its_subtree(api: Api) -> None:
    company = await build_report_company(api)
    sergey_team = (SERGEY, 2, 2, 1, 1, 0, 18.25, 4.0)  # O1 O2
    head = company.member("head")
    assert await figures(api, head, "CONTRACTOR") == [
        (FIXIT, 2, 0, 0, 1, 1, None, None),  # O3 O4
        sergey_team,
    ]
    assert await figures(api, company.member("worker"), "CONTRACTOR") == [sergey_team]
    # O6 (done late, unrated) and O7 (open, late): nothing of the head's team.
    assert await figures(api, company.member("peer"), "CONTRACTOR") == [
        (SERGEY, 0, 1, 0, 2, 0, 242.0, None)
    ]
    days = await report(api, head, "DAY")
    assert [row["created"] for row in days] == [3, 1, 0]  # O1 O2 O3, O4; not O5 O10


async def test_another_company_sees_none_of_it(api: Api) -> None:
    company = await build_report_company(api)
    other = await build_report_company(api)
    assert await figures(api, company.tree.owner, "CONTRACTOR") == [FIXIT_ALL, SERGEY_ALL, NOBODY]
    assert await figures(api, other.tree.owner, "CONTRACTOR") == [FIXIT_ALL, SERGEY_ALL, NOBODY]
    assert await report(api, company.tree.owner, "CLIENT") != await report(
        api, other.tree.owner, "CLIENT"
    )  # the keys are each company's own contacts


async def test_portal_members_are_refused(api: Api) -> None:
    company = await build_report_company(api)
    for member in await portal_members(api, company.tree.company_id):
        body = await api.post(REPORT, {"from": START, "to": END, "by": "CLIENT"}, member.access)
        assert body["data"] is None
        assert [error["extensions"]["code"] for error in body["errors"]] == ["FORBIDDEN"]


async def test_bad_periods_are_invalid(api: Api) -> None:
    owner = await register_in(api, "Europe/Moscow")
    cases = [
        (END, START, "DAY"),  # ends before it starts
        (START, START, "CLIENT"),  # empty
        ("2025-03-01T00:00:00", END, "CLIENT"),  # no offset
        ("2024-01-01T00:00:00Z", "2025-03-01T00:00:00Z", "DAY"),  # over 366 days
    ]
    for start, end, by in cases:
        body = await api.post(REPORT, {"from": start, "to": end, "by": by}, owner.access)
        assert body["data"] is None, (start, end)
        assert [error["extensions"]["code"] for error in body["errors"]] == ["INVALID"]
    # A whole year by day is fine (366 days in a leap year).
    rows = await report(api, owner, "DAY", "2024-01-01T00:00:00+03:00", "2025-01-01T00:00:00+03:00")
    assert len(rows) == 366
    assert {row["created"] for row in rows} == {0}


async def test_a_period_still_running_judges_open_work_now(api: Api) -> None:
    """Until the period ends, "overdue at its end" means overdue now: an order due later in
    the period is not overdue yet, one due an hour ago is."""
    owner = await register_in(api, "UTC")
    client = await contact(api, owner, "CLIENT", "Anna")
    now = datetime.now(UTC)
    later = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    late = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    for order, deadline in ((later, now + timedelta(days=2)), (late, now - timedelta(hours=1))):
        assert await Order.filter(id=decode_id(order["id"], "Order")).update(deadline=deadline)
    start = (now - timedelta(days=1)).isoformat()
    end = (now + timedelta(days=3)).isoformat()
    assert [
        (row["created"], row["overdue"])
        for row in await report(api, owner, "CONTRACTOR", start, end)
    ] == [(2, 1)]
    # A period that has not begun has no overdue work yet (nor anything else).
    future = (now + timedelta(days=5)).isoformat(), (now + timedelta(days=6)).isoformat()
    assert await report(api, owner, "CONTRACTOR", *future) == []
    days = await report(api, owner, "DAY", *future)
    assert [row["overdue"] for row in days] == [0] * len(days)


async def test_the_cost_does_not_grow_with_the_orders(api: Api) -> None:
    """The same statements for 1 and 30 orders, for the OWNER and for a head whose subtree
    is a subquery: the report is one statement, plus the time zone by DAY."""
    owner = await register_in(api, "Europe/Moscow")
    head = await invite_and_accept(api, owner, "Head")
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    start = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    end = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    with count_statements() as baseline:
        _ = await api.ok("{ me { id } }", token=owner.access)
    made = 0
    for count in (1, 30):
        while made < count:
            _ = await create_order(
                api,
                owner,
                clientId=client.id,
                addressId=client.address_ids[0],
                contractorId=contractor.id,
                responsibleId=head.member_id,
            )
            made += 1
        for who in (owner, head):
            for by, extra in (("CONTRACTOR", 0), ("RESPONSIBLE", 0), ("DAY", 1)):
                with count_statements() as counter:
                    rows = await report(api, who, by, start, end)
                assert sum(row["created"] for row in rows) == count
                # `me` loads one row after authenticating; the report is one statement.
                assert len(counter.statements) == len(baseline.statements) + extra, (
                    by,
                    counter.statements,
                )
