"""Escalation within working hours: an overdue order up the tree, an unanswered message to
its assignee and up; each step told once however many processes run the watch.

ORDER_ESCALATED: with Company.overdue_escalation_minutes = M, an open order whose deadline
lies M working minutes back (domain.working_clock; empty hours = always) tells the
responsible member's manager (level 1), after 2M the next one up (level 2), and so on up to
the top of the tree (the owner), never beyond. CONVERSATION_UNANSWERED: with
unanswered_escalation_minutes = M, an open conversation whose last message is inbound and M
working minutes old tells its assignee (the active owners when unassigned: level 1), after 2M
the assignee's manager, and so on up.

The working clock is asked once per company and level ("the latest moment that is k*M
working minutes ago"), so the database picks the due rows by an index-friendly comparison of
the deadline (or the message time) with that cutoff; rows at the top of their chain are not
selected again (the chain's length is read from the materialised path). Each step is claimed
with a conditional UPDATE, as the deadline watch claims `overdue_for`:

    UPDATE "order" SET escalated_for = deadline, escalation_level = k
    WHERE id = X AND status IN (open) AND deadline <= cutoff_k
      AND (k = 1: escalated_for IS NULL OR escalated_for <> deadline
           k > 1: escalated_for = deadline AND escalation_level = k - 1)

so only one process goes on to tell; a moved deadline (or a newer inbound message) differs
from the stored mark and starts again at level 1, and a closed order or an answer (the last
message outbound) is never selected. One level per order per round: an order overdue for
three levels' worth at once climbs a level per round (seconds apart).

Each person told follows its own setNotificationPreferences for the kind: no choice, in the
app; a choice without IN_APP, no notification; EMAIL, TELEGRAM or SMS chosen, an
`OutboundMessage` on each (resolvers.outbound.queue_for_member), in the same transaction as
the claim, so once too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import F, Q, RawSQL
from tortoise.transactions import in_transaction

from domain.texts import pick_locale, t, when
from domain.time_zones import zone
from domain.working_clock import working_cutoffs
from domain.working_hours import from_json
from models import (
    CLOSED_STATUSES,
    Company,
    Conversation,
    ConversationStatus,
    DeliveryChannel,
    Membership,
    MessageDirection,
    Notification,
    NotificationKind,
    Order,
    OrderStatus,
    Role,
)
from permissions.authenticate import actor_of
from permissions.conversations import ConversationKeys, can_see_conversation
from permissions.orders import OrderKeys, can_see_order
from realtime.notifications import publish_notifications
from resolvers.notifications import write_notifications
from resolvers.outbound import Render, member_channels, queue_for_member
from resolvers.visit_reminders import remind_visits

BATCH = 100
# No org tree is deeper than this; levels beyond it are never looked for.
MAX_LEVELS = 16
OPEN_ORDER = [s for s in OrderStatus if s not in CLOSED_STATUSES]

# The company's deepest member: "/1/7/42/" is 3 deep (no chain of managers is longer).
_DEEPEST = RawSQL(
    "(SELECT MAX(LENGTH(m.path) - LENGTH(REPLACE(m.path, '/', '')) - 1)"
    " FROM membership m WHERE m.company_id = company.id)"
)
# Managers above an order's responsible member: its path "/1/7/42/" has 4 slashes, 2 above.
_ABOVE_RESPONSIBLE = RawSQL(
    "(SELECT LENGTH(m.path) - LENGTH(REPLACE(m.path, '/', '')) - 2"
    ' FROM membership m WHERE m.id = "order".responsible_id)'
)
# The assignee and its managers: 3 for "/1/7/42/"; NULL when unassigned.
_ASSIGNEE_CHAIN = RawSQL(
    "(SELECT LENGTH(m.path) - LENGTH(REPLACE(m.path, '/', '')) - 1"
    " FROM membership m WHERE m.id = conversation.assignee_id)"
)


@dataclass(frozen=True, slots=True)
class Clock:
    """A company's cutoffs for one escalation: cutoffs[k - 1] is k steps of working time ago."""

    company_id: int
    locale: str
    zone: str
    cutoffs: Sequence[datetime]


async def escalate(
    now: datetime, batch: int = BATCH, companies: Sequence[int] | None = None
) -> int:
    """One round of escalations and visit reminders at `now` (the deadline watch's clock);
    the number of steps claimed by this call. (Times go to the database in UTC: SQLite
    compares them as text.)"""
    now = now.astimezone(UTC)
    orders = await escalate_orders(now, batch, companies)
    chats = await escalate_conversations(now, batch, companies)
    return orders + chats + await remind_visits(now, batch, companies)


