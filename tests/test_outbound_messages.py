"""Who is told what outside the app, about an order: the booked contractor and the client on
their channels, each text with only what its role reads (never the price to a contractor,
never the fee or the internal note to a client), in the person's language and the company's
zone; a channel without an address FAILED with what to do; a portal member's own choice
replacing its contact's channels; a dedupe key making a message once."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.texts import catalogue
from models import Contact, DeliveryChannel, DeliveryStatus, Membership, NotificationKind
from resolvers.deadline_watch import watch_once
from resolvers.outbound import queue_for_contact, queue_for_member
from tests.support.api import Api, count_statements
from tests.support.outbound import FEE, NOTE, PRICE, booked_order, messages, pk, setup
from tests.support.world import COMMENT, move
from tests.test_visits_booking import UPDATE, at

pytestmark = pytest.mark.asyncio

PLACEHOLDER = re.compile(r"\{(\w+)\}")

SECRETS_FOR_CONTRACTOR = (PRICE, "4321", "4 321", "+79161234567", "916 123", NOTE)
SECRETS_FOR_CLIENT = (FEE, "1234", "1 234", NOTE)


def texts(rows: list[Any]) -> str:
    return "\n".join(f"{row.subject or ''}\n{row.text}" for row in rows)


async def test_a_booking_tells_the_contractor_and_the_client_what_each_may_read(
    api: Api,
) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    contractor = await messages(order["id"], contact_id=pk(s.contractor.id))
    client = await messages(order["id"], contact_id=pk(s.client.id))
    assert [(m.kind, m.channel, m.to, m.status) for m in contractor] == [
        (NotificationKind.ORDER_ASSIGNED, DeliveryChannel.EMAIL, s.contractor_email, "PENDING")
    ]
    text = texts(contractor)
    assert "Ivan Fixer" not in text
    assert "Anna Client street 5" in text
    assert "Gate code 42" in text
    assert "Fix the tap in the kitchen" in text
    assert f"order {order['number']}" in text
    assert "10:00" in text
    assert "12:00" in text
    for secret in SECRETS_FOR_CONTRACTOR:
        assert secret not in text, secret
    # The client: booked with the window; the first acceptance is that booking.
    assert [(m.kind, m.to) for m in client] == [(NotificationKind.ORDER_ASSIGNED, s.client_email)]
    assert "10:00" in texts(client)
    for secret in SECRETS_FOR_CLIENT:
        assert secret not in texts(client), secret
    await move(api, s.owner, order["id"], "IN_PROGRESS")
    assert len(await messages(order["id"], contact_id=pk(s.client.id))) == 1  # not "accepted" again


async def test_the_clients_story_accepted_overdue_reply_done_with_a_rating_link(
    api: Api,
) -> None:
    s = await setup(api)
    unbooked = await booked_order(api, s, contractorId=None)
    assert await messages(unbooked["id"]) == []  # a new order tells no one outside
    # Booked while the client had no channel: its first message is the acceptance.
    await Contact.filter(id=pk(s.client.id)).update(notify_by=[])
    order = await booked_order(api, s)
    await Contact.filter(id=pk(s.client.id)).update(notify_by=None)
    await move(api, s.owner, order["id"], "IN_PROGRESS")
    late = datetime.now(UTC) + timedelta(days=30)
    for _ in range(2):  # the watch's rounds, twice at once: one OVERDUE event, one message
        await asyncio.gather(
            *(watch_once(late, timedelta(hours=1), companies=[s.company_pk]) for _ in range(2))
        )
    for body, visibility in (
        ("Reply for the client 55", "CLIENT"),
        ("Internal words 66", "INTERNAL"),
        ("For the fixer 88", "CONTRACTOR"),
    ):
        done = await api.ok(COMMENT, {"o": order["id"], "b": body, "v": visibility}, s.owner.access)
        assert done["addComment"]["errors"] == []
    await move(api, s.owner, order["id"], "DONE")
    rows = await messages(order["id"], contact_id=pk(s.client.id))
    assert [m.kind for m in rows] == [
        NotificationKind.ORDER_STATUS_CHANGED,
        NotificationKind.ORDER_OVERDUE,
        NotificationKind.ORDER_COMMENTED,
        NotificationKind.RATING_REQUESTED,
    ]
    assert "is not finished yet" in rows[1].text
    assert "Reply for the client 55" in rows[2].text
    assert "/rate/" in rows[3].text
    all_text = texts(rows)
    assert "Internal words 66" not in all_text
    assert "For the fixer 88" not in all_text
    for secret in SECRETS_FOR_CLIENT:
        assert secret not in all_text, secret


async def test_a_visit_moved_removed_or_cancelled_tells_the_contractor_once_each(
    api: Api,
) -> None:
    s = await setup(api)
    order = await booked_order(api, s)
    moved = await api.ok(
        UPDATE,
        {"id": order["id"], "input": {"visitStart": at(14), "visitEnd": at(15)}},
        s.owner.access,
    )
    assert moved["updateOrder"]["errors"] == []
    same = await api.ok(UPDATE, {"id": order["id"], "input": {"title": "Renamed"}}, s.owner.access)
    assert same["updateOrder"]["errors"] == []
    cleared = {"visitStart": None, "visitEnd": None}
    removed = await api.ok(UPDATE, {"id": order["id"], "input": cleared}, s.owner.access)
    assert removed["updateOrder"]["errors"] == []
    await move(api, s.owner, order["id"], "CANCELLED")
    rows = await messages(order["id"], contact_id=pk(s.contractor.id))
    assert [m.kind for m in rows] == [
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_STATUS_CHANGED,
    ]
    assert "14:00" in rows[1].text
    assert "15:00" in rows[1].text
    assert rows[2].subject == f"Order {order['number']}: the visit is cancelled"
    assert "you will be told of a new time" in rows[2].text
    assert "no visit booked yet" in rows[3].text
    for secret in SECRETS_FOR_CONTRACTOR:
        assert secret not in texts(rows), secret


async def test_russian_contact_gets_russian_text_in_the_companys_zone(api: Api) -> None:
    s = await setup(api)
    await Contact.filter(id=pk(s.contractor.id)).update(locale="ru")
    await _set_zone(s.company_pk, "Europe/Moscow")
    order = await booked_order(api, s)
    (row,) = await messages(order["id"], contact_id=pk(s.contractor.id))
    assert row.locale == "ru"
    assert "Вы назначены на заказ" in row.text
    assert "13:00" in row.text
    assert "15:00" in row.text
    (client,) = await messages(order["id"], contact_id=pk(s.client.id))
    assert client.locale == "en"


async def _set_zone(company: int, zone: str) -> None:
    from models import Company

    await Company.filter(id=company).update(timezone=zone)


async def test_a_channel_without_an_address_is_failed_with_what_to_do(api: Api) -> None:
    s = await setup(api)
    await Contact.filter(id=pk(s.contractor.id)).update(
        notify_by=["EMAIL", "TELEGRAM", "SMS"], email=None, phone=None
    )
    order = await booked_order(api, s)
    rows = await messages(order["id"], contact_id=pk(s.contractor.id))
    assert {(m.channel, m.status, m.to) for m in rows} == {
        (DeliveryChannel.EMAIL, DeliveryStatus.FAILED, ""),
        (DeliveryChannel.TELEGRAM, DeliveryStatus.FAILED, ""),
        (DeliveryChannel.SMS, DeliveryStatus.FAILED, ""),
    }
    reasons = {m.channel: m.error or "" for m in rows}
    assert reasons[DeliveryChannel.TELEGRAM] == (
        "no Telegram chat: send the person a createTelegramLink link"
    )
    assert "no phone number" in reasons[DeliveryChannel.SMS]
    assert "no e-mail" in reasons[DeliveryChannel.EMAIL]


async def test_sms_goes_to_the_e164_number_and_no_channels_means_no_message(api: Api) -> None:
    s = await setup(api)
    await Contact.filter(id=pk(s.client.id)).update(notify_by=["SMS"], phone="8 (916) 123-45-67")
    await Contact.filter(id=pk(s.contractor.id)).update(notify_by=[])
    order = await booked_order(api, s)
    rows = await messages(order["id"])
    assert [(m.contact_id, m.channel, m.to) for m in rows] == [
        (pk(s.client.id), DeliveryChannel.SMS, "+79161234567")
    ]


async def test_a_portal_members_choice_replaces_its_contacts_channels(api: Api) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    member = await Membership.get(id=pk(fixer.member_id))
    # The member wants bookings by e-mail and SMS; its colleague of the client made no choice.
    member.notification_preferences = [
        {"kind": "ORDER_ASSIGNED", "channels": ["EMAIL", "SMS", "IN_APP"]},
        {"kind": "ORDER_STATUS_CHANGED", "channels": []},
    ]
    await member.save()
    order = await booked_order(api, s)
    rows = await messages(order["id"], contact_id=pk(s.contractor.id))
    assert {(m.member_id, m.channel, m.to) for m in rows} == {
        (None, DeliveryChannel.EMAIL, s.contractor_email),  # the contact's own address
        (member.id, DeliveryChannel.EMAIL, fixer.email),
        (member.id, DeliveryChannel.SMS, "+79161112233"),
    }
    # A member who chose nothing for the kind: a member that shares the contact's address
    # and turned e-mail off gets no copy as the contact either.
    await Contact.filter(id=pk(s.contractor.id)).update(email=fixer.email)
    await move(api, s.owner, order["id"], "CANCELLED")
    cancelled = await messages(order["id"], kind=NotificationKind.ORDER_STATUS_CHANGED)
    assert [m.contact_id for m in cancelled] == []


async def test_a_dedupe_key_makes_one_message_per_person_and_channel_however_many_race(
    api: Api,
) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    await Membership.filter(id=pk(fixer.member_id)).update(
        notification_preferences=[{"kind": "VISIT_REMINDER", "channels": ["EMAIL"]}]
    )

    def render(locale: str) -> tuple[str | None, str]:
        return "Reminder", f"Visit soon ({locale})"

    async def queue() -> list[Any]:
        return await queue_for_contact(
            pk(s.contractor.id), NotificationKind.VISIT_REMINDER, None, render, "remind:1:x"
        )

    results = await asyncio.gather(*(queue() for _ in range(5)))
    ids = {tuple(sorted(r.id for r in rows)) for rows in results}
    assert len(ids) == 1
    assert len(next(iter(ids))) == 2
    alone = await queue_for_member(
        pk(fixer.member_id), NotificationKind.VISIT_REMINDER, None, render, "remind:2:y"
    )
    assert [(m.channel, m.to) for m in alone] == [(DeliveryChannel.EMAIL, fixer.email)]
    nothing = await queue_for_member(
        pk(fixer.member_id), NotificationKind.ORDER_OVERDUE, None, render
    )
    assert nothing == []  # no choice for the kind: its in-app notification is the default


async def test_both_catalogues_have_every_outbound_text_with_the_same_values() -> None:
    english, russian = catalogue("en"), catalogue("ru")
    keys = {k for k in english if k.startswith("outbound.")}
    assert keys == {k for k in russian if k.startswith("outbound.")}
    assert len(keys) == 32  # 11 reasons, the empty visit, 10 subjects and texts
    for key in keys:
        assert set(PLACEHOLDER.findall(english[key])) == set(PLACEHOLDER.findall(russian[key])), key


async def test_what_a_booking_costs_in_statements(api: Api) -> None:
    """createOrder with a contractor and a visit: the messages to the contractor and the
    client add one SELECT of the address and zone, then per contact one SELECT of it, one
    of its portal members, and the INSERTs of the messages; a person with no channel costs
    no INSERT."""
    s = await setup(api)
    costs: list[int] = []
    choices: tuple[list[str] | None, ...] = ([], None)
    for channels in choices:  # none, then the default e-mail
        await Contact.filter(id__in=[pk(s.client.id), pk(s.contractor.id)]).update(
            notify_by=channels
        )
        with count_statements() as counter:
            await booked_order(api, s, allowOverlap=True)
        costs.append(len(counter.statements))
    # The client's message: one INSERT; the contractor's, keyed by its visit: INSERT ... ON
    # CONFLICT DO NOTHING and the SELECT of the key's rows.
    assert costs[1] - costs[0] == 3, costs
    print(
        f"\ncreateOrder with a booking: {costs[0]} statements without messages, {costs[1]} with two"
    )


async def test_a_members_choice_leaves_the_contacts_phone_to_the_contact(api: Api) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    await Contact.filter(id=pk(s.contractor.id)).update(notify_by=["SMS"])
    await Membership.filter(id=pk(fixer.member_id)).update(
        notification_preferences=[{"kind": "ORDER_ASSIGNED", "channels": ["EMAIL"]}]
    )
    order = await booked_order(api, s)
    rows = await messages(order["id"], contact_id=pk(s.contractor.id))
    assert {(m.member_id, m.channel, m.to) for m in rows} == {
        (None, DeliveryChannel.SMS, "+79161112233"),
        (pk(fixer.member_id), DeliveryChannel.EMAIL, fixer.email),
    }


async def test_the_clients_own_comment_is_not_echoed_back_to_it(api: Api) -> None:
    s = await setup(api, members=True)
    order = await booked_order(api, s)
    before = len(await messages(order["id"]))
    said = await api.ok(
        COMMENT, {"o": order["id"], "b": "My own words", "v": "CLIENT"}, s.client.members[0].access
    )
    assert said["addComment"]["errors"] == []
    assert len(await messages(order["id"])) == before
