"""The demo company's calendar: its time zone and working hours, the visit booked for
tomorrow and Romashka's regular work, as data and as the resolver calls that make them.

Dates are relative to the day the demo runs, in the company's zone: "tomorrow" is the next
day in Moscow. Romashka's weekly cleaning starts the day after tomorrow, so its 09:00-11:00
visits never clash with Sergey's visit of tomorrow, whatever weekday tomorrow is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from models import Address, Contact, Frequency, Order
from permissions.actor import Actor
from resolvers import company_settings
from resolvers import series as series_resolvers
from resolvers.company_settings import CompanySettings
from resolvers.series import RecurrenceData, SeriesData
from servicedesk.devtools import demo_data as d

TIME_ZONE = "Europe/Moscow"
ZONE = ZoneInfo(TIME_ZONE)
WEEKDAYS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Hours:
    """One working interval as a WorkingHoursInput carries it: ISO weekday, local times."""

    weekday: int
    start: str
    end: str


def hours(days: tuple[int, ...], start: str, end: str) -> list[Hours]:
    return [Hours(day, start, end) for day in days]


COMPANY_HOURS = [*hours(WEEKDAYS, "08:00", "20:00"), *hours((6,), "10:00", "16:00")]

# "Kitchen deep clean" is two days overdue: at least 6 working hours (a weekend holds
# Saturday's), so the demo's escalation round tells Gleb's manager of it.
ESCALATION_MINUTES = 240

# The visit booked for tomorrow, local time: the outside panes of "Window washing" (order 3),
# which the rain put off.
VISIT_ORDER = "Window washing"
VISIT = ("10:00", "12:00")


@dataclass(frozen=True)
class DemoSeries:
    title: str
    description: str
    contractor: str  # a contractor's name
    frequency: Frequency
    visit_time: str
    minutes: int
    price: int
    fee: int
    starts_in_days: int  # the first day, from today in the company's zone
    weekdays: tuple[int, ...] = ()
    month_day: int | None = None
    client: str = "Romashka LLC"
    address: str = "Office"
    creator: str = d.GLEB  # it becomes the responsible member


SERIES = [
    DemoSeries(
        "Office cleaning",
        "Floors, desks and kitchen; the bins out.",
        "Sergey Cleaner",
        Frequency.WEEKLY,
        "09:00",
        120,
        9000,
        5400,
        starts_in_days=2,
        weekdays=(1, 4),
    ),
    # The 31st: a shorter month's visit falls on its last day (the 30th, the 28th or 29th).
    DemoSeries(
        "Monthly window washing",
        "All windows of floor 4, inside and out.",
        "FixIt Team",
        Frequency.MONTHLY,
        "10:00",
        180,
        7000,
        4200,
        starts_in_days=0,
        month_day=31,
    ),
]


def local_today(now: datetime) -> date:
    return now.astimezone(ZONE).date()


def tomorrow(now: datetime) -> date:
    return local_today(now) + timedelta(days=1)


def at(day: date, clock: str) -> datetime:
    """`clock` on `day` in the company's zone, as an aware datetime."""
    return datetime.combine(day, time.fromisoformat(clock), ZONE)


def visit_tomorrow(now: datetime) -> tuple[datetime, datetime]:
    day = tomorrow(now)
    return at(day, VISIT[0]), at(day, VISIT[1])


async def set_company_calendar(owner: Actor) -> None:
    """The company's zone and working hours, as the owner's updateCompany sets them; an
    order four working hours overdue is escalated to its responsible member's manager."""
    settings = CompanySettings(
        timezone=TIME_ZONE,
        working_hours=COMPANY_HOURS,
        overdue_escalation_minutes=ESCALATION_MINUTES,
    )
    _ = await company_settings.update_company(owner, settings)


async def make_series(
    people: dict[str, Actor], cards: dict[str, Contact], now: datetime, horizon_days: int
) -> int:
    """Romashka's regular work, through createOrderSeries; how many orders they made ahead."""
    made = []
    for spec in SERIES:
        client = cards[spec.client]
        address = await Address.get(contact_id=client.id, label=spec.address)
        recurrence = RecurrenceData(
            spec.frequency, weekdays=spec.weekdays or None, month_day=spec.month_day
        )
        data = SeriesData(
            client_id=client.id,
            address_id=address.id,
            title=spec.title,
            description=spec.description,
            contractor_id=cards[spec.contractor].id,
            price=Decimal(spec.price),
            contractor_fee=Decimal(spec.fee),
            recurrence=recurrence,
            start_date=local_today(now) + timedelta(days=spec.starts_in_days),
            visit_time=spec.visit_time,
            duration_minutes=spec.minutes,
        )
        given = {"clientId", "addressId", "title", "description", "contractorId"}
        given |= {"price", "contractorFee", "recurrence", "startDate", "visitTime"}
        series = await series_resolvers.create_series(
            people[spec.creator], data, given | {"durationMinutes"}, now, horizon_days
        )
        made.append(series.id)
    return await Order.filter(series_id__in=made).count()
