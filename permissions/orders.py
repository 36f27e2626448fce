"""Who sees which orders, which of their fields and comments: the README's role table.

`visible_orders` (a query filter) and `can_see_order` (the same rule in memory, for realtime
events) are one definition written twice; a property test proves they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from tortoise.expressions import F, Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import DomainError, ErrorCode, forbidden, not_found
from models import Comment, CommentVisibility, Order, Photo, Role
from permissions.actor import Actor
from permissions.lookup import visible_row
from permissions.members import visible_team_members
from permissions.rule_sql import NO, YES, SqlCheck
from permissions.subtree import can_reach_path, visible_subtree


@dataclass(frozen=True, slots=True)
class OrderKeys:
    """What decides who may see an order (also carried by its realtime events)."""

    company_id: int
    client_id: int
    contractor_id: int | None
    responsible_path: str


class Parties(Protocol):
    """Whose an order or a series is: what its field rules read (both kinds share them)."""

    @property
    def client_id(self) -> int: ...
    @property
    def contractor_id(self) -> int | None: ...


def visible_order_filter(actor: Actor) -> Q:
    """`visible_orders` as a filter of its own (`access_order_by_id` runs it cached)."""
    company = Q(company_id=actor.company_id)
    if actor.role == Role.OWNER:
        return company
    if actor.role == Role.STAFF:
        return company & visible_subtree(actor, via="responsible")
    if actor.role == Role.CLIENT:
        return company & Q(client_id=actor.contact_id or 0)
    return company & Q(contractor_id=actor.contact_id or 0)


def visible_orders(actor: Actor) -> QuerySet[Order]:
    return Order.filter(visible_order_filter(actor))


def listed_orders(actor: Actor) -> QuerySet[Order]:
    """`visible_orders` written for a page in some order (the same rows: the property test
    checks both).

    A STAFF member's team is `responsible_id + 0 IN (the team)`: the `+ 0` keeps PostgreSQL
    off the responsible index. With it, the planner (which takes company and responsible for
    independent) gathered every order of the team and sorted them for a page, 30 ms at 100
    companies; without it, it walks the company's (deadline, id) index and stops at the page's
    end, 0.3 ms. Counts and reports read the whole team and keep the index.
    """
    if actor.role != Role.STAFF:
        return visible_orders(actor)
    team = visible_team_members(actor)
    return (
        Order.filter(company_id=actor.company_id)
        .annotate(responsible_of_team=F("responsible_id") + 0)
        .filter(responsible_of_team__in=Subquery(team.values("id")))
    )


def can_see_order(actor: Actor, order: OrderKeys) -> bool:
    if order.company_id != actor.company_id:
        return False
    if actor.role == Role.OWNER:
        return True
    if actor.role == Role.STAFF:
        return can_reach_path(actor.path, order.responsible_path)
    if actor.role == Role.CLIENT:
        return actor.contact_id is not None and order.client_id == actor.contact_id
    return actor.contact_id is not None and order.contractor_id == actor.contact_id


async def access_order_by_id(
    actor: Actor, order_id: int | None, field: list[str] | None = None
) -> Order:
    """The order if the actor sees it; NOT_FOUND, the same for a missing id, otherwise."""
    order = await visible_row(Order, visible_order_filter(actor), order_id)
    if order is None:
        raise not_found("Order", field)
    return order


async def access_photo_order_by_id(actor: Actor, order_id: int | None) -> Order:
    """Who may add photos: exactly those who see the order (staff above its responsible
    member, its client's members, its assigned contractor's members); NOT_FOUND for others."""
    return await access_order_by_id(actor, order_id, ["orderId"])


def can_act_as_client(actor: Actor, order: Parties) -> bool:
    return actor.role == Role.CLIENT and actor.contact_id == order.client_id


def can_act_as_contractor(actor: Actor, order: Parties) -> bool:
    """A contractor member without a card acts for no order (not for those without a
    contractor, whose `contractor_id` is None as well), as `visible_orders` reads it."""
    return (
        actor.role == Role.CONTRACTOR
        and actor.contact_id is not None
        and actor.contact_id == order.contractor_id
    )


# Terms of an order that only staff set; a client filing a request leaves them out.
STAFF_ONLY_INPUT = ("contractorId", "responsibleId", "price", "contractorFee", "internalNote")


def check_may_create_order(actor: Actor, given: set[str]) -> None:
    """Staff create orders for any client; a client member for itself, without staff terms."""
    if actor.role == Role.CONTRACTOR:
        raise forbidden("Contractors do not create orders")
    if not actor.is_staff:
        for field in STAFF_ONLY_INPUT:
            if field in given:
                raise DomainError(ErrorCode.FORBIDDEN, "Only staff may set this", ["input", field])


def client_of_new_order(actor: Actor, client_id: int | None, field: list[str]) -> int | None:
    """Staff name the client; a CLIENT member files for its own contact (any other is hidden)."""
    if actor.role != Role.CLIENT:
        return client_id
    if client_id is not None and client_id != actor.contact_id:
        raise not_found("Contact", field)
    return actor.contact_id


def check_may_edit_order(actor: Actor) -> None:
    """The terms of a visible order (title, deadline, money, notes): staff only."""
    if not actor.is_staff:
        raise forbidden("Only staff may edit an order")


# Field rules of a visible order or series (hidden fields resolve to null).


def can_see_price(actor: Actor, order: Parties) -> bool:
    return actor.is_staff or can_act_as_client(actor, order)


def can_see_contractor_fee(actor: Actor, order: Parties) -> bool:
    return actor.is_staff or can_act_as_contractor(actor, order)


def can_see_internal_note(actor: Actor, order: Parties) -> bool:
    return actor.is_staff


def can_see_feedback(actor: Actor, order: Order) -> bool:
    return actor.is_staff or can_act_as_client(actor, order)


def comment_visibilities(actor: Actor) -> tuple[CommentVisibility, ...]:
    """Comments an actor sees on the orders it sees."""
    if actor.is_staff:
        return tuple(CommentVisibility)
    if actor.role == Role.CLIENT:
        return (CommentVisibility.CLIENT,)
    return (CommentVisibility.CONTRACTOR,)


def default_comment_visibility(actor: Actor) -> CommentVisibility:
    """Staff write internal notes unless they say otherwise; portal members write to staff."""
    if actor.is_staff:
        return CommentVisibility.INTERNAL
    return comment_visibilities(actor)[0]


async def access_comment_by_id(actor: Actor, comment_id: int | None) -> Comment:
    """A comment is visible on a visible order, if it is meant for the actor."""
    comment = (
        None
        if comment_id is None
        else await Comment.get_or_none(
            id=comment_id,
            company_id=actor.company_id,
            visibility__in=comment_visibilities(actor),
            order_id__in=Subquery(visible_orders(actor).values("id")),
        )
    )
    if comment is None:
        raise not_found("Comment")
    return comment


async def access_photo_by_id(actor: Actor, photo_id: int | None) -> Photo:
    """A photo is visible with its order."""
    photo = (
        None
        if photo_id is None
        else await Photo.get_or_none(
            id=photo_id,
            company_id=actor.company_id,
            order_id__in=Subquery(visible_orders(actor).values("id")),
        )
    )
    if photo is None:
        raise not_found("Photo")
    return photo


# The field rules above as SQL (permissions/rule_sql.py), for reads compiled to one statement.


def can_act_as_client_in_sql(actor: Actor) -> SqlCheck:
    return SqlCheck.equals("client_id", actor.contact_id) if actor.role == Role.CLIENT else NO


def can_act_as_contractor_in_sql(actor: Actor) -> SqlCheck:
    if actor.role != Role.CONTRACTOR or actor.contact_id is None:
        return NO
    return SqlCheck.equals("contractor_id", actor.contact_id)


def can_see_price_in_sql(actor: Actor) -> SqlCheck:
    return YES if actor.is_staff else can_act_as_client_in_sql(actor)


def can_see_contractor_fee_in_sql(actor: Actor) -> SqlCheck:
    return YES if actor.is_staff else can_act_as_contractor_in_sql(actor)


def can_see_internal_note_in_sql(actor: Actor) -> SqlCheck:
    return YES if actor.is_staff else NO


def can_see_feedback_in_sql(actor: Actor) -> SqlCheck:
    return YES if actor.is_staff else can_act_as_client_in_sql(actor)


# Each rule's SQL form, by the rule (the check `permissions.field_rules` names).
SQL_FORMS: dict[Callable[..., bool], Callable[[Actor], SqlCheck]] = {
    can_see_price: can_see_price_in_sql,
    can_see_contractor_fee: can_see_contractor_fee_in_sql,
    can_see_internal_note: can_see_internal_note_in_sql,
    can_see_feedback: can_see_feedback_in_sql,
}
