"""Invitations: how colleagues and portal members join a company.

An invitation is a credential: who may send which is `permissions.credentials`, checked when it
is sent and again when it is accepted (the tree or the inviter may have changed in between).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import DomainError, ErrorCode, not_found
from domain.texts import pick_locale, t, when
from models import Company, Contact, ContactKind, Invitation, Membership, Role, User
from permissions.actor import Actor
from permissions.authenticate import actor_of
from permissions.contacts import access_contact_by_id
from permissions.credentials import (
    check_invitation_still_mintable,
    check_may_invite_contacts,
    check_may_mint,
    check_may_mint_for,
    invitation_grant,
)
from permissions.members import access_subtree_member_by_id, visible_invitations
from permissions.passwords import hash_password
from permissions.tokens import hash_token, new_opaque_token
from resolvers import validation
from resolvers.auth import check_password, create_membership, prove_login
from resolvers.links import mailed_link
from resolvers.mail import queue_email
from resolvers.sessions import Credentials, start_session


@dataclass(frozen=True, slots=True)
class SentInvitation:
    invitation: Invitation
    token: str
    url: str


def invite_url(token: str) -> str:
    return mailed_link("invite", token)


async def invite_member(
    actor: Actor, email: str, name: str | None, title: str | None, manager_id: int | None
) -> SentInvitation:
    """Invite a colleague; the manager is the inviter or someone in the inviter's subtree."""
    check_may_mint(actor)
    email = validation.email_address(email, "input", "email")
    name = validation.optional_name(name, 200, "input", "name")
    title = validation.optional_name(title, 200, "input", "title")
    manager_field = ["input", "managerId"]
    manager = await access_subtree_member_by_id(
        actor, actor.membership_id if manager_id is None else manager_id, field=manager_field
    )
    check_may_mint_for(actor, invitation_grant(Role.STAFF, manager), manager_field)
    if await Membership.exists(company_id=actor.company_id, user__email=email):
        raise DomainError(ErrorCode.CONFLICT, "This person is already a member", ["input", "email"])
    return await _send(actor, email, Role.STAFF, name, title, manager.id, None)


async def invite_contact(actor: Actor, contact_id: int | None, email: str | None) -> SentInvitation:
    """Invite a client or contractor to its portal; it acts for that contact card."""
    check_may_invite_contacts(actor)
    contact = await access_contact_by_id(actor, contact_id, ["contactId"])
    role = Role.CLIENT if contact.kind == ContactKind.CLIENT else Role.CONTRACTOR
    check_may_mint_for(actor, invitation_grant(role, None), ["contactId"])
    address = validation.email_address(email or contact.email or "", "email")
    if await Membership.exists(company_id=actor.company_id, user__email=address):
        raise DomainError(ErrorCode.CONFLICT, "This person is already a member", ["email"])
    return await _send(actor, address, role, contact.name, None, None, contact)


async def _send(
    actor: Actor,
    email: str,
    role: Role,
    name: str | None,
    title: str | None,
    manager_id: int | None,
    contact: Contact | None,
) -> SentInvitation:
    token, hashed = new_opaque_token()
    expires = datetime.now(UTC) + timedelta(days=current().invitation_days)
    company = await Company.get(id=actor.company_id)
    url = invite_url(token)
    # The invitee's language: its contact card's (a portal member), else the company's.
    lang = pick_locale(contact.locale if contact else None, company.locale)
    until = when(expires, lang, company.timezone)
    async with in_transaction():
        invitation = await Invitation.create(
            company_id=actor.company_id,
            email=email,
            role=role,
            name=name,
            title=title,
            invited_by_id=actor.membership_id,
            manager_id=manager_id,
            contact_id=contact.id if contact else None,
            token_hash=hashed,
            expires_at=expires,
        )
        _ = await queue_email(
            actor.company_id,
            email,
            t(lang, "mail.invitation.subject", company=company.name),
            t(lang, "mail.invitation.body", company=company.name, until=until, url=url),
        )
    return SentInvitation(invitation, token, url)


async def accept_invitation(
    token: str, name: str, password: str, client_address: str | None
) -> Credentials:
    """Join the company: a new login, or a membership added to an existing login."""
    name = validation.required_name(name, 200, "input", "name")
    invitation = await Invitation.get_or_none(token_hash=hash_token(token))
    if invitation is None or invitation.accepted_at is not None:
        raise not_found("Invitation", ["input", "token"])
    now = datetime.now(UTC)
    if invitation.expires_at <= now:
        raise DomainError(ErrorCode.EXPIRED, "This invitation has expired", ["input", "token"])
    await _check_still_mintable(invitation)
    user = await User.get_or_none(email=invitation.email)
    if user is None:
        check_password(password, "input", "password")
        password_hash = await hash_password(password)
    else:
        message = "This e-mail already has a login: give its password"
        error = DomainError(ErrorCode.INVALID_CREDENTIALS, message, ["input", "password"])
        user = await prove_login(user, invitation.email, password, client_address, error)
        if await Membership.exists(company_id=invitation.company_id, user_id=user.id):
            raise DomainError(ErrorCode.CONFLICT, "You are already a member of this company")
    async with in_transaction():
        claimed = await Invitation.filter(id=invitation.id, accepted_at=None).update(
            accepted_at=now
        )
        if not claimed:
            raise not_found("Invitation", ["input", "token"])
        if user is None:
            user = await User.create(email=invitation.email, password_hash=password_hash)
        membership = await create_membership(
            company_id=invitation.company_id,
            user=user,
            role=invitation.role,
            name=name,
            title=invitation.title,
            manager_id=invitation.manager_id,
            contact_id=invitation.contact_id,
        )
    return await start_session(membership)


async def _check_still_mintable(invitation: Invitation) -> None:
    """The inviter and the manager as they are now (deleting either deletes the invitation)."""
    inviter = await Membership.get_or_none(id=invitation.invited_by_id)
    manager = (
        None
        if invitation.manager_id is None
        else await Membership.get_or_none(id=invitation.manager_id)
    )
    if inviter is None or (manager is None and invitation.manager_id is not None):
        raise not_found("Invitation", ["input", "token"])
    # A leaver's invitations lapse with it; a newcomer never reports to a leaver.
    if not inviter.active or (manager is not None and not manager.active):
        raise not_found("Invitation", ["input", "token"])
    check_invitation_still_mintable(
        actor_of(inviter, None), invitation.role, manager, ["input", "token"]
    )


async def list_invitations(actor: Actor) -> list[Invitation]:
    """The company's invitations visible to the actor, newest first."""
    return list(await visible_invitations(actor).order_by("-created_at", "-id").limit(200))
