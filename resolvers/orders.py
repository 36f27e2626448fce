"""Orders: creating, editing and listing them. Status moves live in order_workflow.py; the
rules of booked visits (double booking, the visit order) in visits.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode, invalid
from domain.visits import Interval
from models import (
    CLOSED_STATUSES,
    Address,
    Channel,
    Contact,
    ContactKind,
    Membership,
    Order,
    OrderCounter,
    OrderEvent,
    OrderEventKind,
    OrderStatus,
    OrderStatusChange,
    Role,
    TemplateKind,
)
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id, check_takes_new_work
from permissions.members import access_subtree_member_by_id
from permissions.orders import (
    access_order_by_id,
    check_may_create_order,
    check_may_edit_order,
    client_of_new_order,
    listed_orders,
)
from permissions.templates import access_template_by_id
from realtime.outbox import publish
from resolvers import events, notifications, validation, visits
from resolvers.contacts import AddressData, address_fields
from resolvers.counters import take_next
from resolvers.pagination import Page, paginate
from resolvers.templates import template_fill

SORTS: dict[str, tuple[str, ...]] = {
    "DEADLINE_ASC": ("deadline", "id"),
    "DEADLINE_DESC": ("-deadline", "-id"),
    "CREATED_DESC": ("-created_at", "-id"),
    "NUMBER_DESC": ("-number", "-id"),
}
# Booked visits first by start, then the orders without one: resolvers/visits.py pages it.
VISIT_ASC = "VISIT_ASC"


@dataclass(frozen=True, slots=True)
class OrderData:
    """Input of createOrder/updateOrder; `None` means "not given"."""

    client_id: int | None = None
    address_id: int | None = None
    new_address: AddressData | None = None
    template_id: int | None = None
    title: str | None = None
    description: str | None = None
    deadline: datetime | None = None
    responsible_id: int | None = None
    contractor_id: int | None = None
    price: Decimal | None = None
    contractor_fee: Decimal | None = None
    internal_note: str | None = None
    visit_start: datetime | None = None
    visit_end: datetime | None = None
    allow_overlap: bool = False


@dataclass(frozen=True, slots=True)
class OrderFilter:
    statuses: list[OrderStatus] | None = None
    overdue: bool | None = None
    client_id: int | None = None
    contractor_id: int | None = None
    responsible_id: int | None = None
    deadline_from: datetime | None = None
    deadline_to: datetime | None = None
    search: str | None = None
    series_id: int | None = None
    visit_from: datetime | None = None
    visit_to: datetime | None = None


def _money(value: Decimal | None, field: str) -> Decimal | None:
    return validation.money(value, "input", field)


async def _client(actor: Actor, client_id: int | None) -> Contact:
    """The new order's client; an archived one takes none (its open orders stay as they are)."""
    field = ["input", "clientId"]
    client_id = client_of_new_order(actor, client_id, field)
    if not actor.is_staff:
        client = await access_contact_by_id(actor, client_id, field)
    elif client_id is None:
        raise invalid("Choose the client", *field)
    else:
        client = await access_contact_by_id(actor, client_id, field)
        if client.kind != ContactKind.CLIENT:
            raise invalid("This contact is not a client", *field)
    check_takes_new_work(client, field)
    return client


async def contractor_of(actor: Actor, contractor_id: int | None, field: list[str]) -> Contact:
    """A contractor to book or assign: not an archived one (its orders so far stay its)."""
    contractor = await access_contact_by_id(actor, contractor_id, field)
    if contractor.kind != ContactKind.CONTRACTOR:
        raise invalid("This contact is not a contractor", *field)
    check_takes_new_work(contractor, field)
    return contractor


async def client_address(client: Contact, address_id: int | None) -> Address:
    """One of the client's active addresses: the contractor never gets a retyped one, and an
    archived address (a history copy included) takes no new order or series."""
    address = (
        None
        if address_id is None
        else await Address.get_or_none(id=address_id, contact_id=client.id)
    )
    if address is None:
        raise invalid("Choose one of the client's addresses", "input", "addressId")
    check_takes_new_work(address, ["input", "addressId"])
    return address


async def _default_responsible(actor: Actor, client: Contact) -> Membership:
    """Portal and API requests go to the client's manager, else to the OWNER."""
    if client.manager_id is not None:
        manager = await Membership.get_or_none(
            id=client.manager_id, company_id=actor.company_id, role__in=[Role.OWNER, Role.STAFF]
        )
        if manager is not None:
            return manager
    owner = await Membership.filter(company_id=actor.company_id, role=Role.OWNER).first()
    if owner is None:
        raise DomainError(ErrorCode.CONFLICT, "The company has no owner")
    return owner


