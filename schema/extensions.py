"""Schema extensions: the authentication gate, size limits and error shaping."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse
from starlette.requests import Request
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

from compat.strawberry import cached_parser, core_schema
from permissions.operations import WIDGET_OPERATIONS, Access, operation_access, refusal
from schema.limits import (
    MAX_CACHED_DOCUMENT_BYTES,
    MAX_TOKENS,
    ROOT_TYPES,
    TOO_LARGE,
    OneOperationOnly,
    analyse,
    limit_error,
)

# Error shaping lives in schema/masking.py; the extension stays importable from here.
from schema.masking import ErrorShaping as ErrorShaping

log = logging.getLogger("servicedesk.graphql")

# Where OperationLabel leaves (type, name, valid) for the request metrics.
OPERATION_STATE_KEY = "graphql_operation"


def _unauthenticated() -> GraphQLError:
    return GraphQLError("Authentication required", extensions={"code": "UNAUTHENTICATED"})


class OperationGate(SchemaExtension):
    """Before validation, on every transport (POST, GET, persisted query, WebSocket): one
    linear analysis of the document (schema/limits.py) refuses what is too large, and the
    root fields are refused unless permissions/ classify them for this caller.

    It runs in `on_validate`, not `on_execute`: a refused document is never validated (what
    graphql-core's rules would walk), and Strawberry's subscribe path runs no `on_execute`
    result check (it ignores a result set there and subscribes anyway), while every path runs
    validation and stops on `pre_execution_errors`."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.pre_execution_errors:
            error = self._check(context.context, document, context.operation_name)
            if error is not None:
                context.pre_execution_errors = [error]
        yield

    def _check(self, ctx: object, document: DocumentNode, name: str | None) -> GraphQLError | None:
        schema = core_schema(self.execution_context.schema)
        try:
            analysis = analyse(schema, document, name, self.execution_context.variables)
        except OneOperationOnly:
            return GraphQLError("Send one operation per request", extensions={"code": "INVALID"})
        if analysis is None:
            return None
        too_large = limit_error(analysis)
        if too_large is not None:
            return too_large
        root = ROOT_TYPES[analysis.operation.operation.value]
        actor = getattr(ctx, "actor", None)
        visitor = getattr(ctx, "visitor", None)
        widget_origin = getattr(ctx, "widget_origin", None)
        for field in sorted(analysis.root_fields):
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
        return None


def cacheable(query: str) -> bool:
    """Small enough to keep in the parser and validation caches (UTF-8 bytes)."""
    limit = MAX_CACHED_DOCUMENT_BYTES
    return len(query) <= limit // 4 or (len(query) <= limit and len(query.encode()) <= limit)


# Stands in for a document the parser gave up on at MAX_TOKENS, so that Strawberry neither
# parses it again nor treats the refusal as a syntax error.
_REFUSED_DOCUMENT = parse("{ __typename }")


class BoundedParserCache(ParserCache):
    """Strawberry's parser cache, its errors reported as Strawberry reports its own (a syntax
    error raised from ParserCache's hook escaped the WebSocket handler: the client got only
    `complete`). A document past MAX_TOKENS (the parser stops there, see MaxTokensLimiter) is
    refused like every other limit: QUERY_TOO_LARGE, on a WebSocket an error message for that
    operation, not the 4400 close of a syntax error."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query or ""
        # Kept only when small: a document keeps its source, comments and all (a cache
        # keyed by a client's text would hold up to its entries x 1 MiB).
        parser = cached_parser(self) if cacheable(query) else parse
        try:
            context.graphql_document = parser(query, **context.parse_options)
        except GraphQLSyntaxError as error:
            if "tokens. Parsing aborted" in error.message:
                context.graphql_document = _REFUSED_DOCUMENT
                context.pre_execution_errors = [
                    GraphQLError(
                        f"The document has more than {MAX_TOKENS} tokens",
                        extensions={"code": TOO_LARGE},
                    )
                ]
            # Any other syntax error: parsed again, and reported, by Strawberry.
        yield


class GatedValidationCache(ValidationCache):
    """Strawberry's validation cache, skipped for a document the gate refused (the cache
    would validate it anyway and overwrite the refusal), and for a large one, which
    Strawberry then validates uncached."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors or not cacheable(context.query or ""):
            yield
            return
        yield from super().on_validate()


class OperationLabel(SchemaExtension):
    """Leaves the operation's type and name in the HTTP request's scope state, where the
    request metrics (servicedesk/http/telemetry.py) label its timing."""

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
