"""A page's relations loaded up front, so that their fields resolve without an awaitable.

graphql-core pays a coroutine, a future and a gather for every awaitable a field returns:
for 50 orders with client, address, contractor and responsible that was 200 of them and the
largest cost of the page when profiled. The page's statement now joins the selected
relations, its rows are primed into the data loaders, and the fields return the loaded row
directly; a field whose row was not loaded (a single order from `node`) awaits its loader.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from compat.strawberry import cached_future
from models import Order
from schema.context import Info

K = TypeVar("K")
V = TypeVar("V")

MISSING: Any = object()


def ready(loader: DataLoader[K, V], key: K) -> V:
    """The loader's value for `key` when it is already loaded, else `MISSING`."""
    future = cached_future(loader, key)
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


# Order relations a page can select, as Tortoise names them for `select_related`.
ORDER_RELATIONS = ("client", "address", "contractor", "responsible")


def order_relations(info: Info) -> list[str]:
    """The relations of `Order` selected on the page's nodes: loaded with the page's rows in
    the same statement (joins), instead of one more statement per loader."""
    wanted = node_fields(info)
    return [name for name in ORDER_RELATIONS if name in wanted]


def prime_order_relations(info: Info, rows: list[Order], relations: list[str]) -> None:
    """Hand the joined rows to the loaders, where the fields look for them."""
    loaders = info.context.loaders
    by_relation: dict[str, DataLoader[int, Any]] = {
        "client": loaders.contact,
        "contractor": loaders.contact,
        "address": loaders.address,
        "responsible": loaders.member,
    }
    for name in relations:
        by_relation[name].prime_many(
            {related.id: related for row in rows if (related := getattr(row, name)) is not None}
        )
