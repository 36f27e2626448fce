"""The executor: graphql-core's, with simple fields resolved without its per-field machinery.

A page of 50 orders has about 1,300 fields. graphql-core gives each one a path, a resolve
info, Strawberry's resolver chain and four levels of `complete_value`, the largest cost of
the page after the ORM (profiled on a page of 50 orders). Two kinds of field are resolved here instead:
- a field Strawberry calls basic (no resolver, no extension) of a scalar or enum type: read
  with `getattr`, coerced by its type, as graphql-core would;
- a resolver marked `@context_only`: called with the source and the context.
A null, an error, an awaitable, a list or an abstract type takes graphql-core's own path, so
values, errors, paths and null propagation are unchanged (tests/test_executor.py compares
both executors). With schema middleware (an extension's `resolve` hook) nothing is shortcut.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import (
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema_converter import GraphQLCoreConverter

from compat.graphql_core import ShortcutExecutionContext
from compat.strawberry import is_default_resolver

F = TypeVar("F", bound=Callable[..., Any])


def context_only(resolver: F) -> F:
    """Marks a synchronous resolver without arguments that reads nothing of `info` but
    `info.context`: the executor calls it directly, past Strawberry's resolver chain and
    graphql-core's resolve info (300 such fields on a page of 50 orders)."""
    resolver._context_only = True  # type: ignore[attr-defined]
    return resolver


@dataclass(frozen=True, slots=True)
class Plain:
    """A basic field of a leaf type: read the attribute, coerce it."""

    attribute: str
    coerce: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Direct:
    """A `context_only` resolver: call it with the source and the context."""

    resolver: Callable[..., Any]
    takes_info: bool
    nullable: bool
    coerce: Callable[[Any], Any] | None  # for a leaf type; None: complete as graphql-core does


@dataclass(frozen=True, slots=True)
class ContextInfo:
    """What a `context_only` resolver gets for `info`."""

    context: Any


_fast_fields: dict[GraphQLObjectType, dict[str, Plain | Direct | None]] = {}


def _fast(field: GraphQLField) -> Plain | Direct | None:
    """How to resolve `field` without graphql-core's machinery; None: with it."""
    if field.args:
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    nullable = not isinstance(field.type, GraphQLNonNull)
    inner = field.type if nullable else field.type.of_type  # type: ignore[union-attr]
    leaf = is_leaf_type(inner)
    if field.resolve is not None and is_default_resolver(field.resolve):
        python_name = getattr(definition, "python_name", None)
        if python_name is None or not leaf:
            return None
        return Plain(python_name, inner.coerce_output_value)  # type: ignore[union-attr]
    base = getattr(definition, "base_resolver", None)
    function = getattr(base, "wrapped_func", None)
    if function is None or not getattr(function, "_context_only", False):
        return None
    if getattr(definition, "extensions", None):
        return None  # field extensions (permission classes…) wrap the resolver: keep them
    if not leaf and not isinstance(inner, GraphQLObjectType):
        return None  # lists and abstract types need the resolve info: graphql-core's way
    takes_info = len(inspect.signature(function).parameters) > 1
    coerce = inner.coerce_output_value if leaf else None  # type: ignore[union-attr]
    return Direct(function, takes_info, nullable, coerce)


def fast_fields(parent_type: GraphQLObjectType) -> dict[str, Plain | Direct | None]:
    found = _fast_fields.get(parent_type)
    if found is None:
        found = {name: _fast(field) for name, field in parent_type.fields.items()}
        _fast_fields[parent_type] = found
    return found


def _coerced(coerce: Callable[[Any], Any], value: Any) -> Any:
    """The value coerced, or Undefined when it cannot be (graphql-core then reports it at
    the field's path)."""
    try:
        coerced = coerce(value)
    except Exception:
        return Undefined
    return Undefined if coerced is None else coerced


class LeanExecutor(ShortcutExecutionContext):
    """Plain and `context_only` fields resolved in place; anything unusual (a null, an
    awaitable) goes graphql-core's way."""

    def shortcuts(self, parent_type: GraphQLObjectType) -> dict[str, Plain | Direct | None]:
        return fast_fields(parent_type)

    def shortcut_field(
        self,
        how: Plain | Direct,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path | None,
        details: FieldDetailsList,
    ) -> Any:
        """The field's completed value, or Undefined to let graphql-core do it."""
        if isinstance(how, Plain):
            value = getattr(source, how.attribute, None)
            if value is None:
                return Undefined
            return _coerced(how.coerce, value)
        try:
            info = ContextInfo(self.context_value)
            value = how.resolver(source, info) if how.takes_info else how.resolver(source)
        except Exception:
            return Undefined  # graphql-core calls it again and reports the error
        if self.is_awaitable(value):
            if inspect.iscoroutine(value):
                value.close()  # not started: graphql-core calls the resolver again
            return Undefined
        if value is None:
            return None if how.nullable else Undefined
        if how.coerce is not None:
            return _coerced(how.coerce, value)
        # An object (`_fast` allows no list or abstract type).
        return self.complete_resolved(parent_type, path, details, value)

    def plain_items(
        self, item_type: GraphQLOutputType, details: FieldDetailsList, items: list[Any]
    ) -> Any:
        """A list of objects whose every selected field is Plain (or `__typename`), built
        here: a report of 246 rows spent half its request completing them one by one. Any
        null where the schema forbids one or a failed coercion answers Undefined before
        anything is kept, and graphql-core completes the list, errors and all."""
        inner = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
        if not isinstance(inner, GraphQLObjectType) or inner.is_type_of is not None:
            return Undefined  # is_type_of (an interface's implementations) takes the info
        reads = self._plain_reads(inner, details)
        if reads is None:
            return Undefined
        try:
            return self._read_items(items, reads, item_type is inner)
        except Exception:
            return Undefined  # a coercion that raised: graphql-core reports it

    @staticmethod
    def _read_items(
        items: list[Any],
        reads: list[tuple[str, str, Callable[[Any], Any] | None, bool]],
        nullable_items: bool,
    ) -> Any:
        done: list[Any] = []
        for item in items:
            if item is None:
                if not nullable_items:
                    return Undefined
                done.append(None)
                continue
            row: dict[str, Any] = {}
            for key, attribute, coerce, nullable in reads:
                if coerce is None:
                    row[key] = attribute
                    continue
                value = getattr(item, attribute, None)
                if value is not None:
                    value = coerce(value)
                    if value is None:
                        return Undefined
                elif not nullable:
                    return Undefined
                row[key] = value
            done.append(row)
        return done

    def _plain_reads(
        self, object_type: GraphQLObjectType, details: FieldDetailsList
    ) -> list[tuple[str, str, Callable[[Any], Any] | None, bool]] | None:
        """(response key, attribute or the type's name, coercion or None for `__typename`,
        nullable) of each selected field, or None unless all are Plain (no deferral)."""
        grouped, deferred, _ = self.collect_subfields(object_type, details)
        if deferred:
            return None
        fast = fast_fields(object_type)
        reads: list[tuple[str, str, Callable[[Any], Any] | None, bool]] = []
        for key, field_details in grouped.items():
            name = field_details[0].node.name.value
            if name == "__typename":
                reads.append((key, object_type.name, None, False))
                continue
            how = fast.get(name)
            if not isinstance(how, Plain):
                return None
            nullable = not isinstance(object_type.fields[name].type, GraphQLNonNull)
            reads.append((key, how.attribute, how.coerce, nullable))
        return reads
