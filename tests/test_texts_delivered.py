# ruff: noqa: RUF001 (Russian text)
"""What people read, in their language: a company set to Russian and Moscow time hears its
notifications, their e-mail copies, invitations, address codes and reset links in Russian with
Moscow times; a member's own language, then its contact card's, comes before the company's."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette

from models import Contact, Membership, OutboxEmail
from resolvers.deadline_watch import watch_once
from resolvers.passwords import links_written
from schema.ids import parse_global_id
from tests.support.api import Api, Session
from tests.support.email_channel import CONFIGURE, code_in
from tests.support.notifications import Cast, cast, inbox
from tests.support.passwords import api_at, request_reset
from tests.support.tasks import new_task
from tests.support.world import ASSIGN, create_order

pytestmark = pytest.mark.asyncio

UPDATE_COMPANY = """mutation($input: CompanySettingsInput!) {
  updateCompany(input: $input) { company { name } errors { field code message } } }"""
INVITE = """mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { token errors { field code message } } }"""
LINK = "https://desk.example.test"
YEAR = datetime.now(UTC).year + 1
# 07:00 UTC on 15 January is 10:00 in Moscow (UTC+3 all year).
DEADLINE = datetime(YEAR, 1, 15, 7, 0, tzinfo=UTC).isoformat()
RU_DUE = f"15 января {YEAR} г., 10:00"
EN_DUE = f"15 January {YEAR}, 10:00"


def pk(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return int(parsed[1])


async def in_russian(api: Api, owner: Session) -> str:
    """The owner's company set to Russian and Moscow time; its name."""
    data = await api.ok(
        UPDATE_COMPANY, {"input": {"locale": "ru", "timezone": "Europe/Moscow"}}, owner.access
    )
    assert data["updateCompany"]["errors"] == [], data["updateCompany"]["errors"]
    name: str = data["updateCompany"]["company"]["name"]
    return name


async def russian_cast(api: Api) -> Cast:
    c = await cast(api)
    await in_russian(api, c.owner)
    return c


async def test_notifications_and_their_mails_read_russian_at_moscow_time(api: Api) -> None:
    c = await russian_cast(api)
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        deadline=DEADLINE,
    )
    number = order["number"]
    [note] = await inbox(api, c.staff)
    assert note["text"] == f"Новый заказ №{number} «Clean», срок: {RU_DUE}"
    data = await api.ok(ASSIGN, {"id": order["id"], "c": c.contractor.id}, c.head.access)
    assert data["assignOrder"]["errors"] == []
    assigned = f"Вам назначен заказ №{number} «Clean», срок: {RU_DUE}"
    for member in c.contractor.members:
        assert (await inbox(api, member))[0]["text"] == assigned
        [mail] = await OutboxEmail.filter(to=member.email, subject=assigned)
        assert mail.body == f"{assigned}\n\nОткрыть сервис: {LINK}\n"
    # Nothing English, nothing in UTC reached them.
    assert not await OutboxEmail.filter(to=c.contractor.members[0].email, subject__contains="Order")
    assert "UTC" not in assigned


async def test_a_members_own_language_then_its_contacts_come_first(api: Api) -> None:
    c = await russian_cast(api)
    await Membership.filter(id=pk(c.head.member_id)).update(locale="en")
    await Contact.filter(id=pk(c.contractor.id)).update(locale="en")
    await Membership.filter(id=pk(c.contractor.members[1].member_id)).update(locale="ru")
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=c.contractor.id,
        deadline=DEADLINE,
    )
    number = order["number"]
    # The head chose English; the staff member keeps the company's Russian. Both in Moscow time.
    assert (await inbox(api, c.head))[0]["text"] == f'New order #{number} "Clean", due {EN_DUE}'
    assert (await inbox(api, c.staff))[0]["text"].startswith(f"Новый заказ №{number}")
    # The contractor's card says English; its second member chose Russian for itself.
    first, second = c.contractor.members
    english = f'Order #{number} "Clean" is assigned to you, due {EN_DUE}'
    assert (await inbox(api, first))[0]["text"] == english
    [mail] = await OutboxEmail.filter(to=first.email, subject=english)
    assert mail.body.endswith(f"Open the service desk: {LINK}\n")
    assert (await inbox(api, second))[0]["text"].startswith(f"Вам назначен заказ №{number}")


