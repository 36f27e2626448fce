"""Counting time in working hours only: how far back from now lie N working minutes.

Escalations count an overdue order's or an unanswered message's age in the company's working
hours, so Friday 19:00 overdue with hours Mon-Fri 08-20 and a 120-minute escalation is due
Monday 09:00, not Friday 21:00. Rather than ask each row's age, the watch asks once per
company and level: "the latest moment that is N working minutes ago" (the cutoff); a row is
due when its start is at or before the cutoff, which the database can filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.free_slots import working_intervals
from domain.working_hours import WorkingInterval

STEP = timedelta(days=14)
# Beyond this nothing is counted: a cutoff further back than that says "not due yet".
HORIZON = timedelta(days=3 * 366)


def working_cutoff(
    hours: Sequence[WorkingInterval], zone: ZoneInfo, now: datetime, minutes: int
) -> datetime | None:
    """The latest instant T with exactly `minutes` of working time in [T, now); empty hours =
    always working (T = now - minutes). None when that lies beyond HORIZON."""
    need = timedelta(minutes=minutes)
    if not hours:
        return now - need
    end = now
    while now - end < HORIZON:
        start = end - STEP
        for piece in reversed(working_intervals(hours, zone, start, end)):
            if piece.length >= need:
                return piece.end - need
            need -= piece.length
        end = start
    return None


def working_cutoffs(
    hours: Sequence[WorkingInterval], zone: ZoneInfo, now: datetime, minutes: int, levels: int
) -> list[datetime]:
    """working_cutoff of 1, 2 .. `levels` times `minutes`, in one walk back (level k at index
    k - 1; shorter when a level lies beyond HORIZON)."""
    step = timedelta(minutes=minutes)
    if not hours:
        return [now - step * level for level in range(1, levels + 1)]
    cutoffs: list[datetime] = []
    need = step
    end = now
    while now - end < HORIZON:
        start = end - STEP
        for piece in reversed(working_intervals(hours, zone, start, end)):
            left = piece.end
            while left - piece.start >= need:
                left -= need
                cutoffs.append(left)
                if len(cutoffs) == levels:
                    return cutoffs
                need = step
            need -= left - piece.start
        end = start
    return cutoffs
