"""The Schema class: errors are logged once, by `ErrorShaping`, and only when unexpected."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry import Schema
from strawberry.types import ExecutionContext


class ServiceSchema(Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Strawberry logs every error with a traceback; expected ones are not news."""