async def create_order(
    actor: Actor, data: OrderData, given: set[str], now: datetime, source: Channel | None = None
) -> Order:
    """A new order from staff (any client) or a client member (its own contact)."""
    check_may_create_order(actor, given)
    client = await _client(actor, data.client_id)
    window = visits.visit_window(data.visit_start, data.visit_end, now, ["input"])
    fields = await _terms(actor, data, now, window)
    if (data.address_id is None) == (data.new_address is None):
        raise invalid("Give either addressId or newAddress", "input", "addressId")
    address = None if data.address_id is None else await client_address(client, data.address_id)
    new_address = (
        None
        if data.new_address is None
        else address_fields(data.new_address, "input", "newAddress")
    )
    responsible = await _responsible(actor, client, data.responsible_id)
    contractor = (
        None
        if data.contractor_id is None
        else await contractor_of(actor, data.contractor_id, ["input", "contractorId"])
    )
    wanted = visits.booking(
        actor.company_id,
        contractor.id if contractor else None,
        window,
        None,
        allow_overlap=data.allow_overlap,
        field=["input", "visitStart"],
    )
    async with in_transaction():
        await visits.hold(wanted)
        if new_address is not None:
            address = await Address.create(
                company_id=actor.company_id, contact_id=client.id, **new_address
            )
        assert address is not None
        order, event = await insert_order(
            actor.company_id,
            actor.membership_id,
            responsible,
            source=source or (Channel.STAFF if actor.is_staff else Channel.PORTAL),
            client_id=client.id,
            address_id=address.id,
            contractor_id=contractor.id if contractor else None,
            **fields,
        )
    await publish([event])
    return order


async def _terms(
    actor: Actor, data: OrderData, now: datetime, window: Interval | None
) -> dict[str, Any]:
    """Title, description, the visit, the deadline (from the input, else the visit's end,
    else the template) and the money."""
    title, description, deadline = data.title, data.description, data.deadline
    deadline_field = ["input", "deadline"]
    if deadline is None and window is not None:
        deadline, deadline_field = window.end, ["input", "visitEnd"]
    if data.template_id is not None:
        template = await access_template_by_id(
            actor, data.template_id, TemplateKind.ORDER, ["input", "templateId"]
        )
        fill = template_fill(template, now)
        title = title if title is not None else fill.title
        description = description if description is not None else fill.description
        deadline = deadline or fill.deadline
    return {
        "title": validation.required_name(title, 300, "input", "title"),
        "description": validation.optional_text(description, 20000, "input", "description") or "",
        "deadline": validation.future_deadline(deadline, now, *deadline_field),
        "visit_start": window.start if window else None,
        "visit_end": window.end if window else None,
        "price": _money(data.price, "price"),
        "contractor_fee": _money(data.contractor_fee, "contractorFee"),
        "internal_note": validation.optional_text(
            data.internal_note, 20000, "input", "internalNote"
        ),
    }


async def _responsible(actor: Actor, client: Contact, responsible_id: int | None) -> Membership:
    """Staff: the creator or someone below it; portal and API: the client's manager. Read
    before the order's transaction, which hands it to the order's event."""
    if not actor.is_staff:
        return await _default_responsible(actor, client)
    if responsible_id is None:
        return await Membership.get(id=actor.membership_id)
    field = ["input", "responsibleId"]
    return await access_subtree_member_by_id(actor, responsible_id, field=field)


async def update_order(
    actor: Actor, order_id: int | None, data: OrderData, given: set[str]
) -> Order:
    """Staff edit the order's terms; only the fields given change. Moving the visit re-checks
    the contractor's other visits and tells the contractor and the client."""
    order = await access_order_by_id(actor, order_id, ["id"])
    check_may_edit_order(actor)
    changes: dict[str, Any] = {}
    wanted = None
    if "visitStart" in given or "visitEnd" in given:
        changes, wanted = visits.visit_change(
            order,
            visits.visit_window(data.visit_start, data.visit_end, datetime.now(UTC), ["input"]),
            deadline_given="deadline" in given,
            allow_overlap=data.allow_overlap,
        )
    if "title" in given:
        changes["title"] = validation.required_name(data.title, 300, "input", "title")
    if "description" in given:
        changes["description"] = (
            validation.optional_text(data.description, 20000, "input", "description") or ""
        )
    if "deadline" in given:
        if data.deadline is None or data.deadline.tzinfo is None:
            raise invalid("Every order needs a deadline, with an offset", "input", "deadline")
        changes["deadline"] = validation.instant(
            data.deadline, datetime.now(UTC), "input", "deadline"
        )
    if "addressId" in given:
        client = await Contact.get(id=order.client_id)
        changes["address_id"] = (await client_address(client, data.address_id)).id
    if "responsibleId" in given:
        member = await access_subtree_member_by_id(
            actor, data.responsible_id, field=["input", "responsibleId"]
        )
        changes["responsible_id"] = member.id
    if "price" in given:
        changes["price"] = _money(data.price, "price")
    if "contractorFee" in given:
        changes["contractor_fee"] = _money(data.contractor_fee, "contractorFee")
    if "internalNote" in given:
        changes["internal_note"] = validation.optional_text(
            data.internal_note, 20000, "input", "internalNote"
        )
    if not changes:
        return order
    moved = "visit_start" in changes
    seen = (order.contractor_id, visits.visit_of(order))
    _ = order.update_from_dict(changes)
    async with in_transaction():
        if moved:
            await visits.hold_order(order.id, *seen)
        await visits.hold(wanted)
        await order.save(update_fields=[*changes, "updated_at"])
        event = await events.record(order, OrderEventKind.UPDATED, actor.membership_id)
        if moved:
            await notifications.on_visit_moved(order, event)
    await publish([event])
    return order


