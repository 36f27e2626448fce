"""Recurring series, when they visit: daylight saving kept on the wall clock (Berlin) and a
zone without it (Moscow), month ends, count and until, skipped days, changing and ending a
series, and bad input refused with nothing stored. Rounds run with the test's own clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.api import Api, Session
from tests.support.reports import register_in
from tests.support.series import (
    END_SERIES,
    SKIP_VISIT,
    UPDATE_SERIES,
    create_errors,
    create_series,
    run_round_at,
    series_input,
    series_orders,
    upcoming,
)
from tests.support.world import ContactCard, contact, move

pytestmark = pytest.mark.asyncio

COUNT = "query { orderSeries { totalCount } }"


@dataclass
class Company:
    owner: Session
    client: ContactCard
    contractor: ContactCard

    def series(self, **fields: Any) -> dict[str, Any]:
        return series_input(self.client.id, self.client.address_ids[0], **fields)


async def company_in(api: Api, zone: str) -> Company:
    owner = await register_in(api, zone)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    return Company(owner, client, contractor)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(f"{text}T00:00:00+00:00")


def ends(orders: list[dict[str, Any]]) -> list[str]:
    """Each order's deadline (its visit's end) in UTC, "MM-DD HH:MM"."""
    return sorted(utc(o["deadline"]).strftime("%m-%d %H:%M") for o in orders)


async def test_berlin_weekly_keeps_nine_local_across_both_changes(api: Api, backend: str) -> None:
    c = await company_in(api, "Europe/Berlin")
    sundays = c.series(recurrence={"frequency": "WEEKLY", "weekdays": [7]}, startDate="2027-03-14")
    series = await create_series(api, c.owner, **sundays)
    assert series["visitTime"] == "09:00"
    # Nothing is made before the series starts (today is months before it).
    assert await series_orders(api, c.owner, series["id"]) == []

    assert await run_round_at(series["id"], at("2027-03-14")) == 5
    # 09:00-11:00 local: 10:00 UTC in winter, 09:00 UTC from the last Sunday of March.
    assert ends(await series_orders(api, c.owner, series["id"])) == [
        "03-14 10:00",
        "03-21 10:00",
        "03-28 09:00",
        "04-04 09:00",
        "04-11 09:00",
    ]
    assert await run_round_at(series["id"], at("2027-10-17")) == 5
    autumn = [e for e in ends(await series_orders(api, c.owner, series["id"])) if e >= "10"]
    assert autumn == ["10-17 09:00", "10-24 09:00", "10-31 10:00", "11-07 10:00", "11-14 10:00"]

    slots = await upcoming(api, c.owner, series["id"], 3)
    assert [s["start"] for s in slots] == [
        "2027-03-14T08:00:00+00:00",
        "2027-03-21T08:00:00+00:00",
        "2027-03-28T07:00:00+00:00",
    ]
    assert {utc(s["end"]) - utc(s["start"]) for s in slots} == {timedelta(hours=2)}


async def test_moscow_has_no_change(api: Api, backend: str) -> None:
    c = await company_in(api, "Europe/Moscow")
    daily = c.series(
        recurrence={"frequency": "DAILY", "count": 3}, startDate="2027-03-27", visitTime="10:00"
    )
    series = await create_series(api, c.owner, **daily)
    assert await run_round_at(series["id"], at("2027-03-26")) == 3
    assert ends(await series_orders(api, c.owner, series["id"])) == [
        "03-27 09:00",
        "03-28 09:00",
        "03-29 09:00",
    ]


async def test_month_ends_and_count_exactly(api: Api, backend: str) -> None:
    c = await company_in(api, "UTC")
    leap = await create_series(
        api,
        c.owner,
        **c.series(
            recurrence={"frequency": "MONTHLY", "monthDay": 31, "count": 4},
            startDate="2028-01-31",
            visitTime="12:00",
            durationMinutes=60,
        ),
    )
    assert await run_round_at(leap["id"], at("2028-01-30"), horizon=200) == 4
    assert ends(await series_orders(api, c.owner, leap["id"])) == [
        "01-31 13:00",
        "02-29 13:00",
        "03-31 13:00",
        "04-30 13:00",
    ]
    # The count is the whole series: a later round makes nothing more.
    assert await run_round_at(leap["id"], at("2028-05-01"), horizon=200) == 0
    plain = await create_series(
        api,
        c.owner,
        **c.series(recurrence={"frequency": "MONTHLY"}, startDate="2027-01-30"),
    )
    days = [s["start"][:10] for s in await upcoming(api, c.owner, plain["id"], 3)]
    assert days == ["2027-01-30", "2027-02-28", "2027-03-30"]
    assert leap["recurrence"] == {
        "frequency": "MONTHLY",
        "interval": 1,
        "weekdays": [],
        "monthDay": 31,
        "until": None,
        "count": 4,
    }


async def test_until_is_the_last_day_included(api: Api, backend: str) -> None:
    c = await company_in(api, "Europe/Berlin")
    mondays = c.series(
        recurrence={"frequency": "WEEKLY", "until": "2027-03-22"}, startDate="2027-03-01"
    )
    series = await create_series(api, c.owner, **mondays)
    assert series["recurrence"]["weekdays"] == [1]  # the start date's weekday
    days = [s["start"][:10] for s in await upcoming(api, c.owner, series["id"], 10)]
    assert days == ["2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22"]
    assert await run_round_at(series["id"], at("2027-02-28"), horizon=60) == 4


async def test_skipped_days_never_come_back(api: Api, backend: str) -> None:
    c = await company_in(api, "UTC")
    series = await create_series(api, c.owner, **c.series(startDate="2027-03-01"))
    assert await run_round_at(series["id"], at("2027-03-01")) == 5
    for day in ("2027-03-15", "2027-04-12"):  # one made, one not yet
        skipped = await api.ok(SKIP_VISIT, {"id": series["id"], "date": day}, c.owner.access)
        assert skipped["skipSeriesVisit"]["errors"] == []
    not_a_visit = await api.ok(
        SKIP_VISIT, {"id": series["id"], "date": "2027-03-16"}, c.owner.access
    )
    assert not_a_visit["skipSeriesVisit"]["errors"][0]["field"] == ["date"]

    orders = await series_orders(api, c.owner, series["id"])
    by_day = {o["deadline"][:10]: o["status"] for o in orders}
    assert by_day["2027-03-15"] == "CANCELLED"
    for now in ("2027-03-01", "2027-03-20", "2027-04-05"):
        _ = await run_round_at(series["id"], at(now))
    days = sorted(o["deadline"][:10] for o in await series_orders(api, c.owner, series["id"]))
    assert days.count("2027-03-15") == 1
    assert "2027-04-12" not in days
    assert "2027-04-19" in days
    assert "2027-03-15" not in [s["start"][:10] for s in await upcoming(api, c.owner, series["id"])]


async def test_change_from_a_day_and_end(api: Api, backend: str) -> None:
    c = await company_in(api, "UTC")
    booked = c.series(startDate="2027-03-01", contractorId=c.contractor.id)
    series = await create_series(api, c.owner, **booked)
    _ = await run_round_at(series["id"], at("2027-03-01"))
    orders = await series_orders(api, c.owner, series["id"])
    first = next(o for o in orders if o["deadline"].startswith("2027-03-08"))
    await move(api, c.owner, first["id"], "IN_PROGRESS")

    changed = await api.ok(
        UPDATE_SERIES,
        {
            "id": series["id"],
            "input": {"title": "Deep cleaning", "visitTime": "10:00"},
            "from": "2027-03-08",
        },
        c.owner.access,
    )
    assert changed["updateOrderSeries"]["errors"] == []
    after = {o["deadline"][:16]: o for o in await series_orders(api, c.owner, series["id"])}
    assert after["2027-03-01T11:00"]["title"] == "Office cleaning"  # before fromDate
    assert after["2027-03-08T11:00"]["title"] == "Office cleaning"  # IN_PROGRESS keeps its terms
    assert after["2027-03-15T12:00"]["title"] == "Deep cleaning"  # moved to 10:00-12:00
    assert "2027-03-15T11:00" not in after

    ended = await api.ok(END_SERIES, {"id": series["id"], "last": "2027-03-15"}, c.owner.access)
    assert ended["endOrderSeries"]["series"]["active"] is False
    statuses = {
        o["deadline"][:10]: o["status"] for o in await series_orders(api, c.owner, series["id"])
    }
    assert statuses["2027-03-08"] == "IN_PROGRESS"
    assert statuses["2027-03-15"] == "ASSIGNED"
    assert statuses["2027-03-22"] == statuses["2027-03-29"] == "CANCELLED"
    assert await run_round_at(series["id"], at("2027-03-20")) == 0


async def test_contractor_change_reports_the_first_conflict(api: Api, backend: str) -> None:
    c = await company_in(api, "UTC")
    busy = await create_series(
        api, c.owner, **c.series(startDate="2027-03-01", contractorId=c.contractor.id)
    )
    _ = await run_round_at(busy["id"], at("2027-03-01"))
    booked = await series_orders(api, c.owner, busy["id"])
    other = await create_series(
        api, c.owner, **c.series(startDate="2027-03-01", visitTime="10:00", title="Windows")
    )
    _ = await run_round_at(other["id"], at("2027-03-01"))
    before = await series_orders(api, c.owner, other["id"])

    data = await api.ok(
        UPDATE_SERIES,
        {"id": other["id"], "input": {"contractorId": c.contractor.id}, "from": "2027-03-01"},
        c.owner.access,
    )
    errors = data["updateOrderSeries"]["errors"]
    assert [e["code"] for e in errors] == ["CONFLICT"]
    first = min(booked, key=lambda o: o["deadline"])
    assert f"order {first['number']}" in errors[0]["message"]
    assert "2027-03-01" in errors[0]["message"]
    assert await series_orders(api, c.owner, other["id"]) == before  # nothing changed
    # Back to back (11:00-13:00 after 09:00-11:00) is no overlap.
    later = await api.ok(
        UPDATE_SERIES,
        {"id": other["id"], "input": {"contractorId": c.contractor.id, "visitTime": "11:00"}},
        c.owner.access,
    )
    assert later["updateOrderSeries"]["errors"] == []
    assert later["updateOrderSeries"]["series"]["contractor"]["id"] == c.contractor.id


BAD_INPUT: list[tuple[dict[str, Any], list[str]]] = [
    ({"visitTime": "25:00"}, ["input", "visitTime"]),
    ({"durationMinutes": 0}, ["input", "durationMinutes"]),
    ({"durationMinutes": 1441}, ["input", "durationMinutes"]),
    ({"recurrence": {"frequency": "DAILY", "interval": 0}}, ["input", "recurrence", "interval"]),
    ({"recurrence": {"frequency": "WEEKLY", "weekdays": [8]}}, ["input", "recurrence", "weekdays"]),
    ({"recurrence": {"frequency": "MONTHLY", "monthDay": 32}}, ["input", "recurrence", "monthDay"]),
    (
        {"recurrence": {"frequency": "DAILY", "until": "2027-04-01", "count": 3}},
        ["input", "recurrence", "count"],
    ),
    (
        {"recurrence": {"frequency": "DAILY", "until": "2027-02-01"}},
        ["input", "recurrence", "until"],
    ),
    ({"recurrence": {"frequency": "DAILY", "count": 1001}}, ["input", "recurrence", "count"]),
]


async def test_bad_input_is_refused_with_its_field_and_nothing_stored(
    api: Api, backend: str
) -> None:
    c = await company_in(api, "UTC")
    for fields, path in BAD_INPUT:
        errors = await create_errors(api, c.owner, **c.series(**fields))
        assert [e["field"] for e in errors] == [path], fields
        assert errors[0]["code"] == "INVALID"
    counted = await api.ok(COUNT, token=c.owner.access)
    assert counted["orderSeries"]["totalCount"] == 0


async def test_a_new_rule_cancels_the_days_it_drops_and_makes_its_own(
    api: Api, backend: str
) -> None:
    c = await company_in(api, "Europe/Berlin")
    mondays = await create_series(api, c.owner, **c.series(startDate="2027-03-01"))
    _ = await run_round_at(mondays["id"], at("2027-03-01"))
    tuesdays = {"recurrence": {"frequency": "WEEKLY", "weekdays": [2]}}
    changed = await api.ok(
        UPDATE_SERIES,
        {"id": mondays["id"], "input": tuesdays, "from": "2027-03-15"},
        c.owner.access,
    )
    assert changed["updateOrderSeries"]["errors"] == []
    assert changed["updateOrderSeries"]["series"]["recurrence"]["weekdays"] == [2]
    _ = await run_round_at(mondays["id"], at("2027-03-01"))
    orders = await series_orders(api, c.owner, mondays["id"])
    by_status: dict[str, list[str]] = {}
    for order in orders:
        by_status.setdefault(order["status"], []).append(order["deadline"][:10])
    assert sorted(by_status["CANCELLED"]) == ["2027-03-15", "2027-03-22", "2027-03-29"]
    # Before fromDate the made Mondays stay; from it on, Tuesdays up to the horizon.
    assert sorted(by_status["NEW"]) == [
        "2027-03-01",
        "2027-03-08",
        "2027-03-16",
        "2027-03-23",
    ]
    # Tuesdays before fromDate were never visits: they are not made later either.
    later = {o["deadline"][:10] for o in await series_orders(api, c.owner, mondays["id"])}
    _ = await run_round_at(mondays["id"], at("2027-03-09"))
    again = {o["deadline"][:10] for o in await series_orders(api, c.owner, mondays["id"])}
    assert again - later == {"2027-03-30", "2027-04-06"}
