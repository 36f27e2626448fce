"""Who may deactivate (and reactivate) a member, and who may take over a leaver's work.

- A colleague (STAFF): the OWNER, or a manager above it (strictly: never oneself).
- A portal member (CLIENT, CONTRACTOR): whoever may give it a login or token
  (`permissions.credentials`: today the OWNER only), since taking a login away is the other
  half of handing one out; no second rule.
- Never an OWNER, never oneself. A member out of the caller's reach is NOT_FOUND, as a
  missing one is: the caller learns nothing of members it cannot act on.
"""

from __future__ import annotations

from domain.errors import DomainError, ErrorCode, forbidden, not_found
from models import Membership, Role
from permissions.actor import Actor
from permissions.credentials import PORTAL_ROLES, can_mint, member_grant
from permissions.members import access_subtree_member_by_id, check_staff
from permissions.subtree import can_reach_path

MEMBER_FIELD = ["memberId"]
REASSIGN_FIELD = ["reassignToId"]


def can_reach_leaver(actor: Actor, member: Membership) -> bool:
    """Whether `actor` may deactivate or reactivate `member` (the role checks aside)."""
    if member.company_id != actor.company_id or not actor.is_staff:
        return False
    if member.role in PORTAL_ROLES:
        return can_mint(actor, member_grant(member))
    return actor.is_owner or can_reach_path(actor.path, member.path)


async def access_leaver_by_id(actor: Actor, member_id: int | None) -> Membership:
    """The member `actor` may deactivate or reactivate; refused for itself and for owners."""
    check_staff(actor)
    if member_id is not None and member_id == actor.membership_id:
        raise DomainError(ErrorCode.FORBIDDEN, "You cannot deactivate yourself", MEMBER_FIELD)
    member = None if member_id is None else await Membership.get_or_none(id=member_id)
    if member is None or not can_reach_leaver(actor, member):
        raise not_found("Member", MEMBER_FIELD)
    check_may_deactivate(actor, member)
    return member


def check_may_deactivate(actor: Actor, member: Membership) -> None:
    """The rule on a member already in reach and not the actor (access_leaver_by_id decides
    those): never the company's owner."""
    if member.role == Role.OWNER:
        raise forbidden("The company's owner cannot be deactivated")


async def access_successor_by_id(
    actor: Actor, leaver: Membership, member_id: int | None
) -> Membership:
    """Who takes over a leaver's work: an active OWNER or STAFF member the caller may assign
    work to (`access_subtree_member_by_id`, the one rule of assignments), not the leaver."""
    if member_id is not None and member_id == leaver.id:
        raise DomainError(
            ErrorCode.INVALID, "The leaver cannot take over its own work", REASSIGN_FIELD
        )
    return await access_subtree_member_by_id(actor, member_id, field=REASSIGN_FIELD)
