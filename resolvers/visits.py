"""Booked visits of orders: the window a client sends, the contractor's double booking, and
the day's schedule in visit order.

Two bookings of one contractor for overlapping windows must not both succeed, however close
together they come. Each booking therefore locks the contractor's contact row first in its
transaction and only then looks for a clashing visit: a second booking waits for the first
to commit and then sees its visit. The lock is `FOR NO KEY UPDATE`, which does not conflict
with the key-share lock that inserting any order pointing at the contractor takes; a plain
`FOR UPDATE` would, and an order insert that already holds the company's order counter would
deadlock with a booking waiting for that counter. SQLite runs one transaction at a time, so
there the check alone is enough. Whoever books takes the contractor's lock before any counter;
a change of an existing order's contractor or visit locks the order's row before that.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from domain.errors import DomainError, ErrorCode, invalid
from domain.visits import Interval, check_visit_window
from models import Contact, Order, OrderStatus
from resolvers import validation
from resolvers.notification_texts import when
from resolvers.pagination import Page, page_size


def visit_window(
    start: datetime | None, end: datetime | None, now: datetime, path: Sequence[str]
) -> Interval | None:
    """The visit as a UTC interval (both or neither, end after start, at most 24 h), each end
    within the dates the service accepts; None for no visit."""
    window = check_visit_window(start, end, tuple(path))
    if window is None:
        return None
    return Interval(
        validation.instant(window.start, now, *path, "visitStart"),
        validation.instant(window.end, now, *path, "visitEnd"),
    )


def visit_of(order: Order) -> Interval | None:
    if order.visit_start is None or order.visit_end is None:
        return None
    return Interval(order.visit_start, order.visit_end)


@dataclass(frozen=True, slots=True)
class Booking:
    """A contractor's visit to check against its other visits, inside the booking's
    transaction; `order_id` is the order being booked (its own old visit never clashes)."""

    company_id: int
    contractor_id: int
    window: Interval
    order_id: int | None
    field: tuple[str, ...]


def booking(
    company_id: int,
    contractor_id: int | None,
    window: Interval | None,
    order_id: int | None,
    *,
    status: OrderStatus | None = None,
    allow_overlap: bool,
    field: Sequence[str],
) -> Booking | None:
    """What to check when a contractor gets a visit; None when there is nothing to check
    (no contractor, no visit, the overlap allowed, or a cancelled order, which books no one)."""
    if contractor_id is None or window is None or allow_overlap:
        return None
    if status == OrderStatus.CANCELLED:
        return None
    return Booking(company_id, contractor_id, window, order_id, tuple(field))


def visit_change(
    order: Order, window: Interval | None, *, deadline_given: bool, allow_overlap: bool
) -> tuple[dict[str, Any], Booking | None]:
    """The order's changes for a new `window`, and the contractor's booking to check.

    A deadline equal to the visit's end is the visit's: it moves with the visit unless a
    deadline is given; any other deadline was set for itself and stays. Removing the visit
    keeps the deadline, so no order is ever without one.
    """
    before = visit_of(order)
    if window == before:
        return {}, None
    changes: dict[str, Any] = {
        "visit_start": window.start if window else None,
        "visit_end": window.end if window else None,
    }
    follows = before is not None and order.deadline == before.end and not deadline_given
    if window is not None and follows:
        changes["deadline"] = window.end
    wanted = booking(
        order.company_id,
        order.contractor_id,
        window,
        order.id,
        status=order.status,
        allow_overlap=allow_overlap,
        field=["input", "visitStart"],
    )
    return changes, wanted


async def lock_contractor(contractor_id: int) -> None:
    """Every booking of the contractor (a one-off visit, a series' visits) takes this lock
    first in its transaction, so two cannot check against each other's absence."""
    # A model query: Tortoise's values() and values_list() leave FOR UPDATE out.
    _ = await Contact.filter(id=contractor_id).select_for_update(no_key=True).only("id")


def contractor_visits(
    company_id: int, contractor_id: int, start: datetime, end: datetime
) -> QuerySet[Order]:
    """The contractor's orders, not cancelled, whose visit overlaps [start, end)."""
    return Order.filter(
        company_id=company_id,
        contractor_id=contractor_id,
        visit_start__lt=end,
        visit_end__gt=start,
    ).exclude(status=OrderStatus.CANCELLED)


async def hold(wanted: Booking | None) -> None:
    """Lock the contractor, then refuse the booking with CONFLICT naming the first order of
    the contractor's that is not cancelled and whose visit overlaps the window ([start, end):
    a visit ending at 12:00 and one starting at 12:00 do not clash). Call it first inside the
    transaction that stores the visit: two statements."""
    if wanted is None:
        return
    await lock_contractor(wanted.contractor_id)
    window = wanted.window
    clashes = contractor_visits(
        wanted.company_id, wanted.contractor_id, window.start, window.end
    ).order_by("visit_start", "id")
    if wanted.order_id is not None:
        clashes = clashes.exclude(id=wanted.order_id)
    clash = await clashes.first().values("number", "visit_start", "visit_end")
    if clash is None:
        return
    start, end = clash["visit_start"], clash["visit_end"]
    raise DomainError(
        ErrorCode.CONFLICT,
        f"The contractor is booked for order #{clash['number']} "
        f"from {when(start)} to {when(end)}; allow the overlap to book it anyway",
        wanted.field,
    )


async def hold_order(order_id: int, contractor_id: int | None, visit: Interval | None) -> None:
    """Lock the order's row, then make sure its contractor and visit are still those the
    request read (else CONFLICT): an assignment and a visit move both take this lock before
    the contractor's, so neither checks a booking against what the other is changing."""
    row = (
        await Order.filter(id=order_id)
        .select_for_update(no_key=True)
        .only("id", "contractor_id", "visit_start", "visit_end")
        .first()
    )
    if row is None or (row.contractor_id, visit_of(row)) != (contractor_id, visit):
        raise DomainError(
            ErrorCode.CONFLICT, "The order changed meanwhile; reload it and try again"
        )


def overlapping(
    query: QuerySet[Order], start: datetime | None, end: datetime | None, now: datetime
) -> QuerySet[Order]:
    """Orders whose visit overlaps [start, end); either bound may be open."""
    if start is not None:
        start = validation.instant(start, now, "filter", "visitFrom", latest=validation.RANGE_END)
        query = query.filter(visit_end__gt=start)
    if end is not None:
        end = validation.instant(end, now, "filter", "visitTo", latest=validation.RANGE_END)
        if start is not None and end <= start:
            raise invalid("visitTo must be after visitFrom", "filter", "visitTo")
        query = query.filter(visit_start__lt=end)
    return query


# The visit order: booked visits by start (then id), then the orders without a visit by id.
# Keyset pagination needs keys without NULLs, and databases disagree on where NULL sorts, so a
# page reads the booked part first and, when it is not full, the rest: one statement for a
# page inside either part, two for the page that crosses from one to the other.


def _cursor(order: Order) -> str:
    start = None if order.visit_start is None else order.visit_start.isoformat()
    raw = json.dumps([start, order.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _position(cursor: str) -> tuple[datetime | None, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        start, order_id = json.loads(raw)
        if type(order_id) is not int or not 0 < order_id < 2**31:
            raise ValueError
        if start is None:
            return None, order_id
        if not isinstance(start, str):
            raise ValueError
        moment = datetime.fromisoformat(start)
        if moment.utcoffset() is None:
            raise ValueError
        return moment, order_id
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError):
        raise invalid("Malformed cursor", "after") from None


async def visit_page(
    query: QuerySet[Order],
    first: int | None,
    after: str | None,
    relations: Sequence[str] = (),
    *,
    booked_only: bool = False,
) -> Page[Order]:
    """A page of `query` in visit order; `booked_only` when the filter already leaves out
    the orders without a visit (a visit range), which spares the second statement."""
    size = page_size(first)
    start, last_id = (None, 0) if after is None else _position(after)
    rows: list[Order] = []
    if size and (after is None or start is not None):
        booked = query.filter(visit_start__not_isnull=True)
        if start is not None:
            booked = booked.filter(Q(visit_start__gt=start) | Q(visit_start=start, id__gt=last_id))
        page = booked.select_related(*relations) if relations else booked
        rows = list(await page.order_by("visit_start", "id").limit(size + 1))
    if size and len(rows) <= size and not booked_only:
        rest = query.filter(visit_start__isnull=True)
        if after is not None and start is None:
            rest = rest.filter(id__gt=last_id)
        page = rest.select_related(*relations) if relations else rest
        rows += list(await page.order_by("id").limit(size + 1 - len(rows)))
    has_next = len(rows) > size
    rows = rows[:size]

    async def count() -> int:
        return await query.count()

    return Page(rows, [_cursor(row) for row in rows], has_next, bool(after), count)
