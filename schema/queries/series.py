"""Root query field of recurring series."""

from __future__ import annotations

import strawberry

from resolvers import series
from schema.connection import typed_connection_of
from schema.context import Info
from schema.ids import decode_optional_id
from schema.series import (
    OrderSeries,
    OrderSeriesConnection,
    prime_series_relations,
    series_relations,
)


@strawberry.type
class SeriesQueries:
    @strawberry.field
    async def order_series(
        self,
        info: Info,
        client_id: strawberry.ID | None = None,
        active: bool | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> OrderSeriesConnection:
        actor = info.context.require_actor()
        relations = series_relations(info)
        page = await series.list_series(
            actor, decode_optional_id(client_id, "Contact"), active, first, after, relations
        )
        prime_series_relations(info, page.rows, relations)
        return typed_connection_of(page, OrderSeries.of, OrderSeriesConnection)
