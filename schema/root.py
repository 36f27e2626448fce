"""The Strawberry schema and its protective extensions."""

from __future__ import annotations

from collections.abc import Callable

from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig

from compat.strawberry import core_schema
from schema.base import ServiceSchema as Schema
from schema.compiled.run import CompiledReads
from schema.executor import LeanExecutor
from schema.extensions import (
    BoundedParserCache,
    GatedValidationCache,
    OperationGate,
    OperationLabel,
)
from schema.limits import MAX_TOKENS, unbounded_lists
from schema.masking import ErrorShaping
from schema.mutations import Mutation
from schema.queries import Query
from schema.scalars import SCALAR_OVERRIDES
from schema.string_literals import NoNulInStrings
from schema.subscriptions import Subscription
from schema.write_budget import WriteBudget


def build_schema(*, production: bool = False) -> Schema:
    # The validation cache is keyed by the rule classes too: build them once, not per request.
    # Depth, aliases and size are no validation rules: OperationGate decides them before
    # validation, in one linear pass (schema/limits.py).
    rules: list[type[ASTValidationRule]] = [
        NoNulInStrings,
        *([NoSchemaIntrospectionCustomRule] if production else []),
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        ErrorShaping,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: BoundedParserCache(maxsize=1000),
        lambda: AddValidationRules(rules),
        OperationGate,  # before the validation it spares a refused document
        lambda: GatedValidationCache(maxsize=1000),
        OperationLabel,
        WriteBudget,  # an operation refused by any check above spends nothing
        CompiledReads,  # last: answers a compiled read once every check above let it through
    ]
    schema = Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
        scalar_overrides=SCALAR_OVERRIDES,
        execution_context_class=LeanExecutor,
    )
    missing = unbounded_lists(core_schema(schema))
    if missing:
        raise RuntimeError(f"lists without a bound in schema/limits.py LIST_BOUNDS: {missing}")
    return schema