async def test_tasks_read_russian(api: Api) -> None:
    c = await russian_cast(api)
    await new_task(
        api, c.owner, title="Инвентаризация", assigneeId=c.staff.member_id, deadline=DEADLINE
    )
    [note] = await inbox(api, c.staff)
    assert note["text"] == f"Новая задача «Инвентаризация», срок: {RU_DUE}"


async def test_the_deadline_watch_speaks_russian_at_moscow_time(api: Api) -> None:
    c = await russian_cast(api)
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
        contractorId=c.contractor.id,
        deadline=DEADLINE,
    )
    await new_task(api, c.head, title="Аренда", assigneeId=c.staff.member_id, deadline=DEADLINE)
    due = datetime.fromisoformat(DEADLINE)
    number, first = order["number"], c.contractor.members[0]
    _ = await watch_once(due - timedelta(hours=1), timedelta(hours=2), 100, [c.company_pk])
    soon = f"Скоро срок заказа №{number} «Clean»: {RU_DUE}"
    assert (await inbox(api, first))[0]["text"] == soon
    assert await OutboxEmail.filter(to=first.email, subject=soon).count() == 1
    _ = await watch_once(due + timedelta(minutes=1), timedelta(hours=2), 100, [c.company_pk])
    overdue = f"Заказ №{number} «Clean» просрочен: срок был {RU_DUE}"
    assert (await inbox(api, first))[0]["text"] == overdue
    late = f"Задача «Аренда» просрочена: срок был {RU_DUE}"
    [mail] = await OutboxEmail.filter(to=c.staff.email, subject=late)
    assert mail.body == f"{late}\n\nОткрыть сервис: {LINK}\n"


async def test_an_invitation_from_a_russian_company_is_in_russian(api: Api) -> None:
    c = await russian_cast(api)
    name = await in_russian(api, c.owner)
    email = f"new.{pk(c.owner.member_id)}@example.test"
    data = await api.ok(INVITE, {"input": {"email": email}}, c.owner.access)
    assert data["inviteMember"]["errors"] == []
    [mail] = await OutboxEmail.filter(to=email)
    assert mail.subject == f"Приглашение в {name}"
    assert mail.body.startswith(f"Вас пригласили присоединиться к {name}.\n\n")
    # The link's end in Moscow time, as "до <day> <month> <year> g., HH:MM".
    assert re.search(r"до \d{1,2} [а-я]+ \d{4} г\., \d\d:\d\d\):\n", mail.body), mail.body
    assert data["inviteMember"]["token"] in mail.body


async def test_an_address_code_mail_is_in_the_companys_language(api: Api) -> None:
    c = await russian_cast(api)
    name = await in_russian(api, c.owner)
    address = f"desk.{pk(c.owner.member_id)}@example.test"
    data = await api.ok(CONFIGURE, {"input": {"address": address}}, c.owner.access)
    assert data["configureEmail"]["errors"] == []
    [mail] = await OutboxEmail.filter(to=address)
    assert mail.subject == f"Подтвердите адрес {address} для {name}"
    assert code_in(mail.body) in mail.body
    assert re.search(r"Код действует до \d{1,2} [а-я]+ \d{4} г\., \d\d:\d\d\.", mail.body)


async def test_a_reset_link_is_in_the_language_of_the_login(app: Starlette, api: Api) -> None:
    c = await russian_cast(api)
    async with api_at(app) as elsewhere:
        assert await request_reset(elsewhere, c.staff.email)
    await links_written()
    [mail] = await OutboxEmail.filter(to=c.staff.email, subject="Сброс пароля")
    assert "откройте эту ссылку в течение 60 мин." in mail.body
    assert f"{LINK}/reset/" in mail.body
