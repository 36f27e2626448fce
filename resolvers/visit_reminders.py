"""VISIT_REMINDER: Company.visit_reminder_hours before each booked visit, once per visit start.

Who hears, with the order's fields each may read (no money at all: a contractor may not read
the price, a client not the fee, and a reminder needs neither):
- the client contact and the contractor contact, through resolvers.outbound (their notify_by
  channels, or a portal member's own choice for the kind), whether or not anyone logs in;
- the client's and the contractor's active portal members who may see the order, in the app
  (unless a member's preferences for the kind leave IN_APP out).

The claim is a conditional UPDATE that copies the visit start into `reminded_for`
(deadline_watch's way), in the same transaction as the messages; the outbound rows carry the
dedupe key "visit_reminder:<order>:<visit start>" besides. A moved visit differs from
`reminded_for` again and is reminded anew; a visit already begun is never reminded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from domain.texts import pick_locale, t, window
from models import (
    CLOSED_STATUSES,
    Company,
    DeliveryChannel,
    Membership,
    Notification,
    NotificationKind,
    Order,
    OrderStatus,
    Role,
)
from permissions.audience import listed_portal_members
from permissions.authenticate import actor_of
from permissions.orders import OrderKeys, can_see_order
from realtime.notifications import publish_notifications
from resolvers.notifications import write_notifications
from resolvers.outbound import member_channels, queue_for_contact

KIND = NotificationKind.VISIT_REMINDER
OPEN_ORDER = [s for s in OrderStatus if s not in CLOSED_STATUSES]


def _due(company_id: int, now: datetime, hours: int) -> Q:
    unclaimed = Q(reminded_for=None) | ~Q(reminded_for=F("visit_start"))
    return unclaimed & Q(
        company_id=company_id,
        status__in=OPEN_ORDER,
        visit_start__gt=now,
        visit_start__lte=now + timedelta(hours=hours),
    )


async def remind_visits(now: datetime, batch: int, companies: Sequence[int] | None) -> int:
    """Claim and send this round's reminders; the number claimed by this call."""
    scope = Q() if companies is None else Q(id__in=list(companies))
    reminded: list[int] = []
    for company in await Company.filter(scope, visit_reminder_hours__isnull=False):
        hours = company.visit_reminder_hours or 0
        due = _due(company.id, now, hours)
        rows = await Order.filter(due).order_by("visit_start", "id").limit(batch).values("id")
        for order_id in sorted(int(r["id"]) for r in rows):
            async with in_transaction():
                if not await Order.filter(due, id=order_id).update(reminded_for=F("visit_start")):
                    continue
                reminded.append(order_id)
                await _remind(company, order_id)
    if reminded:
        await publish_notifications(Notification.filter(order_id__in=reminded, kind=KIND))
    return len(reminded)


async def _remind(company: Company, order_id: int) -> None:
    order = await Order.get(id=order_id).select_related("address", "responsible")
    start, end = order.visit_start, order.visit_end
    if start is None or end is None:  # claimed on its visit start: both are set
        return

    def render(locale: str) -> tuple[str | None, str]:
        subject = t(locale, "visit_reminder.subject", number=order.number)
        text = t(
            locale,
            "visit_reminder.text",
            number=order.number,
            title=order.title,
            window=window(start, end, locale, company.timezone),
            address=order.address.text,
        )
        return subject, text

    parties = [(order.client_id, Role.CLIENT)]
    if order.contractor_id is not None:
        parties.append((order.contractor_id, Role.CONTRACTOR))
    members = await Membership.filter(
        Q(*(listed_portal_members([c], [r]) for c, r in parties), join_type="OR"),
        company_id=company.id,
        active=True,
    ).select_related("contact")
    keys = OrderKeys(company.id, order.client_id, order.contractor_id, order.responsible.path)
    notes: list[Notification] = []
    for member in members:
        actor = actor_of(member, None)
        chosen = member_channels(member, KIND)
        if not can_see_order(actor, keys) or (
            chosen is not None and DeliveryChannel.IN_APP not in chosen
        ):
            continue
        contact_locale = member.contact.locale if member.contact else None
        _, text = render(pick_locale(member.locale, contact_locale, company.locale))
        notes.append(
            Notification(
                company_id=company.id, member_id=member.id, kind=KIND, text=text, order_id=order.id
            )
        )
    await write_notifications(notes)
    key = f"visit_reminder:{order.id}:{start.isoformat()}"
    for contact_id, _ in parties:
        await queue_for_contact(contact_id, KIND, order.id, render, dedupe_key=key)
