"""The demo company's calendar, read through the API as its people would: Moscow time and
working hours, contractors with skills, hours and coordinates, the series' orders made for
exactly the days their rules give up to the horizon, and the day's schedule read in a fixed
number of statements however many visits it lists. tests/test_readme.py runs the tour's
queries themselves.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from config.settings import Settings
from models import Membership, Order, Role
from servicedesk.devtools import demo_data as d
from servicedesk.devtools.demo import ensure_demo
from servicedesk.devtools.demo_schedule import SERIES, ZONE, at, local_today, tomorrow
from tests.support.api import LOGIN, Api, count_statements

pytestmark = pytest.mark.asyncio

Data = dict[str, Any]

CALENDAR = """
query {
  me { company { timezone workingHours { weekday start end } } }
  contacts(filter: {kind: CONTRACTOR}, first: 10) { edges { node {
    name skills workingHours { weekday start end } addresses { latitude longitude }
  } } }
}
"""
SERIES_ORDERS = """
query {
  orderSeries(first: 10) { edges { node {
    title orders(first: 50) { totalCount edges { node { number status visitStart visitEnd } } }
  } } }
}
"""
SCHEDULE = """
query($from: DateTime!, $to: DateTime!) {
  orders(filter: {visitFrom: $from, visitTo: $to}, sort: VISIT_ASC, first: 50) {
    totalCount
    edges { node {
      number title visitStart visitEnd
      client { name } address { text latitude } contractor { name } series { title }
    } }
  }
}
"""


def nodes(connection: Data) -> list[Data]:
    return [edge["node"] for edge in connection["edges"]]


async def demo_login(api: Api, email: str) -> str:
    _ = await ensure_demo(datetime.now(UTC))
    data = await api.ok(LOGIN, {"email": email, "password": d.PASSWORD})
    assert data["login"]["errors"] == []
    token: str = data["login"]["accessToken"]
    return token


def hours(entries: list[tuple[int, str, str]]) -> list[Data]:
    return [{"weekday": day, "start": start, "end": end} for day, start, end in entries]


async def test_the_demo_company_works_moscow_hours_with_contractors_profiles(api: Api) -> None:
    data = await api.ok(CALENDAR, token=await demo_login(api, d.OWNER_EMAIL))
    company = data["me"]["company"]
    assert company["timezone"] == "Europe/Moscow"
    weekdays = [(day, "08:00", "20:00") for day in range(1, 6)]
    assert company["workingHours"] == hours([*weekdays, (6, "10:00", "16:00")])
    contractors = {c["name"]: c for c in nodes(data["contacts"])}
    sergey, fixit = contractors["Sergey Cleaner"], contractors["FixIt Team"]
    assert sergey["skills"] == ["windows", "offices"]
    assert fixit["skills"] == ["deep cleaning", "carpets"]
    assert sergey["workingHours"] == hours(
        [*((day, "08:00", "18:00") for day in range(1, 7)), (7, "10:00", "14:00")]
    )
    assert fixit["workingHours"] == hours([(day, "09:00", "18:00") for day in range(1, 6)])
    for contractor in (sergey, fixit):  # in Moscow
        [place] = contractor["addresses"]
        assert 55.5 < place["latitude"] < 56
        assert 37.3 < place["longitude"] < 37.9


def expected_days(today: date, horizon: int, now: datetime) -> dict[str, set[date]]:
    """The visit days of each demo series up to the horizon, by their rules written out again:
    Mondays and Thursdays from the day after tomorrow; the 31st, or a shorter month's last day."""
    window = [today + timedelta(days=n) for n in range(horizon + 1)]
    weekly = {
        day for day in window if day >= today + timedelta(days=2) and day.isoweekday() in (1, 4)
    }
    monthly = {
        day
        for day in window
        if day.day == min(31, monthrange(day.year, day.month)[1])
        and at(day, "13:00") > now  # today's visit, 10:00 to 13:00, still to come
    }
    return {SERIES[0].title: weekly, SERIES[1].title: monthly}


async def test_the_series_made_an_order_for_each_visit_day_up_to_the_horizon(
    api: Api, settings: Settings
) -> None:
    token = await demo_login(api, d.OWNER_EMAIL)
    now = datetime.now(UTC)
    data = await api.ok(SERIES_ORDERS, token=token)
    made = {s["title"]: nodes(s["orders"]) for s in nodes(data["orderSeries"])}
    days = {
        title: {datetime.fromisoformat(o["visitStart"]).astimezone(ZONE).date() for o in orders}
        for title, orders in made.items()
    }
    assert days == expected_days(local_today(now), settings.series_horizon_days, now)
    assert len(days[SERIES[0].title]) >= 6
    for spec in SERIES:
        for order in made[spec.title]:
            start = datetime.fromisoformat(order["visitStart"]).astimezone(ZONE)
            assert start.strftime("%H:%M") == spec.visit_time
            end = datetime.fromisoformat(order["visitEnd"])
            assert end - start == timedelta(minutes=spec.minutes)
            assert order["status"] == "ASSIGNED"


async def test_a_second_demo_run_makes_no_more_series_orders(api: Api) -> None:
    _ = await demo_login(api, d.OWNER_EMAIL)
    owner = await Membership.get(user__email=d.OWNER_EMAIL, role=Role.OWNER)
    before = await Order.filter(company_id=owner.company_id).count()
    again = await ensure_demo(datetime.now(UTC))
    assert (again.created, again.series_orders) == (False, 0)
    assert await Order.filter(company_id=owner.company_id).count() == before


async def test_the_schedule_reads_four_weeks_in_the_statements_of_one(
    api: Api, settings: Settings
) -> None:
    """Boris, head of the dispatcher who books Romashka, sees every visit of his team: a week
    from tomorrow holds order 3 and an office cleaning (one every Monday and Thursday), four
    weeks hold several of each series'."""
    token = await demo_login(api, d.BORIS)
    day = tomorrow(datetime.now(UTC))
    answers, statements = [], []
    for days in (7, settings.series_horizon_days):
        bounds = {
            "from": at(day, "00:00").isoformat(),
            "to": at(day + timedelta(days=days), "00:00").isoformat(),
        }
        with count_statements() as counter:
            answers.append(await api.ok(SCHEDULE, bounds, token))
        statements.append(len(counter.statements))
    one_week, four_weeks = (nodes(answer["orders"]) for answer in answers)
    assert one_week[0]["number"] == 3
    assert one_week[0]["series"] is None
    assert one_week[0]["contractor"]["name"] == "Sergey Cleaner"
    assert SERIES[0].title in {o["series"]["title"] for o in one_week if o["series"]}
    starts = [o["visitStart"] for o in four_weeks]
    assert starts == sorted(starts, key=datetime.fromisoformat)
    assert len(four_weeks) >= len(one_week) + 4
    assert {o["series"]["title"] for o in four_weeks if o["series"]} >= {SERIES[0].title}
    assert statements[0] == statements[1], statements