def filtered_orders(
    actor: Actor, query: QuerySet[Order], f: OrderFilter, now: datetime
) -> QuerySet[Order]:
    if f.statuses:
        query = query.filter(status__in=f.statuses)
    if f.overdue is True:
        query = query.filter(deadline__lt=now).exclude(status__in=CLOSED_STATUSES)
    elif f.overdue is False:
        query = query.filter(Q(deadline__gte=now) | Q(status__in=CLOSED_STATUSES))
    for column, value in (
        ("client_id", f.client_id),
        ("contractor_id", f.contractor_id),
        ("responsible_id", f.responsible_id),
        ("series_id", f.series_id),
    ):
        if value is not None:
            query = query.filter(**{column: value})
    if f.deadline_from is not None:
        start = validation.instant(
            f.deadline_from, now, "filter", "deadlineFrom", latest=validation.RANGE_END
        )
        query = query.filter(deadline__gte=start)
    if f.deadline_to is not None:
        end = validation.instant(
            f.deadline_to, now, "filter", "deadlineTo", latest=validation.RANGE_END
        )
        query = query.filter(deadline__lte=end)
    query = visits.overlapping(query, f.visit_from, f.visit_to, now)
    text = validation.search_text(f.search)
    if text:
        match = (
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(client__name__icontains=text)
            | Q(address__text__icontains=text)
        )
        if text.lstrip("#").isascii() and text.lstrip("#").isdigit() and len(text) < 10:
            match |= Q(number=int(text.lstrip("#")))
        query = query.filter(match)
    return query


async def list_orders(
    actor: Actor,
    f: OrderFilter,
    sort: str,
    first: int | None,
    after: str | None,
    now: datetime,
    relations: Sequence[str] = (),
) -> Page[Order]:
    """A page of the orders the actor sees; `relations` are loaded with it (joins)."""
    query = filtered_orders(actor, listed_orders(actor), f, now)
    if sort == VISIT_ASC:
        in_range = f.visit_from is not None or f.visit_to is not None
        return await visits.visit_page(query, first, after, relations, booked_only=in_range)
    return await paginate(query, SORTS[sort], first, after, relations)


async def insert_order(
    company_id: int, by_id: int | None, responsible: Membership, **fields: Any
) -> tuple[Order, OrderEvent]:
    """An order with the company's next number, its opening history (NEW, then ASSIGNED when
    it has a contractor) and its CREATED event; call inside the caller's transaction and
    publish the event after commit. The series round makes each visit's order through it,
    so a made order is an ordinary one (`by_id` None: made by the service)."""
    status = OrderStatus.NEW if fields.get("contractor_id") is None else OrderStatus.ASSIGNED
    order = await Order.create(
        company_id=company_id,
        number=await take_next(OrderCounter, company_id),
        status=status,
        responsible_id=responsible.id,
        created_by_id=by_id,
        **fields,
    )
    changes = [OrderStatusChange(order_id=order.id, to_status=OrderStatus.NEW, by_id=by_id)]
    if status == OrderStatus.ASSIGNED:
        changes.append(
            OrderStatusChange(
                order_id=order.id,
                from_status=OrderStatus.NEW,
                to_status=OrderStatus.ASSIGNED,
                by_id=by_id,
            )
        )
    await OrderStatusChange.bulk_create(changes)
    event = await events.record(order, OrderEventKind.CREATED, by_id, responsible=responsible)
    return order, event


async def new_order_parties(
    actor: Actor, client_id: int | None, responsible_id: int | None
) -> tuple[Contact, Membership]:
    """The client and the responsible member of a new order, by the order rules (a CLIENT
    member's own contact; staff's choice within its subtree, else itself; for portal and API
    requests the client's manager, else the OWNER). A new series takes them the same way."""
    client = await _client(actor, client_id)
    return client, await _responsible(actor, client, responsible_id)
