"""Mutations of recurring series: create, change, skip a visit, end."""

from __future__ import annotations

from datetime import date

import strawberry

from config.settings import current
from resolvers import series
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id
from schema.inputs import given_fields
from schema.series import OrderSeries
from schema.series_inputs import (
    CreateOrderSeriesInput,
    OrderSeriesPayload,
    UpdateOrderSeriesInput,
    series_data,
)


def _horizon_days() -> int:
    return current().series_horizon_days


@strawberry.type
class SeriesMutations:
    @strawberry.mutation
    async def create_order_series(
        self, info: Info, input: CreateOrderSeriesInput
    ) -> OrderSeriesPayload:
        async def act() -> OrderSeriesPayload:
            row = await series.create_series(
                info.context.require_actor(),
                series_data(input),
                given_fields(input, none_is_given=False),
                info.context.now,
                _horizon_days(),
            )
            return OrderSeriesPayload(series=OrderSeries.of(row))

        return await payload_of(OrderSeriesPayload, act)

    @strawberry.mutation(
        description="Changes the series from fromDate on (default today); its orders already "
        "made for those days follow unless IN_PROGRESS, DONE or CANCELLED."
    )
    async def update_order_series(
        self,
        info: Info,
        id: strawberry.ID,
        input: UpdateOrderSeriesInput,
        from_date: date | None = None,
    ) -> OrderSeriesPayload:
        async def act() -> OrderSeriesPayload:
            row = await series.update_series(
                info.context.require_actor(),
                decode_id(id, "OrderSeries"),
                series_data(input),
                given_fields(input, none_is_given=True),
                from_date,
                info.context.now,
                _horizon_days(),
            )
            return OrderSeriesPayload(series=OrderSeries.of(row))

        return await payload_of(OrderSeriesPayload, act)

    @strawberry.mutation
    async def skip_series_visit(
        self, info: Info, id: strawberry.ID, date: date
    ) -> OrderSeriesPayload:
        async def act() -> OrderSeriesPayload:
            row = await series.skip_visit(
                info.context.require_actor(), decode_id(id, "OrderSeries"), date, info.context.now
            )
            return OrderSeriesPayload(series=OrderSeries.of(row))

        return await payload_of(OrderSeriesPayload, act)

    @strawberry.mutation(description="No visits after lastDate (default today).")
    async def end_order_series(
        self, info: Info, id: strawberry.ID, last_date: date | None = None
    ) -> OrderSeriesPayload:
        async def act() -> OrderSeriesPayload:
            row = await series.end_series(
                info.context.require_actor(),
                decode_id(id, "OrderSeries"),
                last_date,
                info.context.now,
            )
            return OrderSeriesPayload(series=OrderSeries.of(row))

        return await payload_of(OrderSeriesPayload, act)
