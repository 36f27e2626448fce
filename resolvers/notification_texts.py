"""What a notification says: one catalogue sentence per kind, about an order or a task, in
the reader's language with times in the company's zone (domain/locales/*/notifications.po).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from domain import texts
from domain.texts import t
from models import Channel, Comment, NotificationKind, Order, Task

SNIPPET = 200


@dataclass(frozen=True, slots=True)
class Reader:
    """Whom a text is for: the language picked for the member (its own, its contact's, the
    company's) and the company's time zone."""

    locale: str
    zone: str

    @classmethod
    def of(
        cls, member: str | None, contact: str | None, company: str | None, zone: str | None
    ) -> Reader:
        return cls(texts.pick_locale(member, contact, company), zone or "UTC")


def snippet(text: str) -> str:
    """The text on one line, cut to SNIPPET characters."""
    body = " ".join(text.split())
    return body if len(body) <= SNIPPET else body[: SNIPPET - 1] + "…"


def when(moment: datetime) -> str:
    """A UTC time for the API's own (English) error messages, e.g. resolvers.visits'; what
    reaches a person by notification or mail goes through domain.texts.when."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _local(moment: datetime, reader: Reader) -> str:
    return texts.when(moment, reader.locale, reader.zone)


def _order(order: Order) -> dict[str, object]:
    return {"number": order.number, "title": order.title}


def _scheduled(assigned: bool, order: Order, reader: Reader) -> str:
    """A new or assigned order with its booked window, else with its deadline."""
    lang, about, start, end = reader.locale, _order(order), order.visit_start, order.visit_end
    if start is None or end is None:
        due = _local(order.deadline, reader)
        if assigned:
            return t(lang, "notification.order_assigned.due", when=due, **about)
        return t(lang, "notification.order_created.due", when=due, **about)
    span = texts.window(start, end, lang, reader.zone)
    if assigned:
        return t(lang, "notification.order_assigned.visit", window=span, **about)
    return t(lang, "notification.order_created.visit", window=span, **about)


def visit_moved_text(order: Order, reader: Reader) -> str:
    start, end = order.visit_start, order.visit_end
    if start is None or end is None:
        due = _local(order.deadline, reader)
        return t(reader.locale, "notification.visit_cancelled", when=due, **_order(order))
    span = texts.window(start, end, reader.locale, reader.zone)
    return t(reader.locale, "notification.visit_moved", window=span, **_order(order))


def order_text(
    kind: NotificationKind, order: Order, reader: Reader, comment: Comment | None = None
) -> str:
    lang, about = reader.locale, _order(order)
    if kind == NotificationKind.ORDER_CREATED:
        return _scheduled(False, order, reader)
    if kind == NotificationKind.ORDER_ASSIGNED:
        return _scheduled(True, order, reader)
    if kind == NotificationKind.ORDER_STATUS_CHANGED:
        status = t(lang, f"order_status.{order.status.value}")
        return t(lang, "notification.order_status_changed", status=status, **about)
    if kind == NotificationKind.ORDER_COMMENTED:
        if comment is None:
            return t(lang, "notification.order_rated", rating=order.rating, **about)
        return t(lang, "notification.order_commented", snippet=snippet(comment.body), **about)
    due = _local(order.deadline, reader)
    if kind == NotificationKind.ORDER_DEADLINE_SOON:
        return t(lang, "notification.order_deadline_soon", when=due, **about)
    return t(lang, "notification.order_overdue", when=due, **about)


def task_text(kind: NotificationKind, task: Task, reader: Reader) -> str:
    lang, due = reader.locale, _local(task.deadline, reader)
    if kind == NotificationKind.TASK_OVERDUE:
        return t(lang, "notification.task_overdue", title=task.title, when=due)
    if task.requires_acknowledgement:
        return t(lang, "notification.task_announcement", title=task.title, when=due)
    return t(lang, "notification.task_assigned", title=task.title, when=due)


def webhook_disabled_text(url: str, reason: str, reader: Reader) -> str:
    return t(reader.locale, "notification.webhook_disabled", url=url[:200], reason=reason)


def message_received_text(channel: Channel, who: str, body: str, reader: Reader) -> str:
    """MESSAGE_RECEIVED: "New telegram message from Ann: ..." (the channel's name from the
    catalogue, for resolvers.conversation_notifications)."""
    via = t(reader.locale, f"channel.{channel.value}")
    return t(
        reader.locale, "notification.message_received", channel=via, who=who, snippet=snippet(body)
    )
