"""The TELEGRAM sender of the outbound queue against the local Bot API: a finished order's
rating request reaching the client's tied chat with buttons 1..5, a button pressed there
rating the order once (as rateOrder would), pressed in another chat, with forged data or a
second time refused in words with nothing changed; a blocked bot FAILED with the reason, a
429 waited out, a chat tied since to someone else not written to."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from channels.outbound_delivery import deliver_outbound
from channels.telegram_outbound import install
from channels.telegram_people import rating_keyboard
from config.settings import Settings, configure
from models import Contact, DeliveryChannel, NotificationKind, OutboundMessage
from resolvers.outbound import queue_for_contact
from resolvers.telegram_links import RateOutcome, rate_from_chat
from tests.support.api import Api, Session, count_statements
from tests.support.inbox import Inbox, build_inbox
from tests.support.outbound import pk
from tests.support.telegram import TOKEN
from tests.support.telegram_people import (
    CONFIGURE,
    LINK,
    SECRET_HEADER,
    PeopleBotApi,
    people_bot_api,
    pressed,
    start,
)
from tests.support.world import create_order, move

pytestmark = pytest.mark.asyncio

CHAT = 660001
RATING = """query($id: ID!) { node(id: $id) { ... on Order { rating status } } }"""
REFUSED = "This rating cannot be taken here."


@pytest.fixture
def telegram(app: Starlette) -> Iterator[PeopleBotApi]:
    settings: Settings = app.state.settings
    with people_bot_api() as server:
        configure(replace(settings, telegram_api_url=server.url))
        install()
        try:
            yield server
        finally:
            configure(settings)


async def tied(api: Api, inbox: Inbox, server: PeopleBotApi, chat: int = CHAT) -> str:
    """The bot connected and the client contact's chat tied, the contact on Telegram only."""
    data = await api.ok(CONFIGURE, {"t": TOKEN}, inbox.owner.access)
    assert data["configureTelegram"]["errors"] == []
    secret: str = server.webhook()["secret_token"]
    made = await api.ok(LINK, {"c": inbox.client.id}, inbox.owner.access)
    token = made["createTelegramLink"]["url"].rsplit("=", 1)[1]
    await hook(api, secret, start(chat, f"/start {token}"))
    _ = await Contact.filter(id=pk(inbox.client.id)).update(
        notify_by=[DeliveryChannel.TELEGRAM.value]
    )
    return secret


async def hook(api: Api, secret: str, update: dict[str, Any]) -> None:
    answer = await api.http.post("/telegram/webhook", json=update, headers={SECRET_HEADER: secret})
    assert answer.status_code == 200


async def deliver_all(company: int) -> None:
    """Rounds until nothing of the company is PENDING and due (one a second per chat)."""
    for _ in range(10):
        await deliver_outbound(companies=[company])
        if not await OutboundMessage.filter(company_id=company, status="PENDING").exists():
            return


async def rating(api: Api, who: Session, order_id: str) -> Any:
    data = await api.ok(RATING, {"id": order_id}, who.access)
    return data["node"]["rating"]


def last_answer(server: PeopleBotApi) -> str:
    text: str = server.answers("answerCallbackQuery")[-1]["text"]
    return text


async def test_rating_buttons_rate_the_order_once_from_its_clients_chat(
    api: Api, telegram: PeopleBotApi
) -> None:
    inbox = await build_inbox(api)
    secret = await tied(api, inbox, telegram)
    order = await create_order(
        api,
        inbox.owner,
        clientId=inbox.client.id,
        addressId=inbox.client.address_ids[0],
        contractorId=inbox.contractor.id,
    )
    await move(api, inbox.owner, order["id"], "IN_PROGRESS")
    await move(api, inbox.owner, order["id"], "DONE")
    await deliver_all(inbox.company)
    [request] = await OutboundMessage.filter(
        order_id=pk(order["id"]), kind=NotificationKind.RATING_REQUESTED, channel="TELEGRAM"
    )
    assert (request.status, request.to) == ("SENT", str(CHAT))
    [sent] = [m for m in telegram.to_chat(CHAT) if "reply_markup" in m]
    assert sent["text"] == request.text
    [buttons] = sent["reply_markup"]["inline_keyboard"]
    assert [b["text"][0] for b in buttons] == ["1", "2", "3", "4", "5"]
    data = [b["callback_data"] for b in buttons]
    assert all(len(d.encode()) <= 64 for d in data)

    forged = data[3].rsplit(":", 1)[0] + ":" + "A" * 22
    other_order = data[3].replace(f"rate:{pk(order['id'])}:", f"rate:{pk(order['id']) + 1}:")
    for chat, button in ((CHAT + 1, data[3]), (CHAT, forged), (CHAT, other_order), (CHAT, "x")):
        await hook(api, secret, pressed(chat, button))
        assert last_answer(telegram) == REFUSED
    assert await rating(api, inbox.owner, order["id"]) is None
    assert telegram.answers("editMessageReplyMarkup") == []

    await hook(api, secret, pressed(CHAT, data[3], message_id=77))
    assert last_answer(telegram) == "Thanks for your rating!"
    [edit] = telegram.answers("editMessageReplyMarkup")
    assert edit == {"chat_id": CHAT, "message_id": 77, "reply_markup": {"inline_keyboard": []}}
    assert await rating(api, inbox.owner, order["id"]) == 4
    assert await rating(api, inbox.client_member, order["id"]) == 4

    await hook(api, secret, pressed(CHAT, data[4], message_id=77, language="ru"))
    # The contact keeps no language: its Telegram app's, before the company's.
    assert last_answer(telegram) == "Этот заказ уже оценён."
    assert await rating(api, inbox.owner, order["id"]) == 4


