"""The write budget at the schema: a mutation spends one write per root field from its caller's
budget (permissions/budgets.py) before any field runs, or runs nothing and answers
RATE_LIMITED with a `retryAfter` in seconds (and an HTTP `Retry-After` header)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from permissions.budgets import spend_writes


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name is not None and definition.name.value == name)
        ):
            return definition
    return None


def root_writes(document: DocumentNode, operation: OperationDefinitionNode) -> int:
    """The mutation fields the operation runs: distinct response keys at the root, fragments
    visited once each (as execution collects them), so counting is linear in the document."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    keys: set[str] = set()
    visited: set[str] = set()

    def collect(selections: SelectionSetNode) -> None:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                if not selection.name.value.startswith("__"):
                    keys.add((selection.alias or selection.name).value)
            elif isinstance(selection, InlineFragmentNode):
                collect(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in visited and name in fragments:
                    visited.add(name)
                    collect(fragments[name].selection_set)

    collect(operation.selection_set)
    return len(keys)


class WriteBudget(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = None if document is None else _operation(document, context.operation_name)
        if (
            context.result is None
            and document is not None
            and operation is not None
            and operation.operation == OperationType.MUTATION
        ):
            ctx = context.context
            refusal = await spend_writes(
                getattr(ctx, "actor", None),
                getattr(ctx, "visitor", None),
                root_writes(document, operation),
            )
            if refusal is not None:
                response = getattr(ctx, "response", None)
                if isinstance(response, Response):
                    response.headers["Retry-After"] = str(refusal.retry_after)
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            refusal.message,
                            extensions={
                                "code": "RATE_LIMITED",
                                "retryAfter": refusal.retry_after,
                            },
                        )
                    ],
                )
        yield
