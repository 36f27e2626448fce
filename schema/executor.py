"""The executor: graphql-core's, with plain attribute fields read without their machinery.

A page of 50 orders has about 1,000 fields, most of them attributes of the object (`id`,
`number`, `title`, `name`). graphql-core gives each one a path, a resolve info, Strawberry's
resolver chain and four levels of `complete_value`, which made it the largest cost of the
page (issue 8's profile). A field Strawberry calls basic (no resolver, no extension) whose
type is a scalar or an enum is now read here with `getattr` and coerced by its type, exactly
as graphql-core would. A null, an error or anything unusual takes graphql-core's own path,
so errors, paths and non-null checks are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

# (attribute name, the leaf type's coercion) of a plain field; None for any other field.
Plain = tuple[str, Callable[[Any], Any]] | None

_plain_fields: dict[GraphQLObjectType, dict[str, Plain]] = {}


def _plain(field: GraphQLField) -> Plain:
    """How to read `field` directly, when it is a basic Strawberry field of a leaf type."""
    if field.args or not getattr(field.resolve, "_is_default", False):
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    python_name = getattr(definition, "python_name", None)
    leaf = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if python_name is None or not is_leaf_type(leaf):
        return None
    return python_name, leaf.coerce_output_value


def plain_fields(parent_type: GraphQLObjectType) -> dict[str, Plain]:
    found = _plain_fields.get(parent_type)
    if found is None:
        found = {name: _plain(field) for name, field in parent_type.fields.items()}
        _plain_fields[parent_type] = found
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
        """graphql-core's `execute_fields`, with plain fields read in place."""
        plain = plain_fields(parent_type)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, details in grouped_field_set.items():
                how = plain.get(details[0].node.name.value)
                if how is not None:
                    value = getattr(source_value, how[0], None)
                    if value is not None:
                        coerced = how[1](value)
                        if coerced is not None and coerced is not Undefined:
                            results[response_name] = coerced
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
