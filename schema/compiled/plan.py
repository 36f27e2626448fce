"""Which documents compile, and what they select: a plan per document, independent of the
caller and the variables' values, or None (the ordinary path).

The subset: one root field, `orders` with `first`, `after`, `sort` and `filter` (its
conditions compiled by filters.py, which reads it per request), selecting edges (cursor,
node), pageInfo and totalCount; the node's column fields, `id`, `overdue`, `__typename`, the
to-one parties with their column fields, and its lists (`_order_list`: photos, history, a
first page of comments). Or `contacts` with `first`, `after` and `filter`
(schema/compiled/contacts.py), its nodes' column fields and active `addresses`; or `members`
with `first`, `after`, `role` and `search` (members.py), its nodes' column fields; or `tasks`
with `first`, `after` and `filter` (tasks.py), its nodes' column fields, `overdue`, assignee
and creator; or `conversations` likewise (conversations.py) with `externalName`,
`firstResponseSeconds`, contact and assignee; or `orderSeries` with `first`, `after`,
`clientId` and `active` (series.py), its columns, recurrence and parties. Every field's
entry in `permissions.field_rules.FIELD_RULES` must be WITH_OBJECT or a `FieldRule` with an
SQL form (`SQL_FORMS`): an unknown field or rule leaves the document uncompiled.
No fragments, directives or repeated response keys (merging them is the executor's job).

Also `node(id:)` with one inline fragment `... on Order { <the node's fields above> }` (and
`id`, `__typename` beside it): a `NodePlan`, answered by node.py.
"""

from __future__ import annotations

from collections.abc import Callable
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

from permissions import contacts, orders
from permissions.field_rules import FIELD_RULES, FieldRule, RowFilter, WithObject
from permissions.orders import comment_visibilities
from resolvers.pagination import DEFAULT_PAGE, MAX_PAGE
from schema.compiled.columns import (
    ADDRESS_COLUMNS,
    CONTACT_COLUMNS,
    CONVERSATION_COLUMNS,
    MEMBER_COLUMNS,
    ORDER_COLUMNS,
    ORDER_LISTS,
    RECURRENCE_COLUMNS,
    RELATIONS,
    SERIES_COLUMNS,
    TASK_COLUMNS,
)
from schema.compiled.selection import (
    MAX_KEYS,
    Out,
    Uncompiled,
    check_leaf,
    connection_field,
    fields_of,
    key_of,
)

# Every field rule with an SQL form, by the rule.
SQL_FORMS = {**orders.SQL_FORMS, **contacts.SQL_FORMS}


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
    """`node(id:)` read as an Order: `fields` in the response's order (those beside the
    fragment and the fragment's, as the executor collects them)."""

    root_key: str
    id: Argument
    fields: tuple[Out, ...]
    required: frozenset[str] = frozenset()


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
        return NodePlan(key_of(root), the_id, _node_fields(root.selection_set), required)
    name = root.name.value
    if name not in _NODE_FIELDS:
        raise Uncompiled("another root field")
    if not set(arguments) <= _ARGUMENTS[name]:
        raise Uncompiled("another argument")
    first = _argument(arguments.get("first"), IntValueNode, defaults)
    after = _argument(arguments.get("after"), StringValueNode, defaults)
    sort = _argument(arguments.get("sort"), EnumValueNode, defaults)
    node_field = _NODE_FIELDS[name]
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


def _node_fields(selection_set: SelectionSetNode | None) -> tuple[Out, ...]:
    """`node`'s selection: one `... on Order` and the Node fields beside it; with another
    type's id, the executor answers (run.py), as it does without that fragment."""
    if selection_set is None:
        raise Uncompiled("a leaf where an object was expected")
    found: list[Out] = []
    fragments = 0
    for selection in selection_set.selections:
        if selection.directives:
            raise Uncompiled("directives")
        if isinstance(selection, FieldNode) and selection.name.value in ("id", "__typename"):
            found.append(_order_field(selection))
        elif (
            isinstance(selection, InlineFragmentNode)
            and selection.type_condition is not None
            and selection.type_condition.name.value == "Order"
        ):
            fragments += 1
            found += [_order_field(f) for f in fields_of(selection.selection_set)]
        else:
            raise Uncompiled("another selection of node")
    keys = [o.key for o in found]
    if fragments != 1 or len(set(keys)) != len(keys) or len(keys) > MAX_KEYS:
        raise Uncompiled("no fragment on Order, several, or repeated keys")
    return tuple(found)


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


def _rule(type_name: str, name: str) -> str | None:
    """The FIELD_RULES key when the field is guarded by a rule with an SQL form; None when
    visible with its object; Uncompiled for anything else."""
    key = f"{type_name}.{name}"
    access = FIELD_RULES.get(key)
    if isinstance(access, WithObject):
        return None
    # The rule reads the object's row ("row") or its id ("pk"): its SQL form, that row.
    if (
        isinstance(access, FieldRule)
        and access.reads in ("row", "pk")
        and access.check in SQL_FORMS
    ):
        return key
    raise Uncompiled(f"{key}: no SQL form of its rule")


def _order_field(field: FieldNode) -> Out:
    name = field.name.value
    if name in ORDER_LISTS:
        return _order_list(field)
    if name == "__typename":
        check_leaf(field)
        return Out(key_of(field), name)
    if name in RELATIONS:
        if field.arguments:
            raise Uncompiled("arguments")
        type_name, _, columns = RELATIONS[name]
        return Out(key_of(field), name, _rule("Order", name), _related(field, type_name, columns))
    check_leaf(field)
    if name not in ORDER_COLUMNS and name not in ("id", "overdue"):
        raise Uncompiled(f"Order.{name}")
    return Out(key_of(field), name, _rule("Order", name))


