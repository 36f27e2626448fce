"""VISIT_REMINDER: visitReminderHours before a visit, once however many rounds run at once;
to the client and the contractor contacts (outbound rows, in their language and the
company's zone, never the price or the fee) and to their portal members in the app; a moved
visit is reminded again, a cancelled order or a started visit is not; a contact without an
address shows a FAILED row with the reason."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models import Contact, DeliveryStatus, NotificationKind, OutboundMessage
from schema.ids import decode_id
from tests.support.api import Api
from tests.support.escalation import configure, rounds, update_contact, update_order
from tests.support.notifications import Cast, cast, inbox, told
from tests.support.world import create_order, move

pytestmark = pytest.mark.asyncio

MSK = ZoneInfo("Europe/Moscow")
REMINDER = "VISIT_REMINDER"
START = datetime(2031, 2, 10, 10, tzinfo=MSK)


async def visit_order(api: Api, c: Cast, contractor: str, start: datetime) -> dict[str, Any]:
    return await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=contractor,
        price="5000.00",
        contractorFee="3210.00",
        deadline=(start + timedelta(days=2)).isoformat(),
        visitStart=start.isoformat(),
        visitEnd=(start + timedelta(hours=2)).isoformat(),
    )


async def outbound(order: dict[str, Any]) -> list[OutboundMessage]:
    pk = decode_id(order["id"], "Order")
    return list(
        await OutboundMessage.filter(order_id=pk, kind=NotificationKind.VISIT_REMINDER).order_by(
            "id"
        )
    )


async def reminder_company(api: Api) -> Cast:
    c = await cast(api)
    await configure(api, c.owner, timezone="Europe/Moscow", visitReminderHours=24)
    await update_contact(api, c.owner, c.client.id, email="romashka@example.test")
    await update_contact(api, c.owner, c.contractor.id, email="fixit@example.test")
    return c


async def test_a_visit_is_reminded_once_to_each_party_without_money(api: Api) -> None:
    c = await reminder_company(api)
    order = await visit_order(api, c, c.contractor.id, START)
    everyone = c.members()
    await rounds(c.company_pk, START - timedelta(hours=24, minutes=1))
    assert await outbound(order) == []
    for _ in range(2):  # two moments, four rounds at each
        await rounds(c.company_pk, START - timedelta(hours=23, minutes=59))
    rows = await outbound(order)
    assert sorted((r.to, r.channel.value, r.status.value) for r in rows) == [
        ("fixit@example.test", "EMAIL", "PENDING"),
        ("romashka@example.test", "EMAIL", "PENDING"),
    ]
    number = order["number"]
    expected = (
        f'A reminder of the visit for order #{number} "Clean": '
        "10 February 2031, 10:00\u201312:00, at Romashka, street 1."
    )
    for row in rows:
        assert (row.subject, row.text, row.locale) == (
            f"Visit reminder: order #{number}",
            expected,
            "en",
        )
        assert "5000" not in row.text
        assert "3210" not in row.text
    portal = {"client1": 1, "client2": 1, "contractor1": 1, "contractor2": 1}
    assert await told(api, everyone, REMINDER, order["id"]) == portal
    [note] = [n for n in await inbox(api, c.contractor.members[0]) if n["kind"] == REMINDER]
    assert note["text"] == expected
    await rounds(c.company_pk, START - timedelta(minutes=5))
    assert len(await outbound(order)) == 2


async def test_a_moved_visit_is_reminded_again_in_the_contacts_language(api: Api) -> None:
    c = await reminder_company(api)
    await Contact.filter(id=decode_id(c.client.id, "Contact")).update(locale="ru")
    order = await visit_order(api, c, c.contractor.id, START)
    await rounds(c.company_pk, START - timedelta(hours=20))
    assert len(await outbound(order)) == 2
    later = START + timedelta(days=1, hours=3)
    await update_order(
        api,
        c.owner,
        order["id"],
        visitStart=later.isoformat(),
        visitEnd=(later + timedelta(hours=1)).isoformat(),
    )
    await rounds(c.company_pk, START - timedelta(hours=10))  # the new visit is 37 h away
    assert len(await outbound(order)) == 2
    await rounds(c.company_pk, later - timedelta(hours=3), at_once=5)
    rows = await outbound(order)
    assert len(rows) == 4
    russian = [r for r in rows[2:] if r.to == "romashka@example.test"]
    assert [r.locale for r in russian] == ["ru"]
    assert russian[0].text == (
        f"Напоминаем о визите по заказу №{order['number']} «Clean»: "  # noqa: RUF001
        "11 февраля 2031 г., 13:00\u201314:00, адрес: Romashka, street 1."  # noqa: RUF001
    )
    assert await told(api, c.members(), REMINDER, order["id"]) == {
        "client1": 2,
        "client2": 2,
        "contractor1": 2,
        "contractor2": 2,
    }


async def test_no_reminder_for_a_cancelled_order_a_started_visit_or_without_the_setting(
    api: Api,
) -> None:
    c = await reminder_company(api)
    cancelled = await visit_order(api, c, c.contractor.id, START)
    await move(api, c.owner, cancelled["id"], "CANCELLED")
    started = await visit_order(api, c, c.contractor.id, START + timedelta(days=3))
    await rounds(c.company_pk, START + timedelta(days=3, minutes=1))  # just begun
    assert await outbound(cancelled) == []
    assert await outbound(started) == []
    quiet = await cast(api)  # visitReminderHours not set
    order = await visit_order(api, quiet, quiet.contractor.id, START)
    await rounds(quiet.company_pk, START - timedelta(hours=1))
    assert await outbound(order) == []
    assert await told(api, quiet.members(), REMINDER) == {}


async def test_a_contractor_without_an_address_shows_why_it_heard_nothing(api: Api) -> None:
    c = await reminder_company(api)
    offline = decode_id(c.offline.id, "Contact")
    await Contact.filter(id=offline).update(notify_by=["EMAIL"])  # asked for, but none given
    order = await visit_order(api, c, c.offline.id, START)
    await rounds(c.company_pk, START - timedelta(hours=2))
    rows = await outbound(order)
    [missing] = [r for r in rows if r.contact_id == offline]
    assert missing.status == DeliveryStatus.FAILED
    assert missing.error is not None
    assert missing.error.startswith("no e-mail address")
    # Only the client's side heard in the app: the offline contractor has no portal members.
    assert await told(api, c.members(), REMINDER, order["id"]) == {"client1": 1, "client2": 1}
