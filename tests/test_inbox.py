"""The inbox core through the real app: messages recorded through the inbound entry point
every channel adapter calls, then listed, answered, assigned, linked, closed and reopened,
and turned into orders; who sees what (README, "Who sees what"), notifications, idempotent replies, the
delivery queue's retries and failures, and the cost of the list in statements."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette

from channels import base, delivery
from channels.base import DeliveryFailed, Outbound, RetryLater
from models import Channel, Message
from tests.support.api import Api, count_statements
from tests.support.inbox import (
    ASSIGN,
    CLOSE,
    LINK,
    MAKE_ORDER,
    NODE,
    REPLY,
    arrive,
    build_inbox,
    conversations,
    gid,
    until_listening,
)
from tests.support.tasks import CREATE_TEMPLATE
from tests.support.world import in_days
from tests.support.ws import client, socket

pytestmark = pytest.mark.asyncio

NOTIFICATIONS = """{ notifications(first: 20) { edges { node {
  kind text conversation { id } } } } }"""


async def test_an_inbound_message_reaches_every_staff_member_and_no_portal_member(
    api: Api,
) -> None:
    inbox = await build_inbox(api)
    recorded = await arrive(inbox.company, "My sink leaks", sender_name="Dina K")
    cid = gid("Conversation", recorded.conversation.id)
    for who in (inbox.owner, inbox.head, inbox.staff, inbox.other):
        [shown] = await conversations(api, who)
        assert shown["id"] == cid
        assert (shown["channel"], shown["status"], shown["externalName"]) == (
            "TELEGRAM",
            "OPEN",
            "Dina K",
        )
        assert shown["lastMessage"]["body"] == "My sink leaks"
        assert shown["firstResponseSeconds"] is None
        data = await api.ok(NOTIFICATIONS, token=who.access)
        [note] = [e["node"] for e in data["notifications"]["edges"]]
        assert note["kind"] == "MESSAGE_RECEIVED"
        assert note["conversation"] == {"id": cid}
        assert "My sink leaks" in note["text"]
    for who in (inbox.client_member, inbox.contractor_member):
        assert await conversations(api, who) == []
        assert (await api.ok(NODE, {"id": cid}, who.access))["node"] is None
        reply = await api.ok(REPLY, {"c": cid, "b": "hi"}, who.access)
        assert reply["replyToConversation"]["errors"][0]["code"] == "NOT_FOUND"
        data = await api.ok(NOTIFICATIONS, token=who.access)
        assert data["notifications"]["edges"] == []


async def test_staff_see_unassigned_and_their_subtree_only(api: Api) -> None:
    inbox = await build_inbox(api)
    recorded = await arrive(inbox.company, "Window broken")
    cid = gid("Conversation", recorded.conversation.id)
    assigned = await api.ok(ASSIGN, {"c": cid, "m": inbox.staff.member_id}, inbox.head.access)
    assert assigned["assignConversation"]["conversation"]["assignee"] == {
        "id": inbox.staff.member_id
    }
    for who in (inbox.owner, inbox.head, inbox.staff):
        assert [c["id"] for c in await conversations(api, who)] == [cid]
    # Clara is on another branch: hidden means absent, and NOT_FOUND like a missing id.
    assert await conversations(api, inbox.other) == []
    assert (await api.ok(NODE, {"id": cid}, inbox.other.access))["node"] is None
    for query, variables in (
        (REPLY, {"c": cid, "b": "mine now"}),
        (ASSIGN, {"c": cid, "m": inbox.other.member_id}),
        (CLOSE, {"c": cid}),
        (LINK, {"c": cid, "k": inbox.client.id}),
    ):
        hidden = await api.ok(query, variables, inbox.other.access)
        missing = await api.ok(query, {**variables, "c": gid("Conversation", 0)}, inbox.head.access)
        [hidden_error] = next(iter(hidden.values()))["errors"]
        [missing_error] = next(iter(missing.values()))["errors"]
        assert hidden_error == missing_error
        assert hidden_error["code"] == "NOT_FOUND"
    # Staff Boris may not hand it to someone outside his subtree, nor to a portal member.
    refused = await api.ok(ASSIGN, {"c": cid, "m": inbox.other.member_id}, inbox.staff.access)
    assert refused["assignConversation"]["errors"][0]["code"] == "NOT_FOUND"
    refused = await api.ok(
        ASSIGN, {"c": cid, "m": inbox.client_member.member_id}, inbox.owner.access
    )
    assert refused["assignConversation"]["errors"][0]["code"] == "INVALID"
    # Only the assignee is told of the next message.
    await arrive(inbox.company, "Still broken")
    told = {
        name: [
            e["node"]["text"]
            for e in (await api.ok(NOTIFICATIONS, token=who.access))["notifications"]["edges"]
        ]
        for name, who in (("staff", inbox.staff), ("other", inbox.other))
    }
    assert any("Still broken" in text for text in told["staff"])
    assert not any("Still broken" in text for text in told["other"])


async def test_a_reply_is_written_once_per_client_key_and_answers_the_conversation(
    api: Api,
) -> None:
    inbox = await build_inbox(api)
    recorded = await arrive(inbox.company, "Need cleaning", key="chat-reply")
    cid = gid("Conversation", recorded.conversation.id)
    assert [c["id"] for c in await conversations(api, inbox.owner, {"unanswered": True})] == [cid]
    first = await api.ok(REPLY, {"c": cid, "b": "On our way", "k": "k-1"}, inbox.staff.access)
    again = await api.ok(REPLY, {"c": cid, "b": "On our way", "k": "k-1"}, inbox.staff.access)
    message = first["replyToConversation"]["message"]
    assert again["replyToConversation"]["message"]["id"] == message["id"]
    assert (message["direction"], message["author"]) == (
        "OUTBOUND",
        {"id": inbox.staff.member_id},
    )
    assert await Message.filter(conversation_id=recorded.conversation.id).count() == 2
    [shown] = await conversations(api, inbox.owner)
    assert shown["firstResponseSeconds"] is not None
    assert shown["firstResponseSeconds"] >= 0
    assert shown["lastMessage"]["id"] == message["id"]
    assert await conversations(api, inbox.owner, {"unanswered": True}) == []
    empty = await api.ok(REPLY, {"c": cid, "b": "  "}, inbox.staff.access)
    assert empty["replyToConversation"]["errors"][0]["field"] == ["body"]


async def test_closing_and_a_new_message_reopening(api: Api) -> None:
    inbox = await build_inbox(api)
    recorded = await arrive(inbox.company, "Hello", key="chat-close")
    cid = gid("Conversation", recorded.conversation.id)
    closed = await api.ok(CLOSE, {"c": cid}, inbox.owner.access)
    assert closed["closeConversation"]["conversation"]["status"] == "CLOSED"
    assert await conversations(api, inbox.owner, {"status": "OPEN"}) == []
    again = await arrive(inbox.company, "Hello again", key="chat-close")
    assert again.conversation.id == recorded.conversation.id
    [shown] = await conversations(api, inbox.owner, {"status": "OPEN"})
    assert shown["id"] == cid
    assert [m["node"]["body"] for m in shown["messages"]["edges"]] == ["Hello", "Hello again"]
    # The same message twice (a channel's retry) is one message.
    await arrive(inbox.company, "Once", key="chat-close", external_id="tg-77")
    await arrive(inbox.company, "Once", key="chat-close", external_id="tg-77")
    assert await Message.filter(conversation_id=recorded.conversation.id).count() == 3


async def test_contact_found_by_address_and_linked_by_hand(api: Api) -> None:
    inbox = await build_inbox(api)
    await api.ok(
        'mutation($id: ID!) { updateContact(id: $id, input: {email: "dina@example.test"}) '
        "{ errors { code } } }",
        {"id": inbox.client.id},
        inbox.owner.access,
    )
    by_mail = await arrive(
        inbox.company,
        "Hi",
        key="DINA@example.test",
        channel=Channel.EMAIL,
        contact_email="Dina@Example.test",
        one_thread_per_key=False,
    )
    assert by_mail.conversation.contact_id is not None
    unknown = await arrive(
        inbox.company,
        "Who am I",
        key="x@nowhere.test",
        channel=Channel.EMAIL,
        contact_email="x@nowhere.test",
        one_thread_per_key=False,
    )
    assert unknown.conversation.contact_id is None
    cid = gid("Conversation", unknown.conversation.id)
    linked = await api.ok(LINK, {"c": cid, "k": inbox.client.id}, inbox.staff.access)
    assert linked["linkConversationContact"]["conversation"]["contact"] == {"id": inbox.client.id}
    # An earlier link ties the next conversation from the same address to the contact too.
    later = await arrive(
        inbox.company,
        "Me again",
        key="x@nowhere.test",
        channel=Channel.EMAIL,
        one_thread_per_key=False,
    )
    assert later.conversation.id != unknown.conversation.id
    assert later.conversation.contact_id == by_mail.conversation.contact_id


async def test_an_order_from_a_conversation(api: Api) -> None:
    inbox = await build_inbox(api)
    template = await api.ok(
        CREATE_TEMPLATE,
        {
            "input": {
                "kind": "ORDER",
                "name": "Leak",
                "title": "Fix a leak",
                "description": "Bring a wrench",
                "deadlineInHours": 24,
            }
        },
        inbox.staff.access,
    )
    template_id = template["createTemplate"]["template"]["id"]
    recorded = await arrive(inbox.company, "Leak!", key="chat-order")
    cid = gid("Conversation", recorded.conversation.id)
    address = inbox.client.address_ids[0]
    asks = await api.ok(
        MAKE_ORDER,
        {"c": cid, "input": {"templateId": template_id, "addressId": address}},
        inbox.staff.access,
    )
    [error] = asks["createOrderFromConversation"]["errors"]
    assert (error["code"], error["field"]) == ("INVALID", ["input", "clientId"])
    await api.ok(LINK, {"c": cid, "k": inbox.client.id}, inbox.staff.access)
    before = datetime.now(UTC)
    made = await api.ok(
        MAKE_ORDER,
        {"c": cid, "input": {"templateId": template_id, "addressId": address}},
        inbox.staff.access,
    )
    payload = made["createOrderFromConversation"]
    assert payload["errors"] == []
    order = payload["order"]
    assert (order["title"], order["source"], order["client"]) == (
        "Fix a leak",
        "TELEGRAM",
        {"id": inbox.client.id},
    )
    deadline = datetime.fromisoformat(order["deadline"])
    assert before + timedelta(hours=23) < deadline < before + timedelta(hours=25)
    shown = (await api.ok(NODE, {"id": cid}, inbox.staff.access))["node"]
    assert shown["order"]["id"] == order["id"]
    back = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Order { id conversation { id } } } }",
        {"id": order["id"]},
        inbox.staff.access,
    )
    assert back["node"]["conversation"] == {"id": cid}
    hidden = await api.ok(
        MAKE_ORDER,
        {"c": cid, "input": {"title": "x", "deadline": in_days(1), "addressId": address}},
        inbox.client_member.access,
    )
    assert hidden["createOrderFromConversation"]["errors"][0]["code"] == "NOT_FOUND"


async def test_the_list_costs_the_same_for_two_or_ten_conversations(api: Api) -> None:
    inbox = await build_inbox(api)

    async def listed() -> int:
        with count_statements() as counter:
            shown = await conversations(api, inbox.head)
        assert all(c["lastMessage"] is not None for c in shown)
        return len(counter.statements)

    async def add(n: int) -> None:
        for i in range(n):
            recorded = await arrive(inbox.company, f"Message {i}", key=f"cost-{i}-{n}")
            cid = gid("Conversation", recorded.conversation.id)
            await api.ok(LINK, {"c": cid, "k": inbox.client.id}, inbox.owner.access)
            await api.ok(ASSIGN, {"c": cid, "m": inbox.staff.member_id}, inbox.owner.access)
            await api.ok(REPLY, {"c": cid, "b": "ok"}, inbox.staff.access)

    await add(2)
    few = await listed()
    await add(8)
    many = await listed()
    assert few == many, (few, many)
    assert many <= 12


async def test_conversation_updated_reaches_staff_who_see_it(app: Starlette, api: Api) -> None:
    inbox = await build_inbox(api)
    query = "subscription { conversationUpdated { id status lastMessage { body } } }"
    async with (
        client(app) as http,
        socket(http, inbox.head.access) as head,
        socket(http, inbox.other.access) as other,
        socket(http, inbox.client_member.access) as portal,
    ):
        head_op = await head.subscribe(query)
        other_op = await other.subscribe(query)
        portal_op = await portal.subscribe(query)
        refused = await portal.next(portal_op)
        assert refused["type"] == "error" or refused["payload"].get("errors"), refused
        await until_listening(inbox.company, 2)
        recorded = await arrive(inbox.company, "Live!", key="chat-live")
        cid = gid("Conversation", recorded.conversation.id)
        for sock, op in ((head, head_op), (other, other_op)):
            data = await sock.data(op)
            assert data["conversationUpdated"]["id"] == cid
            assert data["conversationUpdated"]["lastMessage"] == {"body": "Live!"}
        await api.ok(ASSIGN, {"c": cid, "m": inbox.staff.member_id}, inbox.owner.access)
        assert (await head.data(head_op))["conversationUpdated"]["id"] == cid
        # A marker (a new, unassigned conversation: all staff see it) comes first: the other
        # staff member heard nothing of the assignment outside its reach.
        marker = await arrive(inbox.company, "Marker", key="chat-marker")
        marker_id = gid("Conversation", marker.conversation.id)
        await other.marker(other_op, lambda d: d["conversationUpdated"]["id"] == marker_id)


class Recorder:
    """A sender as a channel adapter registers one: it fails as it is told, then sends."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.sent: list[str] = []

    async def send(self, outbound: Outbound) -> str | None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(outbound.message.body)
        return f"sent-{outbound.message.id}"


