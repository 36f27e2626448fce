"""`TimeSlot`: a half-open UTC interval [start, end), shared by every field that answers with
times (a series' upcoming visits, a contractor's free slots)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain.visits import Interval


@strawberry.type
class TimeSlot:
    start: datetime
    end: datetime

    @classmethod
    def of(cls, interval: Interval) -> TimeSlot:
        return cls(start=interval.start, end=interval.end)
