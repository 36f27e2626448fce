"""The Strawberry schema and its protective extensions."""

from __future__ import annotations

from collections.abc import Callable

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from schema.base import ServiceSchema as Schema
from schema.executor import LeanExecutor
from schema.extensions import ErrorShaping, OperationGate, OperationLabel
from schema.mutations import Mutation
from schema.queries import Query
from schema.subscriptions import Subscription

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


def _paginated(schema: Schema) -> frozenset[str]:
    names: set[str] = set()
    for graphql_type in schema._schema.type_map.values():
        for name, field in getattr(graphql_type, "fields", {}).items():
            if "first" in getattr(field, "args", {}):
                names.add(name)
    return frozenset(names)


def build_schema(*, production: bool = False) -> Schema:
    paginated: set[str] = set()
    # The validation cache is keyed by the rule classes too: build them once, not per request
    # (the limiters make a new class per instance, and every query would be validated anew).
    rules = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
        *([NoSchemaIntrospectionCustomRule] if production else []),
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        ErrorShaping,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=1000),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=1000),
        lambda: OperationGate(paginated),
        OperationLabel,
    ]
    schema = Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
        execution_context_class=LeanExecutor,
    )
    paginated.update(_paginated(schema))
    return schema
