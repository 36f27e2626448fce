"""Batch loads for data loaders: one statement per batch, results in the order of the keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tortoise.expressions import Q
from tortoise.functions import Count, Sum

from compat.tortoise import cached_instances
from models import (
    Address,
    Company,
    Contact,
    ContactSkill,
    Membership,
    Order,
    OrderStatus,
    Task,
    TemplateShare,
    User,
)
from permissions.actor import Actor
from permissions.tasks import visible_tasks
from resolvers.pagination import BY_NAME


# By id or parent id, on almost every request: the SQL is built once per number of ids
# (compat.tortoise.cached_instances; building it was a fifth of a `me` query's CPU).
async def companies(ids: Sequence[int]) -> list[Company | None]:
    found = {c.id: c for c in await cached_instances(Company, Q(id__in=ids))}
    return [found.get(i) for i in ids]


async def members(ids: Sequence[int]) -> list[Membership | None]:
    found = {m.id: m for m in await cached_instances(Membership, Q(id__in=ids))}
    return [found.get(i) for i in ids]


async def contacts(ids: Sequence[int]) -> list[Contact | None]:
    found = {c.id: c for c in await cached_instances(Contact, Q(id__in=ids))}
    return [found.get(i) for i in ids]


async def user_emails(ids: Sequence[int]) -> list[str | None]:
    found = dict(await User.filter(id__in=ids).values_list("id", "email"))
    return [found.get(i) for i in ids]


async def subordinates(manager_ids: Sequence[int]) -> list[list[Membership]]:
    groups: dict[int, list[Membership]] = defaultdict(list)
    for member in await cached_instances(Membership, Q(manager_id__in=manager_ids), BY_NAME):
        if member.manager_id is not None:
            groups[member.manager_id].append(member)
    return [groups[i] for i in manager_ids]


async def addresses(contact_ids: Sequence[int]) -> list[list[Address]]:
    groups: dict[int, list[Address]] = defaultdict(list)
    for address in await cached_instances(Address, Q(contact_id__in=contact_ids), ("id",)):
        groups[address.contact_id].append(address)
    return [groups[i] for i in contact_ids]


async def portal_members(contact_ids: Sequence[int]) -> list[list[Membership]]:
    groups: dict[int, list[Membership]] = defaultdict(list)
    for member in await cached_instances(Membership, Q(contact_id__in=contact_ids), BY_NAME):
        if member.contact_id is not None:
            groups[member.contact_id].append(member)
    return [groups[i] for i in contact_ids]


async def skills(contact_ids: Sequence[int]) -> list[list[str]]:
    """Each contractor's skills in the order they were given."""
    groups: dict[int, list[str]] = defaultdict(list)
    rows = ContactSkill.filter(contact_id__in=contact_ids).order_by("id")
    for contact_id, skill in await rows.values_list("contact_id", "skill"):
        groups[int(contact_id)].append(str(skill))
    return [groups[i] for i in contact_ids]


async def average_ratings(contractor_ids: Sequence[int]) -> list[float | None]:
    """The mean rating of each contractor's DONE orders that were rated; None when none was.

    A sum and a count, not AVG: Tortoise reads an aggregate back as its column's type, which
    would cut the mean of a SmallIntField to a whole number.
    """
    rows = (
        await Order.filter(
            contractor_id__in=contractor_ids, status=OrderStatus.DONE, rating__isnull=False
        )
        .annotate(total=Sum("rating"), rated=Count("id"))
        .group_by("contractor_id")
        .values_list("contractor_id", "total", "rated")
    )
    means = {int(pk): int(total) / int(rated) for pk, total, rated in rows if rated}
    return [means.get(pk) for pk in contractor_ids]


async def template_shares(template_ids: Sequence[int]) -> list[list[Membership]]:
    groups: dict[int, list[Membership]] = defaultdict(list)
    shares = TemplateShare.filter(template_id__in=template_ids).select_related("member")
    for share in await shares.order_by("member__name", "member_id"):
        groups[share.template_id].append(share.member)
    return [groups[i] for i in template_ids]


async def visible_tasks_by_id(keys: Sequence[tuple[int, Actor]]) -> list[Task | None]:
    """Tasks by id, each only if the actor of its key may see it."""
    found: dict[tuple[int, Actor], Task] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        found.update({(t.id, actor): t for t in await visible_tasks(actor).filter(id__in=ids)})
    return [found.get(key) for key in keys]
