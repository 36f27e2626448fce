"""What an error becomes on its way to a client, the same on every transport (HTTP POST, GET,
multipart, WebSocket subscribe and each event a subscription streams): expected errors keep
their code; a backing service that is away gives SERVICE_UNAVAILABLE; anything else is
"internal error (request id …)", its text and traceback only in the server's log. In
production no message names what exists ("Did you mean 'OrderStatus'?")."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from graphql import GraphQLError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.execution import StreamExecutionResult

from domain.errors import DomainError, Unauthenticated
from schema.outages import backing_service_away

log = logging.getLogger("servicedesk.graphql")

INTERNAL = "INTERNAL_SERVER_ERROR"
UNAVAILABLE = "SERVICE_UNAVAILABLE"

# graphql-core's suggestions (graphql.pyutils.did_you_mean, ScalarLeafsRule): " Did you mean"
# then perhaps "the enum value" or "to use an inline fragment on", then quoted names joined
# by commas and "or", then "?". Validation and variable coercion both add them.
SUGGESTION = re.compile(r" ?Did you mean (?:[a-z ]+ )?'[^']*'(?:,? (?:or )?'[^']*')*\?")


def internal_message(request_id: str) -> str:
    return f"internal error (request id {request_id})"


def unavailable_message(request_id: str) -> str:
    return f"service unavailable, try again shortly (request id {request_id})"


def masked(error: BaseException, request_id: str) -> tuple[str, str]:
    """The (message, code) a client sees for an unexpected error; logs it with its traceback."""
    exc_info = (type(error), error, error.__traceback__)
    if backing_service_away(error):
        log.warning("service unavailable (request %s)", request_id, exc_info=exc_info)
        return unavailable_message(request_id), UNAVAILABLE
    log.error("internal error (request %s)", request_id, exc_info=exc_info)
    return internal_message(request_id), INTERNAL


def without_suggestions(message: str) -> str:
    return SUGGESTION.sub("", message)


# Raised through on purpose: GraphQL errors, and the views' own refusals (no query, an
# operation type the transport does not allow), which they answer with 400.
_PASSED_ON = (
    GraphQLError,
    MissingQueryError,
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
)


class ErrorShaping(SchemaExtension):
    """Shapes the errors of each result: after an operation, and on each result a stream
    yields (a WebSocket subscription's events, which `on_operation` alone would only see once
    the stream has ended). The schema's `disable_field_suggestions` (production) hides
    suggestions of every kind, not only of fields."""

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except _PASSED_ON:
            raise
        except Exception as error:
            # An extension's hook failed (the write budget while Redis is away): Strawberry
            # would answer with the exception's text. A GraphQLError it passes on as it is.
            request_id = getattr(self.execution_context.context, "request_id", "-")
            message, code = masked(error, request_id)
            extensions = {"code": code, "requestId": request_id}
            raise GraphQLError(message, extensions=extensions) from None
        self._shape(self.execution_context.result)

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        self._shape(result)
        yield

    def _shape(self, result: object) -> None:
        errors = getattr(result, "errors", None)
        if not errors:
            return
        context = self.execution_context
        request_id = getattr(context.context, "request_id", "-")
        hide = context.schema.config.disable_field_suggestions
        result.errors = shape_errors(errors, request_id, hide_suggestions=hide)  # type: ignore[attr-defined]


def shape_errors(
    errors: Sequence[GraphQLError], request_id: str, *, hide_suggestions: bool = False
) -> list[GraphQLError]:
    return [shape_error(error, request_id, hide_suggestions=hide_suggestions) for error in errors]


def shape_error(
    error: GraphQLError, request_id: str, *, hide_suggestions: bool = False
) -> GraphQLError:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        if hide_suggestions and "Did you mean" in error.message:
            return GraphQLError(
                without_suggestions(error.message),
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                original_error=error.original_error,
                extensions=error.extensions,
            )
        return error
    if isinstance(original, Unauthenticated):
        return GraphQLError(
            "Authentication required",
            nodes=error.nodes,
            path=error.path,
            extensions={"code": "UNAUTHENTICATED"},
        )
    if isinstance(original, DomainError):
        return GraphQLError(
            original.message,
            nodes=error.nodes,
            path=error.path,
            extensions={"code": original.code.value, "field": original.field},
        )
    message, code = masked(original, request_id)
    return GraphQLError(
        message,
        nodes=error.nodes,
        path=error.path,
        extensions={"code": code, "requestId": request_id},
    )
