"""`freeSlots`: when a contractor is free between two instants.

Its own working hours (the company's when it has none), read in the company's time zone,
less its booked visits: every non-cancelled order of the contractor with a visit that
overlaps the range, whoever is responsible for it (the asker learns that the time is taken,
not by what). Three statements whatever the range: the contractor (its permission), the
company's zone and hours, the visits.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from domain.free_slots import check_range
from domain.free_slots import free_slots as free_time
from domain.visits import MAX_VISIT, Interval
from domain.working_hours import from_json
from models import Company, Order, OrderStatus
from permissions.actor import Actor
from permissions.scheduling import access_schedulable_contractor_by_id
from resolvers import validation


async def free_slots(
    actor: Actor, contractor_id: int, start: datetime, end: datetime, minutes: int, now: datetime
) -> list[Interval]:
    """The free slots of at least `minutes` in [start, end), soonest first, in UTC.

    INVALID for a range without offsets, empty, longer than 62 days or outside the years the
    service accepts, and for `minutes` outside 1..1440; NOT_FOUND for a contractor the actor
    may not ask about (permissions/scheduling.py).
    """
    start = validation.instant(start, now, "from", latest=validation.RANGE_END)
    end = validation.instant(end, now, "to", latest=validation.RANGE_END)
    check_range(start, end, minutes)
    contractor = await access_schedulable_contractor_by_id(actor, contractor_id)
    company = await Company.get(id=actor.company_id)
    # A visit lasts at most MAX_VISIT, so one that ends after `start` began after
    # start - MAX_VISIT: the bound keeps the (contractor, visit_start) index range short.
    visits = (
        await Order.filter(
            contractor_id=contractor.id,
            visit_start__lt=end,
            visit_start__gt=start - MAX_VISIT,
            visit_end__gt=start,
        )
        .exclude(status=OrderStatus.CANCELLED)
        .values_list("visit_start", "visit_end")
    )
    hours = from_json(contractor.working_hours) or from_json(company.working_hours)
    return free_time(
        hours=hours,
        zone=ZoneInfo(company.timezone),
        busy=[Interval(visit_start, visit_end) for visit_start, visit_end in visits],
        start=start,
        end=end,
        minutes=minutes,
    )
