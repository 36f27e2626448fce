"""Notifications are private: a member sees and marks only its own, in its company.

What a notification points at (an order, a task) is checked again when it is read, with the
object's own rule: a notification about an order the reader no longer sees shows no order.
It is listed still (its text is what its member was told then), but it is pushed live only
while its member may see what it points at (what is delivered later is checked at delivery,
not when it was recorded), so a notification of an order taken away meanwhile is never sent.
"""

from __future__ import annotations

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import not_found
from models import Notification
from permissions.actor import Actor
from permissions.conversations import visible_conversations
from permissions.lookup import visible_row
from permissions.orders import visible_orders
from permissions.tasks import visible_tasks


def visible_notification_filter(actor: Actor) -> Q:
    return Q(company_id=actor.company_id, member_id=actor.membership_id)


def visible_notifications(actor: Actor) -> QuerySet[Notification]:
    return Notification.filter(visible_notification_filter(actor))


def visible_pushable_notifications(actor: Actor) -> QuerySet[Notification]:
    """The actor's notifications whose order, task and conversation it may see now."""
    return visible_notifications(actor).filter(
        Q(order_id=None) | Q(order_id__in=Subquery(visible_orders(actor).values("id"))),
        Q(task_id=None) | Q(task_id__in=Subquery(visible_tasks(actor).values("id"))),
        Q(conversation_id=None)
        | Q(conversation_id__in=Subquery(visible_conversations(actor).values("id"))),
    )


async def access_notification_by_id(
    actor: Actor, notification_id: int | None, field: list[str] | None = None
) -> Notification:
    notification = await visible_row(
        Notification, visible_notification_filter(actor), notification_id
    )
    if notification is None:
        raise not_found("Notification", field)
    return notification
