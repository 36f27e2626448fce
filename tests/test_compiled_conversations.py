"""The inbox list compiled to one statement (schema/compiled/conversations.py) answers
exactly what the executor answers, for the owner, a head, its staff, a member on another
branch and the portal members (who see no conversation): every status, channel, assignee
(a real one, another type's id, garbage) and `unanswered`, page by page, with
conversations that share a last message's time. PostgreSQL only: on SQLite nothing compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Channel, Conversation
from tests.support.api import Api
from tests.support.compiled import both, compiled_answers, node_differences, walk_all
from tests.support.inbox import ASSIGN, CLOSE, LINK, REPLY, Inbox, arrive, build_inbox, gid

pytestmark = pytest.mark.asyncio

LIST = """
query Inbox($first: Int, $after: String, $filter: ConversationFilter) {
  inbox: conversations(first: $first, after: $after, filter: $filter) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node {
      __typename id channel subject status externalName firstResponseSeconds lastMessageAt
      createdAt contact { __typename id name email phone kind } assignee { id name role }
    } }
  }
}"""
LITERAL = """{ conversations(first: 2, filter: {status: OPEN, unanswered: true}) {
  totalCount edges { cursor node { externalName } } } }"""


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


async def inbox_for(api: Api, inbox: Inbox) -> list[str]:
    """Conversations on three channels: assigned down both branches, one linked to the
    client, one answered, one closed, two with the same last message's time, names empty
    and missing. Returns their global ids."""
    company, owner = inbox.company, inbox.owner.access
    made = []
    for n in range(9):
        channel = (Channel.TELEGRAM, Channel.EMAIL, Channel.WEBCHAT)[n % 3]
        recorded = await arrive(
            company,
            f"hello {n}",
            key=f"thread-{n}",
            channel=channel,
            sender_name=("", None, f"Sender «{n}»")[n % 3],
            subject=f"Subject {n}" if channel == Channel.EMAIL else None,
        )
        made.append(gid("Conversation", recorded.conversation.id))
    for n, who in ((0, inbox.head), (1, inbox.staff), (2, inbox.other), (3, inbox.staff)):
        assigned = await api.ok(ASSIGN, {"c": made[n], "m": who.member_id}, owner)
        assert assigned["assignConversation"]["errors"] == [], assigned
    linked = await api.ok(LINK, {"c": made[4], "k": inbox.client.id}, owner)
    assert linked["linkConversationContact"]["errors"] == [], linked
    replied = await api.ok(REPLY, {"c": made[1], "b": "on it"}, inbox.head.access)
    assert replied["replyToConversation"]["errors"] == [], replied
    closed = await api.ok(CLOSE, {"c": made[5]}, owner)
    assert closed["closeConversation"]["errors"] == [], closed
    same = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
    ids = [c.id for c in await Conversation.filter(external_key__in=["thread-6", "thread-7"])]
    await Conversation.filter(id__in=ids).update(last_message_at=same)
    # An empty name stored (an adapter's): the executor shows the channel's key instead.
    await Conversation.filter(external_key="thread-3").update(external_name="")
    return made


async def test_compiled_conversations_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    inbox = await build_inbox(api)
    await inbox_for(api, inbox)
    viewers = {
        "owner": inbox.owner,
        "head": inbox.head,
        "staff": inbox.staff,
        "other": inbox.other,
        "client": inbox.client_member,
        "contractor": inbox.contractor_member,
    }
    filters: list[dict[str, Any] | None] = [
        None,
        {},
        {"status": "OPEN"},
        {"status": "CLOSED"},
        {"channel": "EMAIL"},
        {"assigneeId": inbox.staff.member_id},
        {"assigneeId": inbox.client.id},  # another type's id: nobody
        {"assigneeId": "garbage"},
        {"unanswered": True},
        {"unanswered": False, "channel": "TELEGRAM"},
        {"status": None, "channel": None, "assigneeId": None, "unanswered": None},
    ]
    runs = [
        (label, LIST, {"first": 2, "filter": f}, who.access)
        for label, who in viewers.items()
        for f in filters
    ]
    runs += [(label, LITERAL, {}, who.access) for label, who in viewers.items()]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    assert tried > 100
    everything = await api.ok(LIST, {"first": 50}, inbox.owner.access)
    assert everything["inbox"]["totalCount"] == 9
    nodes = [e["node"] for e in everything["inbox"]["edges"]]
    assert sum(n["firstResponseSeconds"] is not None for n in nodes) == 1
    assert sum(n["contact"] is not None for n in nodes) >= 1
    for who in (inbox.client_member, inbox.contractor_member):  # compiled or not: nothing
        seen = await api.ok(LIST, {"first": 50}, who.access)
        assert seen["inbox"] == {**seen["inbox"], "totalCount": 0, "edges": []}


UNCOMPILED = [
    """{ conversations { edges { node { id order { id } } } } }""",  # its own rule
    """{ conversations { edges { node { id lastMessage { body } } } } }""",
    """{ conversations { edges { node { id messages { totalCount } } } } }""",
    """{ conversations(first: 0) { totalCount } }""",
    """{ conversations(after: "not a cursor") { totalCount } }""",
    """{ conversations(filter: {channel: NOPE}) { totalCount } }""",
]


async def test_uncompiled_conversation_documents_go_the_ordinary_way(
    api: Api, compiled: list[dict[str, Any]]
) -> None:
    inbox = await build_inbox(api)
    await inbox_for(api, inbox)
    for query in UNCOMPILED:
        ordinary, answer = await both(api, query, {}, inbox.owner.access)
        assert ordinary == answer, query
    assert compiled == []


NODE = """
query One($id: ID!) { one: node(id: $id) { __typename ... on Conversation {
  channel externalName firstResponseSeconds status contact { name phone } assignee { name }
} id } }"""


async def test_compiled_conversation_nodes_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """Each conversation by its id, as every viewer: null for the portal members, for staff
    it is not assigned down to, and for a made-up id."""
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    inbox = await build_inbox(api)
    ids = [*await inbox_for(api, inbox), gid("Conversation", 2_000_000_000)]
    viewers = {
        "owner": inbox.owner.access,
        "head": inbox.head.access,
        "staff": inbox.staff.access,
        "other": inbox.other.access,
        "client": inbox.client_member.access,
        "contractor": inbox.contractor_member.access,
    }
    tried, differences = await node_differences(api, NODE, ids, viewers)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried == 6 * 10
    for who in (inbox.client_member, inbox.contractor_member):
        seen = [(await api.ok(NODE, {"id": pk}, who.access))["one"] for pk in ids]
        assert seen == [None] * 10
    listed = await api.ok(LIST, {"first": 50}, inbox.other.access)
    seen = [(await api.ok(NODE, {"id": pk}, inbox.other.access))["one"] for pk in ids]
    assert sum(s is not None for s in seen) == listed["inbox"]["totalCount"] < 9
