"""Batch loads around orders: one statement per batch, whatever the number of orders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import TypeVar

from tortoise.functions import Count
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models import (
    Address,
    Comment,
    CommentVisibility,
    ContactKind,
    Order,
    OrderStatusChange,
    OutboundMessage,
    Photo,
)
from permissions.actor import Actor
from permissions.orders import visible_orders
from resolvers.pagination import ParentPage, pages_per_parent

K = TypeVar("K", bound=Hashable)
M = TypeVar("M", bound=Model)

# Keys of per-parent pages: (parent id, what the page depends on, first, after).
CommentPageKey = tuple[int, tuple[CommentVisibility, ...], int | None, str | None]
ContactOrdersKey = tuple[int, ContactKind, Actor, int | None, str | None]
CommentCountKey = tuple[int, tuple[CommentVisibility, ...]]

COMMENT_ORDER = ("id",)
CONTACT_ORDER_SORT = ("-created_at", "-id")


async def addresses_by_id(ids: Sequence[int]) -> list[Address | None]:
    found = {a.id: a for a in await Address.filter(id__in=ids)}
    return [found.get(i) for i in ids]


async def history(order_ids: Sequence[int]) -> list[list[OrderStatusChange]]:
    groups: dict[int, list[OrderStatusChange]] = defaultdict(list)
    for change in await OrderStatusChange.filter(order_id__in=order_ids).order_by("id"):
        groups[change.order_id].append(change)
    return [groups[i] for i in order_ids]


async def photos(order_ids: Sequence[int]) -> list[list[Photo]]:
    groups: dict[int, list[Photo]] = defaultdict(list)
    for photo in await Photo.filter(order_id__in=order_ids).order_by("created_at", "id"):
        groups[photo.order_id].append(photo)
    return [groups[i] for i in order_ids]


async def _pages(
    keys: Sequence[tuple[int, *tuple[Hashable, ...]]],
    query_of: dict[tuple[Hashable, ...], QuerySet[M]],
    parent: str,
    order: Sequence[str],
) -> list[ParentPage[M]]:
    """Pages for keys grouped by everything but the parent id: one ranked query per group."""
    results: dict[tuple[Hashable, ...], ParentPage[M]] = {}
    groups: dict[tuple[Hashable, ...], list[int]] = defaultdict(list)
    for key in keys:
        groups[key[1:]].append(key[0])
    for rest, parents in groups.items():
        first, after = rest[-2], rest[-1]
        assert isinstance(first, int | None)
        assert isinstance(after, str | None)
        query = query_of[rest].filter(**{f"{parent}__in": parents})
        pages = await pages_per_parent(query, parent, order, first, after)
        for parent_id in parents:
            results[(parent_id, *rest)] = pages.get(parent_id, ParentPage([], [], False))
    return [results[tuple(key)] for key in keys]


async def comment_pages(keys: Sequence[CommentPageKey]) -> list[ParentPage[Comment]]:
    queries: dict[tuple[Hashable, ...], QuerySet[Comment]] = {
        key[1:]: Comment.filter(visibility__in=key[1]) for key in keys
    }
    return await _pages(keys, queries, "order_id", COMMENT_ORDER)


async def comment_counts(keys: Sequence[CommentCountKey]) -> list[int]:
    counts: dict[CommentCountKey, int] = {}
    for kinds in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == kinds]
        rows = (
            await Comment.filter(order_id__in=ids, visibility__in=kinds)
            .annotate(n=Count("id"))
            .group_by("order_id")
            .values_list("order_id", "n")
        )
        counts.update({(order_id, kinds): n for order_id, n in rows})
    return [counts.get((key[0], key[1]), 0) for key in keys]


def _contact_column(kind: ContactKind) -> str:
    return "client_id" if kind == ContactKind.CLIENT else "contractor_id"


async def contact_order_pages(keys: Sequence[ContactOrdersKey]) -> list[ParentPage[Order]]:
    """Orders of each contact that the actor may see (as client or as contractor)."""
    results: dict[ContactOrdersKey, ParentPage[Order]] = {}
    for kind in ContactKind:
        chosen = [key for key in keys if key[1] == kind]
        queries: dict[tuple[Hashable, ...], QuerySet[Order]] = {
            key[1:]: visible_orders(key[2]) for key in chosen
        }
        pages = await _pages(chosen, queries, _contact_column(kind), CONTACT_ORDER_SORT)
        results.update(zip(chosen, pages, strict=True))
    return [results[key] for key in keys]


async def contact_order_counts(keys: Sequence[tuple[int, ContactKind, Actor]]) -> list[int]:
    counts: dict[tuple[int, ContactKind, Actor], int] = {}
    for kind, actor in {key[1:] for key in keys}:
        column = _contact_column(kind)
        ids = [key[0] for key in keys if key[1:] == (kind, actor)]
        rows = (
            await visible_orders(actor)
            .filter(**{f"{column}__in": ids})
            .annotate(n=Count("id"))
            .group_by(column)
            .values_list(column, "n")
        )
        counts.update({(contact_id, kind, actor): n for contact_id, n in rows})
    return [counts.get(key, 0) for key in keys]


async def visible_orders_by_id(keys: Sequence[tuple[int, Actor]]) -> list[Order | None]:
    """Orders by id, each only if the actor of its key may see it."""
    found: dict[tuple[int, Actor], Order] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        found.update({(o.id, actor): o for o in await visible_orders(actor).filter(id__in=ids)})
    return [found.get(key) for key in keys]


# Order.outbound shows the newest this many messages of an order (schema/limits.py bounds it).
OUTBOUND_PER_ORDER = 50


async def outbound_messages(order_ids: Sequence[int]) -> list[list[OutboundMessage]]:
    """The orders' messages to people outside the app, oldest first: one SELECT for a page."""
    groups: dict[int, list[OutboundMessage]] = defaultdict(list)
    rows = await OutboundMessage.filter(order_id__in=list(order_ids)).order_by("-id")
    for row in rows:
        if row.order_id is not None and len(groups[row.order_id]) < OUTBOUND_PER_ORDER:
            groups[row.order_id].append(row)
    return [list(reversed(groups[i])) for i in order_ids]
