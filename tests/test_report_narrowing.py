"""The report's scope narrowed to the orders its periods can count (`report_sql.counted`)
changes no figure: for orders with drawn created, deadline, completed and cancelled times
(both of the last two set, too: cancelled, reopened and done) and drawn periods (one, or a
run of days; open work judged at the end, inside the period, or not at all), each grouping's
rows with and without the narrowing are equal, for the owner and for a staff member's
subtree, on both databases.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise import connections

from models import Membership, Order
from permissions.actor import Actor
from permissions.dashboard import visible_report_orders
from resolvers.report_sql import Period, counted, report_statement
from resolvers.reports import GROUPINGS, ReportGrouping
from schema.ids import decode_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

ORIGIN = datetime(2026, 3, 1, tzinfo=UTC)
DAY = timedelta(days=1)


async def actor_of(session: Session) -> Actor:
    member = await Membership.get(id=decode_id(session.member_id, "Member"))
    return Actor(
        membership_id=member.id,
        user_id=member.user_id,
        company_id=member.company_id,
        role=member.role,
        path=member.path,
        contact_id=None,
        session_id=None,
    )


def moment(draw: random.Random, days: int = 120) -> datetime:
    return ORIGIN + timedelta(minutes=draw.randrange(days * 24 * 60))


async def drawn_orders(api: Api, draw: random.Random, count: int) -> tuple[Session, Session]:
    """`count` orders, half of them a staff member's, with drawn times; the owner and that
    staff member."""
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Report Staff")
    client = await contact(api, owner, "CLIENT", "Drawn Client")
    contractors = [await contact(api, owner, "CONTRACTOR", f"Drawn {n}") for n in range(2)]
    for n in range(count):
        fields: dict[str, Any] = {"clientId": client.id, "addressId": client.address_ids[0]}
        if n % 2:
            fields["responsibleId"] = staff.member_id
        if n % 3:
            fields["contractorId"] = contractors[n % 2].id
        order_id = decode_id((await create_order(api, owner, **fields))["id"], "Order")
        created = moment(draw)
        times: dict[str, Any] = {
            "created_at": created,
            "deadline": created + timedelta(hours=draw.randrange(-48, 20 * 24)),
            "completed_at": None,
            "cancelled_at": None,
        }
        fate = draw.randrange(4)  # open, done, cancelled, cancelled and later done
        if fate in (2, 3):
            times["cancelled_at"] = created + timedelta(hours=draw.randrange(1, 30 * 24))
        if fate in (1, 3):
            times["completed_at"] = created + timedelta(hours=draw.randrange(1, 40 * 24))
        assert await Order.filter(id=order_id).update(**times) == 1
    return owner, staff


def drawn_periods(draw: random.Random) -> list[Period]:
    """One period or a run of days, each with its open work judged at its end, at an instant
    inside it (a period still running), or not at all (one not begun)."""
    starts = moment(draw)
    if draw.random() < 0.5:
        spans = [(starts, starts + timedelta(hours=draw.randrange(1, 60 * 24)))]
    else:
        spans = [(starts + k * DAY, starts + (k + 1) * DAY) for k in range(draw.randrange(1, 40))]
    now = spans[0][0] + (spans[-1][1] - spans[0][0]) * draw.choice([2.0, 0.5, -1.0])
    return [Period(s, e, min(e, now) if now > s else None) for s, e in spans]


async def rows(actor: Actor, periods: list[Period], by: ReportGrouping, narrow: bool) -> Any:
    scope = visible_report_orders(actor, counted(periods) if narrow else None)
    grouping = GROUPINGS[by]
    sql, params = report_statement(scope, actor.company_id, periods, grouping, True)
    found = await connections.get("default").execute_query_dict(sql, params)
    return sorted((tuple(row.values()) for row in found), key=repr)


async def test_narrowing_changes_no_figure(api: Api) -> None:
    draw = random.Random(19)
    owner, staff = await drawn_orders(api, draw, 40)
    actors = [await actor_of(owner), await actor_of(staff)]
    compared = counted_rows = 0
    for _ in range(25):
        periods = drawn_periods(draw)
        by = ReportGrouping.DAY if len(periods) > 1 else draw.choice(list(ReportGrouping))
        for actor in actors:
            whole = await rows(actor, periods, by, narrow=False)
            assert await rows(actor, periods, by, narrow=True) == whole, (periods, by, actor)
            compared += 1
            counted_rows += len(whole)
    assert compared == 50
    assert counted_rows >= 50  # periods that count something, not only empty ones
