"""What a notification says: one sentence per kind, about an order or a task.

Times are UTC for now; the company's time zone and language come with the message
catalogues.
"""

from __future__ import annotations

from datetime import UTC, datetime

from models import Comment, NotificationKind, Order, Task

SNIPPET = 200


def snippet(text: str) -> str:
    """The text on one line, cut to SNIPPET characters."""
    body = " ".join(text.split())
    return body if len(body) <= SNIPPET else body[: SNIPPET - 1] + "…"


def when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def window(start: datetime, end: datetime) -> str:
    """A booked window, e.g. "2026-12-04 10:00-12:00 UTC" (the end's date when it differs)."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}-{until} UTC"


def due_or_visit(order: Order) -> str:
    start, end = order.visit_start, order.visit_end
    if start is None or end is None:
        return f"due {when(order.deadline)}"
    return f"visit {window(start, end)}"


def visit_moved_text(order: Order) -> str:
    label = f'#{order.number} "{order.title}"'
    start, end = order.visit_start, order.visit_end
    if start is None or end is None:
        return f"The visit for order {label} is cancelled; the order is due {when(order.deadline)}"
    return f"The visit for order {label} is moved to {window(start, end)}"


def order_text(kind: NotificationKind, order: Order, comment: Comment | None = None) -> str:
    label = f'#{order.number} "{order.title}"'
    if kind == NotificationKind.ORDER_CREATED:
        return f"New order {label}, {due_or_visit(order)}"
    if kind == NotificationKind.ORDER_ASSIGNED:
        return f"Order {label} is assigned to you, {due_or_visit(order)}"
    if kind == NotificationKind.ORDER_STATUS_CHANGED:
        return f"Order {label} is now {order.status.value.replace('_', ' ').lower()}"
    if kind == NotificationKind.ORDER_COMMENTED:
        if comment is None:
            return f"Order {label} was rated {order.rating} of 5"
        return f"New comment on order {label}: {snippet(comment.body)}"
    if kind == NotificationKind.ORDER_DEADLINE_SOON:
        return f"Order {label} is due soon: {when(order.deadline)}"
    return f"Order {label} is overdue: it was due {when(order.deadline)}"


def task_text(kind: NotificationKind, task: Task) -> str:
    label = f'"{task.title}"'
    if kind == NotificationKind.TASK_OVERDUE:
        return f"Task {label} is overdue: it was due {when(task.deadline)}"
    if task.requires_acknowledgement:
        return f"Announcement {label}: please confirm you have read it by {when(task.deadline)}"
    return f"New task {label}, due {when(task.deadline)}"
