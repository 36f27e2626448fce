"""Schema extensions: the authentication gate, size limits and error shaping."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from starlette.requests import Request
from strawberry.extensions import SchemaExtension

from permissions.operations import WIDGET_OPERATIONS, Access, operation_access, refusal
from schema.limits import MAX_RESULT_NODES, estimated_nodes

# Error shaping lives in schema/masking.py; these names stay importable from here.
from schema.masking import ErrorShaping as ErrorShaping
from schema.masking import shape_errors as shape_errors

log = logging.getLogger("servicedesk.graphql")

# Where OperationLabel leaves (type, name, valid) for the request metrics.
OPERATION_STATE_KEY = "graphql_operation"

ROOT_NAMES = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}


def _root_fields(
    selections: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
) -> Iterator[str]:
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            yield selection.name.value
        elif isinstance(selection, InlineFragmentNode):
            yield from _root_fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            yield from _root_fields(fragments[selection.name.value].selection_set, fragments)


def _unauthenticated() -> GraphQLError:
    return GraphQLError("Authentication required", extensions={"code": "UNAUTHENTICATED"})


class OperationGate(SchemaExtension):
    """Before execution: deny unclassified or unauthenticated operations, cap result size."""

    def __init__(self, paginated: set[str]) -> None:
        super().__init__()
        self.paginated = paginated

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            error = self._check(context.context, document.definitions, context.operation_name)
            if error is not None:
                context.result = ExecutionResult(data=None, errors=[error])
        yield

    def _check(
        self, ctx: object, definitions: tuple[object, ...] | list[object], name: str | None
    ) -> GraphQLError | None:
        fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
        if len(operations) > 1:
            return GraphQLError("Send one operation per request", extensions={"code": "INVALID"})
        operation = next(
            (o for o in operations if name is None or (o.name and o.name.value == name)), None
        )
        if operation is None:
            return None
        root = ROOT_NAMES[operation.operation.value]
        actor = getattr(ctx, "actor", None)
        visitor = getattr(ctx, "visitor", None)
        widget_origin = getattr(ctx, "widget_origin", None)
        for field in _root_fields(operation.selection_set, fragments):
            if field.startswith("__"):
                continue
            access = operation_access(f"{root}.{field}")
            if access is None or (
                widget_origin is not None and f"{root}.{field}" not in WIDGET_OPERATIONS
            ):
                return GraphQLError(
                    f"{root}.{field} is not available", extensions={"code": "FORBIDDEN"}
                )
            if (access is Access.MEMBER and actor is None) or (
                access is Access.VISITOR and visitor is None
            ):
                return _unauthenticated()
            refused = refusal(actor, f"{root}.{field}")
            if refused is not None:
                return GraphQLError(refused, extensions={"code": "FORBIDDEN"})
        variables = self.execution_context.variables or {}
        size = estimated_nodes(operation, fragments, variables, self.paginated)
        if size > MAX_RESULT_NODES:
            return GraphQLError(
                f"The query could return about {size} objects; at most {MAX_RESULT_NODES} are allowed",
                extensions={"code": "QUERY_TOO_LARGE"},
            )
        return None


class OperationLabel(SchemaExtension):
    """Leaves the operation's type and name in the HTTP request's scope state, where the
    request metrics (servicedesk/telemetry.py) label its timing."""

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context
        request = getattr(context.context, "request", None)
        if not isinstance(request, Request):  # a WebSocket's operations are not timed
            return
        kind = "invalid"
        if context.graphql_document is not None:
            with contextlib.suppress(Exception):  # a named operation the document lacks
                kind = context.operation_type.value
        # Refused (invalid, unauthenticated, too large) or executed.
        executed = kind != "invalid" and not context.pre_execution_errors
        state = request.scope.setdefault("state", {})
        state[OPERATION_STATE_KEY] = (kind, context.operation_name, executed)
