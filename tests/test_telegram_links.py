"""Telegram deep links against the local Bot API (tests/support/telegram_people.py): who may
make one (the OWNER for a contact, any member for itself, never an API token), no link
without the company's bot, /start <token> tying the chat and answering in the person's
language without opening a conversation, then the next outbound message reaching that chat;
a token used twice, expired, made up or of another company's bot answered in words and tying
nothing; a plain /start still the inbox's."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from channels.outbound_delivery import deliver_outbound
from channels.telegram_outbound import install
from config.settings import Settings, configure
from models import Contact, DeliveryChannel, Membership, NotificationKind, TelegramLink
from permissions.tokens import hash_token
from resolvers.outbound import queue_for_contact
from resolvers.telegram_links import StartOutcome, tie_chat
from tests.support.api import Api, Session, register
from tests.support.api_tokens import issue
from tests.support.inbox import Inbox, build_inbox, conversations
from tests.support.outbound import pk
from tests.support.telegram import TOKEN
from tests.support.telegram_people import (
    CONFIGURE,
    LINK,
    SECRET_HEADER,
    PeopleBotApi,
    people_bot_api,
    start,
)

pytestmark = pytest.mark.asyncio

URL = re.compile(r"^https://t\.me/desk_bot\?start=([A-Za-z0-9_-]{1,64})$")
UPDATE_CONTACT = """mutation($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) { errors { code message } } }"""


@pytest.fixture
def telegram(app: Starlette) -> Iterator[PeopleBotApi]:
    settings: Settings = app.state.settings
    with people_bot_api() as server:
        configure(replace(settings, telegram_api_url=server.url))
        try:
            yield server
        finally:
            configure(settings)


async def connect(api: Api, owner: Session, server: PeopleBotApi) -> str:
    data = await api.ok(CONFIGURE, {"t": TOKEN}, owner.access)
    assert data["configureTelegram"]["errors"] == []
    secret: str = server.webhook()["secret_token"]
    assert "callback_query" in server.webhook()["allowed_updates"]
    return secret


async def link(api: Api, who: Session, contact: str | None = None) -> dict[str, Any]:
    data = await api.ok(LINK, {"c": contact}, who.access)
    payload: dict[str, Any] = data["createTelegramLink"]
    return payload


async def token_of(api: Api, who: Session, contact: str | None = None) -> str:
    payload = await link(api, who, contact)
    assert payload["errors"] == [], payload["errors"]
    found = URL.match(str(payload["url"]))
    assert found is not None, payload["url"]
    return found.group(1)


async def hook(api: Api, secret: str, update: dict[str, Any]) -> None:
    answer = await api.http.post("/telegram/webhook", json=update, headers={SECRET_HEADER: secret})
    assert answer.status_code == 200


async def test_a_contact_link_ties_the_chat_and_messages_follow(
    api: Api, telegram: PeopleBotApi
) -> None:
    inbox = await build_inbox(api)
    without = await link(api, inbox.owner, inbox.client.id)
    [error] = without["errors"]
    assert (without["url"], error["code"]) == (None, "CONFLICT")
    assert "Telegram bot" in error["message"]
    secret = await connect(api, inbox.owner, telegram)
    await api.ok(
        UPDATE_CONTACT, {"id": inbox.client.id, "input": {"locale": "ru"}}, inbox.owner.access
    )
    token = await token_of(api, inbox.owner, inbox.client.id)
    [row] = await TelegramLink.filter(contact_id=pk(inbox.client.id))
    assert row.token_hash == hash_token(token)
    assert token not in row.token_hash
    assert row.expires_at - datetime.now(UTC) > timedelta(days=6, hours=23)

    await hook(api, secret, start(555001, f"/start {token}", language="en"))
    contact = await Contact.get(id=pk(inbox.client.id))
    assert contact.telegram_chat_id == 555001
    [answer] = telegram.to_chat(555001)
    assert answer["text"] == "Готово: сообщения будут приходить сюда."  # the contact's locale
    assert await conversations(api, inbox.owner) == []  # not the inbox's

    await hook(api, secret, start(555002, f"/start {token}"))  # used twice: ties nothing
    assert (await Contact.get(id=contact.id)).telegram_chat_id == 555001
    [again] = telegram.to_chat(555002)
    assert again["text"] == "Эта ссылка уже использована. Попросите новую."

    contact.notify_by = [DeliveryChannel.TELEGRAM.value]
    await contact.save(update_fields=["notify_by"])
    install()
    [queued] = await queue_for_contact(
        contact.id,
        NotificationKind.ORDER_STATUS_CHANGED,
        None,
        lambda locale: (None, f"hi {locale}"),
    )
    assert (queued.channel, queued.to) == (DeliveryChannel.TELEGRAM, "555001")
    assert await deliver_outbound(companies=[inbox.company]) == 1
    assert [m["text"] for m in telegram.to_chat(555001)][-1] == "hi ru"
    await queued.refresh_from_db()
    assert (queued.status, queued.error) == ("SENT", None)


async def test_tokens_used_late_made_up_or_of_another_company_tie_nothing(
    api: Api, telegram: PeopleBotApi
) -> None:
    inbox = await build_inbox(api)
    secret = await connect(api, inbox.owner, telegram)
    expired = await token_of(api, inbox.owner, inbox.client.id)
    _ = await TelegramLink.filter(token_hash=hash_token(expired)).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    other = await register(api)
    await connect(api, other, telegram)
    foreign = await token_of(api, other)  # the other company's owner, for itself
    cases = {
        701: (f"/start {expired}", "This link has expired. Ask for a new one."),
        702: (f"/start {foreign}", "This link is not valid here. Ask for a new one."),
        703: ("/start made-up-token", "This link is not valid here. Ask for a new one."),
        704: (f"/start {'x' * 65}", "This link is not valid here. Ask for a new one."),
    }
    for chat, (text, _) in cases.items():
        await hook(api, secret, start(chat, text))
    for chat, (_, said) in cases.items():
        assert [m["text"] for m in telegram.to_chat(chat)] == [said], chat
    assert not await Contact.filter(telegram_chat_id__in=list(cases)).exists()
    assert not await Membership.filter(telegram_chat_id__in=list(cases)).exists()
    assert await TelegramLink.filter(token_hash=hash_token(foreign), used_at=None).exists()
    assert await conversations(api, inbox.owner) == []
    await hook(api, secret, start(705, "/start"))  # a plain /start: the inbox's, as before
    [conversation] = await conversations(api, inbox.owner)
    assert conversation["lastMessage"]["body"] == "/start"


async def test_who_may_make_a_link(api: Api, telegram: PeopleBotApi) -> None:
    inbox: Inbox = await build_inbox(api)
    secret = await connect(api, inbox.owner, telegram)
    other = await register(api)
    refused = {
        "staff for a contact": (inbox.staff, inbox.client.id, "FORBIDDEN"),
        "client member for its contact": (inbox.client_member, inbox.client.id, "FORBIDDEN"),
        "contractor member for the client": (inbox.contractor_member, inbox.client.id, "FORBIDDEN"),
        "another company's owner": (other, inbox.client.id, "NOT_FOUND"),
        "a malformed id": (inbox.owner, "nonsense", "NOT_FOUND"),
    }
    for case, (who, contact, code) in refused.items():
        payload = await link(api, who, contact)
        assert payload["url"] is None, case
        assert [e["code"] for e in payload["errors"]] == [code], case
    assert await TelegramLink.filter(company_id=inbox.company).count() == 0
    token = await issue(api, inbox.owner)
    body = await api.post(LINK, {"c": None}, token.token)
    assert body.get("errors")
    assert not (body.get("data") or {}).get("createTelegramLink")

    for chat, who in (
        (801, inbox.client_member),
        (802, inbox.staff),
        (803, inbox.contractor_member),
    ):
        mine = await token_of(api, who)  # any member, its own chat
        await hook(api, secret, start(chat, f"/start {mine}"))
        member = await Membership.get(id=pk(who.member_id))
        assert member.telegram_chat_id == chat
        assert [m["text"] for m in telegram.to_chat(chat)] == ["Done: you will get messages here."]
    assert (await Contact.get(id=pk(inbox.client.id))).telegram_chat_id is None


async def test_one_token_pressed_twice_at_once_ties_once(api: Api, telegram: PeopleBotApi) -> None:
    inbox = await build_inbox(api)
    await connect(api, inbox.owner, telegram)
    token = await token_of(api, inbox.owner, inbox.client.id)
    answers = await asyncio.gather(
        *(tie_chat(inbox.company, chat, token, "en") for chat in (901, 902, 903))
    )
    assert sorted(a.outcome for a in answers) == [
        StartOutcome.LINKED,
        StartOutcome.USED,
        StartOutcome.USED,
    ]
    [linked] = [
        chat
        for chat, a in zip((901, 902, 903), answers, strict=True)
        if a.outcome == StartOutcome.LINKED
    ]
    assert (await Contact.get(id=pk(inbox.client.id))).telegram_chat_id == linked
