"""Recurring orders: a series says when visits repeat; the service makes one order per visit."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.contacts import Address, Contact
    from models.people import Company, Membership


class Frequency(StrEnum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"


class OrderSeries(Model):
    """Regular work at one address; its orders are made ahead, up to a horizon, by a round.

    The recurrence is kept in the contract's own terms (frequency, interval, weekdays 1..7,
    month day, until or count) rather than as an RRULE string, so it reads back as it was set
    and the rule's expansion stays in one place (domain/recurrence.py).
    """

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="order_series", on_delete=fields.CASCADE
    )
    client: fields.ForeignKeyRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="client_series", on_delete=fields.RESTRICT
    )
    address: fields.ForeignKeyRelation[Address] = fields.ForeignKeyField(
        "models.Address", related_name="series", on_delete=fields.RESTRICT
    )
    contractor: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="contractor_series", null=True, on_delete=fields.RESTRICT
    )
    responsible: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="responsible_series", on_delete=fields.RESTRICT
    )
    created_by: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="created_series", null=True, on_delete=fields.SET_NULL
    )
    title = fields.CharField(max_length=300)
    description = fields.TextField(default="")
    price = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    contractor_fee = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    internal_note = fields.TextField(null=True)
    frequency = fields.CharEnumField(Frequency, max_length=16)
    interval = fields.SmallIntField(default=1)
    # WEEKLY: ISO weekdays, 1 = Monday ... 7 = Sunday; empty for the other frequencies.
    weekdays: list[int] = fields.JSONField(default=list)
    # MONTHLY: 1..31; a shorter month visits on its last day.
    month_day = fields.SmallIntField(null=True)
    # The last day a visit may fall on (inclusive), or how many visits in all; neither = open.
    until = fields.DateField(null=True)
    count = fields.IntField(null=True)
    start_date = fields.DateField()
    # The local wall-clock start of each visit, "HH:MM:SS" in the company's time zone. Text,
    # not a TIME column: Tortoise makes TIME a zone-aware TIMETZ on PostgreSQL, and a visit
    # time must stay local across daylight-saving changes.
    visit_time = fields.CharField(max_length=8)
    duration_minutes = fields.IntField()
    active = fields.BooleanField(default=True)
    ended_at = fields.DatetimeField(null=True)
    # Set when the series is ended: no visit after this day.
    last_date = fields.DateField(null=True)
    # Every visit up to this day (inclusive) has its order made (or was skipped); null = none
    # yet. The round only looks at active series whose `made_until` is behind its horizon.
    made_until = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    company_id: int
    client_id: int
    address_id: int
    contractor_id: int | None
    responsible_id: int
    created_by_id: int | None

    class Meta:
        table = "order_series"
        # The company's, client's, contractor's and responsible member's pages, newest first,
        # and the background round's "active series not made far enough ahead".
        indexes = (
            ("company", "created_at", "id"),
            ("client", "created_at", "id"),
            ("contractor", "created_at", "id"),
            ("responsible", "created_at", "id"),
            ("active", "made_until"),
        )


class OrderSeriesSkip(Model):
    """A day of a series that must never get an order (skipSeriesVisit)."""

    id = fields.IntField(primary_key=True)
    series: fields.ForeignKeyRelation[OrderSeries] = fields.ForeignKeyField(
        "models.OrderSeries", related_name="skips", on_delete=fields.CASCADE
    )
    day = fields.DateField()
    created_at = fields.DatetimeField(auto_now_add=True)

    series_id: int

    class Meta:
        table = "order_series_skip"
        unique_together = (("series", "day"),)
