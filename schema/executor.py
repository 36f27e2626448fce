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

from graphql import GraphQLField, GraphQLNonNull, GraphQLObjectType, Undefined, is_leaf_type
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
            coerced = how.coerce(value)
            return Undefined if coerced is None else coerced
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
            coerced = how.coerce(value)
            return Undefined if coerced is None else coerced
        # An object (`_fast` allows no list or abstract type).
        return self.complete_resolved(parent_type, path, details, value)