def _related(
    field: FieldNode, type_name: str, columns: dict[str, tuple[str, str]]
) -> tuple[Out, ...]:
    """A related object's selection: its id, __typename and column fields."""
    fields = []
    for f in fields_of(field.selection_set):
        check_leaf(f)
        inner = f.name.value
        if inner != "__typename" and inner != "id" and inner not in columns:
            raise Uncompiled(f"{type_name}.{inner}")
        inner_rule = None if inner == "__typename" else _rule(type_name, inner)
        fields.append(Out(key_of(f), inner, inner_rule))
    return tuple(fields)


def _order_list(field: FieldNode) -> Out:
    """An order's photos or history (no arguments), or a page of its comments: `first` a
    literal or left out (an `after` or a variable goes the ordinary way), the kinds shown
    the rule table's `Order.comments` row filter (sql writes it per role)."""
    name = field.name.value
    type_name, columns, members = ORDER_LISTS[name]

    def item(f: FieldNode) -> Out:
        inner = f.name.value
        if inner in members:
            if f.arguments:
                raise Uncompiled("arguments")
            return Out(
                key_of(f), inner, _rule(type_name, inner), _related(f, "Member", MEMBER_COLUMNS)
            )
        check_leaf(f)
        if inner == "__typename":
            return Out(key_of(f), inner)
        if inner not in columns and not (inner == "id" and type_name != "OrderStatusChange"):
            raise Uncompiled(f"{type_name}.{inner}")
        return Out(key_of(f), inner, _rule(type_name, inner))

    if name != "comments":
        if field.arguments:
            raise Uncompiled("arguments")
        return Out(
            key_of(field),
            name,
            _rule("Order", name),
            tuple(map(item, fields_of(field.selection_set))),
        )
    access = FIELD_RULES.get("Order.comments")
    if not isinstance(access, RowFilter) or access.function is not comment_visibilities:
        raise Uncompiled("Order.comments: another rule")
    arguments = {a.name.value: a.value for a in field.arguments or ()}
    first = arguments.pop("first", None)
    if arguments:
        raise Uncompiled("a comments argument other than first")
    if first is None or isinstance(first, NullValueNode):
        size = DEFAULT_PAGE
    elif isinstance(first, IntValueNode) and 0 < int(first.value) < 2**31:
        size = min(int(first.value), MAX_PAGE)
    else:
        raise Uncompiled("first: a variable, or not above 0")
    connection = tuple(connection_field(f, item) for f in fields_of(field.selection_set))
    if any(sum(f.name == "node" for f in part.fields) > 1 for part in connection):
        raise Uncompiled("an edge's node twice")  # order_lists.py joins one node's members
    return Out(key_of(field), name, "Order.comments", connection, size)


def _columns_field(
    type_name: str,
    columns: dict[str, tuple[str, str]],
    leaves: tuple[str, ...] = (),
    relations: dict[str, tuple[str, dict[str, tuple[str, str]]]] | None = None,
) -> Callable[[FieldNode], Out]:
    """A listed node's field: a column, `id`, `__typename`, one of `leaves` (written by the
    list's own module), or a related object's selection (`relations`: its type and columns)."""

    def field_of(field: FieldNode) -> Out:
        name = field.name.value
        if relations and name in relations:
            if field.arguments:
                raise Uncompiled("arguments")
            related, related_columns = relations[name]
            fields = _related(field, related, related_columns)
            return Out(key_of(field), name, _rule(type_name, name), fields)
        check_leaf(field)
        if name == "__typename":
            return Out(key_of(field), name)
        if name not in columns and name != "id" and name not in leaves:
            raise Uncompiled(f"{type_name}.{name}")
        return Out(key_of(field), name, _rule(type_name, name))

    return field_of


_MEMBER = ("Member", MEMBER_COLUMNS)
# Each compiled connection's arguments and node fields, by its root field: the contacts'
# with their active `addresses`, the tasks' with `overdue`, assignee and creator.
_ARGUMENTS = {
    "orders": {"first", "after", "sort", "filter"},
    "contacts": {"first", "after", "filter"},
    "members": {"first", "after", "role", "search"},
    "tasks": {"first", "after", "filter"},
    "conversations": {"first", "after", "filter"},
    "orderSeries": {"first", "after", "clientId", "active"},
}
_CONTACT = ("Contact", CONTACT_COLUMNS)
_NODE_FIELDS: dict[str, Callable[[FieldNode], Out]] = {
    "orders": _order_field,
    "contacts": _columns_field(
        "Contact", CONTACT_COLUMNS, relations={"addresses": ("Address", ADDRESS_COLUMNS)}
    ),
    "members": _columns_field("Member", MEMBER_COLUMNS),
    "tasks": _columns_field(
        "Task", TASK_COLUMNS, ("overdue",), {"assignee": _MEMBER, "creator": _MEMBER}
    ),
    "conversations": _columns_field(
        "Conversation",
        CONVERSATION_COLUMNS,
        ("externalName", "firstResponseSeconds"),
        {"contact": _CONTACT, "assignee": _MEMBER},
    ),
    "orderSeries": _columns_field(
        "OrderSeries",
        SERIES_COLUMNS,
        relations={
            "recurrence": ("Recurrence", RECURRENCE_COLUMNS),
            "client": _CONTACT,
            "contractor": _CONTACT,
            "address": ("Address", ADDRESS_COLUMNS),
            "responsible": _MEMBER,
        },
    ),
}
