"""A reply on a channel the company has not connected (the demo's e-mail, a bot not set up
yet) waits in the delivery queue: PENDING, with what the owner must do as its deliveryError,
one WARNING in the log and no ERROR, however long it waits; and it goes out once the channel
is connected."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from channels import delivery
from channels.base import NOT_CONNECTED_RECHECK_SECONDS
from config.settings import Settings, configure
from models import Channel
from tests.support.api import Api
from tests.support.inbox import NODE, REPLY, Inbox, arrive, build_inbox, gid
from tests.support.telegram import TOKEN, BotApi, bot_api

pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def _logger_enabled() -> None:
    """A `logging.config.dictConfig` earlier in the session (import-linter's, run by
    tests/test_layers.py) disables every logger that existed then; these tests read its lines."""
    logging.getLogger("servicedesk.delivery").disabled = False


CONFIGURE = """mutation($t: String!) { configureTelegram(input: {botToken: $t}) {
  settings { telegramBotName } errors { field code message } } }"""


@pytest.fixture
def telegram(app: Starlette) -> Iterator[BotApi]:
    settings: Settings = app.state.settings
    with bot_api() as server:
        configure(replace(settings, telegram_api_url=server.url))
        try:
            yield server
        finally:
            configure(settings)


async def reply_waits(
    api: Api, inbox: Inbox, channel: Channel, key: str, caplog: pytest.LogCaptureFixture
) -> tuple[str, dict[str, Any], datetime]:
    """A client writes on `channel`, staff answer, and the queue runs more rounds than a
    failing reply has attempts; the conversation id, the reply as the inbox shows it, and the
    clock after the rounds."""
    arrived = await arrive(inbox.company, "Can you come on Tuesday?", key=key, channel=channel)
    conversation = gid("Conversation", arrived.conversation.id)
    answer = await api.ok(REPLY, {"c": conversation, "b": "Tuesday at 9."}, inbox.staff.access)
    assert answer["replyToConversation"]["message"]["deliveryStatus"] == "PENDING"
    caplog.set_level(logging.INFO)
    caplog.clear()
    now = datetime.now(UTC)
    for _ in range(delivery.MAX_ATTEMPTS + 2):
        assert await delivery.deliver_pending(now, companies=[inbox.company]) == 0
        now += timedelta(seconds=NOT_CONNECTED_RECHECK_SECONDS + 1)
    node = (await api.ok(NODE, {"id": conversation}, inbox.owner.access))["node"]
    reply = node["messages"]["edges"][-1]["node"]
    return conversation, reply, now


def waiting_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("servicedesk.delivery")]


async def test_an_email_reply_waits_while_email_is_not_connected(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = await build_inbox(api)
    _, reply, _ = await reply_waits(api, inbox, Channel.EMAIL, "dina@client.test", caplog)
    assert reply["body"] == "Tuesday at 9."
    assert reply["deliveryStatus"] == "PENDING"
    assert "configureEmail" in reply["deliveryError"]
    [line] = waiting_lines(caplog)
    assert line.levelno == logging.WARNING
    assert "configureEmail" in line.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_telegram_reply_waits_for_the_bot_and_goes_out_once_it_is_connected(
    api: Api, telegram: BotApi, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = await build_inbox(api)
    conversation, reply, now = await reply_waits(api, inbox, Channel.TELEGRAM, "777042", caplog)
    assert reply["deliveryStatus"] == "PENDING"
    assert "configureTelegram" in reply["deliveryError"]
    [line] = waiting_lines(caplog)
    assert line.levelno == logging.WARNING
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert telegram.sent() == []

    connected = await api.ok(CONFIGURE, {"t": TOKEN}, inbox.owner.access)
    assert connected["configureTelegram"]["errors"] == []
    assert await delivery.deliver_pending(now, companies=[inbox.company]) == 1
    assert telegram.sent() == [{"chat_id": "777042", "text": "Tuesday at 9."}]
    node = (await api.ok(NODE, {"id": conversation}, inbox.owner.access))["node"]
    sent = node["messages"]["edges"][-1]["node"]
    assert (sent["deliveryStatus"], sent["deliveryError"]) == ("SENT", None)
