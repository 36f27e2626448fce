"""Inbox test helpers: a company with staff on two branches and portal members, messages
recorded through the inbound entry point every channel uses, and the inbox's queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models import Channel
from resolvers.inbound import Inbound, Recorded, record_inbound
from schema.ids import parse_global_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.world import ContactCard, contact, portal_member

ERRORS = "errors { field code message }"
CONVERSATION_FIELDS = """id channel subject status externalName firstResponseSeconds lastMessageAt
  contact { id name } assignee { id name } order { id number source client { id } }
  lastMessage { id direction body deliveryStatus }"""
CONVERSATIONS = f"""query($f: ConversationFilter, $first: Int) {{
  conversations(filter: $f, first: $first) {{
    totalCount edges {{ node {{ {CONVERSATION_FIELDS}
      messages(first: 5) {{ totalCount edges {{ node {{ id direction body author {{ id }} }} }} }}
    }} }}
  }}
}}"""
NODE = f"""query($id: ID!) {{ node(id: $id) {{ ... on Conversation {{ {CONVERSATION_FIELDS}
  messages {{ edges {{ node {{ id direction body deliveryStatus deliveryError }} }} }} }} }} }}"""
REPLY = f"""mutation($c: ID!, $b: String!, $k: String) {{
  replyToConversation(conversationId: $c, body: $b, clientKey: $k) {{
    message {{ id direction body deliveryStatus author {{ id }} }} {ERRORS} }} }}"""
ASSIGN = f"""mutation($c: ID!, $m: ID!) {{
  assignConversation(conversationId: $c, memberId: $m) {{
    conversation {{ id assignee {{ id }} }} {ERRORS} }} }}"""
LINK = f"""mutation($c: ID!, $k: ID!) {{
  linkConversationContact(conversationId: $c, contactId: $k) {{
    conversation {{ id contact {{ id }} }} {ERRORS} }} }}"""
CLOSE = f"""mutation($c: ID!) {{
  closeConversation(conversationId: $c) {{ conversation {{ id status }} {ERRORS} }} }}"""
MAKE_ORDER = f"""mutation($c: ID!, $input: CreateOrderInput!) {{
  createOrderFromConversation(conversationId: $c, input: $input) {{
    order {{ id number title source deadline client {{ id }} }} {ERRORS} }} }}"""


@dataclass
class Inbox:
    owner: Session
    head: Session  # under the owner
    staff: Session  # under head
    other: Session  # under the owner, another branch
    client: ContactCard
    client_member: Session
    contractor: ContactCard
    contractor_member: Session

    @property
    def company(self) -> int:
        parsed = parse_global_id(self.owner.company_id)
        assert parsed is not None
        return int(parsed[1])


async def build_inbox(api: Api) -> Inbox:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head Anna")
    staff = await invite_and_accept(api, head, "Staff Boris")
    other = await invite_and_accept(api, owner, "Staff Clara")
    client = await contact(api, owner, "CLIENT", "Client Dina")
    client_member = await portal_member(api, owner, client, "Dina Portal")
    contractor = await contact(api, owner, "CONTRACTOR", "Fixer Egor")
    contractor_member = await portal_member(api, owner, contractor, "Egor Portal")
    return Inbox(owner, head, staff, other, client, client_member, contractor, contractor_member)


async def arrive(
    company: int,
    body: str,
    key: str = "chat-1",
    channel: Channel = Channel.TELEGRAM,
    **more: Any,
) -> Recorded:
    return await record_inbound(
        Inbound(company_id=company, channel=channel, thread_key=key, body=body, **more)
    )


async def conversations(
    api: Api, who: Session, filter: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    data = await api.ok(CONVERSATIONS, {"f": filter, "first": 50}, who.access)
    return [edge["node"] for edge in data["conversations"]["edges"]]


def gid(type_name: str, pk: int) -> str:
    from schema.ids import to_global_id

    return to_global_id(type_name, pk)


async def until_listening(company: int, count: int) -> None:
    """Wait until `count` conversationUpdated subscribers of the company listen here."""
    import asyncio

    from realtime.company_feeds import feeds_of
    from realtime.conversations import ConversationFeeds, inbox_channel
    from tests.support.ws import channel_subscribed

    for _ in range(200):
        feed = feeds_of("inbox", ConversationFeeds).feeds.get(company)
        if feed is not None and len(feed.listeners) >= count:
            # The Redis backend sends SUBSCRIBE from its own loop, after the join.
            await channel_subscribed(company, name=inbox_channel(company))
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("subscribers did not start listening")
