"""Recurring series: making, changing, skipping a visit of and ending one, and listing them.

A series holds the terms of its orders; the orders themselves are made ahead by the round
(resolvers/series_round.py), which each change here runs at once for its series, so the
caller sees the orders it implies in its answer. A change applies from a day on: the orders
already made for that day and later follow it while still NEW or ASSIGNED (one IN_PROGRESS,
DONE or CANCELLED is history and keeps its terms).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.errors import invalid
from domain.recurrence import check_duration, check_recurrence
from domain.working_hours import format_time, parse_time
from models import Contact, Frequency, Order, OrderSeries, OrderSeriesSkip
from permissions.actor import Actor
from permissions.members import access_subtree_member_by_id
from permissions.series import (
    access_series_by_id,
    check_may_change_series,
    check_may_create_series,
    visible_series,
)
from realtime.outbox import publish
from resolvers import validation
from resolvers.orders import client_address, contractor_of, new_order_parties
from resolvers.pagination import Page, paginate
from resolvers.series_round import (
    OPEN,
    cancel_order,
    check_contractor_free,
    company_zone,
    follow_series,
    keep_days_before,
    local_today,
    make_orders,
    make_orders_until,
    series_days,
)

SORT = ("-created_at", "-id")
# Days a series may start before or after today: a typo in the year is refused.
START_RANGE_DAYS = 366 * 10
# How far ahead a change may take effect: the visits before it are made on the old terms.
FROM_DATE_DAYS = 366


@dataclass(frozen=True, slots=True)
class RecurrenceData:
    """A RecurrenceInput as given (domain.recurrence.check_recurrence checks it)."""

    frequency: Frequency
    interval: int | None = None
    weekdays: Sequence[int] | None = None
    month_day: int | None = None
    until: date | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class SeriesData:
    """Input of createOrderSeries/updateOrderSeries; `None` means "not given"."""

    client_id: int | None = None
    address_id: int | None = None
    title: str | None = None
    description: str | None = None
    responsible_id: int | None = None
    contractor_id: int | None = None
    price: Decimal | None = None
    contractor_fee: Decimal | None = None
    internal_note: str | None = None
    recurrence: RecurrenceData | None = None
    start_date: date | None = None
    # A Time scalar's value, or its text when the scalar leaves checking to us.
    visit_time: time | str | None = None
    duration_minutes: int | None = None


def _visit_time(value: time | str | None) -> str:
    field = ("input", "visitTime")
    if value is None:
        raise invalid("Give the visit's local start time", *field)
    if isinstance(value, str):
        return format_time(parse_time(value, *field))
    if value.tzinfo is not None:
        raise invalid("Give a local time of day, without an offset", *field)
    return format_time(value)


def _recurrence_columns(data: RecurrenceData | None, start: date) -> dict[str, Any]:
    if data is None:
        raise invalid("Give the recurrence", "input", "recurrence")
    checked = check_recurrence(data, start, "input", "recurrence")
    return {
        "frequency": checked.frequency,
        "interval": checked.interval,
        "weekdays": list(checked.weekdays),
        "month_day": checked.month_day,
        "until": checked.until,
        "count": checked.count,
    }


def _money(value: Decimal | None, field: str) -> Decimal | None:
    return validation.money(value, "input", field)


def _text_terms(data: SeriesData, given: set[str]) -> dict[str, Any]:
    """The terms given that need no lookup: words and money."""
    terms: dict[str, Any] = {}
    if "title" in given:
        terms["title"] = validation.required_name(data.title, 300, "input", "title")
    if "description" in given:
        text = validation.optional_text(data.description, 20000, "input", "description")
        terms["description"] = text or ""
    if "price" in given:
        terms["price"] = _money(data.price, "price")
    if "contractorFee" in given:
        terms["contractor_fee"] = _money(data.contractor_fee, "contractorFee")
    if "internalNote" in given:
        terms["internal_note"] = validation.optional_text(
            data.internal_note, 20000, "input", "internalNote"
        )
    return terms


async def create_series(
    actor: Actor, data: SeriesData, given: set[str], now: datetime, horizon_days: int
) -> OrderSeries:
    """A new series, by the order rules; its first orders are made before it is returned."""
    check_may_create_series(actor, given)
    zone = await company_zone(actor.company_id)
    today = local_today(zone, now)
    if data.start_date is None:
        raise invalid("Give the first day", "input", "startDate")
    if abs((data.start_date - today).days) > START_RANGE_DAYS:
        raise invalid("The first day must be within ten years of today", "input", "startDate")
    columns: dict[str, Any] = {
        **_text_terms(data, given | {"title"}),  # a title is required, given or not
        **_recurrence_columns(data.recurrence, data.start_date),
        "start_date": data.start_date,
        "visit_time": _visit_time(data.visit_time),
        "duration_minutes": data.duration_minutes,
    }
    _ = check_duration(data.duration_minutes or 0, "input", "durationMinutes")
    client, responsible = await new_order_parties(actor, data.client_id, data.responsible_id)
    address = await client_address(client, data.address_id)
    contractor = (
        None
        if data.contractor_id is None
        else await contractor_of(actor, data.contractor_id, ["input", "contractorId"])
    )
    series = OrderSeries(
        company_id=actor.company_id,
        client_id=client.id,
        address_id=address.id,
        contractor_id=contractor.id if contractor else None,
        responsible_id=responsible.id,
        created_by_id=actor.membership_id,
        **columns,
    )
    async with in_transaction():
        if contractor is not None:
            await check_contractor_free(series, zone, today, horizon_days, now)
        await series.save()
    _ = await make_orders(series, zone, now, horizon_days)
    return series


async def update_series(
    actor: Actor,
    series_id: int | None,
    data: SeriesData,
    given: set[str],
    from_date: date | None,
    now: datetime,
    horizon_days: int,
) -> OrderSeries:
    """Changes the series from `from_date` (default today) on; see the module's docstring."""
    series = await access_series_by_id(actor, series_id, ["id"])
    check_may_change_series(actor)
    if not series.active:
        raise invalid("This series has ended", "id")
    zone = await company_zone(actor.company_id)
    today = local_today(zone, now)
    first = today if from_date is None else from_date
    if (first - today).days > FROM_DATE_DAYS:
        raise invalid("A change takes effect within a year", "fromDate")
    changes = _text_terms(data, given)
    if "recurrence" in given:
        changes.update(_recurrence_columns(data.recurrence, series.start_date))
    if "visitTime" in given:
        changes["visit_time"] = _visit_time(data.visit_time)
    if "durationMinutes" in given:
        _ = check_duration(data.duration_minutes or 0, "input", "durationMinutes")
        changes["duration_minutes"] = data.duration_minutes
    if "addressId" in given:
        client = await Contact.get(id=series.client_id)
        changes["address_id"] = (await client_address(client, data.address_id)).id
    if "responsibleId" in given:
        member = await access_subtree_member_by_id(
            actor, data.responsible_id, field=["input", "responsibleId"]
        )
        changes["responsible_id"] = member.id
    if "contractorId" in given:
        changes["contractor_id"] = (
            None
            if data.contractor_id is None
            else (await contractor_of(actor, data.contractor_id, ["input", "contractorId"])).id
        )
    if not changes:
        return series
    # The days before fromDate keep the terms they had: their orders are made on them now.
    _ = await make_orders_until(series, zone, now, first - timedelta(days=1))
    _ = series.update_from_dict(changes)
    rebooked = series.contractor_id is not None and (
        "contractor_id" in changes or {"visit_time", "duration_minutes", "frequency"} & set(changes)
    )
    async with in_transaction():
        if rebooked:
            await check_contractor_free(series, zone, max(first, today), horizon_days, now)
        await series.save(update_fields=[*changes, "updated_at"])
        if "frequency" in changes:
            await keep_days_before(series, zone, now, first)
        published = await follow_series(series, zone, first, actor.membership_id, now)
    await publish(published)
    _ = await make_orders(series, zone, now, horizon_days)
    return series


