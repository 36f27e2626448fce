"""Orders, their status history, comments and photos."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.contacts import Address, Contact
    from models.people import Company, Membership
    from models.series import OrderSeries


class OrderStatus(StrEnum):
    NEW = "NEW"
    ASSIGNED = "ASSIGNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


CLOSED_STATUSES = (OrderStatus.DONE, OrderStatus.CANCELLED)


class Channel(StrEnum):
    STAFF = "STAFF"
    PORTAL = "PORTAL"
    EMAIL = "EMAIL"
    TELEGRAM = "TELEGRAM"
    WEBCHAT = "WEBCHAT"
    API = "API"


class CommentVisibility(StrEnum):
    INTERNAL = "INTERNAL"
    CLIENT = "CLIENT"
    CONTRACTOR = "CONTRACTOR"


class PhotoKind(StrEnum):
    BEFORE = "BEFORE"
    COMPLETION = "COMPLETION"
    ISSUE = "ISSUE"


class OrderCounter(Model):
    """The last order number of a company; its row is locked while a number is taken."""

    company: fields.OneToOneRelation[Company] = fields.OneToOneField(
        "models.Company", related_name="order_counter", on_delete=fields.CASCADE, primary_key=True
    )
    last_number = fields.IntField(default=0)

    company_id: int

    class Meta:
        table = "order_counter"


class Order(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="orders", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    title = fields.CharField(max_length=300)
    description = fields.TextField(default="")
    status = fields.CharEnumField(OrderStatus, max_length=16, default=OrderStatus.NEW)
    deadline = fields.DatetimeField()
    source = fields.CharEnumField(Channel, max_length=16)
    client: fields.ForeignKeyRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="client_orders", on_delete=fields.RESTRICT
    )
    address: fields.ForeignKeyRelation[Address] = fields.ForeignKeyField(
        "models.Address", related_name="orders", on_delete=fields.RESTRICT
    )
    contractor: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="contractor_orders", null=True, on_delete=fields.RESTRICT
    )
    responsible: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="responsible_orders", on_delete=fields.RESTRICT
    )
    created_by: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="created_orders", null=True, on_delete=fields.SET_NULL
    )
    price = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    contractor_fee = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    internal_note = fields.TextField(null=True)
    rating = fields.SmallIntField(null=True)
    feedback = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    completed_at = fields.DatetimeField(null=True)
    # When the order was cancelled (CANCELLED is final): the reports count cancellations by it.
    cancelled_at = fields.DatetimeField(null=True)
    # The deadline the watch last told of (resolvers/deadline_watch.py): a moved deadline
    # differs from it, which re-arms the watch.
    overdue_for = fields.DatetimeField(null=True)
    due_soon_for = fields.DatetimeField(null=True)
    # Escalation of an overdue order up the tree (ORDER_ESCALATED): the deadline it belongs to
    # (a moved deadline re-arms it) and how many levels above the responsible were told.
    escalated_for = fields.DatetimeField(null=True)
    escalation_level = fields.IntField(default=0)
    # The visit start the VISIT_REMINDER was sent for (a moved visit re-arms it).
    reminded_for = fields.DatetimeField(null=True)
    # The booked visit, a half-open UTC interval [visit_start, visit_end); both or neither.
    visit_start = fields.DatetimeField(null=True)
    visit_end = fields.DatetimeField(null=True)
    # The recurring series this order was made for, and the local day of that visit.
    series: fields.ForeignKeyNullableRelation[OrderSeries] = fields.ForeignKeyField(
        "models.OrderSeries", related_name="orders", null=True, on_delete=fields.RESTRICT
    )
    series_day = fields.DateField(null=True)

    company_id: int
    client_id: int
    address_id: int
    contractor_id: int | None
    responsible_id: int
    created_by_id: int | None
    series_id: int | None

    class Meta:
        table = "order"
        # (series, series_day): one order per visit of a series, however many rounds run at
        # once; a one-off order has neither, and NULLs never collide.
        unique_together = (("company", "number"), ("series", "series_day"))
        # Every filter and sort of the `orders` query: the company's pages by each
        # sort (NUMBER_DESC uses the unique pair), the client's, the contractor's and the
        # responsible member's pages (staff subtrees join on it), the deadline watch, and the
        # dashboard's "completed today".
        indexes = (
            ("company", "status", "deadline"),
            ("company", "deadline", "id"),
            ("company", "created_at", "id"),
            ("company", "completed_at"),
            # Reports: the orders cancelled in a period (beside created and completed ones).
            # Not led by the company: a (company, cancelled_at) index, the narrowest with the
            # company first, drew the staff orders page's plan to it (every order of the
            # company, then a sort: 233 ms instead of 1 ms at 100 companies).
            ("cancelled_at",),
            ("client", "deadline", "id"),
            ("contractor", "deadline", "id"),
            ("responsible", "deadline", "id"),
            ("status", "deadline"),
            # A contractor's visits overlapping [a, b): visit_start < b on this index, then
            # visit_end > a on the few rows left; and the company's schedule by visit.
            ("contractor", "visit_start"),
            ("company", "visit_start", "id"),
            # suggestContractors: open orders and ratings per contractor, from the index alone.
            ("company", "status", "contractor", "rating"),
        )


class OrderStatusChange(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="history", on_delete=fields.CASCADE
    )
    from_status = fields.CharEnumField(OrderStatus, max_length=16, null=True)
    to_status = fields.CharEnumField(OrderStatus, max_length=16)
    by: fields.ForeignKeyNullableRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="status_changes", null=True, on_delete=fields.SET_NULL
    )
    at = fields.DatetimeField(auto_now_add=True)
    comment = fields.TextField(null=True)

    order_id: int
    by_id: int | None

    class Meta:
        table = "order_status_change"
        indexes = (("order", "id"),)


class Comment(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="comments", on_delete=fields.CASCADE
    )
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="comments", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="comments", on_delete=fields.RESTRICT
    )
    body = fields.TextField()
    visibility = fields.CharEnumField(CommentVisibility, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    order_id: int
    author_id: int

    class Meta:
        table = "comment"
        indexes = (("order", "visibility"),)


class Photo(Model):
    """An image attached to an order; the files live in photo storage under random keys."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="photos", on_delete=fields.CASCADE
    )
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="photos", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(PhotoKind, max_length=16)
    caption = fields.CharField(max_length=500, null=True)
    storage_key = fields.CharField(max_length=200, unique=True)
    thumbnail_key = fields.CharField(max_length=200, unique=True)
    content_type = fields.CharField(max_length=50)
    width = fields.IntField()
    height = fields.IntField()
    size = fields.IntField()
    uploaded_by: fields.ForeignKeyRelation[Membership] = fields.ForeignKeyField(
        "models.Membership", related_name="photos", on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    order_id: int
    uploaded_by_id: int

    class Meta:
        table = "photo"
        indexes = (("order", "created_at"),)
