"""Inputs and the payload of the series operations."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import strawberry

from resolvers.series import RecurrenceData, SeriesData
from schema.errors import UserError
from schema.ids import decode_optional_id
from schema.series import Frequency, OrderSeries


@strawberry.input
class RecurrenceInput:
    frequency: Frequency
    interval: int | None = 1
    weekdays: list[int] | None = None
    month_day: int | None = None
    until: date | None = strawberry.field(
        default=None, description="At most one of until and count; neither = open-ended."
    )
    count: int | None = None

    def data(self) -> RecurrenceData:
        return RecurrenceData(
            frequency=Frequency(self.frequency),
            interval=self.interval,
            weekdays=self.weekdays,
            month_day=self.month_day,
            until=self.until,
            count=self.count,
        )


@strawberry.input
class CreateOrderSeriesInput:
    client_id: strawberry.ID | None = strawberry.field(
        default=None, description="Required for staff; a CLIENT member leaves it out."
    )
    address_id: strawberry.ID
    title: str
    description: str | None = None
    responsible_id: strawberry.ID | None = None
    contractor_id: strawberry.ID | None = None
    price: Decimal | None = None
    contractor_fee: Decimal | None = None
    internal_note: str | None = None
    recurrence: RecurrenceInput
    start_date: date
    visit_time: time
    duration_minutes: int


@strawberry.input
class UpdateOrderSeriesInput:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    address_id: strawberry.ID | None = strawberry.UNSET
    responsible_id: strawberry.ID | None = strawberry.UNSET
    contractor_id: strawberry.ID | None = strawberry.UNSET
    price: Decimal | None = strawberry.UNSET
    contractor_fee: Decimal | None = strawberry.UNSET
    internal_note: str | None = strawberry.UNSET
    recurrence: RecurrenceInput | None = strawberry.UNSET
    visit_time: time | None = strawberry.UNSET
    duration_minutes: int | None = strawberry.UNSET


def _given(value: object) -> object:
    return None if value is strawberry.UNSET else value


def series_data(source: CreateOrderSeriesInput | UpdateOrderSeriesInput) -> SeriesData:
    def ref(name: str, type_name: str) -> int | None:
        value = _given(getattr(source, name, None))
        return decode_optional_id(value if isinstance(value, str) else None, type_name)

    def text(name: str) -> str | None:
        value = _given(getattr(source, name, None))
        return value if isinstance(value, str) else None

    def money(name: str) -> Decimal | None:
        value = _given(getattr(source, name, None))
        return value if isinstance(value, Decimal) else None

    recurrence = _given(source.recurrence)
    visit_time = _given(source.visit_time)
    minutes = _given(source.duration_minutes)
    start = getattr(source, "start_date", None)
    return SeriesData(
        client_id=ref("client_id", "Contact"),
        address_id=ref("address_id", "Address"),
        title=text("title"),
        description=text("description"),
        responsible_id=ref("responsible_id", "Member"),
        contractor_id=ref("contractor_id", "Contact"),
        price=money("price"),
        contractor_fee=money("contractor_fee"),
        internal_note=text("internal_note"),
        recurrence=recurrence.data() if isinstance(recurrence, RecurrenceInput) else None,
        start_date=start if isinstance(start, date) else None,
        # The Time scalar hands over the client's text when it is no time of day.
        visit_time=visit_time if isinstance(visit_time, time | str) else None,
        duration_minutes=minutes if isinstance(minutes, int) else None,
    )


@strawberry.type
class OrderSeriesPayload:
    series: OrderSeries | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
