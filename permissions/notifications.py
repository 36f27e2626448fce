"""Notifications are private: a member sees and marks only its own, in its company.

What a notification points at (an order, a task) is checked again when it is read, with the
object's own rule: a notification about an order the reader no longer sees shows no order.
"""

from __future__ import annotations

from tortoise.queryset import QuerySet

from models import Notification
from permissions.actor import Actor
from permissions.errors import not_found


def visible_notifications(actor: Actor) -> QuerySet[Notification]:
    return Notification.filter(company_id=actor.company_id, member_id=actor.membership_id)


async def access_notification_by_id(
    actor: Actor, notification_id: int | None, field: list[str] | None = None
) -> Notification:
    notification = (
        None
        if notification_id is None
        else await visible_notifications(actor).get_or_none(id=notification_id)
    )
    if notification is None:
        raise not_found("Notification", field)
    return notification
