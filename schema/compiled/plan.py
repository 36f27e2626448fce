"""Which documents compile, and what they select: a plan per document, independent of the
caller and the variables' values, or None (the ordinary path).

The subset: one root field, `orders` with `first`, `after`, `sort` and `filter` (its
conditions compiled by filters.py, which reads it per request), selecting edges (cursor,
node), pageInfo and totalCount; the node's column fields, `id`, `overdue`, `__typename`, the
to-one parties with their column fields, and its lists (node_fields.py: photos, history, a
first page of comments). Or `contacts` with `first`, `after` and `filter`
(schema/compiled/contacts.py), its nodes' column fields and active `addresses`; or `members`
with `first`, `after`, `role` and `search` (members.py), its nodes' column fields; or `tasks`
with `first`, `after` and `filter` (tasks.py), its nodes' column fields, `overdue`, assignee
and creator; or `conversations` likewise (conversations.py) with `externalName`,
`firstResponseSeconds`, contact and assignee; or `orderSeries` with `first`, `after`,
`clientId` and `active` (series.py), its columns, recurrence and parties. What each node's
fields may be, and their rules, is node_fields.py's.
No fragments, directives or repeated response keys (merging them is the executor's job).

Also `node(id:)` with one inline fragment on Order, Contact, Member, Task, Conversation or
OrderSeries, of the fields above (and `id`, `__typename` beside it): a `NodePlan`, answered
by node.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    EnumValueNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NonNullTypeNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    VariableDefinitionNode,
    VariableNode,
)
from graphql.execution.values import get_argument_values, get_variable_values

from schema.compiled.node_fields import ARGUMENTS, NODE_FIELDS, NODE_TYPE_FIELDS
from schema.compiled.selection import MAX_KEYS, Out, Uncompiled, connection_field, fields_of, key_of


@dataclass(frozen=True, slots=True)
class Argument:
    """A literal value, or the variable it is read from."""

    value: int | str | None = None
    variable: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    root_key: str
    first: Argument
    after: Argument
    sort: Argument  # an OrderSort name
    connection: tuple[Out, ...]  # edges (fields: cursor, node (fields)), pageInfo, totalCount
    required: frozenset[str] = frozenset()  # non-null variables: missing, the executor refuses
    # With arguments read per request (`filter`; members' `role` and `search`): the root field
    # and the operation's variables, from which `root_arguments` reads them the executor's way
    # (graphql-core's coercion).
    root: FieldNode | None = None
    variable_definitions: tuple[VariableDefinitionNode, ...] = ()
    root_name: str = "orders"  # or "contacts", "members" (by_name.py)

    def out(self, name: str) -> Out | None:
        return next((o for o in self.connection if o.name == name), None)


@dataclass(frozen=True, slots=True)
class NodePlan:
    """`node(id:)` read as `type_name`: `fields` in the response's order (those beside the
    fragment and the fragment's, as the executor collects them)."""

    root_key: str
    id: Argument
    fields: tuple[Out, ...]
    required: frozenset[str] = frozenset()
    type_name: str = "Order"


def root_arguments(
    plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]
) -> dict[str, Any] | None:
    """The root field's arguments coerced by graphql-core, as the executor coerces them, or
    None where the executor answers with an error (a variable or an argument it refuses)."""
    assert plan.root is not None
    coerced = get_variable_values(schema, plan.variable_definitions, variables)
    if isinstance(coerced, list):
        return None
    query = schema.query_type
    assert query is not None
    try:
        return get_argument_values(query.fields[plan.root_name], plan.root, coerced)
    except GraphQLError:
        return None


def plan_of(document: DocumentNode, operation_name: str | None) -> Plan | NodePlan | None:
    try:
        return _plan(document, operation_name)
    except Uncompiled:
        return None


