"""Corrections of addresses: a typo fixed in place, a place the client left archived.

History keeps what was true: an order already DONE or CANCELLED keeps the address text it
was done (or called off) at. So an update first copies the old values into an archived row
and points those closed orders at it, then changes the address in place, which the open
orders and series keep pointing at: the contractor on its way gets the corrected text.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode, forbidden
from models import CLOSED_STATUSES, Address, Contact, ContactKind, Order
from permissions.actor import Actor
from permissions.contacts import access_address_by_id, can_edit_contacts
from resolvers.contacts import AddressData, address_fields

COPIED = ("label", "text", "details", "latitude", "longitude")


async def _editable_address(actor: Actor, address_id: int | None) -> Address:
    """The address, by the rules of updateContact and addAddress: NOT_FOUND when hidden,
    FORBIDDEN for portal members."""
    address = await access_address_by_id(actor, address_id)
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may edit contacts")
    return address


def _history(address: Address) -> DomainError:
    return DomainError(
        ErrorCode.CONFLICT, f"The address {address.text!r} is archived: it stays as it was", ["id"]
    )


async def _locked(address: Address) -> Address:
    """The address row again, locked for this transaction (PostgreSQL): two corrections of
    one address, or a correction and an archiving, run one after the other."""
    return await Address.filter(id=address.id).select_for_update().get()


async def update_address(actor: Actor, address_id: int | None, data: AddressData) -> Address:
    """New text in place for open orders and series; the closed orders keep the old one on
    an archived copy (one copy per correction, made only when a closed order uses it). An
    archived address (such a copy included) is history: CONFLICT."""
    address = await _editable_address(actor, address_id)
    fields = address_fields(data, "input")
    async with in_transaction():
        address = await _locked(address)
        if address.archived:
            raise _history(address)
        # Lock the address's orders first, so an order closing meanwhile is either already
        # closed here (and moved to the copy) or closes after the correction, on the new text.
        # (A model query: Tortoise's values_list() leaves FOR UPDATE out.)
        orders = Order.filter(address_id=address.id).select_for_update(no_key=True)
        rows = await orders.only("id", "status")
        closed = [order.id for order in rows if order.status in CLOSED_STATUSES]
        if closed:
            copy = await Address.create(
                company_id=address.company_id,
                contact_id=address.contact_id,
                archived=True,
                **{name: getattr(address, name) for name in COPIED},
            )
            _ = await Order.filter(id__in=closed).update(address_id=copy.id)
        _ = address.update_from_dict(fields)
        await address.save(update_fields=list(fields))
    return address


async def archive_address(actor: Actor, address_id: int | None) -> Address:
    """Archived: kept on its orders, open ones included, and on the contact's history, but
    offered for no new order or series (permissions.contacts.check_takes_new_work). Refused
    for a client's last active address while the client has open orders."""
    address = await _editable_address(actor, address_id)
    async with in_transaction():
        # The contact's row lock makes archivings of its addresses take turns, so two of them
        # cannot each leave the other as the last one.
        contact = await Contact.filter(id=address.contact_id).select_for_update().get()
        address = await _locked(address)
        if address.archived:
            return address
        if contact.kind == ContactKind.CLIENT:
            others = Address.filter(contact_id=contact.id, archived=False).exclude(id=address.id)
            open_orders = Order.filter(client_id=contact.id).exclude(status__in=CLOSED_STATUSES)
            if not await others.exists() and await open_orders.exists():
                raise DomainError(
                    ErrorCode.CONFLICT,
                    f"The address {address.text!r} is {contact.name}'s only active address and "
                    "the client has open orders; add another address first",
                    ["id"],
                )
        address.archived = True
        await address.save(update_fields=["archived"])
    return address
