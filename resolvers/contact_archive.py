"""Archiving a contact the company no longer works with, and restoring it.

An archived contact keeps its orders and their history: its open orders are left exactly
as they are (staff finish or cancel them as usual), its portal members still see them and
its own card still resolves. It is left out of the contacts list unless asked for
(permissions.contacts.listed_contacts) and takes no new work: no new order or series for an
archived client (staff or its own portal), no assignment, booking or suggestion of an
archived contractor, and the series round makes no more orders for either
(permissions.contacts.check_takes_new_work, resolvers/series_round.py). Restoring undoes all
of it; the series then make their orders from today on.
"""

from __future__ import annotations

from domain.errors import forbidden
from models import Contact
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id, can_edit_contacts


async def set_archived(actor: Actor, contact_id: int | None, archived: bool) -> Contact:
    """archiveContact / restoreContact, by updateContact's rules: NOT_FOUND when hidden,
    FORBIDDEN for portal members; doing it twice changes nothing."""
    contact = await access_contact_by_id(actor, contact_id, ["id"])
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may edit contacts")
    if contact.archived != archived:
        _ = await Contact.filter(id=contact.id).update(archived=archived)
        contact.archived = archived
    return contact
