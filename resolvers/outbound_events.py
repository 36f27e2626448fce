"""Which order events reach the order's client and contractor outside the app, and with what.

resolvers.events.record calls `on_order_event_outbound` inside the change's transaction, so
the messages (resolvers/outbound.py) commit or roll back with the change; the outbound queue
sends them after.

| event                                  | to             | kind                  |
|----------------------------------------|----------------|-----------------------|
| contractor booked (ASSIGNED, or        | the contractor | ORDER_ASSIGNED        |
| CREATED with a contractor)             | the client     | ORDER_ASSIGNED        |
| visit moved or removed (UPDATED: the   | the contractor | ORDER_ASSIGNED        |
| window differs from the last one sent) |                |                       |
| contractor replaced or removed         | the contractor | ORDER_ASSIGNED        |
| (ASSIGNED or UPDATED), once told it    | that was told  | (no kind of its own)  |
| was booked                             | it was booked  |                       |
| order CANCELLED with a contractor      | the contractor | ORDER_STATUS_CHANGED  |
| accepted: status first ASSIGNED or     | the client     | ORDER_STATUS_CHANGED  |
| IN_PROGRESS (STATUS_CHANGED) with no   |                |                       |
| earlier booking or acceptance message  |                |                       |
| OVERDUE (the deadline watch)           | the client     | ORDER_OVERDUE         |
| DONE, not yet rated                    | the client     | RATING_REQUESTED      |
| a staff comment visible to the CLIENT  | the client     | ORDER_COMMENTED       |

Texts carry only what the recipient's role reads in the API (DESIGN's field rules): a
contractor gets the order's number, title, description, address and details and the visit,
never the price, the client's phone or e-mail (a contractor sees the client's name and the
order's address only), nor the internal note; a client gets its order's terms and the visit,
never the fee or the internal note. The contractor's name is left out too: the booking says
when, the portal says who. Times are in the company's zone, in each person's language.

The visit a contractor was last told of is kept in the message's dedupe key ("visit:<order>:
<event>:<start>/<end>"), an unbooking in "off:<order>:<event>:c<contact>"; so an ASSIGNED or
UPDATED event (a title edit, a rating) costs one SELECT of those keys, which says both whether
the window changed and which contractor told of a booking is off the order now. Other events
cost nothing when they tell no one.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from compat.tortoise import cached_values
from domain.texts import t, when, window
from models import (
    Address,
    Comment,
    CommentVisibility,
    Membership,
    NotificationKind,
    Order,
    OrderEvent,
    OrderEventKind,
    OrderStatus,
    OutboundMessage,
    Role,
)
from resolvers.outbound import Render, queue_for_contact

STAFF = (Role.OWNER, Role.STAFF)
_VISIT_KEY = "visit"
# The dedupe key's head of "you are no longer booked": the one message to a contact that is
# off the order by definition (channels/outbound_delivery.py does not hold it back for that).
OFF_KEY = "off"


def _window_tag(order: Order) -> str:
    if order.visit_start is None or order.visit_end is None:
        return "none"
    return f"{int(order.visit_start.timestamp())}-{int(order.visit_end.timestamp())}"


# The order's address and its company's zone: one row, its SELECT built once per dialect
# (compat.tortoise.cached_values).
_PLACE = ("text", "details", "company__timezone")


class _Texts:
    """The order's values each text is made of, read once per event."""

    def __init__(self, order: Order, place: dict[str, Any] | None) -> None:
        self.order = order
        self.zone: str = place["company__timezone"] if place is not None else "UTC"
        self.address: str = place["text"] if place is not None else ""
        self.details: str = (place["details"] or "-") if place is not None else "-"

    def visit(self, locale: str) -> str:
        order = self.order
        if order.visit_start is None or order.visit_end is None:
            return t(locale, "outbound.visit.none")
        return window(order.visit_start, order.visit_end, locale, self.zone)

    def render(self, key: str, **values: object) -> Render:
        order = self.order

        def make(locale: str) -> tuple[str | None, str]:
            common: dict[str, object] = {
                "number": order.number,
                "title": order.title,
                "visit": self.visit(locale),
                "deadline": when(order.deadline, locale, self.zone),
                "address": self.address,
                "details": self.details,
                "description": order.description or "-",
                **values,
            }
            subject = t(locale, f"{key}.subject", **common)
            return subject, t(locale, f"{key}.text", **common)

        return make


