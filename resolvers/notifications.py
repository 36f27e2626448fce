"""Who is told of what: notifications per member, written in the transaction of the change.

| change                         | who is told (never the actor itself)         | kind                 |
|--------------------------------|----------------------------------------------|----------------------|
| new order                      | its responsible member and that member's     | ORDER_CREATED        |
|                                | managers up the tree (the materialised path) |                      |
|                                | a contractor given at creation: its portal   | ORDER_ASSIGNED       |
|                                | members                                      |                      |
| contractor assigned            | the contractor's portal members              | ORDER_ASSIGNED       |
| status change                  | the parties who may see the order: the       | ORDER_STATUS_CHANGED |
|                                | responsible and its managers up, the         |                      |
|                                | client's and the contractor's portal members |                      |
| comment                        | those parties whose role may read the        | ORDER_COMMENTED      |
|                                | comment's visibility                         |                      |
| rating (an UPDATED event made  | the parties who may see the order; the text  | ORDER_COMMENTED      |
| by the order's client)         | gives the stars, never the feedback (which   | (the contract has no |
|                                | the contractor may not read)                 | kind of its own)     |
| visit moved or removed (an     | the client's and the contractor's portal     | ORDER_ASSIGNED (no   |
| UPDATED event of updateOrder)  | members; the text gives the new window       | kind of its own: the |
|                                |                                              | one that says when to|
|                                |                                              | work, e-mail copy)   |
| deadline soon (watch) / passed | the executor: the contractor's portal        | ORDER_DEADLINE_SOON  |
|                                | members, else the responsible member (no     | ORDER_OVERDUE        |
|                                | contractor, or an offline one that staff     |                      |
|                                | run); and the client's portal members        |                      |
| task for someone else          | the assignee (not when it is the creator)    | TASK_ASSIGNED        |
| task deadline passed (watch)   | the assignee                                 | TASK_OVERDUE         |

Other edits of an order's terms by staff, and photos, tell no one. Every recipient is also checked
with the order's own visibility rule (permissions.orders.can_see_order) before it is told.

News is coalesced: a member who has not read a notification of one kind about an order (or a
conversation: resolvers.conversation_notifications) gets that one again, with the newest text,
moved to the top and published anew, instead of another row: 200 comments leave one unread
ORDER_COMMENTED per recipient, not 200 (`coalesce`). An e-mail copy goes with a new row only.

E-mail copies (resolvers.mail: the outbox invitations use) go for the kinds that ask someone
to act and may find them away from the app: ORDER_ASSIGNED (a contractor's new work),
ORDER_DEADLINE_SOON, ORDER_OVERDUE and TASK_OVERDUE. New orders, status changes, comments,
ratings and new tasks stay in the app: they are frequent, and those they concern work there.

Each member's setNotificationPreferences for the kind decide how it hears (in the app, on
channels outside it, not at all; no choice: as above), and a portal member whose contact is
told of the event outside the app (resolvers.outbound_events) hears of it once per channel:
resolvers.notification_writes.deliver, which also writes (the recipients' SELECT, `coalesce`,
the INSERT and e-mail copies). A choice outside the app costs one INSERT of all the
`OutboundMessage`s, and at most one SELECT of what the event tells outside.

Statements: an order event costs one SELECT of its recipients (memberships joined with their
logins' e-mails), one SELECT of their unread notifications about the order (not for a new
order) and one UPDATE of those, then one INSERT of the other notifications and, for an e-mail kind, one INSERT
of all the e-mails; staff edits of the terms cost nothing. The watch pays the same three per
batch of orders. A task assignment costs one SELECT (the assignee's language) and one INSERT.

Texts (resolvers.notification_texts, domain/locales/*/notifications.po) are in each
recipient's language (its own, its contact's, the company's) with times in the company's
zone; the recipients' SELECT reads those with them (joins, no extra statement).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime

from tortoise.expressions import Q

from domain.errors import invalid
from models import (
    Comment,
    Notification,
    NotificationKind,
    Order,
    OrderEvent,
    OrderEventKind,
    Role,
    Task,
)
from permissions.actor import Actor
from permissions.audience import listed_managers_up, listed_portal_members
from permissions.notifications import visible_notifications
from permissions.order_status import can_rate
from permissions.orders import (
    OrderKeys,
    can_act_as_client,
    can_act_as_contractor,
    can_see_order,
    comment_visibilities,
)
from resolvers.notification_texts import (
    order_text,
    task_text,
    visit_moved_text,
    webhook_disabled_text,
)
from resolvers.notification_writes import Recipient, deliver, recipients, write
from resolvers.notification_writes import (
    coalesce as coalesce,  # resolvers.conversation_notifications
)
from resolvers.outbound_events import Told, contacts_told, visit_told
from resolvers.pagination import Page, paginate

MAX_IDS = 1000
NEWEST_FIRST = ("-created_at", "-id")

# Order events that tell the parties of the order (UPDATED only when it is a rating).
_TO_PARTIES = (OrderEventKind.STATUS_CHANGED, OrderEventKind.COMMENTED, OrderEventKind.UPDATED)


async def on_order_event(order: Order, event: OrderEvent, comment: Comment | None = None) -> None:
    """The notifications of an order event; resolvers.events.record calls this inside the
    change's transaction, so they commit (or roll back) with it."""
    kind = event.kind
    if kind == OrderEventKind.OVERDUE:
        told = await contacts_told(order, event)  # no statement: the client is told
        await notify_deadline(NotificationKind.ORDER_OVERDUE, [order], {order.id: event.id}, told)
        return
    rating = kind == OrderEventKind.UPDATED
    if kind not in (OrderEventKind.CREATED, OrderEventKind.ASSIGNED, *_TO_PARTIES) or (
        rating and (order.rating is None or event.actor_id is None)
    ):
        return
    parts: list[Q] = []
    if kind != OrderEventKind.ASSIGNED:
        parts.append(listed_managers_up(event.responsible_path))
    if kind in _TO_PARTIES:
        parts.append(listed_portal_members([order.client_id], [Role.CLIENT]))
    if order.contractor_id is not None:
        parts.append(listed_portal_members([order.contractor_id], [Role.CONTRACTOR]))
    if rating:  # the actor comes along: only the order's client rates; staff edits tell no one
        parts.append(Q(id=event.actor_id))
    rows = await recipients(Q(company_id=order.company_id) & Q(*parts, join_type="OR"))
    if rating and not any(r.id == event.actor_id and can_rate(r.actor, order) for r in rows):
        return
    keys = OrderKeys(order.company_id, order.client_id, order.contractor_id, event.responsible_path)
    notes: list[Notification] = []
    for row in rows:
        who = row.actor
        if row.id == event.actor_id or not can_see_order(who, keys):
            continue
        if comment is not None and comment.visibility not in comment_visibilities(who):
            continue
        note_kind = _order_kind(kind, row.role)
        notes.append(
            Notification(
                company_id=order.company_id,
                member_id=row.id,
                kind=note_kind,
                text=order_text(note_kind, order, row.reader, comment),
                order_id=order.id,
                event_id=event.id,
            )
        )
    about = None if kind == OrderEventKind.CREATED else "order_id"  # nobody heard of it yet

    async def outside() -> Told:
        return await contacts_told(order, event, comment)

    await deliver(notes, rows, about, outside)


