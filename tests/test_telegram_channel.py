"""Telegram end to end against a local Bot API server (tests/support/telegram.py): the bot
connected with getMe and setWebhook, the webhook refusing a missing or wrong secret, one
message for an update sent twice, a photo kept, a reply delivered with sendMessage to the
right chat, a 429 retried after its retry_after, and the token never shown or logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from channels import delivery
from config.settings import Settings, configure
from models import ChannelConfig, Message, MessageAttachment
from tests.support.api import Api
from tests.support.inbox import NODE, REPLY, Inbox, build_inbox, conversations
from tests.support.telegram import PHOTO, TOKEN, BotApi, bot_api

pytestmark = pytest.mark.asyncio

CONFIGURE = """mutation($t: String!) { configureTelegram(input: {botToken: $t}) {
  settings { telegramBotName } errors { field code message } } }"""
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
def telegram(app: Starlette) -> Iterator[BotApi]:
    """The local Bot API, and the process's settings pointing TELEGRAM_API_URL at it."""
    settings: Settings = app.state.settings
    with bot_api() as server:
        configure(replace(settings, telegram_api_url=server.url))
        try:
            yield server
        finally:
            configure(settings)


def update(update_id: int, chat: int, text: str | None = None, **more: Any) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": update_id + 1000,
        "date": 1_700_000_000,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "Dina", "username": "dina_k"},
        **more,
    }
    if text is not None:
        message["text"] = text
    return {"update_id": update_id, "message": message}


async def connect(api: Api, inbox: Inbox, telegram: BotApi) -> str:
    connected = await api.ok(CONFIGURE, {"t": TOKEN}, inbox.owner.access)
    assert connected["configureTelegram"] == {
        "settings": {"telegramBotName": "desk_bot"},
        "errors": [],
    }
    hook = telegram.webhook()
    assert hook["url"] == "https://desk.example.test/telegram/webhook"
    secret: str = hook["secret_token"]
    return secret


async def test_connecting_the_bot_checks_the_token(api: Api, telegram: BotApi) -> None:
    inbox = await build_inbox(api)
    for token in ("not a token", "987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"):
        refused = await api.ok(CONFIGURE, {"t": token}, inbox.owner.access)
        [error] = refused["configureTelegram"]["errors"]
        assert (error["code"], error["field"]) == ("INVALID", ["input", "botToken"])
    staff = await api.ok(CONFIGURE, {"t": TOKEN}, inbox.staff.access)
    assert staff["configureTelegram"]["errors"][0]["code"] == "FORBIDDEN"
    assert telegram.calls == []  # nothing reached the bot of the right token


async def test_telegram_end_to_end(
    api: Api, telegram: BotApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    inbox = await build_inbox(api)
    await api.ok(
        'mutation($id: ID!) { updateContact(id: $id, input: {telegram: "@Dina_K"}) '
        "{ errors { code } } }",
        {"id": inbox.client.id},
        inbox.owner.access,
    )
    secret = await connect(api, inbox, telegram)
    stored = await ChannelConfig.get(company_id=inbox.company)
    assert stored.telegram_token is not None
    assert TOKEN not in stored.telegram_token
    assert secret not in str(stored.telegram_secret_hash)

    first = update(5001, chat=777001, text="Hello, my window is broken")
    missing = await api.http.post("/telegram/webhook", json=first)
    wrong = await api.http.post("/telegram/webhook", json=first, headers={SECRET_HEADER: "nope"})
    assert (missing.status_code, wrong.status_code) == (401, 401)
    assert await conversations(api, inbox.owner) == []
    for _ in range(2):  # Telegram sends an update again when unsure: one message
        accepted = await api.http.post(
            "/telegram/webhook", json=first, headers={SECRET_HEADER: secret}
        )
        assert accepted.status_code == 200
    [conversation] = await conversations(api, inbox.owner, {"channel": "TELEGRAM"})
    assert conversation["externalName"] == "@dina_k"
    assert conversation["contact"] == {"id": inbox.client.id, "name": "Client Dina"}
    assert conversation["messages"]["totalCount"] == 1
    photo = update(
        5002,
        chat=777001,
        caption="Here it is",
        photo=[
            {"file_id": "small", "width": 90, "height": 90, "file_size": 100},
            {"file_id": "big", "width": 800, "height": 600, "file_size": 9000},
        ],
    )
    accepted = await api.http.post("/telegram/webhook", json=photo, headers={SECRET_HEADER: secret})
    assert accepted.status_code == 200
    [conversation] = await conversations(api, inbox.owner, {"channel": "TELEGRAM"})
    assert conversation["lastMessage"]["body"] == "Here it is"
    [attachment] = await MessageAttachment.filter(company_id=inbox.company)
    assert attachment.size == len(PHOTO)
    assert ("getFile", {"file_id": "big"}) in telegram.calls

    reply = await api.ok(
        REPLY, {"c": conversation["id"], "b": "We come tomorrow"}, inbox.staff.access
    )
    assert reply["replyToConversation"]["errors"] == []
    assert await delivery.deliver_pending(companies=[inbox.company]) == 1
    assert telegram.sent() == [{"chat_id": "777001", "text": "We come tomorrow"}]

    # Too many requests: the Bot API's retry_after is waited out, the attempt not counted.
    telegram.too_many = 1
    await api.ok(REPLY, {"c": conversation["id"], "b": "At 10"}, inbox.staff.access)
    assert await delivery.deliver_pending(companies=[inbox.company]) == 0
    node = (await api.ok(NODE, {"id": conversation["id"]}, inbox.owner.access))["node"]
    waiting = node["messages"]["edges"][-1]["node"]
    assert waiting["deliveryStatus"] == "PENDING"
    assert "Too Many Requests" in waiting["deliveryError"]
    row = await Message.filter(company_id=inbox.company).order_by("-id").first()
    assert row is not None
    assert row.attempts == 0
    assert row.next_attempt_at is not None
    assert timedelta(0) < row.next_attempt_at - datetime.now(UTC) <= timedelta(seconds=1)
    soon = datetime.now(UTC) + timedelta(milliseconds=500)
    assert await delivery.deliver_pending(soon, companies=[inbox.company]) == 0  # not yet
    later = datetime.now(UTC) + timedelta(seconds=2)
    assert await delivery.deliver_pending(later, companies=[inbox.company]) == 1
    assert [s["text"] for s in telegram.sent()] == ["We come tomorrow", "At 10", "At 10"]
    node = (await api.ok(NODE, {"id": conversation["id"]}, inbox.owner.access))["node"]
    assert node["messages"]["edges"][-1]["node"]["deliveryStatus"] == "SENT"

    logged = caplog.text
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged
    assert secret not in logged
