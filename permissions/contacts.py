"""Who may see and edit which contacts (clients and contractors) and their details."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import DomainError, ErrorCode, not_found
from models import Address, Contact
from permissions.actor import Actor
from permissions.lookup import visible_row
from permissions.rule_sql import YES, SqlCheck


def listed_contacts(actor: Actor, archived: bool | None) -> QuerySet[Contact]:
    """The contacts list: active ones, or with `archived` true only the archived ones (an
    archived contact still resolves by id and on its orders)."""
    return visible_contacts(actor).filter(archived=bool(archived))


def visible_contact_filter(actor: Actor) -> Q:
    """OWNER/STAFF see the company's whole book; a portal member only its own card."""
    company = Q(company_id=actor.company_id)
    return company if actor.is_staff else company & Q(id=actor.contact_id or 0)


def visible_contacts(actor: Actor) -> QuerySet[Contact]:
    return Contact.filter(visible_contact_filter(actor))


async def access_contact_by_id(
    actor: Actor, contact_id: int | None, field: list[str] | None = None
) -> Contact:
    contact = await visible_row(Contact, visible_contact_filter(actor), contact_id)
    if contact is None:
        raise not_found("Contact", field)
    return contact


async def access_address_by_id(actor: Actor, address_id: int | None) -> Address:
    """An address is visible with its contact."""
    contacts = Subquery(visible_contacts(actor).values("id"))
    address = (
        None
        if address_id is None
        else await Address.get_or_none(
            id=address_id, company_id=actor.company_id, contact_id__in=contacts
        )
    )
    if address is None:
        raise not_found("Address")
    return address


def can_see_contact_details(actor: Actor, contact_id: int) -> bool:
    """E-mail, phone, Telegram, tax id, notes, and a contractor's skills and working hours:
    staff and the contact's own members (a client shown its order's contractor gets the name,
    not how the company plans its people)."""
    return actor.is_staff or actor.contact_id == contact_id


def can_see_contact_details_in_sql(actor: Actor) -> SqlCheck:
    """`can_see_contact_details` as a condition on the contact's row."""
    return YES if actor.is_staff else SqlCheck.equals("id", actor.contact_id)


def can_see_contractor_rating(actor: Actor) -> bool:
    """A contractor's average rating is the staff's yardstick: not for clients, nor for the
    contractor itself (its single ratings reach it on its orders)."""
    return actor.is_staff


def can_edit_contacts(actor: Actor) -> bool:
    return actor.is_staff


def check_takes_new_work(row: Contact | Address, field: Sequence[str] | None) -> None:
    """An archived contact or address keeps its orders but takes no new ones: no new order,
    series or booking names it. CONFLICT naming the field; the one rule for orders and series
    (resolvers/orders.py client_address, contractor_of, new_order_parties)."""
    if not row.archived:
        return
    if isinstance(row, Address):
        message = f"The address {row.text!r} is archived and takes no new orders"
    else:
        message = f"{row.name} is archived and takes no new orders; restore the contact first"
    raise DomainError(ErrorCode.CONFLICT, message, field)


# Each rule's SQL form, by the rule (permissions/rule_sql.py).
SQL_FORMS: dict[Callable[..., bool], Callable[[Actor], SqlCheck]] = {
    can_see_contact_details: can_see_contact_details_in_sql,
}
