"""Writing notifications (resolvers/notifications.py decides who is told of what): the
recipients' SELECT, each member's own choice of channels, coalescing unread news, and the
INSERT with its e-mail copies.

A member's setNotificationPreferences for a kind (read with the recipients, same SELECT):
none stored, today's way (in the app; an e-mail copy for EMAIL_KINDS); a stored list, IN_APP
in it writes the notification (and only then is it pushed), EMAIL/TELEGRAM/SMS queue an
`OutboundMessage` on each (resolvers.outbound_copies, one INSERT for all); an empty list,
nothing. A person hears of an event once per channel: where the event already reaches the
member's contact outside the app with the same kind (resolvers.outbound_events.contacts_told),
resolvers.outbound applies the member's choice there and nothing is queued here; and no
e-mail copy goes to a member without a choice whose login is its contact's e-mail when that
contact is e-mailed about the event anyway (the demo's contractor got both).

The SELECTs are built once per shape (compat.tortoise.cached_values): building them was most
of an order event's notification CPU (py-spy of the suite), running them little of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q

from compat.tortoise import cached_update, cached_values
from compat.tortoise_inserts import insert_returning_rows
from config.settings import current
from domain.texts import pick_locale, t
from models import DeliveryChannel, Membership, Notification, NotificationKind, Role
from permissions.actor import Actor
from realtime.notifications import CAUSED, Written
from realtime.publish_batch import MARKS
from resolvers.contacts import notify_by_of
from resolvers.mail import queue_emails
from resolvers.notification_texts import Reader
from resolvers.outbound import chosen_channels
from resolvers.outbound_copies import MemberCopy, queue_member_copies

# (contact, kind) an event tells outside the app (resolvers.outbound_events), asked lazily.
Outside = Callable[[], Awaitable[set[tuple[int, NotificationKind]]]]

EMAIL_KINDS = frozenset(
    {
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_DEADLINE_SOON,
        NotificationKind.ORDER_OVERDUE,
        NotificationKind.TASK_OVERDUE,
    }
)
INSERT_BATCH = 500


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
    preferences: list[dict[str, object]] | None = None
    telegram_chat_id: int | None = None
    company_locale: str | None = None
    contact_email: str | None = None
    contact_notify_by: list[str] | None = None
    contact_phone: str | None = None

    def choice(self, kind: NotificationKind) -> list[DeliveryChannel] | None:
        """The member's own channels for `kind`, None when it chose none."""
        return chosen_channels(self.preferences, kind)

    @property
    def login_is_contacts_email(self) -> bool:
        """Its login is its contact's e-mail and the contact is e-mailed (its channels)."""
        email = (self.contact_email or "").strip().lower()
        return (
            bool(email)
            and email == self.email.strip().lower()
            and (DeliveryChannel.EMAIL in notify_by_of(self.contact_notify_by, self.contact_email))
        )

    @property
    def actor(self) -> Actor:
        """The member as an actor, to ask the permission rules what it may see."""
        return Actor(
            self.id, self.user_id, self.company_id, self.role, self.path, self.contact_id, None
        )


_WHO = ("id", "user_id", "company_id", "role", "path", "contact_id", "user__email", "active")
# What a text needs to be in the member's language and the company's zone (joined).
_LANGUAGE = ("locale", "contact__locale", "company__locale", "company__timezone")
# The member's choice of channels and its addresses outside the app (joined).
_OUTSIDE = (
    "notification_preferences",
    "telegram_chat_id",
    "contact__email",
    "contact__notify_by",
    "contact__phone",
)
_COLUMNS = (*_WHO, *_LANGUAGE, *_OUTSIDE)


async def recipients(condition: Q, leavers: bool = False) -> list[Recipient]:
    """Active memberships (`leavers`: all, for rows that were always written, never mailed),
    their logins' e-mails and languages: one statement (a leaver hears nothing)."""
    where = condition if leavers else Q(condition, active=True)
    rows = await cached_values(Membership, where, _COLUMNS)
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
            r["notification_preferences"],
            r["telegram_chat_id"],
            r["company__locale"],
            r["contact__email"],
            r["contact__notify_by"],
            r["contact__phone"],
        )
        for r in rows
    ]


