"""Relay connections: edges, page info and a total counted only when asked for; every
connection of the schema is built here, from a page of rows or a page of one parent's rows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.models import Model

from resolvers.pagination import Page, ParentPage

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
    info = page_info(page.cursors, page.has_next, page.has_previous)
    return kind(edges=edges_of(page.rows, page.cursors, convert), page_info=info, count=page.count)


def parent_connection_of(
    page: ParentPage[Any],
    after: str | None,
    convert: Callable[[Any], Any],
    count: Callable[[], Awaitable[int]],
    kind: type[C],
) -> C:
    """A connection of one parent's page (loaded for many parents at once, so it carries
    neither `has_previous` nor a count: the count is the parent's own loader's)."""
    info = page_info(page.cursors, page.has_next, after is not None)
    return kind(edges=edges_of(page.rows, page.cursors, convert), page_info=info, count=count)


def edges_of(rows: list[Model], cursors: list[str], convert: Callable[[Any], Any]) -> list[Any]:
    return [Edge(node=convert(row), cursor=c) for row, c in zip(rows, cursors, strict=True)]


def page_info(cursors: list[str], has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
