"""The org tree: listing members and moving a member with its whole subtree."""

from __future__ import annotations

from tortoise.expressions import Q
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
from resolvers.pagination import Page, paginate


async def list_members(
    actor: Actor, role: Role | None, search: str | None, first: int | None, after: str | None
) -> Page[Membership]:
    members = listed_members(actor)
    if role is not None:
        members = members.filter(role=role)
    text = validation.search_text(search)
    if text:
        members = members.filter(
            Q(name__icontains=text) | Q(title__icontains=text) | Q(user__email__icontains=text)
        )
    return await paginate(members, ("name", "id"), first, after)


async def move_member(actor: Actor, member_id: int | None, manager_id: int | None) -> Membership:
    """Re-parent a member; every path below it is rewritten in the same transaction."""
    check_staff(actor)
    member = await access_member_by_id(actor, member_id)
    manager = await access_subtree_member_by_id(actor, manager_id, field=["managerId"])
    check_move(actor, member, manager)
    old_prefix, new_prefix = member.path, f"{manager.path}{member.id}/"
    async with in_transaction():
        subtree = list(
            await Membership.filter(
                visible_subtree_of(old_prefix), company_id=actor.company_id
            ).select_for_update()
        )
        for row in subtree:
            row.path = new_prefix + row.path[len(old_prefix) :]
            if row.id == member.id:
                row.manager_id = manager.id
        await Membership.bulk_update(subtree, fields=["path", "manager_id"])
    return await Membership.get(id=member.id)
