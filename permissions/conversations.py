"""Who sees which conversations of the inbox, and who manages channels (the README's role table).

Conversations are staff business: the OWNER sees all of the company's; a STAFF member sees
the unassigned ones and those assigned to itself or anyone below it in the org tree; portal
members (CLIENT, CONTRACTOR) see none. `visible_conversations` (a query filter) and
`can_see_conversation` (the same rule in memory, for realtime) are one definition.
Connecting channels (configureEmail, configureTelegram, configureWebchat) is the OWNER's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import forbidden, invalid, not_found
from models import Conversation, Membership, Message, Role
from permissions.actor import STAFF_ROLES, Actor
from permissions.lookup import visible_row
from permissions.members import NO_ROW, check_active
from permissions.subtree import can_reach_path, visible_subtree


@dataclass(frozen=True, slots=True)
class ConversationKeys:
    """What decides who sees a conversation (also carried by its realtime messages)."""

    company_id: int
    assignee_path: str | None


def visible_conversation_filter(actor: Actor) -> Q:
    company = Q(company_id=actor.company_id)
    if actor.role == Role.OWNER:
        return company
    if actor.role == Role.STAFF:
        return company & (Q(assignee_id=None) | visible_subtree(actor, via="assignee"))
    return company & Q(id=NO_ROW)


def visible_conversations(actor: Actor) -> QuerySet[Conversation]:
    return Conversation.filter(visible_conversation_filter(actor))


def can_see_conversation(actor: Actor, keys: ConversationKeys) -> bool:
    if keys.company_id != actor.company_id:
        return False
    if actor.role == Role.OWNER:
        return True
    if actor.role == Role.STAFF:
        return keys.assignee_path is None or can_reach_path(actor.path, keys.assignee_path)
    return False


async def access_conversation_by_id(
    actor: Actor, conversation_id: int | None, field: list[str] | None = None
) -> Conversation:
    """The same NOT_FOUND for a missing conversation and for one the actor may not see."""
    conversation = await visible_row(
        Conversation, visible_conversation_filter(actor), conversation_id
    )
    if conversation is None:
        raise not_found("Conversation", field)
    return conversation


async def access_assignable_member_by_id(
    actor: Actor, member_id: int | None, field: list[str]
) -> Membership:
    """Whom a conversation may be given to: a staff member the actor sees in its subtree
    (the OWNER: anyone on the staff), so the conversation never leaves the actor's sight."""
    members = Membership.filter(company_id=actor.company_id)
    if not actor.is_owner:
        members = members.filter(visible_subtree(actor))
    member = None if member_id is None else await members.get_or_none(id=member_id)
    if member is None or not actor.is_staff:
        raise not_found("Member", field)
    if member.role not in STAFF_ROLES:
        raise invalid("Conversations are answered by staff", *field)
    check_active(member, field)
    return member


def check_may_configure_channels(actor: Actor) -> None:
    if not actor.is_owner:
        raise forbidden("Only the owner connects the company's channels")


def check_may_read_channel_settings(actor: Actor) -> None:
    if not actor.is_staff:
        raise forbidden("Only staff see the company's channels")


def check_may_use_inbox(actor: Actor) -> None:
    """The live inbox is staff's: a portal member would never be shown anything."""
    if not actor.is_staff:
        raise forbidden("The inbox is for staff")


async def access_message_by_id(actor: Actor, message_id: int | None) -> Message:
    """A message of a conversation the actor sees; NOT_FOUND otherwise."""
    message = (
        None
        if message_id is None
        else await Message.get_or_none(
            id=message_id,
            conversation_id__in=Subquery(visible_conversations(actor).values("id")),
        )
    )
    if message is None:
        raise not_found("Message")
    return message
