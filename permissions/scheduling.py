"""Who may ask when a contractor is free (`freeSlots`) and whom to send to an order
(`suggestContractors`).

The role table's row "visits, freeSlots, suggestContractors": OWNER and STAFF plan the
company's work, so they may ask about any of its contractors; a CONTRACTOR member plans its
own day, so it may ask about its own contact only; a CLIENT never sees a contractor's diary.
A contractor the actor may not ask about is NOT_FOUND, exactly like one that does not exist.
Suggestions rank the company's contractors for an order: staff who see the order only.
"""

from __future__ import annotations

from tortoise.queryset import QuerySet

from domain.errors import forbidden, not_found
from models import Contact, ContactKind, Order, Role
from permissions.actor import Actor
from permissions.contacts import visible_contacts
from permissions.orders import access_order_by_id


def visible_schedulable_contractors(actor: Actor) -> QuerySet[Contact]:
    """The contractors whose free time the actor may ask for: the company's for staff, its
    own contact for a CONTRACTOR member, none for a CLIENT member."""
    contractors = visible_contacts(actor).filter(kind=ContactKind.CONTRACTOR)
    if actor.is_staff:
        return contractors
    if actor.role == Role.CONTRACTOR:
        return contractors.filter(id=actor.contact_id or 0)
    return contractors.filter(id__in=[])


async def access_schedulable_contractor_by_id(actor: Actor, contact_id: int | None) -> Contact:
    """A contractor of `visible_schedulable_contractors`, or NOT_FOUND for `contractorId`."""
    contractor = (
        None
        if contact_id is None
        else await visible_schedulable_contractors(actor).get_or_none(id=contact_id)
    )
    if contractor is None:
        raise not_found("Contact", ["contractorId"])
    return contractor


def check_may_suggest_contractors(actor: Actor) -> None:
    """Choosing a contractor is dispatching, staff work: portal members are refused outright,
    whatever the order (so the answer says nothing about an order they cannot see)."""
    if not actor.is_staff:
        raise forbidden("Suggestions are for staff")


async def access_suggestion_order_by_id(actor: Actor, order_id: int | None) -> Order:
    """The order to suggest contractors for: staff who see it; NOT_FOUND for one they do not."""
    check_may_suggest_contractors(actor)
    return await access_order_by_id(actor, order_id, ["orderId"])


def visible_suggested_contractors(actor: Actor) -> QuerySet[Contact]:
    """The contractors a suggestion may name: every contractor of the company (staff only)."""
    check_may_suggest_contractors(actor)
    return visible_schedulable_contractors(actor)
