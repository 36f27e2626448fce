"""Types of recurring series: the series, its recurrence, its connection.

A page of series joins its client, address, contractor and responsible member in its own
statement and primes their loaders (as an order page does); its `upcoming` and `orders`
fields load for every series of the request at once, through the request's series loaders.
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

import models
from resolvers import series_loaders
from resolvers.pagination import MAX_PAGE
from resolvers.series_round import zone_of
from schema.connection import Connection, parent_connection_of
from schema.contacts import Address, Contact
from schema.context import Info
from schema.executor import context_only
from schema.guard import guarded
from schema.ids import to_global_id
from schema.node import Node
from schema.orders import Order, OrderConnection
from schema.parties import address_of, client_of, contractor_of, responsible_of
from schema.people import Member
from schema.prefetch import node_fields
from schema.time_slots import TimeSlot

Frequency = models.Frequency
strawberry.enum(Frequency, name="Frequency")


@strawberry.type
class Recurrence:
    frequency: Frequency
    interval: int = strawberry.field(description="Every `interval` days, weeks or months.")
    weekdays: list[int] = strawberry.field(
        description="WEEKLY: the weekdays, 1 = Monday ... 7 = Sunday."
    )
    month_day: int | None = strawberry.field(
        description="MONTHLY: the day of the month, 1 to 31 (a shorter month uses its last day)."
    )
    until: date | None = strawberry.field(description="The last day a visit may fall on.")
    count: int | None = strawberry.field(description="How many visits in all.")


@strawberry.type(
    description="Regular work (a weekly office cleaning): the service makes its orders ahead, "
    "one per visit."
)
class OrderSeries(Node):
    title: str
    description: str
    start_date: date = strawberry.field(description="The first day of the series.")
    duration_minutes: int
    active: bool = strawberry.field(description="False once ended.")
    created_at: datetime
    row: strawberry.Private[models.OrderSeries]

    @classmethod
    def of(cls, row: models.OrderSeries) -> OrderSeries:
        return cls(
            id=strawberry.ID(to_global_id("OrderSeries", row.id)),
            title=row.title,
            description=row.description,
            start_date=row.start_date,
            duration_minutes=row.duration_minutes,
            active=row.active,
            created_at=row.created_at,
            row=row,
        )

    @strawberry.field(
        description="Each visit starts at this local time, across daylight-saving changes."
    )
    @context_only
    def visit_time(self) -> time:
        return time.fromisoformat(self.row.visit_time)

    @strawberry.field
    @context_only
    def recurrence(self) -> Recurrence:
        row = self.row
        return Recurrence(
            frequency=row.frequency,
            interval=row.interval,
            weekdays=list(row.weekdays),
            month_day=row.month_day,
            until=row.until,
            count=row.count,
        )

    @strawberry.field(graphql_type=Contact)
    @context_only
    def client(self, info: Info) -> Contact | Awaitable[Contact]:
        return client_of(info, self.row.client_id)

    @strawberry.field(graphql_type=Address)
    @context_only
    def address(self, info: Info) -> Address | Awaitable[Address]:
        return address_of(info, self.row.address_id)

    @strawberry.field(graphql_type=Contact | None)
    @context_only
    def contractor(self, info: Info) -> Contact | Awaitable[Contact | None] | None:
        return contractor_of(info, self.row.contractor_id)

    @strawberry.field(graphql_type=Member)
    @context_only
    def responsible(self, info: Info) -> Member | Awaitable[Member]:
        return responsible_of(info, self.row.responsible_id)

    @strawberry.field(description="Same rules as Order.price.")
    @context_only
    @guarded
    def price(self, info: Info) -> Decimal | None:
        price: Decimal | None = self.row.price
        return price

    @strawberry.field(description="Same rules as Order.contractorFee.")
    @context_only
    @guarded
    def contractor_fee(self, info: Info) -> Decimal | None:
        fee: Decimal | None = self.row.contractor_fee
        return fee

    @strawberry.field(description="Same rules as Order.internalNote.")
    @context_only
    @guarded
    def internal_note(self, info: Info) -> str | None:
        note: str | None = self.row.internal_note
        return note

    @strawberry.field(description="The series' next visits from now, made or still to be made.")
    async def upcoming(self, info: Info, first: int | None = 10) -> list[TimeSlot]:
        wanted = min(max(first or 0, 0), MAX_PAGE)
        schedule = await info.context.loaders.series_schedule.load((self.row.id, info.context.now))
        company = await info.context.loaders.company.load(self.row.company_id)
        zone = zone_of(company.timezone if company else "UTC")
        visits = series_loaders.upcoming_visits(self.row, zone, info.context.now, wanted, schedule)
        return [TimeSlot.of(visit) for visit in visits]

    @strawberry.field
    async def orders(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> OrderConnection:
        actor = info.context.require_actor()
        loaders = info.context.loaders
        page = await loaders.series_orders.load((self.row.id, actor, first, after))

        async def count() -> int:
            return await loaders.series_order_count.load((self.row.id, actor))

        return parent_connection_of(page, after, Order.of, count, OrderConnection)


@strawberry.type(name="OrderSeriesConnection")
class OrderSeriesConnection(Connection[OrderSeries]):
    """Concrete, so that its edge is named OrderSeriesEdge."""


# Series relations a page can select, as Tortoise names them for `select_related`.
SERIES_RELATIONS = ("client", "address", "contractor", "responsible")


def series_relations(info: Info) -> list[str]:
    wanted = node_fields(info)
    return [name for name in SERIES_RELATIONS if name in wanted]


def prime_series_relations(
    info: Info, rows: list[models.OrderSeries], relations: list[str]
) -> None:
    """Hand the joined rows to the loaders, where the fields look for them."""
    loaders = info.context.loaders
    by_relation: dict[str, DataLoader[int, Any]] = {
        "client": loaders.contact,
        "contractor": loaders.contact,
        "address": loaders.address,
        "responsible": loaders.member,
    }
    for name in relations:
        by_relation[name].prime_many(
            {related.id: related for row in rows if (related := getattr(row, name)) is not None}
        )


async def load_visible_series(info: Info, series_id: int | None) -> OrderSeries | None:
    """The series if the caller may see it, else None (for fields that point at a series)."""
    if series_id is None:
        return None
    key = (series_id, info.context.require_actor())
    row = await info.context.loaders.visible_series.load(key)
    return None if row is None else OrderSeries.of(row)
