"""Local times of day and weekly working hours, checked once on the way in.

Hours are stored as JSON, `[{"weekday": 1..7, "start": "HH:MM:SS", "end": "HH:MM:SS"}]`, in
the company's time zone (wall-clock, so a 09:00 start stays 09:00 across daylight saving);
an empty list means always working. Intervals are half-open like visits: 09:00-13:00 and
13:00-17:00 on one day are two shifts back to back, not an overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from itertools import pairwise
from typing import Protocol

from domain.errors import invalid

MAX_INTERVALS = 50
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")


@dataclass(frozen=True, order=True)
class WorkingInterval:
    """On ISO `weekday` (1 = Monday ... 7 = Sunday), from `start` to `end`, local time."""

    weekday: int
    start: time
    end: time


class HoursInput(Protocol):
    """What a WorkingHoursInput carries; its times may still be text."""

    @property
    def weekday(self) -> int: ...
    @property
    def start(self) -> time | str: ...
    @property
    def end(self) -> time | str: ...


def parse_time(text: str, *field: str) -> time:
    """ "HH:MM" or "HH:MM:SS", 00:00 to 23:59:59; anything else is INVALID with a clear word."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise invalid(f"{text!r} is not a time: use HH:MM or HH:MM:SS, e.g. 09:30", *field)
    hour, minute, second = (int(part or 0) for part in match.groups())
    if hour > 23:
        raise invalid(f"{text!r}: the hour must be 00 to 23", *field)
    if minute > 59:
        raise invalid(f"{text!r}: the minutes must be 00 to 59", *field)
    if second > 59:
        raise invalid(f"{text!r}: the seconds must be 00 to 59", *field)
    return time(hour, minute, second)


def format_time(value: time) -> str:
    """The stored form, "HH:MM:SS" (whole seconds: a sub-second start means nothing here)."""
    return value.replace(microsecond=0, tzinfo=None).isoformat()


def _as_time(value: time | str, *field: str) -> time:
    if isinstance(value, str):
        return parse_time(value, *field)
    if value.tzinfo is not None:
        raise invalid("Give a local time of day, without an offset", *field)
    return value.replace(microsecond=0)


def check_working_hours(entries: Sequence[HoursInput], *field: str) -> list[WorkingInterval]:
    """The hours sorted by weekday and start; INVALID names the entry and part at fault.

    An interval ends after it starts on the same day (a night shift is two entries, one each
    side of midnight), and no two intervals of one weekday overlap: the free slots and the
    escalation clock would otherwise count the shared time twice.
    """
    if len(entries) > MAX_INTERVALS:
        raise invalid(f"At most {MAX_INTERVALS} working-hour intervals", *field)
    intervals: list[tuple[WorkingInterval, int]] = []
    for index, entry in enumerate(entries):
        at = (*field, str(index))
        if not 1 <= entry.weekday <= 7:
            raise invalid("The weekday must be 1 (Monday) to 7 (Sunday)", *at, "weekday")
        start = _as_time(entry.start, *at, "start")
        end = _as_time(entry.end, *at, "end")
        if end <= start:
            raise invalid("Working hours must end after they start", *at, "end")
        intervals.append((WorkingInterval(entry.weekday, start, end), index))
    # Sorted by start, an interval that overlaps any later one overlaps the next one.
    intervals.sort()
    for (before, _), (after, index) in pairwise(intervals):
        if before.weekday == after.weekday and after.start < before.end:
            raise invalid(
                f"Working hours overlap on weekday {after.weekday}: "
                f"{format_time(before.start)}-{format_time(before.end)} and "
                f"{format_time(after.start)}-{format_time(after.end)}",
                *field,
                str(index),
                "start",
            )
    return [interval for interval, _ in intervals]


def to_json(intervals: Sequence[WorkingInterval]) -> list[dict[str, int | str]]:
    """The stored form of checked hours."""
    return [
        {"weekday": i.weekday, "start": format_time(i.start), "end": format_time(i.end)}
        for i in intervals
    ]


def from_json(stored: Sequence[Mapping[str, int | str]]) -> list[WorkingInterval]:
    """Hours as stored by `to_json` (trusted: they were checked on the way in)."""
    return [
        WorkingInterval(
            int(item["weekday"]),
            time.fromisoformat(str(item["start"])),
            time.fromisoformat(str(item["end"])),
        )
        for item in stored
    ]
