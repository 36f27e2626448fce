"""Batch loads around conversations: one or two statements per batch, whatever the number
of conversations in a page (the inbox list with its last messages costs the same for 1 or 100).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tortoise.functions import Count, Max

from models import Conversation, Message, MessageAttachment
from permissions.actor import Actor
from permissions.conversations import visible_conversations
from resolvers.pagination import ParentPage, pages_per_parent

MessagePageKey = tuple[int, int | None, str | None]
MESSAGE_ORDER = ("id",)


async def message_pages(keys: Sequence[MessagePageKey]) -> list[ParentPage[Message]]:
    """Each conversation's messages, oldest first: two statements per (first, after)."""
    results: dict[MessagePageKey, ParentPage[Message]] = {}
    for first, after in {key[1:] for key in keys}:
        ids = [key[0] for key in keys if key[1:] == (first, after)]
        query = Message.filter(conversation_id__in=ids)
        pages = await pages_per_parent(query, "conversation_id", MESSAGE_ORDER, first, after)
        for pk in ids:
            results[(pk, first, after)] = pages.get(pk, ParentPage([], [], False))
    return [results[key] for key in keys]


async def message_counts(conversation_ids: Sequence[int]) -> list[int]:
    rows = (
        await Message.filter(conversation_id__in=conversation_ids)
        .annotate(n=Count("id"))
        .group_by("conversation_id")
        .values_list("conversation_id", "n")
    )
    counts = {int(pk): int(n) for pk, n in rows}
    return [counts.get(pk, 0) for pk in conversation_ids]


async def last_messages(conversation_ids: Sequence[int]) -> list[Message | None]:
    """The newest message of each conversation: two statements."""
    rows = (
        await Message.filter(conversation_id__in=conversation_ids)
        .annotate(last=Max("id"))
        .group_by("conversation_id")
        .values_list("last")
    )
    ids = [int(row[0]) for row in rows]
    found = {m.conversation_id: m for m in await Message.filter(id__in=ids)} if ids else {}
    return [found.get(pk) for pk in conversation_ids]


async def visible_conversations_by_id(
    keys: Sequence[tuple[int, Actor]],
) -> list[Conversation | None]:
    """Conversations by id, each only if the actor of its key may see it."""
    found: dict[tuple[int, Actor], Conversation] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        rows = await visible_conversations(actor).filter(id__in=ids)
        found.update({(c.id, actor): c for c in rows})
    return [found.get(key) for key in keys]


async def order_conversations(keys: Sequence[tuple[int, Actor]]) -> list[Conversation | None]:
    """The (newest) conversation an order was made from, if the actor may see it."""
    found: dict[tuple[int, Actor], Conversation] = {}
    for actor in {key[1] for key in keys}:
        ids = [key[0] for key in keys if key[1] == actor]
        rows = await visible_conversations(actor).filter(order_id__in=ids).order_by("id")
        found.update({(c.order_id, actor): c for c in rows if c.order_id is not None})
    return [found.get(key) for key in keys]


async def attachments(message_ids: Sequence[int]) -> list[list[MessageAttachment]]:
    groups: dict[int, list[MessageAttachment]] = defaultdict(list)
    for row in await MessageAttachment.filter(message_id__in=message_ids).order_by("id"):
        groups[row.message_id].append(row)
    return [groups[i] for i in message_ids]