async def clocks(column: str, now: datetime, companies: Sequence[int] | None) -> list[Clock]:
    """Each company with the escalation `column` set, with its cutoffs (one SELECT)."""
    scope = Q() if companies is None else Q(id__in=list(companies))
    rows = (
        await Company.filter(scope, **{f"{column}__isnull": False})
        .annotate(depth=_DEEPEST)
        .values("id", "locale", "timezone", "working_hours", "depth", column)
    )
    found: list[Clock] = []
    for row in rows:
        hours = from_json(row["working_hours"] or [])
        levels = min(int(row["depth"] or 1), MAX_LEVELS)  # no chain is longer than the tree
        cutoffs = working_cutoffs(hours, zone(row["timezone"]), now, row[column], levels)
        if cutoffs:
            found.append(Clock(row["id"], row["locale"], row["timezone"], cutoffs))
    return found


def chain(path: str) -> list[int]:
    """The member ids of a materialised path, top first: "/1/7/42/" -> [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part]


# Orders.


def _order_armed(level: int) -> Q:
    """The order waits for step `level`: level 1 after nothing (or an earlier deadline's
    steps), level k after k - 1 for this deadline."""
    if level == 1:
        return Q(escalated_for=None) | ~Q(escalated_for=F("deadline"))
    return Q(escalated_for=F("deadline"), escalation_level=level - 1)


def _order_due(cutoffs: Sequence[datetime]) -> Q:
    return Q(
        *(
            _order_armed(level) & Q(deadline__lte=cutoff, above__gte=level)
            for level, cutoff in enumerate(cutoffs, 1)
        ),
        join_type="OR",
    )


async def escalate_orders(now: datetime, batch: int, companies: Sequence[int] | None) -> int:
    told: list[int] = []
    claimed = 0
    for clock in await clocks("overdue_escalation_minutes", now, companies):
        rows = (
            await Order.filter(company_id=clock.company_id, status__in=OPEN_ORDER)
            .annotate(above=_ABOVE_RESPONSIBLE)
            .filter(_order_due(clock.cutoffs))
            .order_by("deadline", "id")
            .limit(batch)
            .values("id", "deadline", "escalated_for", "escalation_level")
        )
        for row in sorted(rows, key=lambda r: int(r["id"])):
            level = _next_level(row, "escalated_for", "deadline", "escalation_level")
            async with in_transaction():
                if not await Order.filter(
                    _order_armed(level),
                    id=row["id"],
                    status__in=OPEN_ORDER,
                    deadline__lte=clock.cutoffs[level - 1],
                ).update(escalated_for=F("deadline"), escalation_level=level):
                    continue
                claimed += 1
                if await _tell_manager(clock, row["id"], level):
                    told.append(row["id"])
    if told:
        await publish_notifications(
            Notification.filter(order_id__in=told, kind=NotificationKind.ORDER_ESCALATED)
        )
    return claimed


def _next_level(row: dict[str, Any], mark: str, start: str, level: str) -> int:
    return int(row[level]) + 1 if row[mark] is not None and row[mark] == row[start] else 1


async def _tell_manager(clock: Clock, order_id: int, level: int) -> bool:
    """ORDER_ESCALATED to the `level`-th manager above the responsible member, as claimed."""
    order = await Order.get(id=order_id).select_related("responsible")
    responsible: Membership = order.responsible
    ids = chain(responsible.path)
    if len(ids) <= level:
        return False
    manager = await Membership.get_or_none(id=ids[-1 - level], active=True)
    keys = OrderKeys(order.company_id, order.client_id, order.contractor_id, responsible.path)
    if manager is None or not can_see_order(actor_of(manager, None), keys):
        return False  # a leaver's place: the level is used up, the next one hears later

    def render(locale: str) -> tuple[str | None, str]:
        subject = t(locale, "order_escalated.subject", number=order.number)
        text = t(
            locale,
            "order_escalated.text",
            number=order.number,
            title=order.title,
            deadline=when(order.deadline, locale, clock.zone),
            responsible=responsible.name,
        )
        return subject, text

    _, text = render(pick_locale(manager.locale, clock.locale))
    note = Notification(
        company_id=order.company_id,
        member_id=manager.id,
        kind=NotificationKind.ORDER_ESCALATED,
        text=text,
        order_id=order.id,
    )
    in_app = await _on_channels(manager, note, render)
    await write_notifications(in_app)
    return bool(in_app)


async def _on_channels(
    member: Membership, note: Notification, render: Render
) -> list[Notification]:
    """Queue `note` on each channel outside the app the member chose for its kind; `[note]`
    unless that choice leaves IN_APP out (module docstring)."""
    chosen = member_channels(member, note.kind)
    if chosen:
        await queue_for_member(member.id, note.kind, note.order_id, render)
    return [] if chosen is not None and DeliveryChannel.IN_APP not in chosen else [note]


# Conversations.


def _chat_armed(level: int) -> Q:
    if level == 1:
        return Q(unanswered_for=None) | ~Q(unanswered_for=F("last_message_at"))
    return Q(unanswered_for=F("last_message_at"), unanswered_level=level - 1)


def _chat_due(cutoffs: Sequence[datetime]) -> Q:
    parts = [_chat_armed(1) & Q(last_message_at__lte=cutoffs[0])]
    parts.extend(
        _chat_armed(level) & Q(last_message_at__lte=cutoff, reach__gte=level)
        for level, cutoff in enumerate(cutoffs[1:], 2)
    )
    return Q(*parts, join_type="OR")


_WAITING = {"status": ConversationStatus.OPEN, "last_direction": MessageDirection.INBOUND}


async def escalate_conversations(now: datetime, batch: int, companies: Sequence[int] | None) -> int:
    told: list[int] = []
    claimed = 0
    for clock in await clocks("unanswered_escalation_minutes", now, companies):
        rows = (
            await Conversation.filter(company_id=clock.company_id, **_WAITING)
            .annotate(reach=_ASSIGNEE_CHAIN)
            .filter(_chat_due(clock.cutoffs))
            .order_by("last_message_at", "id")
            .limit(batch)
            .values("id", "last_message_at", "unanswered_for", "unanswered_level")
        )
        for row in sorted(rows, key=lambda r: int(r["id"])):
            level = _next_level(row, "unanswered_for", "last_message_at", "unanswered_level")
            async with in_transaction():
                if not await Conversation.filter(
                    _chat_armed(level),
                    id=row["id"],
                    last_message_at__lte=clock.cutoffs[level - 1],
                    **_WAITING,
                ).update(unanswered_for=F("last_message_at"), unanswered_level=level):
                    continue
                claimed += 1
                if await _tell_unanswered(clock, row["id"], level):
                    told.append(row["id"])
    if told:
        await publish_notifications(
            Notification.filter(
                conversation_id__in=told, kind=NotificationKind.CONVERSATION_UNANSWERED
            )
        )
    return claimed


async def _tell_unanswered(clock: Clock, conversation_id: int, level: int) -> bool:
    """CONVERSATION_UNANSWERED: level 1 to the assignee (the active owners when unassigned),
    level k to the assignee's (k - 1)-th manager."""
    chat = await Conversation.get(id=conversation_id).select_related("assignee")
    assignee: Membership | None = chat.assignee
    if assignee is None:
        people = await Membership.filter(
            company_id=chat.company_id, role=Role.OWNER, active=True
        ).order_by("id")
        people = people if level == 1 else []
    else:
        ids = chain(assignee.path)
        wanted = ids[-level] if len(ids) >= level else None
        people = await Membership.filter(id=wanted, active=True) if wanted else []
    keys = ConversationKeys(chat.company_id, assignee.path if assignee else None)
    who = chat.external_name or chat.external_key

    def render(locale: str) -> tuple[str | None, str]:
        since = when(chat.last_message_at, locale, clock.zone)
        subject = t(locale, "conversation_unanswered.subject", who=who)
        return subject, t(locale, "conversation_unanswered.text", who=who, since=since)

    notes: list[Notification] = []
    for person in people:
        if not can_see_conversation(actor_of(person, None), keys):
            continue
        _, text = render(pick_locale(person.locale, clock.locale))
        note = Notification(
            company_id=chat.company_id,
            member_id=person.id,
            kind=NotificationKind.CONVERSATION_UNANSWERED,
            text=text,
            conversation_id=chat.id,
        )
        notes.extend(await _on_channels(person, note, render))
    await write_notifications(notes)
    return bool(notes)
