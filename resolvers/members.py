"""The org tree: listing members and moving a member with its whole subtree."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models import Membership, Role
from permissions.actor import Actor
from permissions.members import (
    access_member_by_id,
    access_subtree_member_by_id,
    check_move,
    check_staff,
    listed_members,
)
from permissions.subtree import visible_subtree_of
from resolvers import validation
from resolvers.pagination import BY_NAME, Page, paginate


async def list_members(
    actor: Actor, role: Role | None, search: str | None, first: int | None, after: str | None
) -> Page[Membership]:
    rows = matching_members(actor, role, validation.search_text(search))
    return await paginate(rows, BY_NAME, first, after)


def matching_members(actor: Actor, role: Role | None, text: str) -> QuerySet[Membership]:
    """The list's rows before paging, the one definition the compiled reads build on too
    (`text`: the cleaned search, `validation.search_text`)."""
    members = listed_members(actor)
    if role is not None:
        members = members.filter(role=role)
    if text:
        members = members.filter(
            Q(name__icontains=text) | Q(title__icontains=text) | Q(user__email__icontains=text)
        )
    return members


async def move_member(actor: Actor, member_id: int | None, manager_id: int | None) -> Membership:
    """Re-parent a member; every path below it is rewritten in the same transaction."""
    check_staff(actor)
    member = await access_member_by_id(actor, member_id)
    manager = await access_subtree_member_by_id(actor, manager_id, field=["managerId"])
    check_move(actor, member, manager)
    async with in_transaction():
        prefix = f"{manager.path}{member.id}/"
        await rewrite_subtree(actor.company_id, member.path, prefix, member.manager_id, manager.id)
    return await Membership.get(id=member.id)


async def rewrite_subtree(
    company_id: int,
    old_prefix: str,
    new_prefix: str,
    old_manager: int | None,
    new_manager: int,
    leaving: int | None = None,
) -> None:
    """Everyone at or below `old_prefix` (but `leaving`) gets its path under `new_prefix`,
    and whoever reported to `old_manager` reports to `new_manager` (within a subtree only its
    top reports outside it): two statements for any subtree, inside the caller's transaction
    (the rows stay locked until it ends)."""
    below = Membership.filter(visible_subtree_of(old_prefix), company_id=company_id)
    if leaving is not None:
        below = below.exclude(id=leaving)
    subtree = list(await below.select_for_update())
    for row in subtree:
        row.path = new_prefix + row.path[len(old_prefix) :]
        if row.manager_id == old_manager:
            row.manager_id = new_manager
    if subtree:
        await Membership.bulk_update(subtree, fields=["path", "manager_id"])
