"""Root query fields of orders."""

from __future__ import annotations

import strawberry

from resolvers import orders
from schema.connection import typed_connection_of
from schema.context import Info
from schema.order_inputs import OrderFilter
from schema.orders import Order, OrderConnection, OrderSort
from schema.prefetch import order_relations, prime_order_relations


@strawberry.type
class OrderQueries:
    @strawberry.field
    async def orders(
        self,
        info: Info,
        filter: OrderFilter | None = None,
        sort: OrderSort | None = OrderSort.DEADLINE_ASC,
        first: int | None = None,
        after: str | None = None,
    ) -> OrderConnection:
        actor = info.context.require_actor()
        criteria = filter.data() if filter else orders.OrderFilter()
        chosen = (sort or OrderSort.DEADLINE_ASC).value
        relations = order_relations(info)
        page = await orders.list_orders(
            actor, criteria, chosen, first, after, info.context.now, relations
        )
        prime_order_relations(info, page.rows, relations)
        return typed_connection_of(page, Order.of, OrderConnection)
