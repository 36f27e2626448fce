"""The series round: each visit's order made ahead, once, however many processes run it.

Every process runs a round every few minutes (SERIES_ROUND_SECONDS), and each change to a
series runs it at once for that series. A round looks at the active series not yet made up
to the horizon (today + SERIES_HORIZON_DAYS in the company's zone) and makes the order of each
visit day in [today, horizon] that has none: an ordinary order (number from the company's
counter, history, CREATED event and its notifications) through resolvers.orders.insert_order,
with its visit, the visit's end as its deadline, and `series`/`series_day` set. The unique key
(series, series_day) on orders is the claim: two rounds making the same day at once both try,
the second insert fails on the key and rolls back with its order number, and that day counts
as made. Skipped days (OrderSeriesSkip) and days after an ended series' last day are never
made.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode
from domain.recurrence import Recurrence, days_between, visit_window
from domain.visits import Interval, overlaps
from models import (
    Address,
    Channel,
    Company,
    Contact,
    Membership,
    Order,
    OrderEvent,
    OrderEventKind,
    OrderSeries,
    OrderSeriesSkip,
    OrderStatus,
    OrderStatusChange,
)
from realtime.outbox import publish
from resolvers import events, notifications
from resolvers.orders import insert_order
from resolvers.visits import contractor_visits, lock_contractor

log = logging.getLogger("servicedesk.series")

OPEN = (OrderStatus.NEW, OrderStatus.ASSIGNED)  # a made order still follows its series
BATCH = 100


def recurrence_of(series: OrderSeries) -> Recurrence:
    return Recurrence(
        frequency=series.frequency,
        interval=series.interval,
        weekdays=tuple(series.weekdays),
        month_day=series.month_day,
        until=series.until,
        count=series.count,
    )


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # checked when set; a removed zone reads UTC
        return ZoneInfo("UTC")


async def company_zone(company_id: int) -> ZoneInfo:
    company = await Company.get(id=company_id)
    return zone_of(company.timezone)


def local_today(zone: ZoneInfo, now: datetime) -> date:
    return now.astimezone(zone).date()


def series_days(
    series: OrderSeries, first: date, last: date, skipped: Collection[date] = frozenset()
) -> list[date]:
    """The series' visit days in [first, last], up to an ended series' last day."""
    if series.last_date is not None:
        last = min(last, series.last_date)
    if last < first:
        return []
    return days_between(recurrence_of(series), series.start_date, first, last, skipped)


def window_of(series: OrderSeries, day: date, zone: ZoneInfo) -> Interval:
    start = time.fromisoformat(series.visit_time)
    return visit_window(day, start, series.duration_minutes, zone)


async def skipped_days(series: OrderSeries, first: date) -> set[date]:
    skips = await OrderSeriesSkip.filter(series_id=series.id, day__gte=first)
    return {skip.day for skip in skips}


async def check_contractor_free(
    series: OrderSeries, zone: ZoneInfo, first: date, horizon_days: int, now: datetime
) -> None:
    """CONFLICT naming the first visit of the series (from `first` to the horizon) that
    overlaps another booked, non-cancelled visit of its contractor; its own orders aside.

    Call it inside the transaction that stores the series: it first locks the contractor's
    row as a one-off booking does (resolvers/visits.py), so a booking made meanwhile waits
    for this transaction and one made before is seen."""
    if series.contractor_id is None:
        return
    await lock_contractor(series.contractor_id)
    skipped = await skipped_days(series, first) if series.id else set()
    days = series_days(series, first, first + timedelta(days=horizon_days), skipped)
    windows = [(day, w) for day in days if (w := window_of(series, day, zone)).end > now]
    if not windows:
        return
    others = contractor_visits(
        series.company_id, series.contractor_id, windows[0][1].start, windows[-1][1].end
    )
    if series.id:
        others = others.filter(Q(series_id__isnull=True) | Q(series_id__not=series.id))
    booked = await others.order_by("visit_start").values_list("number", "visit_start", "visit_end")
    for day, window in windows:
        for number, start, end in booked:
            if overlaps(window.start, window.end, start, end):
                raise DomainError(
                    ErrorCode.CONFLICT,
                    f"The contractor is booked for order {number} at the visit of "
                    f"{day.isoformat()}",
                    ["input", "contractorId"],
                )


async def make_orders(series: OrderSeries, zone: ZoneInfo, now: datetime, horizon_days: int) -> int:
    """Make the series' missing orders from today to the horizon; how many this call made.
    A halted series (see `_halted`) makes none and keeps its horizon, so a restore resumes."""
    if await _halted(series):
        return 0
    today = local_today(zone, now)
    horizon = today + timedelta(days=horizon_days)
    made = await _make_until(series, zone, now, horizon)
    _ = await OrderSeries.filter(
        Q(made_until__isnull=True) | Q(made_until__lt=horizon), id=series.id
    ).update(made_until=horizon)
    return made


async def make_orders_until(series: OrderSeries, zone: ZoneInfo, now: datetime, last: date) -> int:
    """Make the series' missing orders from today to `last`, on its terms as they are now."""
    if await _halted(series):
        return 0
    return await _make_until(series, zone, now, last)


