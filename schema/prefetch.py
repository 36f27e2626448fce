"""A page's relations loaded up front, so that their fields resolve without an awaitable.

graphql-core pays a coroutine, a future and a gather for every awaitable a field returns:
for 50 orders with client, address, contractor and responsible that was 200 of them and the
largest cost of the page (issue 8's profile). The page's resolver now asks the same data
loaders for the selected relations of all its rows at once (the same statements, one per
loader), and the fields return the loaded row directly; a field whose row was not loaded
(a single order from `node`) still awaits its loader.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from models import Order
from schema.context import Info

K = TypeVar("K")
V = TypeVar("V")

MISSING: Any = object()


def ready(loader: DataLoader[K, V], key: K) -> V:
    """The loader's value for `key` when it is already loaded, else `MISSING`."""
    future = loader.cache_map.get(key)
    if future is None or not future.done() or future.cancelled() or future.exception():
        return MISSING  # type: ignore[no-any-return]
    return future.result()


def _names(selections: Iterable[Any], path: tuple[str, ...]) -> set[str]:
    """Field names selected at `path` below `selections`, through fragments."""
    found: set[str] = set()
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            found |= _names(selection.selections, path)
        elif isinstance(selection, SelectedField):
            if not path:
                found.add(selection.name)
            elif selection.name == path[0]:
                found |= _names(selection.selections, path[1:])
    return found


def node_fields(info: Info) -> set[str]:
    """The fields selected on a connection's nodes (`edges { node { … } }`)."""
    return _names(info.selected_fields[0].selections, ("edges", "node"))


async def order_relations(info: Info, rows: list[Order]) -> None:
    """Load the selected client, contractor, address and responsible of `rows` together."""
    wanted = node_fields(info) if rows else set()
    loaders = info.context.loaders
    work: list[Awaitable[Any]] = []
    contacts = {r.client_id for r in rows} if "client" in wanted else set()
    if "contractor" in wanted:
        contacts |= {r.contractor_id for r in rows if r.contractor_id is not None}
    if contacts:
        work.append(loaders.contact.load_many(sorted(contacts)))
    if "address" in wanted:
        work.append(loaders.address.load_many(sorted({r.address_id for r in rows})))
    if "responsible" in wanted:
        work.append(loaders.member.load_many(sorted({r.responsible_id for r in rows})))
    if work:
        await asyncio.gather(*work)