async def skip_visit(actor: Actor, series_id: int | None, day: date, now: datetime) -> OrderSeries:
    """That day never gets an order; one already made is cancelled while NEW or ASSIGNED."""
    series = await access_series_by_id(actor, series_id, ["id"])
    check_may_change_series(actor)
    if day not in series_days(series, day, day):
        raise invalid(f"The series has no visit on {day.isoformat()}", "date")
    events = []
    async with in_transaction():
        _ = await OrderSeriesSkip.get_or_create(series_id=series.id, day=day)
        order = await Order.get_or_none(series_id=series.id, series_day=day, status__in=OPEN)
        if order is not None:
            event = await cancel_order(order, actor.membership_id, now)
            if event is not None:
                events.append(event)
    await publish(events)
    return series


async def end_series(
    actor: Actor, series_id: int | None, last_date: date | None, now: datetime
) -> OrderSeries:
    """No visits after `last_date` (default today): later NEW/ASSIGNED orders are cancelled."""
    series = await access_series_by_id(actor, series_id, ["id"])
    check_may_change_series(actor)
    last = (
        local_today(await company_zone(actor.company_id), now) if last_date is None else last_date
    )
    events = []
    async with in_transaction():
        series.active = False
        series.ended_at = now
        series.last_date = last
        await series.save(update_fields=["active", "ended_at", "last_date", "updated_at"])
        later = await Order.filter(
            series_id=series.id, series_day__gt=last, status__in=OPEN
        ).order_by("id")
        for order in later:
            event = await cancel_order(order, actor.membership_id, now)
            if event is not None:
                events.append(event)
    await publish(events)
    return series


async def list_series(
    actor: Actor,
    client_id: int | None,
    active: bool | None,
    first: int | None,
    after: str | None,
    relations: Sequence[str] = (),
) -> Page[OrderSeries]:
    """A page of the series the actor sees, newest first; `relations` joined in."""
    query = matching_series(actor, client_id, active)
    return await paginate(query, SORT, first, after, relations)


def matching_series(
    actor: Actor, client_id: int | None, active: bool | None
) -> QuerySet[OrderSeries]:
    """The list's rows, unordered (the compiled read pages the same queryset)."""
    query = visible_series(actor)
    if client_id is not None:
        query = query.filter(client_id=client_id)
    if active is not None:
        query = query.filter(active=active)
    return query