async def on_visit_moved(order: Order, event: OrderEvent) -> None:
    """A visit moved or removed (the UPDATED `event`): the client's and the contractor's
    portal members who may see the order are told the new window, inside the change's
    transaction. One SELECT of them, one of their unread ones, then the UPDATE or INSERT."""
    contacts = [(order.client_id, Role.CLIENT)]
    if order.contractor_id is not None:
        contacts.append((order.contractor_id, Role.CONTRACTOR))
    parts = [listed_portal_members([contact], [role]) for contact, role in contacts]
    rows = await recipients(Q(company_id=order.company_id) & Q(*parts, join_type="OR"))
    keys = OrderKeys(order.company_id, order.client_id, order.contractor_id, event.responsible_path)
    kind = NotificationKind.ORDER_ASSIGNED
    notes = [
        Notification(
            company_id=order.company_id,
            member_id=row.id,
            kind=kind,
            text=visit_moved_text(order, row.reader),
            order_id=order.id,
            event_id=event.id,
        )
        for row in rows
        if row.id != event.actor_id and can_see_order(row.actor, keys)
    ]

    async def outside() -> Told:
        return await visit_told(order, event)

    await deliver(notes, rows, "order_id", outside)


def _order_kind(kind: OrderEventKind, role: Role) -> NotificationKind:
    if kind == OrderEventKind.CREATED:
        return (
            NotificationKind.ORDER_ASSIGNED
            if role == Role.CONTRACTOR
            else NotificationKind.ORDER_CREATED
        )
    return {
        OrderEventKind.ASSIGNED: NotificationKind.ORDER_ASSIGNED,
        OrderEventKind.STATUS_CHANGED: NotificationKind.ORDER_STATUS_CHANGED,
    }.get(kind, NotificationKind.ORDER_COMMENTED)