@pytest.fixture
def api_sender() -> Iterator[Recorder]:
    """The API channel has no sender of its own: the test's stands in for an adapter."""
    recorder = Recorder()
    base.register_sender(Channel.API, recorder)
    try:
        yield recorder
    finally:
        base._senders.pop(Channel.API, None)


async def test_the_delivery_queue_retries_and_shows_failures(
    api: Api, api_sender: Recorder
) -> None:
    inbox = await build_inbox(api)
    recorded = await arrive(inbox.company, "Via API", key="api-1", channel=Channel.API)
    cid = gid("Conversation", recorded.conversation.id)
    api_sender.failures = [RuntimeError("down"), RetryLater("slow down", seconds=30)]
    for body in ("first", "second"):
        await api.ok(REPLY, {"c": cid, "b": body}, inbox.owner.access)
    now = datetime.now(UTC) + timedelta(seconds=1)
    companies = [inbox.company]
    assert await delivery.deliver_pending(now, companies=companies) == 0  # "first" failed
    # "second" waits behind "first": a conversation's messages go out in order.
    assert api_sender.sent == []
    shown = (await api.ok(NODE, {"id": cid}, inbox.owner.access))["node"]
    first = shown["messages"]["edges"][1]["node"]
    # An unexpected exception is shown generic (its text may quote a server): logged whole.
    assert (first["deliveryStatus"], first["deliveryError"]) == ("PENDING", delivery.UNEXPECTED)
    later = now + delivery.retry_delay(1) + timedelta(seconds=1)
    assert await delivery.deliver_pending(later, companies=companies) == 0  # retry_after 30
    assert await delivery.deliver_pending(later + timedelta(seconds=31), companies=companies) == 2
    assert api_sender.sent == ["first", "second"]
    # A message the channel refuses for good is FAILED at once, with the reason shown.
    api_sender.failures = [DeliveryFailed("the chat is gone")]
    await api.ok(REPLY, {"c": cid, "b": "third"}, inbox.owner.access)
    assert await delivery.deliver_pending(later + timedelta(minutes=5), companies=companies) == 0
    shown = (await api.ok(NODE, {"id": cid}, inbox.owner.access))["node"]
    third = shown["messages"]["edges"][-1]["node"]
    assert (third["deliveryStatus"], third["deliveryError"]) == ("FAILED", "the chat is gone")


async def test_the_dashboard_counts_unanswered_conversations_in_scope(api: Api) -> None:
    inbox = await build_inbox(api)
    figures = "{ dashboard { unansweredConversations } }"
    first = await arrive(inbox.company, "One", key="dash-1")
    await arrive(inbox.company, "Two", key="dash-2")
    await api.ok(
        ASSIGN,
        {"c": gid("Conversation", first.conversation.id), "m": inbox.staff.member_id},
        inbox.owner.access,
    )
    counts = {
        name: (await api.ok(figures, token=who.access))["dashboard"]["unansweredConversations"]
        for name, who in (("owner", inbox.owner), ("staff", inbox.staff), ("other", inbox.other))
    }
    assert counts == {"owner": 2, "staff": 2, "other": 1}
    await api.ok(
        REPLY, {"c": gid("Conversation", first.conversation.id), "b": "ok"}, inbox.staff.access
    )
    shown = await api.ok(figures, token=inbox.owner.access)
    assert shown["dashboard"]["unansweredConversations"] == 1
