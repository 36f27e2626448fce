"""Strawberry's private names, in one place: the raw graphql-core objects behind its
wrappers, its WebSocket handler's stream sender, its loader's cache and its parse and
validation caches. Shape-tested in tests/test_compat.py."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from graphql import DocumentNode, GraphQLResolveInfo, GraphQLSchema
from strawberry import Schema
from strawberry.dataloader import DataLoader
from strawberry.extensions import ParserCache
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache
from strawberry.resolvers import is_default_resolver as is_default_resolver
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
    _OperationStreamClosed,
)
from strawberry.types.info import Info

K = TypeVar("K")
V = TypeVar("V")
Context = TypeVar("Context")
RootValue = TypeVar("RootValue")

# Raised inside an operation's task when the client completed it while results were sent.
OperationStreamClosed = _OperationStreamClosed


def core_schema(schema: Schema) -> GraphQLSchema:
    """The graphql-core schema Strawberry built and executes against."""
    return schema._schema


def raw_info(info: Info[Any, Any]) -> GraphQLResolveInfo[Any]:
    """graphql-core's resolve info behind Strawberry's `Info` (operation, fragments, schema)."""
    return info._raw_info


def cached_future(loader: DataLoader[K, V], key: K) -> asyncio.Future[V] | None:
    """The future the loader holds for `key`, or None when it was never asked for it."""
    future: asyncio.Future[V] | None = loader.cache_map.get(key)
    return future


def cached_parser(extension: ParserCache) -> Callable[..., DocumentNode]:
    """The extension's cached `parse_document` (what its `on_parse` calls)."""
    parser: Callable[..., DocumentNode] = extension.cached_parse_document
    return parser


def parse_cache(maxsize: int | None) -> Callable[..., Any]:
    """The process-wide cached parser `ParserCache(maxsize)` uses (its `cache_info()`)."""
    return _get_parse_cache(maxsize)


def validate_cache(maxsize: int | None) -> Callable[..., Any]:
    """The process-wide cached validator `ValidationCache(maxsize)` uses."""
    return _get_validate_cache(maxsize)


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, RootValue]):
    """Strawberry's graphql-transport-ws handler with its result sender made callable from a
    subclass's `run_operation`."""

    async def send_result_stream(
        self, operation: Operation[Context, RootValue], source: Any
    ) -> None:
        """Send each result of `source` as `next`; raises OperationStreamClosed when the
        client completed the operation meanwhile."""
        await self._send_result_stream(operation, source)


__all__ = [
    "Operation",
    "OperationStreamClosed",
    "TransportWSHandler",
    "cached_future",
    "cached_parser",
    "core_schema",
    "is_default_resolver",
    "parse_cache",
    "raw_info",
    "validate_cache",
]
