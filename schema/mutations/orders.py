"""Mutations of orders: create, edit, assign, move, comment, rate."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from resolvers import order_workflow, orders
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id
from schema.inputs import given_fields
from schema.order_inputs import (
    CommentPayload,
    CreateOrderInput,
    OrderPayload,
    UpdateOrderInput,
    order_data,
)
from schema.orders import Comment, CommentVisibility, Order, OrderStatus


@strawberry.type
class OrderMutations:
    @strawberry.mutation
    async def create_order(self, info: Info, input: CreateOrderInput) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await orders.create_order(
                info.context.require_actor(),
                order_data(input),
                given_fields(input, none_is_given=False),
                info.context.now,
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)

    @strawberry.mutation
    async def update_order(
        self, info: Info, id: strawberry.ID, input: UpdateOrderInput
    ) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await orders.update_order(
                info.context.require_actor(),
                decode_id(id, "Order"),
                order_data(input),
                given_fields(input, none_is_given=True),
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)

    @strawberry.mutation
    async def assign_order(
        self,
        info: Info,
        id: strawberry.ID,
        contractor_id: strawberry.ID,
        contractor_fee: Decimal | None = None,
        allow_overlap: bool | None = False,
    ) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await order_workflow.assign_order(
                info.context.require_actor(),
                decode_id(id, "Order"),
                decode_id(contractor_id, "Contact"),
                contractor_fee,
                allow_overlap is True,
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)

    @strawberry.mutation
    async def set_order_status(
        self, info: Info, id: strawberry.ID, status: OrderStatus, comment: str | None = None
    ) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await order_workflow.set_order_status(
                info.context.require_actor(),
                decode_id(id, "Order"),
                status,
                comment,
                info.context.now,
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)

    @strawberry.mutation(
        description="The order's client rates a DONE order (1 to 5); "
        "it may rate again to change its mind."
    )
    async def rate_order(
        self, info: Info, id: strawberry.ID, rating: int, feedback: str | None = None
    ) -> OrderPayload:
        async def act() -> OrderPayload:
            row = await order_workflow.rate_order(
                info.context.require_actor(), decode_id(id, "Order"), rating, feedback
            )
            return OrderPayload(order=Order.of(row))

        return await payload_of(OrderPayload, act)

    @strawberry.mutation
    async def add_comment(
        self,
        info: Info,
        order_id: strawberry.ID,
        body: str,
        visibility: CommentVisibility | None = None,
    ) -> CommentPayload:
        async def act() -> CommentPayload:
            row = await order_workflow.add_comment(
                info.context.require_actor(), decode_id(order_id, "Order"), body, visibility
            )
            return CommentPayload(comment=Comment.of(row))

        return await payload_of(CommentPayload, act)
