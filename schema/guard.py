"""The one guard of object fields: the rule comes from `permissions.field_rules.FIELD_RULES`.

A guarded resolver computes its value only if the field's `FieldRule`, looked up by the
Strawberry type's name and the field's GraphQL name, lets the actor read it; otherwise the
field is null (`guarded`) or empty (`guarded_list`). The field's key is found on the first
call for each type and kept (the rule itself is read from the table on each call, one dict
lookup), so a guarded `@context_only` resolver stays a plain synchronous call for the
executor's fast path: no awaitable, no resolve info.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.schema.config import StrawberryConfig
from strawberry.types import get_object_definition

from permissions.field_rules import FIELD_RULES, FieldRule

F = TypeVar("F", bound=Callable[..., Any])

# The schema's own naming (schema/root.py keeps Strawberry's default camel case).
_names = StrawberryConfig().name_converter


def field_key(cls: type, resolver: Callable[..., Any]) -> str:
    """`Type.field` of the field of `cls` whose resolver is `resolver`."""
    definition = get_object_definition(cls, strict=True)
    for field in definition.fields:
        base = field.base_resolver
        if base is not None and base.wrapped_func is resolver:
            return f"{definition.name}.{_names.get_graphql_name(field)}"
    raise LookupError(f"{resolver.__qualname__} is no field resolver of {definition.name}")


def _rule(key: str) -> FieldRule:
    rule = FIELD_RULES.get(key)
    if not isinstance(rule, FieldRule):
        raise LookupError(f"{key} is guarded but its FIELD_RULES entry is no FieldRule: {rule}")
    return rule


def rule_of(cls: type, resolver: Callable[..., Any]) -> FieldRule:
    """The rule the guard applies to this field: its `FIELD_RULES` entry, a `FieldRule`."""
    return _rule(field_key(cls, resolver))


def _guard(resolver: F, refused: Callable[[], Any]) -> F:
    keys: dict[type, str] = {}

    def allowed(source: Any, info: Any) -> bool:
        key = keys.get(type(source))
        if key is None:
            key = keys[type(source)] = field_key(type(source), wrapper)
        rule = FIELD_RULES[key]
        if type(rule) is not FieldRule:
            rule = _rule(key)  # raises: the table changed under a guarded field
        context = info.context
        actor = context.actor if rule.for_visitors else context.require_actor()
        if rule.reads is None:
            return rule.check(actor)
        return rule.check(actor, getattr(source, rule.reads))

    wrapper: Callable[..., Any]
    if inspect.iscoroutinefunction(resolver):

        @functools.wraps(resolver)
        async def wrapper(source: Any, info: Any) -> Any:
            return await resolver(source, info) if allowed(source, info) else refused()

    else:

        @functools.wraps(resolver)
        def wrapper(source: Any, info: Any) -> Any:
            return resolver(source, info) if allowed(source, info) else refused()

    wrapper._guarded = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def guarded(resolver: F) -> F:
    """Resolves the field to null when its rule refuses the actor."""
    return _guard(resolver, lambda: None)


def guarded_list(resolver: F) -> F:
    """Resolves the list field to an empty list when its rule refuses the actor."""
    return _guard(resolver, list)


def is_guarded(resolver: Callable[..., Any]) -> bool:
    return getattr(resolver, "_guarded", False)
