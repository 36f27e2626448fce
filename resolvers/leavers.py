"""Leavers: deactivating a member (and handing over its work), and reactivating it.

Deactivation is one transaction: the membership inactive, its sessions revoked (refresh
tokens stop), its open orders, open tasks (their new assignee told) and conversations handed
over, its reports moved to its manager with their whole subtree. Its API tokens are refused
from then on by `permissions.authenticate` (not revoked: they work again on reactivation),
and its open sockets close on the broadcast's signal (`realtime.member_signals`).

Every step is a bounded number of statements whatever the amount of work: the orders'
events take their numbers from the counter in one UPDATE and go in with one bulk INSERT.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from domain.errors import invalid
from models import (
    CLOSED_STATUSES,
    Conversation,
    ConversationStatus,
    EventCounter,
    Membership,
    Notification,
    Order,
    OrderEvent,
    OrderEventKind,
    Session,
    Task,
    TaskStatus,
)
from permissions.actor import Actor
from permissions.leavers import MEMBER_FIELD, access_leaver_by_id, access_successor_by_id
from realtime.conversations import publish_conversation
from realtime.member_signals import publish_member_deactivated
from realtime.notifications import publish_notifications
from realtime.outbox import publish
from resolvers import notifications
from resolvers.counters import take_next
from resolvers.members import rewrite_subtree


@dataclass(frozen=True, slots=True)
class Handover:
    """Who gets what: the leaver's work, and its reports (with their subtrees)."""

    work_to: Membership
    reports_to: Membership


async def deactivate_member(
    actor: Actor, member_id: int | None, reassign_to_id: int | None
) -> Membership:
    leaver = await access_leaver_by_id(actor, member_id)
    if not leaver.active:
        raise invalid(f"{leaver.name} is already deactivated", *MEMBER_FIELD)
    successor = (
        None
        if reassign_to_id is None
        else await access_successor_by_id(actor, leaver, reassign_to_id)
    )
    # The manager of an active member is active: a leaver's reports move up (below).
    manager_id = leaver.manager_id if leaver.manager_id is not None else actor.membership_id
    manager = await Membership.get(id=manager_id)
    handover = Handover(work_to=successor or manager, reports_to=manager)
    now = datetime.now(UTC)
    async with in_transaction():
        taken = await Membership.filter(id=leaver.id, active=True).update(
            active=False, deactivated_at=now
        )
        if not taken:  # deactivated meanwhile by someone else
            raise invalid(f"{leaver.name} is already deactivated", *MEMBER_FIELD)
        _ = await Session.filter(membership_id=leaver.id, revoked_at=None).update(revoked_at=now)
        events = await _hand_over_orders(actor, leaver, handover.work_to, now)
        tasks = await _hand_over_tasks(leaver, handover.work_to)
        conversations = list(
            await Conversation.filter(assignee_id=leaver.id, status=ConversationStatus.OPEN)
        )
        _ = await Conversation.filter(assignee_id=leaver.id).update(assignee_id=handover.work_to.id)
        await _move_reports(leaver, handover.reports_to)
    _ = await publish_member_deactivated(leaver.id)
    await publish(events)
    if tasks:
        _ = await publish_notifications(Notification.filter(task_id__in=[t.id for t in tasks]))
    for conversation in conversations:  # the open ones: the inbox shows who has them now
        conversation.assignee_id = handover.work_to.id
        await publish_conversation(conversation)
    return await Membership.get(id=leaver.id)


async def reactivate_member(actor: Actor, member_id: int | None) -> Membership:
    """Active again, able to log in; what was handed over stays where it went."""
    member = await access_leaver_by_id(actor, member_id)
    if member.active:
        raise invalid(f"{member.name} is not deactivated", *MEMBER_FIELD)
    _ = await Membership.filter(id=member.id).update(active=True, deactivated_at=None)
    return await Membership.get(id=member.id)


async def _hand_over_orders(
    actor: Actor, leaver: Membership, to: Membership, now: datetime
) -> list[OrderEvent]:
    """The leaver's open orders to `to`, each with the UPDATED event an ordinary change of
    the responsible member writes (resolvers.orders.update_order): four statements for any
    number of orders. That event notifies nobody (a rating's alone does), so none is written."""
    orders = list(
        await Order.filter(company_id=leaver.company_id, responsible_id=leaver.id)
        .exclude(status__in=CLOSED_STATUSES)
        .select_for_update()
        .order_by("id")
    )
    if not orders:
        return []
    _ = await Order.filter(id__in=[o.id for o in orders]).update(
        responsible_id=to.id, updated_at=now
    )
    last = await take_next(EventCounter, leaver.company_id, len(orders))
    first = last - len(orders) + 1
    await OrderEvent.bulk_create(
        [
            OrderEvent(
                company_id=order.company_id,
                seq=first + offset,
                kind=OrderEventKind.UPDATED,
                order_id=order.id,
                actor_id=actor.membership_id,
                client_id=order.client_id,
                contractor_id=order.contractor_id,
                responsible_path=to.path,
            )
            for offset, order in enumerate(orders)
        ]
    )
    # bulk INSERTs return no ids on every dialect: read the events back by their numbers.
    return list(
        await OrderEvent.filter(
            company_id=leaver.company_id, seq__gte=first, seq__lte=last
        ).order_by("seq")
    )


async def _hand_over_tasks(leaver: Membership, to: Membership) -> list[Task]:
    """The leaver's open tasks to `to`, who is told of each as updateTask tells a new
    assignee (TASK_ASSIGNED; not of those it created itself): at most four statements."""
    tasks = list(
        await Task.filter(assignee_id=leaver.id, status=TaskStatus.OPEN).select_for_update()
    )
    if not tasks:
        return []
    _ = await Task.filter(id__in=[t.id for t in tasks]).update(assignee_id=to.id)
    for task in tasks:
        task.assignee_id = to.id
    _ = await notifications.on_tasks_assigned(tasks)
    return tasks


async def _move_reports(leaver: Membership, manager: Membership) -> None:
    """The leaver's reports, with everyone below them, now report to `manager`: their paths
    lose the leaver's step."""
    await rewrite_subtree(
        leaver.company_id, leaver.path, manager.path, leaver.id, manager.id, leaver.id
    )
