"""Writing notifications (resolvers/notifications.py decides who is told of what): the
recipients' SELECT, coalescing unread news, and the INSERT with its e-mail copies.

The SELECTs are built once per shape (compat.tortoise.cached_values): building them was most
of an order event's notification CPU (py-spy of the suite), running them little of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q

from compat.tortoise import cached_update, cached_values
from config.settings import current
from domain.texts import t
from models import Membership, Notification, NotificationKind, Role
from permissions.actor import Actor
from resolvers.mail import queue_emails
from resolvers.notification_texts import Reader

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

    @property
    def actor(self) -> Actor:
        """The member as an actor, to ask the permission rules what it may see."""
        return Actor(
            self.id, self.user_id, self.company_id, self.role, self.path, self.contact_id, None
        )


_WHO = ("id", "user_id", "company_id", "role", "path", "contact_id", "user__email", "active")
# What a text needs to be in the member's language and the company's zone (joined).
_LANGUAGE = ("locale", "contact__locale", "company__locale", "company__timezone")
_COLUMNS = (*_WHO, *_LANGUAGE)


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
        )
        for r in rows
    ]


async def write(notes: list[Notification], recipients: Sequence[Recipient]) -> None:
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
    for (text, event_id), ids in updates.items():
        await cached_update(
            Notification,
            Q(id__in=ids),
            text=text,
            event_id=event_id,
            created_at=now,
            published_at=None,
        )
    return fresh
