"""A compiled `members` read (plan.py's Plan with `root_name` "members"), paged by name as
by_name.py writes it: the rows are `resolvers.members.matching_members` itself (the company's
members for OWNER/STAFF, none for portal members; `role`; the search in name, title and
e-mail), the nodes' fields the Member columns that are visible with their object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLSchema

from models import Membership, Role
from permissions.actor import Actor
from permissions.members import visible_member_filter
from resolvers.members import matching_members
from schema.compiled import by_name
from schema.compiled.by_name import SEARCH
from schema.compiled.columns import MEMBER_COLUMNS
from schema.compiled.plan import Plan, root_arguments
from schema.compiled.selection import Out
from schema.compiled.sql import (
    Params,
    Statement,
    marker_actor,
    object_sql,
)

KEYSET = by_name.NAME
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
    arguments = root_arguments(plan, schema, variables)
    if arguments is None:
        return None
    text = by_name.search_of(arguments.get("search"))
    if text is None:
        return None
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
    return object_sql(node.fields, "Member", "n", MEMBER_COLUMNS, actor, params)


NODE = by_name.NodeType("Member", Membership, visible_member_filter, _member)
