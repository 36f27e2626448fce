"""A compiled `contacts` read (plan.py's Plan with `root_name` "contacts"), paged by name
as by_name.py writes it.

The rows are `resolvers.contacts.matching_contacts` itself, the ordinary resolver's one
definition of the list (the visibility rule, `archived`, `kind`, the search and its phone
form); a filter with a `skill` goes the ordinary way. The addresses are the loader's (active
ones, by id), guarded as a list: empty where the rule refuses the actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLSchema
from graphql.execution.values import get_argument_values, get_variable_values

from compat.tortoise import model_meta
from models import Address, Contact, ContactKind, Role
from permissions.actor import Actor
from resolvers import validation
from resolvers.contacts import matching_contacts, phone_needle
from schema.compiled import by_name
from schema.compiled.by_name import PHONE, SEARCH
from schema.compiled.columns import ADDRESS_COLUMNS, CONTACT_COLUMNS
from schema.compiled.plan import Out, Plan
from schema.compiled.sql import (
    Params,
    Statement,
    column_value,
    global_id,
    guarded,
    json_object,
    marker_actor,
)

_FILTER_FIELDS = {"kind", "search", "skill", "archived"}
MODEL = Contact
# (kind, searched, archived): what the statement's text depends on.
Shape = tuple[str | None, bool, bool | None]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's filter as the ordinary resolver reads it."""

    kind: ContactKind | None = None
    text: str = ""  # validation.search_text's
    archived: bool | None = None

    @property
    def shape(self) -> Shape:
        return (None if self.kind is None else self.kind.value, bool(self.text), self.archived)

    def values(self) -> dict[str, Any]:
        return {"search": self.text, "phone": phone_needle(self.text)}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """The filter, coerced by graphql-core as the executor coerces it; None where the executor
    answers with an error, or filters by skill."""
    if plan.root is None:
        return Criteria()
    coerced = get_variable_values(schema, plan.variable_definitions, variables)
    if isinstance(coerced, list):
        return None
    query = schema.query_type
    assert query is not None
    try:
        arguments = get_argument_values(query.fields["contacts"], plan.root, coerced)
    except GraphQLError:
        return None
    raw = arguments.get("filter")
    if raw is None:
        return Criteria()
    if not isinstance(raw, dict) or not set(raw) <= _FILTER_FIELDS or raw.get("skill") is not None:
        return None
    text = validation.search_text(raw.get("search"))
    try:
        _ = text.encode()
    except UnicodeEncodeError:
        return None  # a lone surrogate: whatever the ordinary path answers
    kind = raw.get("kind")
    return Criteria(None if kind is None else ContactKind(kind), text, raw.get("archived"))


def build(
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller and request shape (by_name.py's), or None."""
    actor = marker_actor(role, has_contact)
    kind, searched, archived = shape
    rows = matching_contacts(
        actor,
        None if kind is None else ContactKind(kind),
        SEARCH if searched else "",
        PHONE if searched else "",
        None,
        archived,
    )
    marks = {SEARCH, PHONE} if searched else set()
    return by_name.build(plan, rows, marks, "Contact", _contact, actor, size, after)


def _contact(node: Out, actor: Actor, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for out in node.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'Contact'"))
        elif out.name == "id":
            pairs.append((out.key, global_id("Contact", "n.id")))
        elif out.name == "addresses":
            listed = _addresses(out, actor, params)
            pairs.append((out.key, guarded(out, listed, actor, params, "n", "'[]'::json")))
        else:
            value = column_value("n", *CONTACT_COLUMNS[out.name])
            pairs.append((out.key, guarded(out, value, actor, params, "n")))
    return json_object(pairs)


def _addresses(out: Out, actor: Actor, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for f in out.fields:
        if f.name == "__typename":
            pairs.append((f.key, "'Address'"))
        elif f.name == "id":
            pairs.append((f.key, global_id("Address", "a.id")))
        else:
            value = column_value("a", *ADDRESS_COLUMNS[f.name])
            pairs.append((f.key, guarded(f, value, actor, params, "a")))
    table = model_meta(Address).db_table
    return (
        f'COALESCE((SELECT json_agg({json_object(pairs)} ORDER BY a.id) FROM "{table}" a '
        "WHERE a.contact_id = n.id AND NOT a.archived), '[]'::json)"
    )
