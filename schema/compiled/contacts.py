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

from graphql import GraphQLSchema

from compat.tortoise import model_meta
from models import Address, Contact, ContactKind, Role
from permissions.actor import Actor
from permissions.contacts import visible_contact_filter
from resolvers.contacts import matching_contacts, phone_needle
from schema.compiled import by_name
from schema.compiled.by_name import PHONE, SEARCH
from schema.compiled.columns import ADDRESS_COLUMNS, CONTACT_COLUMNS
from schema.compiled.plan import Plan
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Params,
    Statement,
    guarded,
    marker_actor,
    object_sql,
)

_FILTER_FIELDS = {"kind", "search", "skill", "archived"}
KEYSET = by_name.NAME
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
    raw = by_name.filter_of(plan, schema, variables, _FILTER_FIELDS)
    if raw is None or raw.get("skill") is not None:
        return None
    text = by_name.search_of(raw.get("search"))
    if text is None:
        return None
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
    def addresses(out: Out) -> str:
        listed = _addresses(out, actor, params)
        return guarded(out, listed, actor, params, "n", "'[]'::json")

    special = {"addresses": addresses}
    return object_sql(node.fields, "Contact", "n", CONTACT_COLUMNS, actor, params, special)


def _addresses(out: Out, actor: Actor, params: Params) -> str:
    item = object_sql(out.fields, "Address", "a", ADDRESS_COLUMNS, actor, params)
    table = model_meta(Address).db_table
    return (
        f'COALESCE((SELECT json_agg({item} ORDER BY a.id) FROM "{table}" a '
        "WHERE a.contact_id = n.id AND NOT a.archived), '[]'::json)"
    )


NODE = by_name.NodeType("Contact", Contact, visible_contact_filter, _contact)