async def _make_until(series: OrderSeries, zone: ZoneInfo, now: datetime, last: date) -> int:
    if not series.active and series.last_date is None:
        return 0
    today = local_today(zone, now)
    skipped = await skipped_days(series, today)
    made = set(
        await Order.filter(
            series_id=series.id, series_day__gte=today, series_day__lte=last
        ).values_list("series_day", flat=True)
    )
    responsible = await Membership.get(id=series.responsible_id)
    published: list[OrderEvent] = []
    for day in series_days(series, today, last, skipped):
        window = window_of(series, day, zone)
        if day in made or window.end <= now:
            continue
        try:
            async with in_transaction():
                _, event = await insert_order(
                    series.company_id,
                    None,
                    responsible,
                    **_order_terms(series, window),
                    source=Channel.STAFF,
                    client_id=series.client_id,
                    series_id=series.id,
                    series_day=day,
                )
        except IntegrityError:
            continue  # another round made this day meanwhile: the unique key is the claim
        published.append(event)
    await publish(published)
    return len(published)


async def _halted(series: OrderSeries) -> bool:
    """An archived client, contractor or address takes no new orders, so its series makes
    none while it stays archived; the orders already made are left as they are."""
    contacts = [series.client_id, *([series.contractor_id] if series.contractor_id else [])]
    archived = Contact.filter(id__in=contacts, archived=True)
    return await archived.exists() or await Address.exists(id=series.address_id, archived=True)


async def keep_days_before(series: OrderSeries, zone: ZoneInfo, now: datetime, first: date) -> None:
    """Before the series' rule changes from `first` on: the days from today to the day
    before `first` keep the rule they had. Inside the change's transaction, with the new
    rule in `series`: a day the new rule adds there, with no order, becomes a skipped day;
    the old rule's days there were made beforehand (`make_orders_until`)."""
    today = local_today(zone, now)
    if first <= today:
        return
    last = first - timedelta(days=1)
    made = set(
        await Order.filter(
            series_id=series.id, series_day__gte=today, series_day__lte=last
        ).values_list("series_day", flat=True)
    )
    added = [day for day in series_days(series, today, last) if day not in made]
    known = await skipped_days(series, today)
    await OrderSeriesSkip.bulk_create(
        [OrderSeriesSkip(series_id=series.id, day=day) for day in added if day not in known]
    )


def _order_terms(series: OrderSeries, window: Interval) -> dict[str, Any]:
    """What a made order takes from its series and its visit."""
    return {
        "title": series.title,
        "description": series.description,
        "address_id": series.address_id,
        "contractor_id": series.contractor_id,
        "price": series.price,
        "contractor_fee": series.contractor_fee,
        "internal_note": series.internal_note,
        "visit_start": window.start,
        "visit_end": window.end,
        "deadline": window.end,
    }


async def cancel_order(order: Order, by_id: int | None, now: datetime) -> OrderEvent | None:
    """Cancel a made order still NEW or ASSIGNED; inside the caller's transaction. None when
    it moved on meanwhile (someone started it): then it keeps its status."""
    updated = await Order.filter(id=order.id, status=order.status).update(
        status=OrderStatus.CANCELLED, cancelled_at=now, updated_at=now
    )
    if not updated:
        return None
    _ = await OrderStatusChange.create(
        order_id=order.id, from_status=order.status, to_status=OrderStatus.CANCELLED, by_id=by_id
    )
    order.status, order.cancelled_at = OrderStatus.CANCELLED, now
    return await events.record(order, OrderEventKind.STATUS_CHANGED, by_id)


