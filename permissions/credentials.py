"""No credential reaches further than whoever created it: the one rule for minting them.

A credential is anything that lets someone act in the company: an API token, and an
invitation (as a colleague, or as a contact's portal member), since the login it turns into
acts for as long as the membership lasts. The role table's row (README, "Who sees what"): "OWNER any; STAFF only for
members who reach nothing it cannot reach; CLIENT none; CONTRACTOR none". What a holder
reaches, target by target, and so who may mint for it:

- The minter itself (a token acting as it): the same reach. Any OWNER or STAFF member.
- A new STAFF member under a manager at or below the minter (`inviteMember`): it sees the
  orders, tasks and conversations of a subtree inside the minter's. Never OWNER: an
  invitation to the staff carries the STAFF role only. What it gets beyond that later (a
  template shared with it, its own notifications) others address to that person by name.
- Another OWNER or STAFF member, already there (a token acting as it): refused to everyone,
  the OWNER included. That member reaches its own templates, the templates shared with it and
  its notifications, which nobody else reads, and the token would act in its name.
- A CLIENT or CONTRACTOR portal member (a token), or a contact (`inviteContact`): it reaches
  every order of its contact whoever is responsible, and that set grows whenever any staff
  member files or assigns an order for that contact. No staff subtree bounds it, now or
  later, so only the OWNER (who sees every order) mints these.
- Nothing is minted through an API token: a leaked token would outlive its revocation through
  the token or login it made (`MINTING_OPERATIONS`, refused by `permissions.operations`).

A credential is checked again when it is used, against the tree and roles as they are then,
so that none minted before this rule (or before the tree changed) reaches further:
- an API token authenticates only while `can_mint` still allows its creator to mint it
  (`permissions.authenticate`);
- an invitation is accepted only while its inviter may still send it (`check_still_mintable`).
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import DomainError, ErrorCode
from models import Membership, Role
from permissions.actor import Actor

PORTAL_ROLES = frozenset({Role.CLIENT, Role.CONTRACTOR})

# The operations that mint a credential: the gate refuses them to API tokens.
MINTING_OPERATIONS = frozenset(
    {"Mutation.createApiToken", "Mutation.inviteMember", "Mutation.inviteContact"}
)


@dataclass(frozen=True, slots=True)
class Grant:
    """Whom a credential would act for: an existing member (`member_id`), or a new member
    with `role` (for a new STAFF member, under the manager at `manager_path`)."""

    role: Role
    member_id: int | None = None
    manager_path: str | None = None


def refusal_to_mint(minter: Actor, grant: Grant) -> str | None:
    """Why `minter` may not mint a credential for `grant`; None when it may."""
    if minter.api_token_id is not None:
        return "An API token cannot hand out credentials: log in as a person"
    if not minter.is_staff:
        return "Only the company's staff hand out credentials"
    if grant.member_id is not None and grant.member_id == minter.membership_id:
        return None
    if grant.role in PORTAL_ROLES:
        if minter.is_owner:
            return None
        return "Only the owner gives a client or contractor a login or token: its orders are not all yours"
    if grant.member_id is not None:
        return "A token acts for yourself or for a client or contractor member, never another colleague"
    if grant.role != Role.STAFF:
        return "An invitation makes a staff member, never an owner"
    if grant.manager_path is None or not minter.is_above_or_self(grant.manager_path):
        return "The newcomer's manager must be you or someone below you in the org tree"
    return None


def can_mint(minter: Actor, grant: Grant) -> bool:
    return refusal_to_mint(minter, grant) is None


def check_may_mint_for(minter: Actor, grant: Grant, field: list[str] | None = None) -> None:
    """Raise FORBIDDEN (on `field`, the input naming the holder) unless `minter` may mint."""
    refusal = refusal_to_mint(minter, grant)
    if refusal is not None:
        if minter.api_token_id is not None or not minter.is_staff:
            field = None  # the caller is at fault, whatever it named
        raise DomainError(ErrorCode.FORBIDDEN, refusal, field)


def check_may_mint(minter: Actor) -> None:
    """The part of the rule that does not depend on the target, checked before the target is
    looked up, so that a refused caller learns nothing of it."""
    check_may_mint_for(minter, Grant(Role.STAFF, minter.membership_id))


def check_may_invite_contacts(minter: Actor) -> None:
    """A portal invitation is the OWNER's whatever the contact: refused before it is looked up."""
    check_may_mint_for(minter, Grant(Role.CLIENT))


def member_grant(member: Membership) -> Grant:
    """A credential acting for an existing member (an API token)."""
    return Grant(member.role, member.id)


def invitation_grant(role: Role, manager: Membership | None) -> Grant:
    """A credential that makes a new member: staff under `manager`, or a portal member."""
    return Grant(role, None, None if manager is None else manager.path)


def can_still_mint(creator: Actor, holder: Membership) -> bool:
    """Whether an API token's creator, as it is now, may still mint it (else it is refused)."""
    return can_mint(creator, member_grant(holder))


def check_invitation_still_mintable(
    inviter: Actor, role: Role, manager: Membership | None, field: list[str]
) -> None:
    """An invitation is accepted only while its inviter, as it is now, may still send it."""
    if not can_mint(inviter, invitation_grant(role, manager)):
        raise DomainError(
            ErrorCode.FORBIDDEN,
            "Whoever invited you can no longer give this access: ask for a new invitation",
            field,
        )
