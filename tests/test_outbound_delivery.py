"""The outbound queue (channels/outbound_delivery.py) against a real SMTP server (aiosmtpd)
and a stand-in sender: each message sent once, even with rounds at the same moment; RFC 8058
headers on a contact's e-mail and none on a member's; CR/LF in a title never reaching a
header; retries with backoff, a channel's own pace, giving up with a reason; one person's
messages in order; a contact taken off the order before sending gets nothing. Rounds are
called directly, limited to the test's company (the database is shared)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from channels import outbound_senders
from channels.base import DeliveryFailed, RetryLater
from channels.outbound_delivery import MAX_ATTEMPTS, RETRY, deliver_outbound
from channels.outbound_senders import Sender, outbound_sender_for
from models import (
    Contact,
    DeliveryChannel,
    DeliveryStatus,
    Membership,
    NotificationKind,
    OutboundMessage,
)
from servicedesk.workers.outbound_sender import send_email
from tests.support.api import Api, unique_email
from tests.support.email_channel import settings_changed
from tests.support.outbound import Setup, booked_order, messages, pk, setup
from tests.support.world import ASSIGN, move
from tests.test_mail_sender import Recorder, smtp_server

pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def mail(recorder: Recorder) -> AsyncIterator[None]:
    async with smtp_server(recorder) as where:
        with settings_changed(smtp_url=f"smtp://{where}", smtp_from="Desk <desk@example.test>"):
            yield


@contextmanager
def sender(channel: DeliveryChannel, send: Sender) -> Iterator[None]:
    before = outbound_sender_for(channel)
    outbound_senders.register_outbound_sender(channel, send)
    try:
        yield
    finally:
        if before is None:
            outbound_senders._senders.pop(channel, None)
        else:
            outbound_senders.register_outbound_sender(channel, before)


async def round_(s: Setup, now: datetime | None = None) -> int:
    return await deliver_outbound(now, companies=[s.company_pk])


async def test_emails_go_out_once_with_one_click_unsubscribe_and_clean_headers(api: Api) -> None:
    assert outbound_sender_for(DeliveryChannel.EMAIL) is send_email  # installed at start
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    await Membership.filter(id=pk(fixer.member_id)).update(
        notification_preferences=[{"kind": "ORDER_ASSIGNED", "channels": ["EMAIL"]}]
    )
    order = await booked_order(api, s, title="Leak\r\nBcc: victim@example.test")
    recorder = Recorder()
    async with mail(recorder):
        sent = await asyncio.gather(*(round_(s) for _ in range(3)))
        assert sum(sent) == 3
        assert await round_(s) == 0
    assert sorted(str(m["To"]) for m in recorder.messages) == sorted(
        [s.contractor_email, fixer.email, s.client_email]
    )
    for message in recorder.messages:
        assert message["Bcc"] is None
        assert "\n" not in str(message["Subject"])
        if str(message["To"]) != s.client_email:  # the contractor's subjects name the title
            assert "Leak Bcc: victim@example.test" in str(message["Subject"])
        assert message["Auto-Submitted"] == "auto-generated"
        to_member = str(message["To"]) == fixer.email
        unsubscribe = message["List-Unsubscribe"]
        if to_member:  # a member chooses with setNotificationPreferences
            assert unsubscribe is None
        else:
            assert str(unsubscribe).startswith("<http")
            assert "/unsubscribe/" in str(unsubscribe)
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    rows = await messages(order["id"])
    assert {(m.status, m.attempts, m.error) for m in rows} == {(DeliveryStatus.SENT, 1, None)}
    assert all(m.sent_at is not None for m in rows)


async def test_a_refused_address_fails_at_once_with_the_servers_reason(api: Api) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    recorder = Recorder(refuse="550 5.1.1 No such mailbox")
    async with mail(recorder):
        assert await round_(s) == 0
    rows = await messages(order["id"])
    assert {(m.status, m.attempts) for m in rows} == {(DeliveryStatus.FAILED, 1)}
    assert all("550" in (m.error or "") and "No such mailbox" in (m.error or "") for m in rows)


async def test_without_a_mail_server_messages_wait_with_the_reason(api: Api) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    with settings_changed(smtp_url=None):
        assert await round_(s) == 0
    rows = await messages(order["id"])
    assert {(m.status, m.attempts) for m in rows} == {(DeliveryStatus.PENDING, 0)}
    assert all("SMTP_URL" in (m.error or "") for m in rows)
    assert all(m.next_attempt_at is not None for m in rows)


async def test_retries_back_off_then_fail_and_a_person_s_messages_keep_their_order(
    api: Api,
) -> None:
    s = await setup(api)
    await Contact.filter(id=pk(s.contractor.id)).update(notify_by=["SMS"])
    await Contact.filter(id=pk(s.client.id)).update(notify_by=[])
    order = await booked_order(api, s)
    moved = await api.ok(
        """mutation($id: ID!, $input: UpdateOrderInput!) {
          updateOrder(id: $id, input: $input) { errors { code } } }""",
        {"id": order["id"], "input": {"title": "Second"}},
        s.owner.access,
    )
    assert moved["updateOrder"]["errors"] == []
    # A second message to the same person on the same channel (a moved visit).
    await api.ok(
        """mutation($id: ID!, $input: UpdateOrderInput!) {
          updateOrder(id: $id, input: $input) { errors { code } } }""",
        {"id": order["id"], "input": {"visitStart": None, "visitEnd": None}},
        s.owner.access,
    )
    first, second = await messages(order["id"])
    tried: list[int] = []

    async def busy(message: OutboundMessage) -> None:
        tried.append(message.id)
        raise RetryLater("provider busy")

    now = datetime.now(UTC)
    with sender(DeliveryChannel.SMS, busy):
        for attempt in range(1, MAX_ATTEMPTS + 1):
            assert await round_(s, now) == 0
            row = await OutboundMessage.get(id=first.id)
            assert row.attempts == attempt
            if attempt < MAX_ATTEMPTS:
                assert row.status == DeliveryStatus.PENDING
                assert row.next_attempt_at == now + RETRY.delay(attempt)
                assert await round_(s, now) == 0  # not due yet: nothing tried
                now = row.next_attempt_at
    assert set(tried) == {first.id}  # the second waited behind the first all along
    assert len(tried) == MAX_ATTEMPTS
    row = await OutboundMessage.get(id=first.id)
    assert (row.status, row.error) == (DeliveryStatus.FAILED, "provider busy")

    async def paced(message: OutboundMessage) -> None:
        raise RetryLater("429 too many", seconds=7)

    with sender(DeliveryChannel.SMS, paced):
        assert await round_(s, now) == 0
    row = await OutboundMessage.get(id=second.id)
    assert (row.attempts, row.next_attempt_at) == (0, now + timedelta(seconds=7))

    async def blocked(message: OutboundMessage) -> None:
        raise DeliveryFailed("the number is blocked")

    with sender(DeliveryChannel.SMS, blocked):
        assert await round_(s, now + timedelta(seconds=7)) == 0
    row = await OutboundMessage.get(id=second.id)
    assert (row.status, row.error) == (DeliveryStatus.FAILED, "the number is blocked")


async def test_a_replaced_contractor_hears_only_that_it_is_off_and_the_new_one_is_booked(
    api: Api,
) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    other_email = unique_email("other.fixer")
    other = await api.ok(
        """mutation($input: CreateContactInput!) { createContact(input: $input) {
          contact { id } errors { code } } }""",
        {
            "input": {
                "kind": "CONTRACTOR",
                "legalForm": "PERSON",
                "name": "Other Fixer",
                "email": other_email,
            }
        },
        s.owner.access,
    )
    other_id = other["createContact"]["contact"]["id"]
    swapped = await api.ok(ASSIGN, {"id": order["id"], "c": other_id}, s.owner.access)
    assert swapped["assignOrder"]["errors"] == []
    # Assigned again to the one booked now: nobody else is told it is off a second time.
    again = await api.ok(ASSIGN, {"id": order["id"], "c": other_id}, s.owner.access)
    assert again["assignOrder"]["errors"] == []
    recorder = Recorder()
    async with mail(recorder):
        await round_(s)
    booking, off = await messages(order["id"], contact_id=pk(s.contractor.id))
    # The booking not sent yet is held back: the contractor is not on the order any more.
    assert (booking.status, booking.error) == (
        DeliveryStatus.FAILED,
        "not sent: the person is no longer on the order",
    )
    assert (off.status, off.error) == (DeliveryStatus.SENT, None)
    assert off.subject == f"Order {order['number']}: you are no longer booked"
    assert "Anna Client street 5" in off.text
    to_old = [m for m in recorder.messages if str(m["To"]) == s.contractor_email]
    assert [str(m["Subject"]) for m in to_old] == [off.subject]
    booked = await messages(order["id"], contact_id=pk(other_id))  # once per assignOrder
    assert {(m.status, (m.subject or "")[:8]) for m in booked} == {
        (DeliveryStatus.SENT, "New work")
    }
    assert other_email in [str(m["To"]) for m in recorder.messages]
    assert s.client_email in [str(m["To"]) for m in recorder.messages]


async def test_a_member_deactivated_before_sending_gets_nothing(api: Api) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    await Membership.filter(id=pk(fixer.member_id)).update(
        notification_preferences=[{"kind": "ORDER_ASSIGNED", "channels": ["EMAIL"]}]
    )
    order = await booked_order(api, s)
    await Membership.filter(id=pk(fixer.member_id)).update(active=False)
    recorder = Recorder()
    async with mail(recorder):
        assert await round_(s) == 2  # the contractor's and the client's own addresses
    (gone,) = await messages(order["id"], member_id=pk(fixer.member_id))
    assert (gone.status, gone.error) == (
        DeliveryStatus.FAILED,
        "not sent: the member has been deactivated",
    )
    assert fixer.email not in [str(m["To"]) for m in recorder.messages]


async def test_a_rating_request_of_an_order_reopened_before_sending_is_not_sent(
    api: Api,
) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    await move(api, s.owner, order["id"], "IN_PROGRESS")
    await move(api, s.owner, order["id"], "DONE")
    await move(api, s.owner, order["id"], "IN_PROGRESS", "The tap still drips")
    recorder = Recorder()
    async with mail(recorder):
        await round_(s)
    (asked,) = await messages(order["id"], kind=NotificationKind.RATING_REQUESTED)
    assert (asked.status, asked.error) == (
        DeliveryStatus.FAILED,
        "not sent: the order was reopened, it is not done any more",
    )
    assert [str(m["To"]) for m in recorder.messages] == [s.contractor_email, s.client_email]
    # Done again: a new request goes out, the order being DONE when it is sent.
    await move(api, s.owner, order["id"], "DONE")
    async with mail(recorder):
        await round_(s)
    _, again = await messages(order["id"], kind=NotificationKind.RATING_REQUESTED)
    assert again.status == DeliveryStatus.SENT