async def on_order_event_outbound(
    order: Order, event: OrderEvent, comment: Comment | None = None
) -> None:
    """The messages outside the app of one order event (module docstring)."""
    kind = event.kind
    booked = order.contractor_id is not None and (
        kind == OrderEventKind.ASSIGNED or kind == OrderEventKind.CREATED
    )
    if not (
        booked
        or kind
        in (
            OrderEventKind.OVERDUE,
            OrderEventKind.STATUS_CHANGED,
            OrderEventKind.ASSIGNED,
            OrderEventKind.UPDATED,
        )
        or (kind == OrderEventKind.COMMENTED and _for_client(comment))
    ):
        return
    left: list[int] = []
    moved = False
    if kind in (OrderEventKind.ASSIGNED, OrderEventKind.UPDATED):
        told = await _told_of_visits(order)
        left = _left(order, told)
        moved = kind == OrderEventKind.UPDATED and _visit_changed(order, told)
        if not (booked or moved or left):
            return
    if kind == OrderEventKind.COMMENTED and not await _by_staff(comment):
        return
    if kind == OrderEventKind.STATUS_CHANGED and not await _status_tells(order):
        return
    places = await cached_values(Address, Q(id=order.address_id), _PLACE, limit=1)
    texts = _Texts(order, places[0] if places else None)
    contractor = order.contractor_id
    for gone in left:  # exempt from the delivery's "still on the order" check (OFF_KEY)
        key = f"{OFF_KEY}:{order.id}:{event.id}:c{gone}"
        unbooked = texts.render("outbound.unbooked.contractor")
        await queue_for_contact(gone, NotificationKind.ORDER_ASSIGNED, order.id, unbooked, key)
    if booked and contractor is not None:
        await _tell_visit(order, event, contractor, texts, "outbound.booked.contractor")
        await queue_for_contact(
            order.client_id,
            NotificationKind.ORDER_ASSIGNED,
            order.id,
            texts.render("outbound.booked.client"),
        )
    elif kind == OrderEventKind.UPDATED and contractor is not None and moved:
        key = "outbound.visit_moved" if order.visit_start else "outbound.visit_removed"
        await _tell_visit(order, event, contractor, texts, key)
    elif kind == OrderEventKind.OVERDUE:
        await queue_for_contact(
            order.client_id,
            NotificationKind.ORDER_OVERDUE,
            order.id,
            texts.render("outbound.overdue.client"),
        )
    elif kind == OrderEventKind.COMMENTED and comment is not None:
        await queue_for_contact(
            order.client_id,
            NotificationKind.ORDER_COMMENTED,
            order.id,
            texts.render("outbound.comment.client", comment=comment.body),
        )
    elif kind == OrderEventKind.STATUS_CHANGED:
        await _status_changed(order, texts)


def _for_client(comment: Comment | None) -> bool:
    return comment is not None and comment.visibility == CommentVisibility.CLIENT


async def _by_staff(comment: Comment | None) -> bool:
    """A reply from the company, not the client's own words echoed back to it."""
    if comment is None:
        return False
    author = await cached_values(Membership, Q(id=comment.author_id), ("role",), limit=1)
    return bool(author) and author[0]["role"] in STAFF


async def _told_of_visits(order: Order) -> list[tuple[int | None, str]]:
    """(contact, dedupe key) of the order's booking, visit and unbooking messages, oldest
    first: one SELECT."""
    prefixes = Q(dedupe_key__startswith=f"{_VISIT_KEY}:{order.id}:") | Q(
        dedupe_key__startswith=f"{OFF_KEY}:{order.id}:"
    )
    rows = await cached_values(
        OutboundMessage, Q(prefixes, order_id=order.id), ("id", "contact_id", "dedupe_key")
    )
    return [(r["contact_id"], str(r["dedupe_key"])) for r in sorted(rows, key=lambda r: r["id"])]


def _visit_changed(order: Order, told: list[tuple[int | None, str]]) -> bool:
    """Whether the order's window differs from the last one its contractor was told of."""
    last = [key for contact, key in told if contact == order.contractor_id]
    if not last or not last[-1].startswith(f"{_VISIT_KEY}:"):
        return False  # never told of a visit: nothing to correct
    return last[-1].split(":")[3] != _window_tag(order)


def _left(order: Order, told: list[tuple[int | None, str]]) -> list[int]:
    """Contractors told they are booked, now off the order, and not told so yet."""
    last: dict[int, str] = {}
    for contact, key in told:
        if contact is not None and contact != order.client_id:
            last[contact] = key
    return [
        contact
        for contact, key in last.items()
        if contact != order.contractor_id and key.startswith(f"{_VISIT_KEY}:")
    ]


