"""The executor: graphql-core's, with simple fields resolved without its per-field machinery.

A page of 50 orders has about 1,300 fields. graphql-core gives each one a path, a resolve
info, Strawberry's resolver chain and four levels of `complete_value`, the largest cost of
the page after the ORM (issue 8's profile). Two kinds of field are resolved here instead:
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
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

F = TypeVar("F", bound=Callable[..., Any])


def context_only(resolver: F) -> F:
    """Marks a synchronous resolver without arguments that reads nothing of `info` but
    `info.context`: the executor calls it directly, past Strawberry's resolver chain and
    graphql-core's resolve info (issue 8: 300 such fields on a page of 50 orders)."""
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
    if getattr(field.resolve, "_is_default", False):
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


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """graphql-core's `execute_fields`, with plain and `context_only` fields resolved in
        place; anything unusual (a null, an awaitable) goes graphql-core's way."""
        if self.middleware_manager:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        fast = fast_fields(parent_type)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, details in grouped_field_set.items():
                how = fast.get(details[0].node.name.value)
                if how is not None:
                    done = self._fast_field(how, parent_type, source_value, path, details)
                    if done is not Undefined:
                        results[response_name] = done
                        if is_awaitable(done):
                            awaitable_fields.append(response_name)
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    details,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:  # settle the other fields' work: it may fail too
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                name = awaitable_fields[0]
                results[name] = await results[name]
            else:
                done = await gather_with_cancel(*(results[name] for name in awaitable_fields))
                results.update(zip(awaitable_fields, done, strict=True))
            return results

        return get_results()

    def _fast_field(
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
        # An object (`_fast` allows no list or abstract type): completed as `execute_field`
        # completes it, errors included; the resolve info goes unused for objects.
        node = details[0].node
        field_path = Path(
            path, node.alias.value if node.alias else node.name.value, parent_type.name
        )
        return_type = parent_type.fields[node.name.value].type
        try:
            completed = self.complete_value(return_type, details, None, field_path, value, None)  # type: ignore[arg-type]
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, details, field_path)
            return None
        if self.is_awaitable(completed):
            return self._completed_later(completed, return_type, details, field_path)
        return completed

    async def _completed_later(
        self,
        completed: Any,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        path: Path,
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, details, path)
            return None
