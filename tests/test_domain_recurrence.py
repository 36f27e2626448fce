"""Series recurrence: checked input, rrule's days (month ends, count, until, skips), DST."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError, ErrorCode
from domain.recurrence import (
    Recurrence,
    check_duration,
    check_recurrence,
    days_between,
    next_days,
    visit_window,
)
from domain.visits import Interval
from models.series import Frequency

BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")
PATH = ("input", "recurrence")
DAILY, WEEKLY, MONTHLY = Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY


@dataclass(frozen=True)
class Given:
    frequency: Frequency
    interval: int | None = 1
    weekdays: Sequence[int] | None = None
    month_day: int | None = None
    until: date | None = None
    count: int | None = None


def rec(start: date, **kwargs: Any) -> Recurrence:
    return check_recurrence(Given(**kwargs), start, *PATH)


def test_defaults_come_from_the_start_date() -> None:
    wednesday = date(2026, 1, 14)
    assert rec(wednesday, frequency=WEEKLY).weekdays == (3,)
    assert rec(wednesday, frequency=MONTHLY).month_day == 14
    assert rec(wednesday, frequency=DAILY, interval=None) == Recurrence(DAILY)
    assert rec(wednesday, frequency=WEEKLY, weekdays=[5, 1, 5]).weekdays == (1, 5)


@pytest.mark.parametrize(
    ("kwargs", "part", "words"),
    [
        ({"frequency": DAILY, "interval": 0}, "interval", "1 to 366"),
        ({"frequency": DAILY, "interval": 367}, "interval", "1 to 366"),
        ({"frequency": WEEKLY, "weekdays": [1, 8]}, "weekdays", "1 (Monday) to 7"),
        ({"frequency": WEEKLY, "weekdays": [0]}, "weekdays", "1 (Monday) to 7"),
        ({"frequency": DAILY, "weekdays": [1]}, "weekdays", "WEEKLY"),
        ({"frequency": MONTHLY, "month_day": 32}, "monthDay", "1 to 31"),
        ({"frequency": MONTHLY, "month_day": 0}, "monthDay", "1 to 31"),
        ({"frequency": WEEKLY, "month_day": 3}, "monthDay", "MONTHLY"),
        (
            {"frequency": DAILY, "until": date(2026, 2, 1), "count": 3},
            "count",
            "not both",
        ),
        ({"frequency": DAILY, "until": date(2025, 12, 31)}, "until", "before the start"),
        ({"frequency": DAILY, "count": 1001}, "count", "1 to 1000"),
        ({"frequency": DAILY, "count": 0}, "count", "1 to 1000"),
    ],
)
def test_bad_recurrences_name_their_part(kwargs: dict[str, Any], part: str, words: str) -> None:
    with pytest.raises(DomainError) as caught:
        rec(date(2026, 1, 1), **kwargs)
    assert caught.value.code == ErrorCode.INVALID
    assert caught.value.field == [*PATH, part]
    assert words in caught.value.message


def test_limits_themselves_are_accepted() -> None:
    start = date(2026, 1, 1)
    assert rec(start, frequency=DAILY, interval=366, count=1000).count == 1000
    assert rec(start, frequency=DAILY, until=start).until == start


@pytest.mark.parametrize("minutes", [0, -5, 1441])
def test_bad_durations(minutes: int) -> None:
    with pytest.raises(DomainError) as caught:
        check_duration(minutes, "input", "durationMinutes")
    assert caught.value.field == ["input", "durationMinutes"]


def test_good_durations() -> None:
    assert check_duration(1) == timedelta(minutes=1)
    assert check_duration(1440) == timedelta(days=1)


def test_the_31st_is_each_shorter_months_last_day() -> None:
    start = date(2027, 12, 31)
    days = days_between(
        rec(start, frequency=MONTHLY, month_day=31), start, start, date(2028, 12, 31)
    )
    assert days == [
        date(2027, 12, 31),
        date(2028, 1, 31),
        date(2028, 2, 29),  # leap year
        date(2028, 3, 31),
        date(2028, 4, 30),
        date(2028, 5, 31),
        date(2028, 6, 30),
        date(2028, 7, 31),
        date(2028, 8, 31),
        date(2028, 9, 30),
        date(2028, 10, 31),
        date(2028, 11, 30),
        date(2028, 12, 31),
    ]
    feb = days_between(
        rec(start, frequency=MONTHLY, month_day=30), start, date(2027, 2, 1), date(2029, 3, 31)
    )
    assert date(2029, 2, 28) in feb
    assert date(2029, 3, 30) in feb


def test_a_monthly_series_starting_mid_month_begins_on_its_day() -> None:
    start = date(2026, 1, 15)
    days = next_days(rec(start, frequency=MONTHLY, month_day=31, interval=2), start, start, 3)
    assert days == [date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]


def test_count_is_exactly_honoured_and_skips_count_toward_it() -> None:
    start = date(2026, 3, 2)  # a Monday
    weekly = rec(start, frequency=WEEKLY, weekdays=[1, 4], count=5)
    all_days = days_between(weekly, start, start, date(2027, 1, 1))
    assert all_days == [
        date(2026, 3, 2),
        date(2026, 3, 5),
        date(2026, 3, 9),
        date(2026, 3, 12),
        date(2026, 3, 16),
    ]
    skipped = {date(2026, 3, 9)}
    assert days_between(weekly, start, start, date(2027, 1, 1), skipped) == [
        d for d in all_days if d not in skipped
    ]


def test_until_is_inclusive() -> None:
    start = date(2026, 3, 1)
    daily = rec(start, frequency=DAILY, interval=3, until=date(2026, 3, 10))
    assert days_between(daily, start, start, date(2026, 12, 31)) == [
        date(2026, 3, 1),
        date(2026, 3, 4),
        date(2026, 3, 7),
        date(2026, 3, 10),
    ]


def test_every_second_week_counts_from_the_start_week() -> None:
    start = date(2026, 3, 4)  # a Wednesday
    fortnightly = rec(start, frequency=WEEKLY, interval=2, weekdays=[1, 3])
    # Monday 2 March is before the start; the next Monday of a visiting week is 16 March.
    assert next_days(fortnightly, start, date(2026, 1, 1), 4) == [
        date(2026, 3, 4),
        date(2026, 3, 16),
        date(2026, 3, 18),
        date(2026, 3, 30),
    ]


def test_a_window_in_the_middle_of_an_open_series() -> None:
    start = date(2020, 1, 1)
    daily = rec(start, frequency=DAILY)
    assert days_between(daily, start, date(2026, 5, 30), date(2026, 6, 2)) == [
        date(2026, 5, 30),
        date(2026, 5, 31),
        date(2026, 6, 1),
        date(2026, 6, 2),
    ]
    assert days_between(daily, start, date(2026, 6, 2), date(2026, 6, 1)) == []


def test_weekly_0900_in_berlin_keeps_its_local_time_across_both_changes() -> None:
    start = date(2026, 3, 20)  # a Friday
    weekly = rec(start, frequency=WEEKLY)
    days = days_between(weekly, start, start, date(2026, 11, 1))
    windows = [visit_window(d, time(9), 120, BERLIN) for d in days]
    for window in windows:
        local = window.start.astimezone(BERLIN)
        assert (local.hour, local.minute) == (9, 0)
        assert window.length == timedelta(hours=2)
    assert windows[0].start == datetime(2026, 3, 20, 8, tzinfo=UTC)  # CET
    assert windows[1].start == datetime(2026, 3, 27, 8, tzinfo=UTC)
    assert windows[2].start == datetime(2026, 4, 3, 7, tzinfo=UTC)  # CEST
    assert windows[-1].start == datetime(2026, 10, 30, 8, tzinfo=UTC)  # CET again
    moscow = [visit_window(d, time(9), 60, MOSCOW).start.hour for d in days]
    assert set(moscow) == {6}


def test_skipped_and_repeated_wall_times() -> None:
    spring = visit_window(date(2026, 3, 29), time(2, 30), 60, BERLIN)
    assert spring == Interval(
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC), datetime(2026, 3, 29, 2, 30, tzinfo=UTC)
    )
    assert spring.start.astimezone(BERLIN).time() == time(3, 30)
    autumn = visit_window(date(2026, 10, 25), time(2, 30), 60, BERLIN)
    assert autumn.start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)


@given(
    st.sampled_from([DAILY, WEEKLY, MONTHLY]),
    st.integers(1, 5),
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.integers(1, 40),
    st.sets(st.integers(0, 400), max_size=5),
)
def test_count_visits_in_all_whatever_is_asked(
    frequency: Frequency, interval: int, start: date, count: int, skip_offsets: set[int]
) -> None:
    r = rec(start, frequency=frequency, interval=interval, count=count)
    everything = days_between(r, start, date(2000, 1, 1), date(2100, 1, 1))
    assert len(everything) == count
    assert everything == sorted(set(everything))
    assert everything[0] >= start
    skipped = {start + timedelta(days=n) for n in skip_offsets}
    kept = days_between(r, start, date(2000, 1, 1), date(2100, 1, 1), skipped)
    assert kept == [d for d in everything if d not in skipped]
    # Asking piecewise (round after round) gives the same days as asking once.
    middle = start + timedelta(days=100)
    assert (
        days_between(r, start, start, middle)
        + days_between(r, start, middle + timedelta(days=1), date(2100, 1, 1))
        == everything
    )


@given(st.dates(date(2024, 1, 1), date(2030, 12, 31)), st.integers(1, 31), st.integers(1, 3))
def test_monthly_visits_fall_on_the_day_or_the_months_last(
    start: date, month_day: int, interval: int
) -> None:
    r = rec(start, frequency=MONTHLY, month_day=month_day, interval=interval)
    days = next_days(r, start, start, 24)
    for day in days:
        next_month = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = (next_month - timedelta(days=1)).day
        assert day.day == min(month_day, last)
    # No month of the series is left out: consecutive visits are `interval` months apart.
    months = [d.year * 12 + d.month for d in days]
    assert all(b - a == interval for a, b in pairwise(months))
