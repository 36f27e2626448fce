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
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.expressions import Q

from config.settings import current
from domain.errors import invalid
from domain.texts import t
from models import (
    Comment,
    Membership,
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
from resolvers.mail import queue_emails
from resolvers.notification_texts import (
    Reader,
    order_text,
    task_text,
    visit_moved_text,
    webhook_disabled_text,
)
from resolvers.pagination import Page, paginate

EMAIL_KINDS = frozenset(
    {
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_DEADLINE_SOON,
        NotificationKind.ORDER_OVERDUE,
        NotificationKind.TASK_OVERDUE,
    }
)
INSERT_BATCH = 500
MAX_IDS = 1000
NEWEST_FIRST = ("-created_at", "-id")

# Order events that tell the parties of the order (UPDATED only when it is a rating).
_TO_PARTIES = (OrderEventKind.STATUS_CHANGED, OrderEventKind.COMMENTED, OrderEventKind.UPDATED)


@dataclass(frozen=True, slots=True)
class Recipient:
    id: int
    user_id: int
    company_id: int
    role: Role
    path: str
    contact_id: int | None
    email: str
    reader: Reader
    active: bool = True

    @property
    def actor(self) -> Actor:
        """The member as an actor, to ask the permission rules what it may see."""
        return Actor(
            self.id, self.user_id, self.company_id, self.role, self.path, self.contact_id, None
        )


_WHO = ("id", "user_id", "company_id", "role", "path", "contact_id", "user__email", "active")
# What a text needs to be in the member's language and the company's zone (joined).
_LANGUAGE = ("locale", "contact__locale", "company__locale", "company__timezone")


async def _recipients(condition: Q, leavers: bool = False) -> list[Recipient]:
    """Active memberships (`leavers`: all, for rows that were always written, never mailed),
    their logins' e-mails and languages: one statement (a leaver hears nothing)."""
    query = Membership.filter(condition) if leavers else Membership.filter(condition, active=True)
    rows = await query.values(*_WHO, *_LANGUAGE)
    return [
        Recipient(
            r["id"],
            r["user_id"],
            r["company_id"],
            Role(r["role"]),
            r["path"],
            r["contact_id"],
            r["user__email"],
            Reader.of(
                r["locale"], r["contact__locale"], r["company__locale"], r["company__timezone"]
            ),
            bool(r["active"]),
        )
        for r in rows
    ]


async def _write(notes: list[Notification], recipients: Sequence[Recipient]) -> None:
    """One INSERT of the notifications; one of the e-mail copies of those that get one."""
    if not notes:
        return
    await Notification.bulk_create(notes, batch_size=INSERT_BATCH)
    by_id = {r.id: r for r in recipients}
    link = current().public_url
    copies = [
        (
            n.company_id,
            by_id[n.member_id].email,
            n.text,
            t(by_id[n.member_id].reader.locale, "mail.notification_copy", text=n.text, link=link),
        )
        for n in notes
        if n.kind in EMAIL_KINDS and n.member_id in by_id
    ]
    if copies:
        await queue_emails(copies)


async def coalesce(notes: list[Notification], about: str) -> list[Notification]:
    """Of `notes`, those still to insert. Where a member has an unread notification of the
    same kind about the same object (`about`: "order_id" or "conversation_id"), that one
    takes the new text and event, moves to the top and is published again (one SELECT, and
    one UPDATE per distinct text, whatever the number of members)."""
    if not notes:
        return notes
    unread = await Notification.filter(
        member_id__in={n.member_id for n in notes},
        kind__in={n.kind for n in notes},
        read_at=None,
        **{f"{about}__in": {getattr(n, about) for n in notes}},
    ).values("id", "member_id", "kind", about)
    found: dict[tuple[int, str, int | None], list[int]] = defaultdict(list)
    for row in unread:
        found[(row["member_id"], str(row["kind"]), row[about])].append(row["id"])
    fresh: list[Notification] = []
    updates: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for note in notes:
        ids = found.get((note.member_id, str(note.kind), getattr(note, about)))
        if ids:
            updates[(note.text, note.event_id)].extend(ids)
        else:
            fresh.append(note)
    now = datetime.now(UTC)
    for (text, event_id), ids in updates.items():
        await Notification.filter(id__in=ids).update(
            text=text, event_id=event_id, created_at=now, published_at=None
        )
    return fresh


async def on_order_event(
    order: Order, event: OrderEvent, responsible: Membership, comment: Comment | None = None
) -> None:
    """The notifications of an order event; resolvers.events.record calls this inside the
    change's transaction, so they commit (or roll back) with it."""
    kind = event.kind
    if kind == OrderEventKind.OVERDUE:
        await notify_deadline(NotificationKind.ORDER_OVERDUE, [order], {order.id: event.id})
        return
    rating = kind == OrderEventKind.UPDATED
    if kind not in (OrderEventKind.CREATED, OrderEventKind.ASSIGNED, *_TO_PARTIES) or (
        rating and (order.rating is None or event.actor_id is None)
    ):
        return
    parts: list[Q] = []
    if kind != OrderEventKind.ASSIGNED:
        parts.append(listed_managers_up(responsible.path))
    if kind in _TO_PARTIES:
        parts.append(listed_portal_members([order.client_id], [Role.CLIENT]))
    if order.contractor_id is not None:
        parts.append(listed_portal_members([order.contractor_id], [Role.CONTRACTOR]))
    if rating:  # the actor comes along: only the order's client rates; staff edits tell no one
        parts.append(Q(id=event.actor_id))
    rows = await _recipients(Q(company_id=order.company_id) & Q(*parts, join_type="OR"))
    if rating and not any(r.id == event.actor_id and can_rate(r.actor, order) for r in rows):
        return
    keys = OrderKeys(order.company_id, order.client_id, order.contractor_id, responsible.path)
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
    if kind != OrderEventKind.CREATED:  # nobody has heard of a new order yet
        notes = await coalesce(notes, "order_id")
    await _write(notes, rows)


async def on_visit_moved(order: Order, event: OrderEvent) -> None:
    """A visit moved or removed (the UPDATED `event`): the client's and the contractor's
    portal members who may see the order are told the new window, inside the change's
    transaction. One SELECT of them, one of their unread ones, then the UPDATE or INSERT."""
    contacts = [(order.client_id, Role.CLIENT)]
    if order.contractor_id is not None:
        contacts.append((order.contractor_id, Role.CONTRACTOR))
    parts = [listed_portal_members([contact], [role]) for contact, role in contacts]
    rows = await _recipients(Q(company_id=order.company_id) & Q(*parts, join_type="OR"))
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
    await _write(await coalesce(notes, "order_id"), rows)


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
    kind: NotificationKind, orders: Sequence[Order], event_ids: Mapping[int, int] | None = None
) -> int:
    """ORDER_DEADLINE_SOON or ORDER_OVERDUE for `orders` (one SELECT for all recipients): to
    the executor (the contractor's portal members; the responsible member when there is no
    contractor or it has no portal login, since staff then run it) and the client's members."""
    if not orders:
        return 0
    contacts = {o.client_id for o in orders} | {
        o.contractor_id for o in orders if o.contractor_id is not None
    }
    rows = await _recipients(
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
    await _write(notes, rows)
    return len(notes)


async def on_tasks_assigned(tasks: Sequence[Task]) -> int:
    """TASK_ASSIGNED to each assignee who did not create the task itself (one SELECT of
    their languages, one INSERT; no e-mail)."""
    told = [task for task in tasks if task.assignee_id != task.creator_id]
    if not told:
        return 0
    assignees = await _recipients(Q(id__in={task.assignee_id for task in told}), leavers=True)
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
    await _write(notes, [])
    return len(notes)


async def notify_tasks_overdue(tasks: Sequence[Task]) -> int:
    """TASK_OVERDUE to each task's assignee, with an e-mail copy (one SELECT for the e-mails)."""
    if not tasks:
        return 0
    rows = await _recipients(Q(id__in={task.assignee_id for task in tasks}), leavers=True)
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
    await _write(notes, [r for r in rows if r.active])
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

    owners = await _recipients(Q(company_id=company_id, role=Role.OWNER))
    notes = [
        Notification(
            company_id=company_id,
            member_id=owner.id,
            kind=NotificationKind.WEBHOOK_DISABLED,
            text=webhook_disabled_text(url, reason, owner.reader),
        )
        for owner in owners
    ]
    await _write(notes, owners)
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
    await _write(notes, [])
