"""The estimated result size of an operation: the product of `first` along each path."""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    value_from_ast_untyped,
)

from resolvers.pagination import DEFAULT_PAGE, MAX_PAGE

MAX_RESULT_NODES = 10_000
LIST_ARGUMENT = "first"


def _first(field: FieldNode, variables: dict[str, Any]) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value == LIST_ARGUMENT:
            if isinstance(argument.value, VariableNode):
                raw = variables.get(argument.value.name.value)
            else:
                raw = value_from_ast_untyped(argument.value, variables)
            return min(raw, MAX_PAGE) if isinstance(raw, int) and raw >= 0 else DEFAULT_PAGE
    return None


def estimated_nodes(
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: dict[str, Any],
    paginated: set[str],
) -> int:
    """Sum over paginated fields of the product of page sizes from the root down to them.

    `paginated` names the fields that take `first` (a field without the argument still
    returns a default page).
    """

    def walk(selections: SelectionSetNode | None, factor: int, seen: frozenset[str]) -> int:
        total = 0
        for selection in selections.selections if selections else ():
            if isinstance(selection, FieldNode):
                size = _first(selection, variables)
                if size is None and selection.name.value in paginated:
                    size = DEFAULT_PAGE
                if size is None:
                    total += walk(selection.selection_set, factor, seen)
                else:
                    here = factor * size
                    total += here + walk(selection.selection_set, here, seen)
            elif isinstance(selection, InlineFragmentNode):
                total += walk(selection.selection_set, factor, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    total += walk(fragments[name].selection_set, factor, seen | {name})
            if total > MAX_RESULT_NODES:
                return total
        return total

    return walk(operation.selection_set, 1, frozenset())