def _plan(document: DocumentNode, operation_name: str | None) -> Plan | NodePlan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != len(document.definitions) or len(operations) != 1:
        raise Uncompiled("fragments or several operations")
    operation = operations[0]
    if operation_name is not None and (
        operation.name is None or operation.name.value != operation_name
    ):
        raise Uncompiled("another operation")
    if operation.operation is not OperationType.QUERY or operation.directives:
        raise Uncompiled("not a plain query")
    defaults = {
        v.variable.name.value for v in operation.variable_definitions or () if v.default_value
    }
    (root,) = fields_of(operation.selection_set, 1)
    required = frozenset(
        v.variable.name.value
        for v in operation.variable_definitions or ()
        if isinstance(v.type, NonNullTypeNode)
    )
    arguments = {a.name.value: a.value for a in root.arguments or ()}
    if root.name.value == "node" and set(arguments) == {"id"}:
        the_id = _argument(arguments["id"], StringValueNode, defaults)
        type_name, fields = _node_fields(root.selection_set)
        return NodePlan(key_of(root), the_id, fields, required, type_name)
    name = root.name.value
    if name not in NODE_FIELDS:
        raise Uncompiled("another root field")
    if not set(arguments) <= ARGUMENTS[name]:
        raise Uncompiled("another argument")
    first = _argument(arguments.get("first"), IntValueNode, defaults)
    after = _argument(arguments.get("after"), StringValueNode, defaults)
    sort = _argument(arguments.get("sort"), EnumValueNode, defaults)
    node_field = NODE_FIELDS[name]
    connection = tuple(connection_field(f, node_field) for f in fields_of(root.selection_set))
    # Arguments read per request (filters.py and each list's module).
    filtered = bool({"filter", "role", "search", "clientId", "active"} & set(arguments))
    return Plan(
        key_of(root),
        first,
        after,
        sort,
        connection,
        required,
        root if filtered else None,
        tuple(operation.variable_definitions or ()) if filtered else (),
        name,
    )


def _node_fields(selection_set: SelectionSetNode | None) -> tuple[str, tuple[Out, ...]]:
    """`node`'s selection: one `... on <a compiled type>` and the Node fields beside it, and
    that type's name; with another type's id, the executor answers (run.py), as it does
    without such a fragment."""
    if selection_set is None:
        raise Uncompiled("a leaf where an object was expected")
    fragments = [
        s
        for s in selection_set.selections
        if isinstance(s, InlineFragmentNode)
        and s.type_condition is not None
        and s.type_condition.name.value in NODE_TYPE_FIELDS
    ]
    if len(fragments) != 1 or fragments[0].type_condition is None:
        raise Uncompiled("no fragment on a compiled type, or several")
    type_name = fragments[0].type_condition.name.value
    field_of = NODE_TYPE_FIELDS[type_name]
    found: list[Out] = []
    for selection in selection_set.selections:
        if selection.directives:
            raise Uncompiled("directives")
        if isinstance(selection, FieldNode) and selection.name.value in ("id", "__typename"):
            found.append(field_of(selection))
        elif selection is fragments[0]:
            found += [field_of(f) for f in fields_of(selection.selection_set)]
        else:
            raise Uncompiled("another selection of node")
    keys = [o.key for o in found]
    if len(set(keys)) != len(keys) or len(keys) > MAX_KEYS:
        raise Uncompiled("repeated keys")
    return type_name, tuple(found)


def _argument(node: object, literal: type, defaults: set[str]) -> Argument:
    if node is None or isinstance(node, NullValueNode):
        return Argument()
    if isinstance(node, VariableNode):
        if node.name.value in defaults:
            raise Uncompiled("a variable's default")
        return Argument(variable=node.name.value)
    if isinstance(node, IntValueNode) and literal is IntValueNode:
        return Argument(value=int(node.value))
    if isinstance(node, StringValueNode | EnumValueNode) and isinstance(node, literal):
        return Argument(value=node.value)
    raise Uncompiled("an argument of another kind")
