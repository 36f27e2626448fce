"""Who reads the messages the service sent outside the app (DESIGN's role table:
`Order.outbound` is OWNER/STAFF only) and whose notification preferences are whose.

A message's text was written for its recipient's role, but the list of them says who was
reached, on which address and what failed: the company's business, not a portal member's
(a client does not learn the contractor's e-mail this way). Staff see the messages of the
orders they see; a message about no order (a reminder to a member) is the OWNER's to see.
"""

from __future__ import annotations

from domain.errors import not_found
from models import OutboundMessage
from permissions.actor import Actor
from permissions.orders import visible_orders


def can_see_outbound(actor: Actor, order: object = None) -> bool:
    """OWNER/STAFF, of an order they see (the field is on that order)."""
    return actor.is_staff


def can_see_notification_preferences(actor: Actor, member_id: int) -> bool:
    """The member itself only: its choice of channels says where it may be found."""
    return actor.membership_id == member_id


async def access_outbound_message_by_id(
    actor: Actor, message_id: int | None, field: list[str] | None = None
) -> OutboundMessage:
    """A message of an order the actor sees, for staff (node(id)); the same NOT_FOUND for a
    missing one and for one it may not see."""
    row = None
    if message_id is not None and actor.is_staff:
        row = await OutboundMessage.get_or_none(id=message_id, company_id=actor.company_id)
    if row is None:
        raise not_found("OutboundMessage", field)
    if row.order_id is None:
        if not actor.is_owner:
            raise not_found("OutboundMessage", field)
    elif not await visible_orders(actor).filter(id=row.order_id).exists():
        raise not_found("OutboundMessage", field)
    return row
