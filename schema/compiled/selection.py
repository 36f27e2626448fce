"""The GraphQL syntax every compiled plan reads: a response key (`Out`), a selection's fields
(no fragments, directives or repeated keys), a leaf, a connection's edges, node and pageInfo.
What a node's fields may be is plan.py's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graphql import FieldNode, SelectionSetNode

# json_build_object takes at most 100 arguments: 50 keys an object.
MAX_KEYS = 50


class Uncompiled(Exception):
    """The document is outside the compiled subset."""


@dataclass(frozen=True, slots=True)
class Out:
    """One response key: `name` is the schema field (or `__typename`); `rule` the
    FIELD_RULES key of a guarded field; `fields` the selection of a relation."""

    key: str
    name: str
    rule: str | None = None
    fields: tuple[Out, ...] = ()
    size: int = 0  # a nested connection's page size (an order's comments)


def key_of(field: FieldNode) -> str:
    return field.alias.value if field.alias else field.name.value


def fields_of(
    selection_set: SelectionSetNode | None, exactly: int | None = None
) -> list[FieldNode]:
    if selection_set is None:
        raise Uncompiled("a leaf where an object was expected")
    fields = list(selection_set.selections)
    if not all(isinstance(f, FieldNode) and not f.directives for f in fields):
        raise Uncompiled("fragments or directives")
    keys = [key_of(f) for f in fields]  # type: ignore[arg-type]
    if len(set(keys)) != len(keys) or len(keys) > MAX_KEYS:
        raise Uncompiled("repeated response keys")
    if exactly is not None and len(fields) != exactly:
        raise Uncompiled("another number of root fields")
    return fields  # type: ignore[return-value]


def check_leaf(field: FieldNode) -> None:
    if field.arguments or field.selection_set is not None:
        raise Uncompiled("arguments or a selection on a leaf")


def connection_field(field: FieldNode, node_field: Callable[[FieldNode], Out]) -> Out:
    name = field.name.value
    if name in ("totalCount", "__typename"):
        check_leaf(field)
        return Out(key_of(field), name)
    if field.arguments:
        raise Uncompiled("arguments")
    if name == "pageInfo":
        names = ("hasNextPage", "hasPreviousPage", "startCursor", "endCursor", "__typename")
        return Out(key_of(field), name, fields=leaves_of(field, names))
    if name == "edges":
        return Out(
            key_of(field),
            name,
            fields=tuple(edge_field(f, node_field) for f in fields_of(field.selection_set)),
        )
    raise Uncompiled(f"a connection's {name}")


def leaves_of(field: FieldNode, names: tuple[str, ...]) -> tuple[Out, ...]:
    found = []
    for f in fields_of(field.selection_set):
        check_leaf(f)
        if f.name.value not in names:
            raise Uncompiled(f.name.value)
        found.append(Out(key_of(f), f.name.value))
    return tuple(found)


def edge_field(field: FieldNode, node_field: Callable[[FieldNode], Out]) -> Out:
    name = field.name.value
    if name in ("cursor", "__typename"):
        check_leaf(field)
        return Out(key_of(field), name)
    if name != "node" or field.arguments:
        raise Uncompiled(f"an edge's {name}")
    return Out(
        key_of(field), name, fields=tuple(node_field(f) for f in fields_of(field.selection_set))
    )