async def follow_series(
    series: OrderSeries, zone: ZoneInfo, first: date, by_id: int | None, now: datetime
) -> list[OrderEvent]:
    """The series' made orders from `first` on that are NEW or ASSIGNED take its current
    terms; one whose day the series no longer visits is cancelled. Inside the caller's
    transaction; returns the events to publish after commit."""
    orders = list(
        await Order.filter(series_id=series.id, series_day__gte=first, status__in=OPEN).order_by(
            "series_day"
        )
    )
    if not orders:
        return []
    last = max(o.series_day for o in orders if o.series_day is not None)
    days = set(series_days(series, first, last, await skipped_days(series, first)))
    responsible = await Membership.get(id=series.responsible_id)
    published: list[OrderEvent] = []
    for order in orders:
        assert order.series_day is not None
        if order.series_day not in days:
            event = await cancel_order(order, by_id, now)
        else:
            window = window_of(series, order.series_day, zone)
            event = await _follow(order, series, window, by_id, responsible)
        if event is not None:
            published.append(event)
    return published


async def _follow(
    order: Order,
    series: OrderSeries,
    window: Interval,
    by_id: int | None,
    responsible: Membership,
) -> OrderEvent | None:
    terms = _order_terms(series, window)
    terms["responsible_id"] = series.responsible_id
    changed = [name for name, value in terms.items() if getattr(order, name) != value]
    status = OrderStatus.NEW if series.contractor_id is None else OrderStatus.ASSIGNED
    if status != order.status:
        changed.append("status")
    if not changed:
        return None
    before = order.status
    _ = order.update_from_dict({**terms, "status": status})
    await order.save(update_fields=[*changed, "updated_at"])
    if status != before:
        _ = await OrderStatusChange.create(
            order_id=order.id, from_status=before, to_status=status, by_id=by_id
        )
    kind = (
        OrderEventKind.ASSIGNED
        if "contractor_id" in changed and order.contractor_id is not None
        else OrderEventKind.UPDATED
    )
    event = await events.record(order, kind, by_id, responsible=responsible)
    if "visit_start" in changed and kind == OrderEventKind.UPDATED:
        # A moved visit tells the client and the contractor, as updateOrder's move does.
        await notifications.on_visit_moved(order, event)
    return event


async def run_round(now: datetime, horizon_days: int) -> int:
    """One round over every active series behind its horizon; the orders it made."""
    # Any zone's today is at most a day ahead of UTC's: a series made up to this day is done.
    done_until = now.astimezone(UTC).date() + timedelta(days=horizon_days + 1)
    yesterday = now.astimezone(UTC).date() - timedelta(days=1)
    made, after = 0, 0
    while True:
        batch: Sequence[OrderSeries] = (
            await OrderSeries.filter(
                Q(made_until__isnull=True) | Q(made_until__lt=done_until),
                # An ended series still visits up to its last day.
                Q(active=True) | Q(last_date__gte=yesterday),
                id__gt=after,
            )
            .order_by("id")
            .limit(BATCH)
        )
        zones = {
            c.id: zone_of(c.timezone)
            for c in await Company.filter(id__in={s.company_id for s in batch})
        }
        for series in batch:
            zone = zones[series.company_id]
            horizon = local_today(zone, now) + timedelta(days=horizon_days)
            if series.last_date is not None:
                horizon = min(horizon, series.last_date)
            if series.made_until is not None and series.made_until >= horizon:
                continue
            try:
                made += await make_orders(series, zone, now, horizon_days)
            except Exception:  # one broken series must not stop the others
                log.exception("series %s: making its orders failed", series.id)
        if len(batch) < BATCH:
            return made
        after = batch[-1].id


async def make_series_orders(series_id: int, now: datetime, horizon_days: int) -> int:
    """The round for one series (after a change to it, or from a test's own clock)."""
    series = await OrderSeries.get(id=series_id)
    return await make_orders(series, await company_zone(series.company_id), now, horizon_days)
