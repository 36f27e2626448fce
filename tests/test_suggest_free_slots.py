"""freeSlots: working hours in the company's zone, across daylight-saving changes, less booked
visits; who may ask, and the bounds of a question."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models import OrderStatus
from tests.support.api import Api, register
from tests.support.suggest import (
    EVERY_DAY,
    FREE_SLOTS,
    contractor,
    order,
    planner,
)
from tests.support.world import ContactCard, portal_member

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.asyncio


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def slots(data: dict[str, Any]) -> list[tuple[datetime, datetime]]:
    return [
        (datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"]))
        for s in data["freeSlots"]
    ]


async def ask(
    api: Api, token: str, contractor_id: str, start: str, end: str, minutes: int = 60
) -> dict[str, Any]:
    return await api.post(
        FREE_SLOTS, {"c": contractor_id, "from": start, "to": end, "m": minutes}, token
    )


async def test_berlin_spring_change_keeps_local_hours_and_a_visit_cuts_a_slot(
    api: Api, backend: str
) -> None:
    p = await planner(api, "Europe/Berlin", EVERY_DAY)
    sergey = await contractor(api, p, "Sergey")
    other = await contractor(api, p, "Other")
    # Sunday 28 March 2027, 02:00 CET -> 03:00 CEST: 10:00-12:00 local is 08:00-10:00 UTC.
    visit = (utc("2027-03-28T08:00:00"), utc("2027-03-28T10:00:00"))
    await order(api, p, sergey, visit, OrderStatus.ASSIGNED)
    # Neither a cancelled visit nor another contractor's takes Sergey's time.
    late = (utc("2027-03-28T12:00:00"), utc("2027-03-28T13:00:00"))
    await order(api, p, sergey, late, OrderStatus.CANCELLED)
    await order(api, p, other, late, OrderStatus.ASSIGNED)

    body = await ask(
        api, p.owner.access, sergey, "2027-03-27T00:00:00+01:00", "2027-03-29T00:00:00+02:00"
    )
    assert "errors" not in body, body
    assert slots(body["data"]) == [
        (utc("2027-03-27T08:00:00"), utc("2027-03-27T16:00:00")),  # Saturday, CET (+1)
        (utc("2027-03-28T07:00:00"), utc("2027-03-28T08:00:00")),  # Sunday, CEST (+2)
        (utc("2027-03-28T10:00:00"), utc("2027-03-28T15:00:00")),
    ]
    # Every slot is 09:00-17:00 local or a piece of it, whatever the offset that day.
    for start, end in slots(body["data"]):
        assert time(9) <= start.astimezone(BERLIN).time() < end.astimezone(BERLIN).time()
        assert end.astimezone(BERLIN).time() <= time(17)

    # At least 90 minutes: the hour before the visit is no slot.
    longer = await ask(
        api, p.owner.access, sergey, "2027-03-28T00:00:00+01:00", "2027-03-29T00:00:00+02:00", 90
    )
    assert slots(longer["data"]) == [(utc("2027-03-28T10:00:00"), utc("2027-03-28T15:00:00"))]


async def test_berlin_autumn_change_and_the_contractors_own_hours(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", EVERY_DAY)
    sergey = await contractor(api, p, "Sergey")
    # Sunday 31 October 2027, 03:00 CEST -> 02:00 CET: a 25-hour day.
    body = await ask(
        api, p.owner.access, sergey, "2027-10-30T00:00:00+02:00", "2027-11-01T00:00:00+01:00"
    )
    assert slots(body["data"]) == [
        (utc("2027-10-30T07:00:00"), utc("2027-10-30T15:00:00")),  # Saturday, CEST (+2)
        (utc("2027-10-31T08:00:00"), utc("2027-10-31T16:00:00")),  # Sunday, CET (+1)
    ]
    # Its own hours replace the company's: Sundays 10:00-12:00 only.
    early = await contractor(api, p, "Early", hours=[(7, time(10), time(12))])
    own = await ask(
        api, p.owner.access, early, "2027-10-30T00:00:00+02:00", "2027-11-01T00:00:00+01:00"
    )
    assert slots(own["data"]) == [(utc("2027-10-31T09:00:00"), utc("2027-10-31T11:00:00"))]


async def test_moscow_has_no_change(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Moscow", EVERY_DAY)
    sergey = await contractor(api, p, "Sergey")
    for day in ("2027-03-28", "2027-10-31"):
        body = await ask(
            api, p.owner.access, sergey, f"{day}T00:00:00+03:00", f"{day}T23:59:00+03:00"
        )
        assert slots(body["data"]) == [(utc(f"{day}T06:00:00"), utc(f"{day}T14:00:00"))]


async def test_who_may_ask(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", EVERY_DAY)
    sergey = await contractor(api, p, "Sergey")
    fixit = await contractor(api, p, "FixIt")
    sergey_member = await portal_member(api, p.owner, ContactCard(sergey, []), "Sergey Portal")
    client_member = await portal_member(api, p.owner, ContactCard(p.client_id, []), "Client")
    stranger = await register(api)
    window = ("2027-06-01T00:00:00+02:00", "2027-06-02T00:00:00+02:00")

    allowed = await ask(api, sergey_member.access, sergey, *window)
    assert slots(allowed["data"]) == [(utc("2027-06-01T07:00:00"), utc("2027-06-01T15:00:00"))]

    missing = await ask(api, p.owner.access, "Q29udGFjdDo5OTk5OTk5", *window)
    refusals = [
        await ask(api, sergey_member.access, fixit, *window),  # another contractor
        await ask(api, client_member.access, sergey, *window),  # a client: never
        await ask(api, stranger.access, sergey, *window),  # another company
        await ask(api, p.owner.access, p.client_id, *window),  # a client's card is no contractor
        missing,
    ]
    for refused in refusals:
        assert refused["data"] is None
        [error] = refused["errors"]
        assert error["extensions"]["code"] == "NOT_FOUND"
        assert error["message"] == missing["errors"][0]["message"]


async def test_bounds_of_a_question(api: Api, backend: str) -> None:
    p = await planner(api, "Europe/Berlin", EVERY_DAY)
    sergey = await contractor(api, p, "Sergey")
    cases = [
        ("2027-01-01T00:00:00+01:00", "2027-03-05T00:00:00+01:00", 60, "to"),  # 63 days
        ("2027-01-02T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 60, "to"),  # backwards
        ("2027-01-01T00:00:00+01:00", "2027-01-02T00:00:00+01:00", 0, "minutes"),
        ("2027-01-01T00:00:00+01:00", "2027-01-02T00:00:00+01:00", 1441, "minutes"),
        ("2027-01-01T00:00:00", "2027-01-02T00:00:00+01:00", 60, "from"),  # no offset
    ]
    for start, end, minutes, where in cases:
        body = await ask(api, p.owner.access, sergey, start, end, minutes)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "INVALID", (start, end, minutes)
        assert error["extensions"]["field"] == [where]
    # 62 days exactly is answered.
    body = await ask(
        api, p.owner.access, sergey, "2027-01-01T00:00:00+01:00", "2027-03-04T00:00:00+01:00"
    )
    assert len(body["data"]["freeSlots"]) == 62
