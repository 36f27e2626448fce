"""Who may tie a Telegram chat to a person, and who may rate an order from a chat.

A chat tied to a contact gets every message the service sends that contact, and its rating
buttons rate the contact's orders as its client: it reaches all the contact's orders, like
a portal login does. So it is a credential (permissions/credentials.py): any member ties its
own chat, and only the OWNER ties a chat to a contact (a STAFF member's orders are not all of
that contact's). An API token ties nothing: the chat would outlive the token.
"""

from __future__ import annotations

from domain.errors import DomainError, ErrorCode
from models import Contact, Membership, Order, OrderStatus, Role
from permissions.actor import Actor
from permissions.contacts import can_edit_contacts
from permissions.credentials import Grant, check_may_mint_for


def check_may_link_telegram(actor: Actor, for_contact: bool) -> None:
    """Checked before the contact is looked up, so a refused caller learns nothing of it."""
    if not for_contact:
        return  # any member, its own chat (API tokens are refused by permissions.operations)
    if not can_edit_contacts(actor):
        raise DomainError(ErrorCode.FORBIDDEN, "Only the company's staff link contacts")
    check_may_mint_for(actor, Grant(Role.CLIENT))


async def can_rate_from_chat(order: Order, chat_id: int) -> bool:
    """The chat is tied, now, to the order's client contact or to an active CLIENT member of
    it (the rule of rateOrder: the order's client rates it), and the order is DONE."""
    if order.status != OrderStatus.DONE:
        return False
    if await Contact.filter(
        id=order.client_id, company_id=order.company_id, telegram_chat_id=chat_id
    ).exists():
        return True
    return await Membership.filter(
        company_id=order.company_id,
        contact_id=order.client_id,
        role=Role.CLIENT,
        active=True,
        telegram_chat_id=chat_id,
    ).exists()