async def test_a_portal_members_chat_rates_and_a_contractors_does_not(
    api: Api, telegram: PeopleBotApi
) -> None:
    inbox = await build_inbox(api)
    secret = await tied(api, inbox, telegram)
    order = await create_order(
        api,
        inbox.owner,
        clientId=inbox.client.id,
        addressId=inbox.client.address_ids[0],
        contractorId=inbox.contractor.id,
    )
    for who, chat in ((inbox.contractor_member, 661002), (inbox.client_member, 661001)):
        made = await api.ok(LINK, {"c": None}, who.access)
        token = made["createTelegramLink"]["url"].rsplit("=", 1)[1]
        await hook(api, secret, start(chat, f"/start {token}"))
    order_pk = pk(order["id"])

    def button(chat: int, stars: int) -> str:
        data: str = rating_keyboard(inbox.company, order_pk, chat)["inline_keyboard"][0][stars - 1][
            "callback_data"
        ]
        return data

    await hook(api, secret, pressed(661001, button(661001, 5)))  # not DONE yet
    assert last_answer(telegram) == REFUSED
    await move(api, inbox.owner, order["id"], "IN_PROGRESS")
    await move(api, inbox.owner, order["id"], "DONE")
    await hook(api, secret, pressed(661002, button(661002, 1)))  # the contractor's member
    assert last_answer(telegram) == REFUSED
    assert await rating(api, inbox.owner, order["id"]) is None
    both = await asyncio.gather(  # two presses at once (two processes): one rating
        rate_from_chat(inbox.company, order_pk, 661001, 5),
        rate_from_chat(inbox.company, order_pk, 661001, 2),
    )
    assert sorted(both) == [RateOutcome.ALREADY, RateOutcome.RATED]
    assert await rating(api, inbox.owner, order["id"]) == (5 if both[0] == RateOutcome.RATED else 2)


async def test_blocked_throttled_and_retied_chats(api: Api, telegram: PeopleBotApi) -> None:
    inbox = await build_inbox(api)
    await tied(api, inbox, telegram)
    contact = pk(inbox.client.id)

    async def queue(text: str) -> OutboundMessage:
        [row] = await queue_for_contact(
            contact, NotificationKind.ORDER_STATUS_CHANGED, None, lambda _: (None, text)
        )
        return row

    telegram.too_many, telegram.retry_after = 1, 3
    slow = await queue("after a 429")
    assert await deliver_outbound(companies=[inbox.company]) == 0
    await slow.refresh_from_db()
    assert slow.status == "PENDING"
    assert slow.next_attempt_at is not None
    assert slow.next_attempt_at - datetime.now(UTC) > timedelta(seconds=1)
    later = datetime.now(UTC) + timedelta(seconds=5)
    with count_statements() as counted:
        assert await deliver_outbound(later, companies=[inbox.company]) == 1
    # The queue's round (6) and the sender's two: is the chat still tied, the bot.
    assert len(counted.statements) == 8, counted.statements
    await slow.refresh_from_db()
    assert slow.status == "SENT"

    telegram.blocked.add(CHAT)
    blocked = await queue("never arrives")
    await deliver_outbound(companies=[inbox.company])
    await blocked.refresh_from_db()
    assert (blocked.status, blocked.error) == ("FAILED", "the person blocked the bot")
    telegram.blocked.clear()

    stale = await queue("for the old chat")
    _ = await Contact.filter(id=contact).update(telegram_chat_id=CHAT + 50)  # tied anew
    await deliver_outbound(companies=[inbox.company])
    await stale.refresh_from_db()
    assert stale.status == "FAILED"
    assert "not linked any more" in str(stale.error)
    assert [m["text"] for m in telegram.to_chat(CHAT)] == [
        "Done: you will get messages here.",
        "after a 429",  # answered 429
        "after a 429",
    ]
    assert telegram.to_chat(CHAT + 50) == []
