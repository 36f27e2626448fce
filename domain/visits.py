"""A booked visit: a half-open UTC interval [start, end), so back-to-back visits never clash.

10:00-12:00 and 12:00-13:00 share only the instant 12:00, which belongs to the second alone;
a contractor can be booked for both. Every overlap test in the service uses `overlaps`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from domain.errors import invalid

MAX_VISIT = timedelta(hours=24)


class Interval(NamedTuple):
    """[start, end) in UTC."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Whether [a_start, a_end) and [b_start, b_end) share an instant (touching ends do not)."""
    return a_start < b_end and b_start < a_end


def check_visit_window(
    start: datetime | None, end: datetime | None, path: Sequence[str] = ("input",)
) -> Interval | None:
    """The visit as a UTC interval, or None for no visit; a bad window is INVALID.

    Both or neither: one end alone would leave the contractor's day half-booked. At most
    24 hours, so that a typo in the date cannot block a contractor for weeks.
    """
    start_field, end_field = (*path, "visitStart"), (*path, "visitEnd")
    if start is None and end is None:
        return None
    if end is None:
        raise invalid("Give the visit's end as well as its start", *end_field)
    if start is None:
        raise invalid("Give the visit's start as well as its end", *start_field)
    for value, field in ((start, start_field), (end, end_field)):
        if value.utcoffset() is None:
            raise invalid("Give the time with its offset from UTC", *field)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        raise invalid("The visit must end after it starts", *end_field)
    if end - start > MAX_VISIT:
        raise invalid("A visit lasts at most 24 hours", *end_field)
    return Interval(start, end)
