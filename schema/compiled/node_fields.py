"""What a compiled node's fields may be: a column, `id`, `__typename`, a leaf its list's
module writes, a related object's columns, an order's lists; each field's rule in
`permissions.field_rules.FIELD_RULES` WITH_OBJECT or a `FieldRule` with an SQL form
(`SQL_FORMS`). Anything else raises `Uncompiled`: the document goes the ordinary way.
"""

from __future__ import annotations

from collections.abc import Callable

from graphql import FieldNode, IntValueNode, NullValueNode

from permissions import contacts, orders
from permissions.field_rules import FIELD_RULES, FieldRule, RowFilter, WithObject
from permissions.orders import comment_visibilities
from resolvers.pagination import DEFAULT_PAGE, MAX_PAGE
from schema.compiled.columns import (
    ADDRESS_COLUMNS,
    CONTACT_COLUMNS,
    CONVERSATION_COLUMNS,
    CONVERSATION_PARTIES,
    MEMBER_COLUMNS,
    ORDER_COLUMNS,
    ORDER_LISTS,
    RECURRENCE_COLUMNS,
    RELATIONS,
    SERIES_COLUMNS,
    SERIES_PARTIES,
    TASK_COLUMNS,
    TASK_PARTIES,
    Party,
)
from schema.compiled.selection import (
    Out,
    Uncompiled,
    check_leaf,
    connection_field,
    fields_of,
    key_of,
)

# Every field rule with an SQL form, by the rule.
SQL_FORMS = {**orders.SQL_FORMS, **contacts.SQL_FORMS}


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


def order_field(field: FieldNode) -> Out:
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


def _shapes(parties: dict[str, Party]) -> dict[str, tuple[str, dict[str, tuple[str, str]]]]:
    """The related objects' types and columns, as `_columns_field` reads them."""
    return {name: (type_name, columns) for name, (type_name, _, columns, _) in parties.items()}


# Each compiled connection's arguments and node fields, by its root field: the contacts'
# with their active `addresses`, the tasks' with `overdue`, assignee and creator.
ARGUMENTS = {
    "orders": {"first", "after", "sort", "filter"},
    "contacts": {"first", "after", "filter"},
    "members": {"first", "after", "role", "search"},
    "tasks": {"first", "after", "filter"},
    "conversations": {"first", "after", "filter"},
    "orderSeries": {"first", "after", "clientId", "active"},
}
NODE_FIELDS: dict[str, Callable[[FieldNode], Out]] = {
    "orders": order_field,
    "contacts": _columns_field(
        "Contact", CONTACT_COLUMNS, relations={"addresses": ("Address", ADDRESS_COLUMNS)}
    ),
    "members": _columns_field("Member", MEMBER_COLUMNS),
    "tasks": _columns_field("Task", TASK_COLUMNS, ("overdue",), _shapes(TASK_PARTIES)),
    "conversations": _columns_field(
        "Conversation",
        CONVERSATION_COLUMNS,
        ("externalName", "firstResponseSeconds"),
        _shapes(CONVERSATION_PARTIES),
    ),
    "orderSeries": _columns_field(
        "OrderSeries",
        SERIES_COLUMNS,
        relations={"recurrence": ("Recurrence", RECURRENCE_COLUMNS), **_shapes(SERIES_PARTIES)},
    ),
}
# `node`'s compiled types, each read as its list reads it (node.py).
NODE_TYPE_FIELDS = {
    "Order": order_field,
    "Contact": NODE_FIELDS["contacts"],
    "Member": NODE_FIELDS["members"],
    "Task": NODE_FIELDS["tasks"],
    "Conversation": NODE_FIELDS["conversations"],
    "OrderSeries": NODE_FIELDS["orderSeries"],
}
