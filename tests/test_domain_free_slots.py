"""Free slots: working hours in the company's zone minus visits, across daylight saving."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import DomainError, ErrorCode
from domain.free_slots import free_slots, is_free
from domain.visits import Interval
from domain.working_hours import WorkingInterval

BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")
EVERY_DAY_9_TO_5 = [WorkingInterval(d, time(9), time(17)) for d in range(1, 8)]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, sec, tzinfo=UTC)


def slots(
    hours: list[WorkingInterval],
    zone: ZoneInfo,
    start: datetime,
    end: datetime,
    busy: list[Interval] | None = None,
    minutes: int = 30,
) -> list[Interval]:
    return free_slots(
        hours=hours, zone=zone, busy=busy or [], start=start, end=end, minutes=minutes
    )


def test_berlin_9_to_5_keeps_8_local_hours_across_the_spring_change() -> None:
    # Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    found = slots(EVERY_DAY_9_TO_5, BERLIN, utc(2026, 3, 28), utc(2026, 3, 31))
    assert found == [
        Interval(utc(2026, 3, 28, 8), utc(2026, 3, 28, 16)),  # CET, UTC+1
        Interval(utc(2026, 3, 29, 7), utc(2026, 3, 29, 15)),  # CEST, UTC+2
        Interval(utc(2026, 3, 30, 7), utc(2026, 3, 30, 15)),
    ]
    assert all(slot.length == timedelta(hours=8) for slot in found)


def test_berlin_9_to_5_keeps_8_local_hours_across_the_autumn_change() -> None:
    # Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET.
    found = slots(EVERY_DAY_9_TO_5, BERLIN, utc(2026, 10, 24), utc(2026, 10, 26))
    assert found == [
        Interval(utc(2026, 10, 24, 7), utc(2026, 10, 24, 15)),
        Interval(utc(2026, 10, 25, 8), utc(2026, 10, 25, 16)),
    ]


@pytest.mark.parametrize(
    ("day", "whole", "night"),
    [
        (utc(2026, 3, 29), timedelta(hours=23), timedelta(hours=2)),
        (utc(2026, 10, 25), timedelta(hours=25), timedelta(hours=4)),
        (utc(2026, 7, 5), timedelta(hours=24), timedelta(hours=3)),
    ],
)
def test_the_23_and_25_hour_sundays(day: datetime, whole: timedelta, night: timedelta) -> None:
    # A shift over the whole local day, and one from 01:00 to 04:00 over the change.
    around = (day - timedelta(days=1), day + timedelta(days=2))
    all_day = [WorkingInterval(7, time(0), time(23, 59, 59))]
    (slot,) = slots(all_day, BERLIN, *around)
    assert slot.length == whole - timedelta(seconds=1)
    (slot,) = slots([WorkingInterval(7, time(1), time(4))], BERLIN, *around)
    assert slot.length == night


def test_a_shift_starting_in_the_skipped_hour_starts_after_the_change() -> None:
    (slot,) = slots(
        [WorkingInterval(7, time(2, 30), time(5))], BERLIN, utc(2026, 3, 28), utc(2026, 3, 30)
    )
    assert slot == Interval(utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 3))  # 03:30-05:00 CEST


def test_moscow_has_no_change() -> None:
    found = slots(EVERY_DAY_9_TO_5, MOSCOW, utc(2026, 3, 28), utc(2026, 3, 31))
    assert found == [Interval(utc(2026, 3, d, 6), utc(2026, 3, d, 14)) for d in (28, 29, 30)]


def test_visits_are_taken_out_and_short_gaps_dropped() -> None:
    monday = [WorkingInterval(1, time(9), time(17))]
    busy = [
        Interval(utc(2026, 6, 1, 9), utc(2026, 6, 1, 11)),  # 09:00-11:00 UTC
        Interval(utc(2026, 6, 1, 11, 20), utc(2026, 6, 1, 12)),  # leaves a 20-minute gap
        Interval(utc(2026, 6, 1, 11, 30), utc(2026, 6, 1, 12, 30)),  # overlaps the last one
        Interval(utc(2026, 6, 1, 20), utc(2026, 6, 1, 21)),  # outside the working hours
    ]
    found = slots(monday, ZoneInfo("UTC"), utc(2026, 6, 1), utc(2026, 6, 2), busy)
    assert found == [Interval(utc(2026, 6, 1, 12, 30), utc(2026, 6, 1, 17))]
    with_short = slots(monday, ZoneInfo("UTC"), utc(2026, 6, 1), utc(2026, 6, 2), busy, 20)
    assert Interval(utc(2026, 6, 1, 11), utc(2026, 6, 1, 11, 20)) in with_short


def test_no_hours_means_always_working_and_the_range_clips() -> None:
    busy = [Interval(utc(2026, 6, 1, 10), utc(2026, 6, 1, 12))]
    found = slots([], BERLIN, utc(2026, 6, 1, 8, 15), utc(2026, 6, 1, 14), busy)
    assert found == [
        Interval(utc(2026, 6, 1, 8, 15), utc(2026, 6, 1, 10)),
        Interval(utc(2026, 6, 1, 12), utc(2026, 6, 1, 14)),
    ]


@pytest.mark.parametrize(
    ("start", "end", "minutes", "field"),
    [
        (utc(2026, 1, 1), utc(2026, 3, 4, 0, 0, 1), 30, "to"),  # 62 days and a second
        (utc(2026, 1, 2), utc(2026, 1, 1), 30, "to"),
        (utc(2026, 1, 1), utc(2026, 1, 1), 30, "to"),
        (utc(2026, 1, 1), utc(2026, 1, 2), 0, "minutes"),
        (utc(2026, 1, 1), utc(2026, 1, 2), 1441, "minutes"),
        (datetime(2026, 1, 1), utc(2026, 1, 2), 30, "from"),
    ],
)
def test_bad_ranges_are_refused(start: datetime, end: datetime, minutes: int, field: str) -> None:
    with pytest.raises(DomainError) as caught:
        slots([], BERLIN, start, end, minutes=minutes)
    assert caught.value.code == ErrorCode.INVALID
    assert caught.value.field == [field]


def test_62_days_are_answered() -> None:
    found = slots(EVERY_DAY_9_TO_5, BERLIN, utc(2026, 3, 1), utc(2026, 5, 2))
    assert len(found) == 62


# Brute force: a minute is free when the local clock is inside an interval of its weekday
# and no visit covers it. Boundaries avoid 02:00-02:59, the hour Berlin's clocks skip or
# repeat (the module's rule for it is tested above).
T0 = utc(2026, 3, 28, 12)
SPAN = 2 * 24 * 60
boundary = st.sampled_from([h * 60 + m for h in range(24) if h != 2 for m in (0, 15, 45)])


def _hours(weekday: int, a: int, b: int) -> WorkingInterval:
    a, b = min(a, b), max(a, b)
    return WorkingInterval(weekday, time(a // 60, a % 60), time(b // 60, b % 60))


hours_st = st.lists(
    st.builds(_hours, st.integers(5, 7), boundary, boundary).filter(lambda h: h.start < h.end),
    max_size=4,
)
busy_st = st.lists(
    st.builds(
        lambda s, n: Interval(T0 + timedelta(minutes=s), T0 + timedelta(minutes=s + n)),
        st.integers(-60, SPAN),
        st.integers(1, 300),
    ),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(
    hours_st,
    busy_st,
    st.sampled_from([BERLIN, MOSCOW]),
    st.integers(1, 90),
    st.integers(0, SPAN // 2),
)
def test_slots_are_exactly_the_long_enough_free_runs(
    hours: list[WorkingInterval], busy: list[Interval], zone: ZoneInfo, minutes: int, cut: int
) -> None:
    start, end = T0 + timedelta(minutes=cut), T0 + timedelta(minutes=SPAN)

    def free(m: datetime) -> bool:
        local = m.astimezone(zone)
        working = not hours or any(
            h.weekday == local.isoweekday() and h.start <= local.time() < h.end for h in hours
        )
        return working and not any(b.start <= m < b.end for b in busy)

    expected: list[Interval] = []
    run: datetime | None = None
    m = start
    while m <= end:
        if m < end and free(m):
            run = run or m
        elif run is not None:
            if m - run >= timedelta(minutes=minutes):
                expected.append(Interval(run, m))
            run = None
        m += timedelta(minutes=1)
    assert slots(hours, zone, start, end, busy, minutes) == expected


@pytest.mark.parametrize(
    ("window", "free"),
    [
        (Interval(utc(2026, 3, 30, 7), utc(2026, 3, 30, 9)), True),  # 09:00-11:00 CEST
        (Interval(utc(2026, 3, 30, 6), utc(2026, 3, 30, 8)), False),  # starts at 08:00 local
        (Interval(utc(2026, 3, 30, 14), utc(2026, 3, 30, 16)), False),  # ends at 18:00 local
        (Interval(utc(2026, 3, 30, 10), utc(2026, 3, 30, 11)), True),  # right after a visit
        (Interval(utc(2026, 3, 30, 9, 30), utc(2026, 3, 30, 10, 30)), False),  # overlaps it
    ],
)
def test_is_free_for_a_whole_visit(window: Interval, free: bool) -> None:
    busy = [Interval(utc(2026, 3, 30, 9), utc(2026, 3, 30, 10))]
    assert is_free(hours=EVERY_DAY_9_TO_5, zone=BERLIN, busy=busy, window=window) is free
    assert is_free(hours=[], zone=BERLIN, busy=[], window=window)