async def deliver(
    notes: list[Notification],
    recipients: Sequence[Recipient],
    about: str | None = None,
    outside: Outside | None = None,
) -> None:
    """`notes` as each member chose for its kind (module docstring): coalesced by `about`
    when given ("order_id"), then `write`; the copies outside the app in one INSERT.
    `outside` is asked at most once, and only for a portal member it concerns."""
    by_id = {r.id: r for r in recipients}
    told: set[tuple[int, NotificationKind]] | None = None

    async def reached(row: Recipient, kind: NotificationKind) -> bool:
        nonlocal told
        if outside is None or row.contact_id is None:
            return False
        if told is None:
            told = await outside()
        return (row.contact_id, kind) in told

    in_app: list[Notification] = []
    copies: list[MemberCopy] = []
    uncopied: set[int] = set()  # id() of notes whose e-mail copy the contact's message makes
    for note in notes:
        row = by_id.get(note.member_id)
        choice = row.choice(note.kind) if row is not None else None
        if row is None or choice is None:
            in_app.append(note)
            if (
                row is not None
                and note.kind in EMAIL_KINDS
                and row.login_is_contacts_email
                and await reached(row, note.kind)
            ):
                uncopied.add(id(note))
            continue
        if DeliveryChannel.IN_APP in choice:
            in_app.append(note)
        outward = [c for c in choice if c is not DeliveryChannel.IN_APP]
        if outward and not await reached(row, note.kind):
            copies.append(member_copy(note, row, outward))
    if about is not None:
        in_app = await coalesce(in_app, about)
    await write(in_app, recipients, uncopied)
    await queue_member_copies(copies)


def member_copy(
    note: Notification, row: Recipient, channels: Sequence[DeliveryChannel]
) -> MemberCopy:
    """`note` for `row`'s member on the `channels` outside the app it chose."""
    return MemberCopy(
        note=note,
        contact_id=row.contact_id,
        locale=row.reader.locale,
        staff_locale=pick_locale(row.company_locale),
        channels=channels,
        login=row.email,
        telegram_chat_id=row.telegram_chat_id,
        phone=row.contact_phone,
    )


async def write(
    notes: list[Notification], recipients: Sequence[Recipient], uncopied: set[int] | None = None
) -> None:
    """One INSERT of the notifications; one of the e-mail copies of those that get one (not
    the notes whose id() is in `uncopied`). An order event's notifications return their ids
    to its publishing (realtime.notifications.CAUSED): INSERT ... RETURNING."""
    if not notes:
        return
    if any(CAUSED.expected(n.event_id) for n in notes):
        CAUSED.written(await insert_returning(notes))
    else:
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
        if n.kind in EMAIL_KINDS and n.member_id in by_id and id(n) not in (uncopied or ())
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
    where: dict[str, Any] = {
        "member_id__in": {n.member_id for n in notes},
        "kind__in": {n.kind for n in notes},
        "read_at": None,
        f"{about}__in": {getattr(n, about) for n in notes},
    }
    unread = await cached_values(Notification, Q(**where), ("id", "member_id", "kind", about))
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
    company_of = {n.member_id: n.company_id for n in notes}
    member_of = {row["id"]: row["member_id"] for row in unread}
    for (text, event_id), ids in updates.items():
        await cached_update(
            Notification,
            Q(id__in=ids),
            text=text,
            event_id=event_id,
            created_at=now,
            published_at=None,
        )
        # To be published anew: an earlier send this process has not marked yet must not
        # mark them, and the event's publishing takes them.
        MARKS.forget_notifications(ids)
        CAUSED.written(
            Written(pk, company_of[member_of[pk]], member_of[pk], event_id) for pk in ids
        )
    return fresh


_RETURNING = ("id", "company_id", "member_id", "event_id")


async def insert_returning(notes: Sequence[Notification]) -> list[Written]:
    """INSERT ... RETURNING of `notes` (one statement per INSERT_BATCH, as bulk_create): what
    publishing needs of each row. Values are converted as bulk_create converts them."""
    written: list[Written] = []
    for start in range(0, len(notes), INSERT_BATCH):
        rows = await insert_returning_rows(notes[start : start + INSERT_BATCH], _RETURNING)
        written += [Written(r["id"], r["company_id"], r["member_id"], r["event_id"]) for r in rows]
    return written
