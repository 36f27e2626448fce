"""Who may see and manage which members of a company."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from domain.errors import DomainError, ErrorCode, forbidden, not_found
from models import Invitation, Membership, Role
from permissions.actor import Actor
from permissions.lookup import visible_row
from permissions.subtree import can_reach_path, visible_subtree


def visible_member_filter(actor: Actor) -> Q:
    """OWNER/STAFF see the whole company's members; portal members only themselves."""
    company = Q(company_id=actor.company_id)
    return company if actor.is_staff else company & Q(id=actor.membership_id)


def visible_members(actor: Actor) -> QuerySet[Membership]:
    return Membership.filter(visible_member_filter(actor))


def visible_team_members(actor: Actor) -> QuerySet[Membership]:
    """The actor and every member below it in the org tree."""
    return Membership.filter(visible_subtree(actor), company_id=actor.company_id)


NO_ROW = 0  # no row has id 0: filtering on it gives an empty list


def listed_members(actor: Actor) -> QuerySet[Membership]:
    """The `members` list: the whole company for OWNER/STAFF, nobody for portal members."""
    members = Membership.filter(company_id=actor.company_id)
    return members if actor.is_staff else members.filter(id=NO_ROW)


def visible_invitations(actor: Actor) -> QuerySet[Invitation]:
    """The company's invitations, for OWNER/STAFF only."""
    invitations = Invitation.filter(company_id=actor.company_id)
    return invitations if actor.is_staff else invitations.filter(id=NO_ROW)


async def access_invitation_by_id(actor: Actor, invitation_id: int | None) -> Invitation:
    invitation = (
        None
        if invitation_id is None
        else await visible_invitations(actor).get_or_none(id=invitation_id)
    )
    if invitation is None:
        raise not_found("Invitation")
    return invitation


async def access_member_by_id(actor: Actor, member_id: int | None) -> Membership:
    member = await visible_row(Membership, visible_member_filter(actor), member_id)
    if member is None:
        raise not_found("Member")
    return member


def can_see_member_email(actor: Actor, member_user_id: int) -> bool:
    """OWNER/STAFF, and the person itself (in any of its memberships)."""
    return actor.is_staff or actor.user_id == member_user_id


def can_see_member_relations(actor: Actor, member_user_id: int) -> bool:
    """The org tree around a member (manager, reports): staff, and the person itself.

    A client sees the name of its order's responsible member, not the company's tree.
    """
    return actor.is_staff or actor.user_id == member_user_id


def check_staff(actor: Actor) -> None:
    if not actor.is_staff:
        raise forbidden("Only the company's staff may do this")


async def access_subtree_member_by_id(
    actor: Actor, member_id: int | None, *, field: list[str] | None = None
) -> Membership:
    """An active staff member at or below the actor in the org tree (whom the actor manages):
    the one check of whom work is given to.

    Staff see every member, so one outside the subtree is INVALID rather than hidden.
    """
    check_staff(actor)
    member = (
        None
        if member_id is None
        else await Membership.get_or_none(
            id=member_id, company_id=actor.company_id, role__in=[Role.OWNER, Role.STAFF]
        )
    )
    if member is None:
        raise not_found("Member", field)
    if not actor.is_above_or_self(member.path):
        raise DomainError(
            ErrorCode.INVALID, "Must be you or someone below you in the org tree", field
        )
    check_active(member, field)
    return member


def check_active(member: Membership, field: list[str] | None = None) -> None:
    """New work (an order, a task, a conversation, reports) goes to active members only: a
    deactivated one keeps its history, nothing new."""
    if not member.active:
        raise DomainError(ErrorCode.INVALID, f"{member.name} has been deactivated", field)


def check_move(actor: Actor, member: Membership, new_manager: Membership) -> None:
    """A member moves with its subtree, within the mover's subtree, never under itself."""
    if member.id == actor.membership_id or not actor.is_above_or_self(member.path):
        raise forbidden("You may only move members below you")
    if can_reach_path(member.path, new_manager.path):
        raise DomainError(
            ErrorCode.INVALID, "A member cannot report to itself or its own subordinate"
        )
