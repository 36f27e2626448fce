"""The `inbox` scenario's twins (bench/twins.py's kind): the staff head's first page of open
conversations, newest first, from the raw baseline (bench/raw_reads.py's `/inbox`) and from
PostGraphile.

The API's rule (permissions/conversations.py) is that a STAFF member sees the unassigned
conversations and those of its subtree; the peer, which has no rules, is asked for it as a
filter: no assignee, or an assignee whose path starts with the head's. Both read 50 and say
whether there are more. PostGraphile has no `firstResponseSeconds`, a difference of two
columns: it sends both times (`firstInboundAt`, `firstResponseAt`), and its answers are
compared without that figure. Every bench conversation has a name (bench/inbox.py), so the
API's fallback of `externalName` to the thread key never shows and the names compare as they
are.
"""

from __future__ import annotations

from typing import Any

from bench.twins import Facts, Twin, fixed, page_of, plain

PEER_INBOX = """
query Inbox($company: Int!, $path: String!) {
  allConversations(first: 50, orderBy: [LAST_MESSAGE_AT_DESC, ID_DESC],
                   condition: {companyId: $company, status: "OPEN"},
                   filter: {or: [{assigneeId: {isNull: true}},
                                 {membershipByAssigneeId: {path: {startsWith: $path}}}]}) {
    edges { cursor node {
      id channel status externalName subject lastMessageAt firstInboundAt firstResponseAt
      contact: contactByContactId { id name } assignee: membershipByAssigneeId { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def _facts(nodes: list[dict[str, Any]], more: bool) -> Facts:
    def party(node: dict[str, Any], key: str) -> int | None:
        return plain((node.get(key) or {}).get("id"))

    facts: Facts = {
        "conversations.ids": [plain(n["id"]) for n in nodes],
        "conversations.people": [[party(n, "contact"), party(n, "assignee")] for n in nodes],
        "conversations.channels": [n["channel"] for n in nodes],
        "conversations.names": [n["externalName"] for n in nodes],
        "conversations.lastMessageAt": [n["lastMessageAt"][:19] for n in nodes],
        "conversations.hasNextPage": more,
    }
    if nodes and "firstResponseSeconds" in nodes[0]:
        facts["conversations.firstResponseSeconds"] = [n["firstResponseSeconds"] for n in nodes]
    return facts


def inbox(company: int, path: str) -> Twin:
    return fixed(
        "/inbox",
        {"company": company, "path": path},
        PEER_INBOX,
        lambda answer: _facts(*page_of(answer["data"]["conversations"])),
        lambda answer: _facts(
            answer["data"]["conversations"]["nodes"], answer["data"]["conversations"]["hasNextPage"]
        ),
        lambda answer: _facts(*page_of(answer["data"]["allConversations"])),
        empty=('"nodes" : []', '"nodes": []'),
        peer_leaves_out="firstResponseSeconds",
    )
