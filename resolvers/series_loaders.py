"""Batch loads around series, one statement per batch whatever the number of series, and
a series' upcoming visits from what they load."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.functions import Count

from domain.recurrence import next_days
from domain.visits import Interval
from models import Order, OrderSeries, OrderSeriesSkip, OrderStatus
from permissions.actor import Actor
from permissions.orders import visible_orders
from permissions.series import visible_series
from resolvers.pagination import ParentPage, pages_per_parent
from resolvers.series_round import local_today, recurrence_of, window_of

SeriesOrdersKey = tuple[int, Actor, int | None, str | None]
ORDER_SORT = ("deadline", "id")


@dataclass(slots=True)
class Schedule:
    """What decides a series' next visits beyond its rule: skipped days, and the days whose
    order is made (its visit, or None when that order was cancelled)."""

    skipped: set[date] = field(default_factory=set)
    made: dict[date, Interval | None] = field(default_factory=dict)


def _recent(now: datetime) -> date:
    """No zone's today is before this day (UTC's yesterday)."""
    return now.astimezone(UTC).date() - timedelta(days=1)


async def schedules(series_ids: Sequence[int], now: datetime) -> list[Schedule]:
    """Two statements for any number of series: their skips and made orders from about today."""
    found: dict[int, Schedule] = defaultdict(Schedule)
    since = _recent(now)
    for skip in await OrderSeriesSkip.filter(series_id__in=series_ids, day__gte=since):
        found[skip.series_id].skipped.add(skip.day)
    made = await Order.filter(series_id__in=series_ids, series_day__gte=since).values_list(
        "series_id", "series_day", "status", "visit_start", "visit_end"
    )
    for series_id, day, status, start, end in made:
        visit = None
        if status != OrderStatus.CANCELLED and start is not None and end is not None:
            visit = Interval(start, end)
        found[series_id].made[day] = visit
    return [found[i] for i in series_ids]


async def schedules_at(keys: Sequence[tuple[int, datetime]]) -> list[Schedule]:
    """`schedules` for (series id, now) keys: one request (or one event) has one `now`, so
    this is one batch; a key per moment keeps loaders shared by an event's subscribers honest."""
    found: dict[tuple[int, datetime], Schedule] = {}
    for now in {now for _, now in keys}:
        ids = [series_id for series_id, at in keys if at == now]
        found.update(zip([(i, now) for i in ids], await schedules(ids, now), strict=True))
    return [found[key] for key in keys]


def upcoming_visits(
    series: OrderSeries, zone: ZoneInfo, now: datetime, first: int, schedule: Schedule
) -> list[Interval]:
    """The next `first` visits not yet over, soonest first: a made order's own visit (it may
    have been moved), else the rule's; skipped days and cancelled orders are no visits."""
    if first <= 0 or (not series.active and series.last_date is None):
        return []
    today = local_today(zone, now)
    # Cancelled orders and the visits of today already over take places in the list.
    limit = first + len(schedule.made) + 2
    days = next_days(recurrence_of(series), series.start_date, today, limit, schedule.skipped)
    visits: list[Interval] = []
    for day in days:
        if series.last_date is not None and day > series.last_date:
            break
        visit = schedule.made[day] if day in schedule.made else window_of(series, day, zone)
        if visit is not None and visit.end > now:
            visits.append(visit)
    return sorted(visits)[:first]


async def visible_series_by_id(keys: Sequence[tuple[int, Actor]]) -> list[OrderSeries | None]:
    """Series by id, each only if the actor of its key may see it."""
    found: dict[tuple[int, Actor], OrderSeries] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        found.update({(s.id, actor): s for s in await visible_series(actor).filter(id__in=ids)})
    return [found.get(key) for key in keys]


async def series_order_pages(keys: Sequence[SeriesOrdersKey]) -> list[ParentPage[Order]]:
    """Each series' orders that the key's actor sees, by visit (deadline = visit end)."""
    results: dict[SeriesOrdersKey, ParentPage[Order]] = {}
    for rest in {key[1:] for key in keys}:
        actor, first, after = rest
        parents = [key[0] for key in keys if key[1:] == rest]
        query = visible_orders(actor).filter(series_id__in=parents)
        pages = await pages_per_parent(query, "series_id", ORDER_SORT, first, after)
        for parent in parents:
            results[(parent, *rest)] = pages.get(parent, ParentPage([], [], False))
    return [results[key] for key in keys]


async def series_order_counts(keys: Sequence[tuple[int, Actor]]) -> list[int]:
    counts: dict[tuple[int, Actor], int] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        rows = (
            await visible_orders(actor)
            .filter(series_id__in=ids)
            .annotate(n=Count("id"))
            .group_by("series_id")
            .values_list("series_id", "n")
        )
        counts.update({(series_id, actor): n for series_id, n in rows})
    return [counts.get(key, 0) for key in keys]