async def _tell_visit(
    order: Order, event: OrderEvent, contractor: int, texts: _Texts, key: str
) -> None:
    tag = f"{_VISIT_KEY}:{order.id}:{event.id}:{_window_tag(order)}"
    await queue_for_contact(
        contractor, NotificationKind.ORDER_ASSIGNED, order.id, texts.render(key), tag
    )


async def _status_tells(order: Order) -> bool:
    """Whether a status change tells anyone outside the app (before reading any text's
    values): a cancellation with a contractor, the first acceptance, a finish not rated."""
    status = order.status
    if status == OrderStatus.CANCELLED:
        return order.contractor_id is not None
    if status == OrderStatus.DONE:
        return order.rating is None
    if status in (OrderStatus.ASSIGNED, OrderStatus.IN_PROGRESS):
        told = Q(
            order_id=order.id,
            contact_id=order.client_id,
            kind__in=(NotificationKind.ORDER_ASSIGNED, NotificationKind.ORDER_STATUS_CHANGED),
        )
        return not await cached_values(OutboundMessage, told, ("id",), limit=1)
    return False


async def _status_changed(order: Order, texts: _Texts) -> None:
    status = order.status
    if status == OrderStatus.CANCELLED and order.contractor_id is not None:
        await queue_for_contact(
            order.contractor_id,
            NotificationKind.ORDER_STATUS_CHANGED,
            order.id,
            texts.render("outbound.cancelled.contractor"),
        )
    elif status in (OrderStatus.ASSIGNED, OrderStatus.IN_PROGRESS):
        await queue_for_contact(
            order.client_id,
            NotificationKind.ORDER_STATUS_CHANGED,
            order.id,
            texts.render("outbound.accepted.client"),
        )
    elif status == OrderStatus.DONE and order.rating is None:
        link = await _rating_link(order)
        await queue_for_contact(
            order.client_id,
            NotificationKind.RATING_REQUESTED,
            order.id,
            texts.render("outbound.done.client", link=link),
        )


async def _rating_link(order: Order) -> str:
    # Imported here: resolvers.rating_links records its rating through resolvers.events,
    # which calls this module.
    from resolvers.rating_links import new_rating_link

    return await new_rating_link(order.id, order.company_id)


Told = set[tuple[int, NotificationKind]]


async def contacts_told(order: Order, event: OrderEvent, comment: Comment | None = None) -> Told:
    """(contact, kind) that `on_order_event_outbound` tells of this event, asked before it
    runs (resolvers.notification_writes: a portal member hears of it once per channel).
    Booked, accepted, cancelled, overdue, done and a staff reply to the client; a moved
    visit is `visit_told`. At most one SELECT (a comment's author, or an earlier acceptance)."""
    kind, client, contractor = event.kind, order.client_id, order.contractor_id
    told: Told = set()
    if contractor is not None and kind in (OrderEventKind.ASSIGNED, OrderEventKind.CREATED):
        told |= {(contractor, NotificationKind.ORDER_ASSIGNED)}
        told |= {(client, NotificationKind.ORDER_ASSIGNED)}
    elif kind == OrderEventKind.OVERDUE:
        told.add((client, NotificationKind.ORDER_OVERDUE))
    elif kind == OrderEventKind.COMMENTED and _for_client(comment) and await _by_staff(comment):
        told.add((client, NotificationKind.ORDER_COMMENTED))
    elif kind == OrderEventKind.STATUS_CHANGED and await _status_tells(order):
        if order.status == OrderStatus.CANCELLED and contractor is not None:
            told.add((contractor, NotificationKind.ORDER_STATUS_CHANGED))
        elif order.status == OrderStatus.DONE:
            told.add((client, NotificationKind.RATING_REQUESTED))
        elif order.status != OrderStatus.CANCELLED:
            told.add((client, NotificationKind.ORDER_STATUS_CHANGED))
    return told


async def visit_told(order: Order, event: OrderEvent) -> Told:
    """Whether the moved visit of `event` was told to the contractor (asked after
    `on_order_event_outbound` ran: its rows carry the event in their key): one SELECT."""
    contractor = order.contractor_id
    if contractor is None:
        return set()
    key = Q(order_id=order.id, dedupe_key__startswith=f"{_VISIT_KEY}:{order.id}:{event.id}:")
    rows = await cached_values(OutboundMessage, key, ("id",), limit=1)
    return {(contractor, NotificationKind.ORDER_ASSIGNED)} if rows else set()
