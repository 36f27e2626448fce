"""A compiled `conversations` read (plan.py's Plan with `root_name` "conversations"), the
inbox newest first as by_name.py writes it.

The rows are `resolvers.conversations.matching_conversations` itself, the ordinary
resolver's one definition of the list (the visibility rule, status, channel, assignee and
`unanswered`); the assignee asked for is a marker each request binds. The nodes' columns,
`externalName` and `firstResponseSeconds` as schema/conversations.py computes them, the
contact (its details behind their rule) and the assignee. `order`, `messages` and
`lastMessage` go the ordinary way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLSchema

from models import Channel, Conversation, ConversationStatus, Role
from permissions.actor import Actor
from permissions.conversations import visible_conversation_filter
from resolvers.conversations import NEWEST_FIRST, ConversationFilter, matching_conversations
from schema.compiled import by_name
from schema.compiled.columns import (
    CONVERSATION_COLUMNS,
    CONVERSATION_PARTIES,
)
from schema.compiled.plan import Plan
from schema.compiled.selection import Out
from schema.compiled.sql import (
    ASSIGNEE_MARK,
    Params,
    Statement,
    marker_actor,
    object_sql,
    related,
)
from schema.ids import decode_optional_id

_FILTER_FIELDS = {"status", "channel", "assigneeId", "unanswered"}
MODEL = Conversation
KEYSET = by_name.by_time(NEWEST_FIRST)
# (status, channel, an assignee asked for, unanswered): what the statement's text depends on.
Shape = tuple[str | None, str | None, bool, bool | None]


@dataclass(frozen=True, slots=True)
class Criteria:
    """The request's filter as the ordinary resolver reads it."""

    status: ConversationStatus | None = None
    channel: Channel | None = None
    assignee_id: int | None = None  # decoded as schema/conversations.py decodes it
    unanswered: bool | None = None

    @property
    def shape(self) -> Shape:
        status = None if self.status is None else self.status.value
        channel = None if self.channel is None else self.channel.value
        return (status, channel, self.assignee_id is not None, self.unanswered)

    def values(self) -> dict[str, Any]:
        return {"assignee": self.assignee_id}


def criteria_of(plan: Plan, schema: GraphQLSchema, variables: dict[str, Any]) -> Criteria | None:
    """The filter, coerced by graphql-core as the executor coerces it; None where the executor
    answers with an error."""
    raw = by_name.filter_of(plan, schema, variables, _FILTER_FIELDS)
    if raw is None:
        return None
    status, channel = raw.get("status"), raw.get("channel")
    return Criteria(
        None if status is None else ConversationStatus(by_name.enum_text(status)),
        None if channel is None else Channel(by_name.enum_text(channel)),
        decode_optional_id(raw.get("assigneeId"), "Member"),
        raw.get("unanswered"),
    )


def build(
    plan: Plan, role: Role, has_contact: bool, size: int, after: bool, shape: Shape
) -> Statement | None:
    """The statement for this caller and request shape (by_name.py's), or None."""
    actor = marker_actor(role, has_contact)
    status, channel, assigned, unanswered = shape
    f = ConversationFilter(
        None if status is None else ConversationStatus(status),
        None if channel is None else Channel(channel),
        ASSIGNEE_MARK if assigned else None,
        unanswered,
    )
    rows = matching_conversations(actor, f)
    marks: dict[tuple[type, Any], str] = {(int, ASSIGNEE_MARK): "assignee"} if assigned else {}
    return by_name.build(
        plan, rows, set(), "Conversation", _conversation, actor, size, after, KEYSET, marks
    )


def _conversation(node: Out, actor: Actor, params: Params) -> str:
    special = {
        # `external_name or external_key`: an empty name is no name.
        "externalName": lambda out: "COALESCE(NULLIF(n.external_name, ''), n.external_key)",
        # max(0, int(seconds)), null until both are known (GREATEST would skip a null):
        # int() truncates toward zero, as trunc() does.
        "firstResponseSeconds": lambda out: (
            "CASE WHEN n.first_response_at IS NULL OR n.first_inbound_at IS NULL THEN NULL "
            "ELSE GREATEST(0, trunc(EXTRACT(EPOCH FROM "
            "(n.first_response_at - n.first_inbound_at))))::bigint END"
        ),
        **related(CONVERSATION_PARTIES, actor, params),
    }
    return object_sql(
        node.fields, "Conversation", "n", CONVERSATION_COLUMNS, actor, params, special
    )


NODE = by_name.NodeType("Conversation", Conversation, visible_conversation_filter, _conversation)
