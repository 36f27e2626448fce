"""Several one-field GraphQL documents sent as one request, so that a test which makes
thousands of independent calls (the role matrix) pays for a few hundred round trips.

Each document's single root field gets the alias `r<k>` and its variables the suffix `_<k>`;
mutations in one document still run one after another, in order (GraphQL's rule for
mutations), so the server sees the same sequence of writes as with one request each.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from graphql import (
    FieldNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

if TYPE_CHECKING:
    from tests.support.api import Api

# The server refuses more than 15 aliases in a document.
MAX_BATCH = 15


class _Suffix(Visitor):
    def __init__(self, suffix: str) -> None:
        super().__init__()
        self.suffix = suffix

    def enter_variable(self, node: VariableNode, *_: object) -> VariableNode:
        return VariableNode(name=NameNode(value=f"{node.name.value}{self.suffix}"))


def combine(calls: Sequence[tuple[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """One document (and its variables) running each call's root field as `r<k>`."""
    variables = {
        f"{name}_{k}": value
        for k, (_, values) in enumerate(calls)
        for name, value in values.items()
    }
    return _document(tuple(query for query, _ in calls)), variables


@cache
def _document(queries: tuple[str, ...]) -> str:
    """The combined document, built once per sequence of queries: callers send the same few
    sequences again and again, and parsing and printing them was 3% of a world's build."""
    kind = None
    definitions: list[Any] = []
    fields: list[Any] = []
    for k, query in enumerate(queries):
        [operation] = parse(query, no_location=True).definitions
        assert isinstance(operation, OperationDefinitionNode), query
        assert kind in (None, operation.operation), "one kind of operation per batch"
        kind = operation.operation
        renamed = visit(operation, _Suffix(f"_{k}"))
        [field] = renamed.selection_set.selections
        assert isinstance(field, FieldNode), query
        fields.append(
            FieldNode(
                alias=NameNode(value=f"r{k}"),
                name=field.name,
                arguments=field.arguments,
                directives=field.directives,
                selection_set=field.selection_set,
            )
        )
        definitions.extend(renamed.variable_definitions or ())
    assert kind is not None, "an empty batch"
    document = OperationDefinitionNode(
        operation=kind,
        variable_definitions=tuple(definitions),
        directives=(),
        selection_set=SelectionSetNode(selections=tuple(fields)),
    )
    return print_ast(document)


async def send_all(
    api: Api, calls: Sequence[tuple[str, dict[str, Any]]], token: str | None
) -> list[dict[str, Any]]:
    """Each call's root field's value, MAX_BATCH calls a request, in order (the whole
    response must have no GraphQL error, as with `Api.ok`)."""
    answers: list[dict[str, Any]] = []
    for start in range(0, len(calls), MAX_BATCH):
        chunk = calls[start : start + MAX_BATCH]
        query, variables = combine(chunk)
        data = await api.ok(query, variables, token)
        answers += [data[f"r{k}"] for k in range(len(chunk))]
    return answers
