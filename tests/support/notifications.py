"""A company cast for the notification and deadline-watch tests, and reading what each heard.

owner -> head -> staff, and peer beside head; a client with two portal members (its manager
is head); a contractor with two portal members; a contractor without any portal login (staff
run it); another client with its own member, who must never hear of this client's orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schema.ids import parse_global_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.world import ContactCard, contact, portal_member

NOTIFICATION_FIELDS = "id kind text createdAt readAt order { id number } task { id }"
NOTIFICATIONS = f"""query($unread: Boolean, $first: Int, $after: String) {{
  notifications(unreadOnly: $unread, first: $first, after: $after) {{
    totalCount edges {{ cursor node {{ {NOTIFICATION_FIELDS} }} }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}"""
MARK_READ = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }"
RECEIVED = f"subscription {{ notificationReceived {{ {NOTIFICATION_FIELDS} }} }}"


@dataclass
class Cast:
    owner: Session
    head: Session
    staff: Session
    peer: Session
    client: ContactCard
    contractor: ContactCard
    offline: ContactCard  # a contractor with no portal login
    other_client: ContactCard

    @property
    def company_pk(self) -> int:
        parsed = parse_global_id(self.owner.company_id)
        assert parsed is not None
        return int(parsed[1])

    def members(self) -> dict[str, Session]:
        """Everyone, by a short name: the names the tests' expected sets use."""
        return {
            "owner": self.owner,
            "head": self.head,
            "staff": self.staff,
            "peer": self.peer,
            "client1": self.client.members[0],
            "client2": self.client.members[1],
            "contractor1": self.contractor.members[0],
            "contractor2": self.contractor.members[1],
            "other_client": self.other_client.members[0],
        }


async def cast(api: Api) -> Cast:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    staff = await invite_and_accept(api, head, "Staff")
    peer = await invite_and_accept(api, owner, "Peer")
    client = await contact(api, owner, "CLIENT", "Romashka", "ORGANIZATION", head.member_id)
    contractor = await contact(api, owner, "CONTRACTOR", "FixIt", "ORGANIZATION")
    offline = await contact(api, owner, "CONTRACTOR", "Offline Ivan")
    other_client = await contact(api, owner, "CLIENT", "Other")
    for card, names in (
        (client, ["Client One", "Client Two"]),
        (contractor, ["Fixer One", "Fixer Two"]),
        (other_client, ["Other Client"]),
    ):
        for name in names:
            await portal_member(api, owner, card, name)
    return Cast(owner, head, staff, peer, client, contractor, offline, other_client)


async def inbox(api: Api, who: Session, unread: bool | None = None) -> list[dict[str, Any]]:
    """Everything `who` was told (newest first), read through the API."""
    data = await api.ok(NOTIFICATIONS, {"unread": unread, "first": 100}, who.access)
    return [edge["node"] for edge in data["notifications"]["edges"]]


async def told(
    api: Api, members: dict[str, Session], kind: str, order_id: str | None = None
) -> dict[str, int]:
    """Who heard `kind` (about the order, if given), and how many times each."""
    heard: dict[str, int] = {}
    for name, session in members.items():
        count = sum(
            1
            for n in await inbox(api, session)
            if n["kind"] == kind and (order_id is None or (n["order"] or {}).get("id") == order_id)
        )
        if count:
            heard[name] = count
    return heard


def once(*names: str) -> dict[str, int]:
    return dict.fromkeys(names, 1)
