"""graphql-core's executor internals: `execute_fields` copied with a hook that resolves a
field in place, and the completion of an already resolved object value.

graphql-core documents neither method; both changed signature between 3.2 and 3.3. The base
is Strawberry's subclass of graphql-core's executor, which Strawberry's schema expects.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import GraphQLObjectType, GraphQLOutputType, Undefined
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class ShortcutExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor; a field that `shortcuts` names is first offered to
    `shortcut_field`, and takes graphql-core's own path when that answers Undefined."""

    def wraps_resolvers(self) -> bool:
        """Schema middleware (an extension's `resolve` hook) wraps every resolver: then
        nothing is shortcut. Strawberry builds a manager on every request, most often with
        no middleware in it; an empty one wraps nothing (before this check looked at the
        manager alone, every field took graphql-core's path)."""
        manager = self.middleware_manager
        return manager is not None and bool(manager.middlewares)

    def shortcuts(self, parent_type: GraphQLObjectType) -> Mapping[str, Any]:
        """Per field name of `parent_type`, what `shortcut_field` is given (None: nothing)."""
        return {}

    def shortcut_field(
        self,
        how: Any,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path | None,
        details: FieldDetailsList,
    ) -> Any:
        """The field's completed value, or Undefined to let graphql-core resolve it."""
        return Undefined

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """graphql-core's `execute_fields` with the shortcut tried first. With schema
        middleware (an extension's `resolve` hook) nothing is shortcut."""
        if self.wraps_resolvers():
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        fast = self.shortcuts(parent_type)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, details in grouped_field_set.items():
                how = fast.get(details[0].node.name.value)
                if how is not None:
                    done = self.shortcut_field(how, parent_type, source_value, path, details)
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

    def plain_items(
        self, item_type: GraphQLOutputType, details: FieldDetailsList, items: list[Any]
    ) -> Any:
        """A list's completed items when each one can be completed without graphql-core's
        per-item machinery, or Undefined."""
        return Undefined

    def complete_iterable_value(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: Any,
        path: Path,
        items: Any,
        position_context: Any,
    ) -> Any:
        """graphql-core's, after `plain_items` is offered a list (not a stream, no middleware)."""
        if (
            isinstance(items, list)
            and not self.wraps_resolvers()
            and not self.get_stream_usage(field_details_list, path)
        ):
            done = self.plain_items(item_type, field_details_list, items)
            if done is not Undefined:
                return done
        return super().complete_iterable_value(
            item_type, field_details_list, info, path, items, position_context
        )

    def complete_resolved(
        self,
        parent_type: GraphQLObjectType,
        path: Path | None,
        details: FieldDetailsList,
        value: Any,
    ) -> Any:
        """`value`, resolved for the field `details` names, completed as `execute_field`
        completes it, errors included; no resolve info is built (objects do not use it)."""
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


__all__ = ["ShortcutExecutionContext"]
