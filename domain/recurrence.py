"""When a series visits: its recurrence checked, expanded into local days, and timed.

The days come from python-dateutil's `rrule` (RFC 5545) rather than date arithmetic by hand.
A series works in local days; each day's visit instant is its wall-clock `visit_time` in the
company's zone, so a weekly 09:00 stays 09:00 across daylight saving. A skipped day still
counts toward `count` (RFC 5545's EXDATE): skipping a visit never adds one at the end.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MO, MONTHLY, WEEKLY, rrule, weekday

from domain.errors import invalid
from domain.visits import Interval
from models.series import Frequency

MAX_INTERVAL = 366
MAX_COUNT = 1000
MAX_DURATION_MINUTES = 24 * 60
_FREQ: dict[Frequency, Literal[1, 2, 3]] = {
    Frequency.DAILY: DAILY,
    Frequency.WEEKLY: WEEKLY,
    Frequency.MONTHLY: MONTHLY,
}
_WEEKDAYS = tuple(weekday(n) for n in range(7))  # rrule's MO..SU


@dataclass(frozen=True)
class Recurrence:
    """A checked recurrence: weekdays (ISO 1..7) only for WEEKLY, month_day only for MONTHLY."""

    frequency: Frequency
    interval: int = 1
    weekdays: tuple[int, ...] = field(default=())
    month_day: int | None = None
    until: date | None = None
    count: int | None = None


class RecurrenceInput(Protocol):
    """What a RecurrenceInput carries before it is checked."""

    @property
    def frequency(self) -> Frequency: ...
    @property
    def interval(self) -> int | None: ...
    @property
    def weekdays(self) -> Sequence[int] | None: ...
    @property
    def month_day(self) -> int | None: ...
    @property
    def until(self) -> date | None: ...
    @property
    def count(self) -> int | None: ...


def check_recurrence(value: RecurrenceInput, start_date: date, *path: str) -> Recurrence:
    """The recurrence with its defaults filled in; INVALID names the part at fault.

    A WEEKLY series without weekdays visits on the start date's weekday, a MONTHLY one on
    its day of the month (RFC 5545 takes them from DTSTART the same way).
    """
    frequency = Frequency(value.frequency)
    interval = 1 if value.interval is None else value.interval
    if not 1 <= interval <= MAX_INTERVAL:
        raise invalid(f"The interval must be 1 to {MAX_INTERVAL}", *path, "interval")
    weekdays: tuple[int, ...] = ()
    if value.weekdays:
        if frequency is not Frequency.WEEKLY:
            raise invalid("Weekdays are for a WEEKLY series", *path, "weekdays")
        if any(not 1 <= day <= 7 for day in value.weekdays):
            raise invalid("A weekday is 1 (Monday) to 7 (Sunday)", *path, "weekdays")
        weekdays = tuple(sorted(set(value.weekdays)))
    elif frequency is Frequency.WEEKLY:
        weekdays = (start_date.isoweekday(),)
    month_day: int | None = None
    if value.month_day is not None:
        if frequency is not Frequency.MONTHLY:
            raise invalid("A day of the month is for a MONTHLY series", *path, "monthDay")
        if not 1 <= value.month_day <= 31:
            raise invalid("The day of the month must be 1 to 31", *path, "monthDay")
        month_day = value.month_day
    elif frequency is Frequency.MONTHLY:
        month_day = start_date.day
    if value.until is not None and value.count is not None:
        raise invalid("Give an end date or a number of visits, not both", *path, "count")
    if value.until is not None and value.until < start_date:
        raise invalid("The end date cannot be before the start date", *path, "until")
    if value.count is not None and not 1 <= value.count <= MAX_COUNT:
        raise invalid(f"The number of visits must be 1 to {MAX_COUNT}", *path, "count")
    return Recurrence(frequency, interval, weekdays, month_day, value.until, value.count)


def check_duration(minutes: int, *field: str) -> timedelta:
    """A visit of 1 minute to 24 hours."""
    if not 1 <= minutes <= MAX_DURATION_MINUTES:
        raise invalid(f"A visit lasts 1 to {MAX_DURATION_MINUTES} minutes", *field)
    return timedelta(minutes=minutes)


def _rule(recurrence: Recurrence, start_date: date) -> rrule:
    by_month_day: int | tuple[int, ...] | None = None
    by_set_pos: int | None = None
    if recurrence.month_day is not None:
        # bymonthday=31 alone skips the months without a 31st; the last of 28..31 that the
        # month has is its last day, or the asked day when every month has it.
        if recurrence.month_day <= 28:
            by_month_day = recurrence.month_day
        else:
            by_month_day, by_set_pos = tuple(range(28, recurrence.month_day + 1)), -1
    return rrule(
        _FREQ[recurrence.frequency],
        dtstart=datetime.combine(start_date, time()),
        interval=recurrence.interval,
        byweekday=[_WEEKDAYS[d - 1] for d in recurrence.weekdays] or None,
        bymonthday=by_month_day,
        bysetpos=by_set_pos,
        until=datetime.combine(recurrence.until, time()) if recurrence.until else None,
        count=recurrence.count,
        wkst=MO,  # "every 2 weeks" counts weeks from Monday, whatever the process's calendar
        cache=False,
    )


def _days(
    recurrence: Recurrence, start_date: date, first: date, skipped: Collection[date]
) -> Iterator[date]:
    """The series' days from `first` on, soonest first, less the skipped ones."""
    after = datetime.combine(max(first, start_date), time())
    for moment in _rule(recurrence, start_date).xafter(after, inc=True):
        day = moment.date()
        if day not in skipped:
            yield day


def days_between(
    recurrence: Recurrence,
    start_date: date,
    first: date,
    last: date,
    skipped: Collection[date] = frozenset(),
) -> list[date]:
    """The series' visit days in [first, last], both included, less the skipped ones."""
    result: list[date] = []
    for day in _days(recurrence, start_date, first, skipped):
        if day > last:
            break
        result.append(day)
    return result


def next_days(
    recurrence: Recurrence,
    start_date: date,
    first: date,
    limit: int,
    skipped: Collection[date] = frozenset(),
) -> list[date]:
    """At most `limit` visit days from `first` on (an open-ended series never runs out)."""
    return list(islice(_days(recurrence, start_date, first, skipped), limit))


def visit_window(day: date, visit_time: time, minutes: int, zone: ZoneInfo) -> Interval:
    """The visit of a local day, in UTC: `visit_time` on the wall clock, lasting `minutes`.

    A time the clocks skip (02:30 on a spring-forward night) reads with the offset before
    the change, so the visit moves forward by the gap (03:30 summer time); a time they
    repeat is its first occurrence (zoneinfo's fold=0, as RFC 5545 says).
    """
    start = datetime.combine(day, visit_time.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)
    return Interval(start, start + timedelta(minutes=minutes))
