"""domain.working_clock: N working minutes back from now, across a weekend, a lunch break,
a daylight-saving night, and never counting time outside the hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.free_slots import working_intervals
from domain.working_clock import working_cutoff, working_cutoffs
from domain.working_hours import WorkingInterval

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = [WorkingInterval(day, time(8), time(20)) for day in range(1, 6)]
SPLIT = [
    *(WorkingInterval(day, time(9), time(13)) for day in range(1, 6)),
    *(WorkingInterval(day, time(14), time(18)) for day in range(1, 6)),
]


def berlin(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def worked(hours: list[WorkingInterval], start: datetime, end: datetime) -> timedelta:
    return sum((p.length for p in working_intervals(hours, BERLIN, start, end)), timedelta())


def test_monday_morning_reaches_back_to_friday_evening() -> None:
    monday = berlin(2031, 1, 6, 8, 30)  # 30 minutes into the week
    assert working_cutoff(WEEKDAYS, BERLIN, monday, 30) == berlin(2031, 1, 6, 8)
    assert working_cutoff(WEEKDAYS, BERLIN, monday, 90) == berlin(2031, 1, 3, 19)
    # A weekend moment counts back from Friday's close.
    sunday = berlin(2031, 1, 5, 12)
    assert working_cutoff(WEEKDAYS, BERLIN, sunday, 60) == berlin(2031, 1, 3, 19)


def test_a_lunch_break_is_not_counted() -> None:
    afternoon = berlin(2031, 1, 7, 15)
    assert working_cutoff(SPLIT, BERLIN, afternoon, 90) == berlin(2031, 1, 7, 12, 30)


def test_empty_hours_mean_always() -> None:
    now = datetime(2031, 1, 5, 3, tzinfo=UTC)
    assert working_cutoff([], BERLIN, now, 45) == now - timedelta(minutes=45)
    assert working_cutoffs([], BERLIN, now, 45, 3) == [
        now - timedelta(minutes=45 * k) for k in (1, 2, 3)
    ]


def test_cutoffs_hold_exactly_k_steps_of_working_time_across_a_clock_change() -> None:
    now = berlin(2031, 4, 1, 10)  # the clocks went forward on 30 March
    cutoffs = working_cutoffs(WEEKDAYS, BERLIN, now, 500, 8)
    assert len(cutoffs) == 8
    for level, cutoff in enumerate(cutoffs, 1):
        assert cutoff == working_cutoff(WEEKDAYS, BERLIN, now, 500 * level)
        assert worked(WEEKDAYS, cutoff, now) == timedelta(minutes=500 * level)
        assert cutoff.astimezone(BERLIN).isoweekday() <= 5


def test_a_cutoff_beyond_the_horizon_is_none() -> None:
    sparse = [WorkingInterval(1, time(9), time(9, 1))]  # one minute a week
    now = berlin(2031, 1, 8, 12)
    assert working_cutoff(sparse, BERLIN, now, 2) is not None
    assert working_cutoff(sparse, BERLIN, now, 100_000) is None
    assert len(working_cutoffs(sparse, BERLIN, now, 100, 3)) == 1