async def notify_deadline(
    kind: NotificationKind,
    orders: Sequence[Order],
    event_ids: Mapping[int, int] | None = None,
    told: Told | None = None,
) -> int:
    """ORDER_DEADLINE_SOON or ORDER_OVERDUE for `orders` (one SELECT for all recipients): to
    the executor (the contractor's portal members; the responsible member when there is no
    contractor or it has no portal login, since staff then run it) and the client's members."""
    if not orders:
        return 0
    contacts = {o.client_id for o in orders} | {
        o.contractor_id for o in orders if o.contractor_id is not None
    }
    rows = await recipients(
        Q(id__in={o.responsible_id for o in orders})
        | listed_portal_members(contacts, [Role.CLIENT, Role.CONTRACTOR])
    )
    by_id = {r.id: r for r in rows}
    portal: dict[int, list[Recipient]] = defaultdict(list)
    for row in rows:
        if row.contact_id is not None:
            portal[row.contact_id].append(row)
    notes: list[Notification] = []
    for order in orders:
        responsible = by_id.get(order.responsible_id)
        contractor = portal.get(order.contractor_id, []) if order.contractor_id else []
        executor = [r for r in contractor if can_act_as_contractor(r.actor, order)]
        if not executor and responsible is not None:
            executor = [responsible]
        client = [r for r in portal.get(order.client_id, []) if can_act_as_client(r.actor, order)]
        path = responsible.path if responsible is not None else ""
        keys = OrderKeys(order.company_id, order.client_id, order.contractor_id, path)
        for row in [*executor, *client]:
            if not can_see_order(row.actor, keys):
                continue
            notes.append(
                Notification(
                    company_id=order.company_id,
                    member_id=row.id,
                    kind=kind,
                    text=order_text(kind, order, row.reader),
                    order_id=order.id,
                    event_id=(event_ids or {}).get(order.id),
                )
            )

    async def outside() -> Told:
        return told or set()

    await deliver(notes, rows, outside=outside)
    return len(notes)


async def on_tasks_assigned(tasks: Sequence[Task]) -> int:
    """TASK_ASSIGNED to each assignee who did not create the task itself (one SELECT of
    their languages, one INSERT; no e-mail)."""
    told = [task for task in tasks if task.assignee_id != task.creator_id]
    if not told:
        return 0
    assignees = await recipients(Q(id__in={task.assignee_id for task in told}), leavers=True)
    readers = {r.id: r.reader for r in assignees}
    notes = [
        Notification(
            company_id=task.company_id,
            member_id=task.assignee_id,
            kind=NotificationKind.TASK_ASSIGNED,
            text=task_text(NotificationKind.TASK_ASSIGNED, task, readers[task.assignee_id]),
            task_id=task.id,
        )
        for task in told
        if task.assignee_id in readers
    ]
    await deliver(notes, [a for a in assignees if a.active])
    return len(notes)


async def notify_tasks_overdue(tasks: Sequence[Task]) -> int:
    """TASK_OVERDUE to each task's assignee, with an e-mail copy (one SELECT for the e-mails)."""
    if not tasks:
        return 0
    rows = await recipients(Q(id__in={task.assignee_id for task in tasks}), leavers=True)
    readers = {r.id: r.reader for r in rows}
    notes = [
        Notification(
            company_id=task.company_id,
            member_id=task.assignee_id,
            kind=NotificationKind.TASK_OVERDUE,
            text=task_text(NotificationKind.TASK_OVERDUE, task, readers[task.assignee_id]),
            task_id=task.id,
        )
        for task in tasks
        if task.assignee_id in readers
    ]
    await deliver(notes, [r for r in rows if r.active])
    return len(notes)


# Reading and marking: a member's own notifications only (permissions/notifications.py).


async def list_notifications(
    actor: Actor, unread_only: bool, first: int | None, after: str | None
) -> Page[Notification]:
    """The actor's notifications, newest first."""
    query = visible_notifications(actor)
    if unread_only:
        query = query.filter(read_at=None)
    return await paginate(query, NEWEST_FIRST, first, after)


async def mark_read(actor: Actor, ids: list[int] | None, now: datetime) -> int:
    """Mark the actor's own unread notifications read (all of them when `ids` is None);
    the number that changed. Ids of other members' notifications change nothing."""
    query = visible_notifications(actor).filter(read_at=None)
    if ids is not None:
        if len(ids) > MAX_IDS:
            raise invalid(f"At most {MAX_IDS} ids at a time", "ids")
        if not ids:
            return 0
        query = query.filter(id__in=ids)
    changed: int = await query.update(read_at=now)
    return changed


async def notify_webhook_disabled(company_id: int, url: str, reason: str) -> int:
    """WEBHOOK_DISABLED to the company's active owners (one SELECT, one INSERT), published at
    once (the relay publishes it later if that fails)."""
    from realtime.notifications import publish_notifications

    owners = await recipients(Q(company_id=company_id, role=Role.OWNER))
    notes = [
        Notification(
            company_id=company_id,
            member_id=owner.id,
            kind=NotificationKind.WEBHOOK_DISABLED,
            text=webhook_disabled_text(url, reason, owner.reader),
        )
        for owner in owners
    ]
    await deliver(notes, owners)
    await publish_notifications(
        Notification.filter(
            company_id=company_id, kind=NotificationKind.WEBHOOK_DISABLED, published_at=None
        )
    )
    return len(notes)


async def write_notifications(notes: list[Notification]) -> None:
    """Insert notifications whose recipients and texts the caller chose, in each recipient's
    language (escalations, visit reminders): one INSERT, no e-mail copy (those kinds reach
    people outside the app through resolvers.outbound); the caller publishes after commit."""
    await write(notes, [])
