"""Inputs, filters and payloads of the order operations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from resolvers.orders import OrderData
from resolvers.orders import OrderFilter as OrderFilterData
from schema.contacts import AddressInput
from schema.errors import UserError
from schema.ids import decode_optional_id
from schema.orders import Comment, Order, OrderStatus, Photo


@strawberry.input
class CreateOrderInput:
    client_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Required for staff; a CLIENT member leaves it out (its own contact is used).",
    )
    address_id: strawberry.ID | None = strawberry.field(
        default=None, description="One of the client's addresses; or give newAddress."
    )
    new_address: AddressInput | None = None
    template_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Prefills title, description and deadline (now + the template's hours) "
        "where they are not given.",
    )
    title: str | None = None
    description: str | None = None
    deadline: datetime | None = strawberry.field(
        default=None,
        description="Required unless the template gives one: no order exists without a deadline.",
    )
    responsible_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Defaults to the creating staff member, or for portal/API requests to the "
        "client's manager, else the OWNER.",
    )
    contractor_id: strawberry.ID | None = None
    price: Decimal | None = None
    contractor_fee: Decimal | None = None
    internal_note: str | None = None
    visit_start: datetime | None = strawberry.field(
        default=None,
        description="Both or neither; the end after the start, at most 24 hours later. "
        "Without a deadline, the visit's end is the deadline.",
    )
    visit_end: datetime | None = None
    allow_overlap: bool | None = strawberry.field(
        default=False,
        description="Book the contractor even if another of its visits overlaps "
        "(otherwise CONFLICT naming that order).",
    )


@strawberry.input
class UpdateOrderInput:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    deadline: datetime | None = strawberry.UNSET
    address_id: strawberry.ID | None = strawberry.UNSET
    responsible_id: strawberry.ID | None = strawberry.UNSET
    price: Decimal | None = strawberry.UNSET
    contractor_fee: Decimal | None = strawberry.UNSET
    internal_note: str | None = strawberry.UNSET
    visit_start: datetime | None = strawberry.UNSET
    visit_end: datetime | None = strawberry.UNSET
    allow_overlap: bool | None = False


@strawberry.input
class OrderFilter:
    status: list[OrderStatus] | None = None
    overdue: bool | None = None
    client_id: strawberry.ID | None = None
    contractor_id: strawberry.ID | None = None
    responsible_id: strawberry.ID | None = None
    deadline_from: datetime | None = None
    deadline_to: datetime | None = None
    search: str | None = strawberry.field(
        default=None, description="Matches number, title, description, client name or address."
    )
    series_id: strawberry.ID | None = None
    visit_from: datetime | None = strawberry.field(
        default=None, description="Orders whose visit overlaps [visitFrom, visitTo)."
    )
    visit_to: datetime | None = None

    def data(self) -> OrderFilterData:
        return OrderFilterData(
            statuses=self.status,
            overdue=self.overdue,
            client_id=decode_optional_id(self.client_id, "Contact"),
            contractor_id=decode_optional_id(self.contractor_id, "Contact"),
            responsible_id=decode_optional_id(self.responsible_id, "Member"),
            deadline_from=self.deadline_from,
            deadline_to=self.deadline_to,
            search=self.search,
            series_id=decode_optional_id(self.series_id, "OrderSeries"),
            visit_from=self.visit_from,
            visit_to=self.visit_to,
        )


def _value(source: object, name: str) -> object:
    value = getattr(source, name, None)
    return None if value is strawberry.UNSET else value


def order_data(source: CreateOrderInput | UpdateOrderInput) -> OrderData:
    def text(name: str) -> str | None:
        value = _value(source, name)
        return value if isinstance(value, str) else None

    def money(name: str) -> Decimal | None:
        value = _value(source, name)
        return value if isinstance(value, Decimal) else None

    def ref(name: str, type_name: str) -> int | None:
        value = _value(source, name)
        return decode_optional_id(value if isinstance(value, str) else None, type_name)

    deadline = _value(source, "deadline")
    visit_start, visit_end = _value(source, "visit_start"), _value(source, "visit_end")
    new_address = _value(source, "new_address")
    return OrderData(
        client_id=ref("client_id", "Contact"),
        address_id=ref("address_id", "Address"),
        new_address=new_address.data() if isinstance(new_address, AddressInput) else None,
        template_id=ref("template_id", "Template"),
        title=text("title"),
        description=text("description"),
        deadline=deadline if isinstance(deadline, datetime) else None,
        responsible_id=ref("responsible_id", "Member"),
        contractor_id=ref("contractor_id", "Contact"),
        price=money("price"),
        contractor_fee=money("contractor_fee"),
        internal_note=text("internal_note"),
        visit_start=visit_start if isinstance(visit_start, datetime) else None,
        visit_end=visit_end if isinstance(visit_end, datetime) else None,
        allow_overlap=_value(source, "allow_overlap") is True,
    )


@strawberry.type
class OrderPayload:
    order: Order | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CommentPayload:
    comment: Comment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class PhotoPayload:
    photo: Photo | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
