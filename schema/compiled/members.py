"""A compiled `members` read (plan.py's Plan with `root_name` "members"), paged by name as
by_name.py writes it: the rows are `resolvers.members.matching_members` itself (the company's
members for OWNER/STAFF, none for portal members; `role`; the search in name, title and
e-mail), the nodes' fields the Member columns that are visible with their object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLSchema
from graphql.execution.values import get_argument_values, get_variable_values

from models import Membership, Role
from permissions.actor import Actor
from resolvers import validation
from resolvers.members import matching_members
from schema.compiled import by_name
from schema.compiled.by_name import SEARCH
from schema.compiled.columns import MEMBER_COLUMNS
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

MODEL = Membership
# (role asked for, searched): what the statement's text depends on.
Shape = tuple[str | None, bool]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's `role` and `search` as the ordinary resolver reads them."""

    role: Role | None = None
    text: str = ""  # validation.search_text's

    @property
    def shape(self) -> Shape:
        return (None if self.role is None else self.role.value, bool(self.text))

    def values(self) -> dict[str, Any]:
        return {"search": self.text}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """The arguments, coerced by graphql-core as the executor coerces them; None where the
    executor answers with an error."""
    if plan.root is None:
        return Criteria()
    coerced = get_variable_values(schema, plan.variable_definitions, variables)
    if isinstance(coerced, list):
        return None
    query = schema.query_type
    assert query is not None
    try:
        arguments = get_argument_values(query.fields["members"], plan.root, coerced)
    except GraphQLError:
        return None
    text = validation.search_text(arguments.get("search"))
    try:
        _ = text.encode()
    except UnicodeEncodeError:
        return None  # a lone surrogate: whatever the ordinary path answers
    role = arguments.get("role")
    return Criteria(None if role is None else Role(role), text)


def build(
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller (`role`) and request shape (by_name.py's), or None."""
    actor = marker_actor(role, has_contact)
    asked, searched = shape
    rows = matching_members(
        actor, None if asked is None else Role(asked), SEARCH if searched else ""
    )
    marks = {SEARCH} if searched else set()
    return by_name.build(plan, rows, marks, "Member", _member, actor, size, after)


def _member(node: Out, actor: Actor, params: Params) -> str:
    pairs: list[tuple[str, str]] = []
    for out in node.fields:
        if out.name == "__typename":
            pairs.append((out.key, "'Member'"))
        elif out.name == "id":
            pairs.append((out.key, global_id("Member", "n.id")))
        else:
            value = column_value("n", *MEMBER_COLUMNS[out.name])
            pairs.append((out.key, guarded(out, value, actor, params, "n")))
    return json_object(pairs)
