"""When a contractor is free: its working hours, in the company's zone, minus its visits.

Working hours are wall-clock times; each local day's interval is turned into UTC on its own
day, so 09:00-17:00 stays 8 hours of 09:00-17:00 local on both sides of a daylight-saving
change, and a whole local day is 23 or 25 hours long when the clocks move. A boundary the
clocks skip reads with the offset before the change (02:30 on the spring night is 03:30
summer time), one they repeat as its first occurrence, as a series' visit time does.
Everything else is UTC arithmetic on half-open intervals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.errors import invalid
from domain.visits import Interval, overlaps
from domain.working_hours import WorkingInterval

MAX_RANGE = timedelta(days=62)
MAX_MINUTES = 24 * 60


def check_range(start: datetime, end: datetime, minutes: int) -> None:
    """INVALID unless [start, end) is a non-empty range of at most 62 days with offsets,
    and 1 <= minutes <= 1440: bounds the work one question may ask for."""
    for value, name in ((start, "from"), (end, "to")):
        if value.utcoffset() is None:
            raise invalid("Give the time with its offset from UTC", name)
    if end <= start:
        raise invalid("The range must end after it starts", "to")
    if end - start > MAX_RANGE:
        raise invalid(f"Ask for at most {MAX_RANGE.days} days at a time", "to")
    if not 1 <= minutes <= MAX_MINUTES:
        raise invalid(f"A slot is 1 to {MAX_MINUTES} minutes long", "minutes")


def working_intervals(
    hours: Sequence[WorkingInterval], zone: ZoneInfo, start: datetime, end: datetime
) -> list[Interval]:
    """The working time within [start, end), in UTC, merged; empty hours = all of it."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if not hours:
        return [Interval(start, end)]
    by_weekday: dict[int, list[WorkingInterval]] = {}
    for interval in hours:
        by_weekday.setdefault(interval.weekday, []).append(interval)
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    pieces: list[Interval] = []
    while day <= last:
        for interval in by_weekday.get(day.isoweekday(), ()):
            piece_start = max(_utc(day, interval, zone, start=True), start)
            piece_end = min(_utc(day, interval, zone, start=False), end)
            if piece_start < piece_end:
                pieces.append(Interval(piece_start, piece_end))
        day += timedelta(days=1)
    return merge(pieces)


def _utc(day: date, interval: WorkingInterval, zone: ZoneInfo, *, start: bool) -> datetime:
    # fold=0 gives the module's rule for skipped and repeated wall times.
    local = datetime.combine(day, interval.start if start else interval.end, tzinfo=zone)
    return local.astimezone(UTC)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, with overlapping and touching intervals joined."""
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


def subtract(available: Sequence[Interval], busy: Iterable[Interval]) -> list[Interval]:
    """`available` (sorted, disjoint) less every busy interval."""
    taken = merge(busy)
    result: list[Interval] = []
    i = 0
    for piece in available:
        cursor = piece.start
        while i < len(taken) and taken[i].end <= cursor:
            i += 1
        j = i
        while j < len(taken) and taken[j].start < piece.end:
            if taken[j].start > cursor:
                result.append(Interval(cursor, taken[j].start))
            cursor = max(cursor, taken[j].end)
            j += 1
        if cursor < piece.end:
            result.append(Interval(cursor, piece.end))
    return result


def free_slots(
    *,
    hours: Sequence[WorkingInterval],
    zone: ZoneInfo,
    busy: Iterable[Interval],
    start: datetime,
    end: datetime,
    minutes: int,
) -> list[Interval]:
    """The free time in [start, end) as UTC slots of at least `minutes`, soonest first.

    `busy` are the contractor's booked visits (any order, may overlap each other); `hours`
    its own working hours, or the company's when it has none (the caller picks).
    """
    check_range(start, end, minutes)
    available = working_intervals(hours, zone, start, end)
    shortest = timedelta(minutes=minutes)
    return [slot for slot in subtract(available, busy) if slot.length >= shortest]


def is_free(
    *,
    hours: Sequence[WorkingInterval],
    zone: ZoneInfo,
    busy: Iterable[Interval],
    window: Interval,
) -> bool:
    """Whether the whole visit `window` lies in working hours and overlaps no busy visit
    (suggestContractors' "free"); back-to-back visits do not count as overlapping."""
    if working_intervals(hours, zone, window.start, window.end) != [window]:
        return False
    return not any(overlaps(b.start, b.end, window.start, window.end) for b in busy)
