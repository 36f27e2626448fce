"""Relay connections: edges, page info and a total counted only when asked for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.models import Model

from resolvers.pagination import Page

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


def connection_of(page: Page[Any], convert: Callable[[Any], T]) -> Connection[T]:
    return typed_connection_of(page, convert, Connection)


C = TypeVar("C", bound=Connection[Any])


def typed_connection_of(page: Page[Any], convert: Callable[[Any], Any], kind: type[C]) -> C:
    """A connection of the concrete class `kind` (for types that must be named lazily)."""
    rows: list[Model] = page.rows
    edges = [Edge(node=convert(row), cursor=c) for row, c in zip(rows, page.cursors, strict=True)]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=page.cursors[0] if page.cursors else None,
        end_cursor=page.cursors[-1] if page.cursors else None,
    )
    return kind(edges=edges, page_info=info, count=page.count)
