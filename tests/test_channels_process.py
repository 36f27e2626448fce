"""Both channels in a real API process (uvicorn, the embedded default: SQLite, in-memory
broadcast), configured only by settings: INBOUND_SMTP_PORT starts the service's SMTP listener,
TELEGRAM_API_URL points the bot at a local Bot API, and the background delivery queue sends
the replies by itself (no test-driven rounds): mail in over SMTP, Telegram in over the
webhook, both answered from the inbox and delivered where they came from."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib
import httpx
import pytest
from starlette.applications import Starlette

from tests.conftest import TEST_SECRET
from tests.support.api import Api, register, unique
from tests.support.email_channel import CONFIRM, code_in
from tests.support.inbox import REPLY, conversations
from tests.support.processes import api_server, free_port, serve_command
from tests.support.telegram import TOKEN, bot_api
from tests.test_mail_sender import Recorder, smtp_server

pytestmark = pytest.mark.asyncio

CONFIGURE_EMAIL = """mutation($input: EmailSettingsInput!) {
  configureEmail(input: $input) { errors { field code message } } }"""
CONFIGURE_TELEGRAM = """mutation($t: String!) {
  configureTelegram(input: {botToken: $t}) { settings { telegramBotName } errors { code } } }"""


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 15) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("did not happen in time")
        await asyncio.sleep(0.1)


async def test_mail_and_telegram_through_a_real_process(tmp_path: Path) -> None:
    smtp_port = free_port()
    outgoing = Recorder()
    mailbox = Recorder()  # the service's SMTP_URL: the address's confirmation code goes there
    async with smtp_server(mailbox) as relay:
        await _mail_and_telegram(tmp_path, smtp_port, outgoing, mailbox, relay)


async def _mail_and_telegram(
    tmp_path: Path, smtp_port: int, outgoing: Recorder, mailbox: Recorder, relay: str
) -> None:
    with bot_api() as telegram:
        env = {
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite://{tmp_path / 'db.sqlite3'}",
            "SECRET_KEY": TEST_SECRET,
            "ARGON2_MEMORY_KIB": "64",
            "ARGON2_LANES": "1",
            "PUBLIC_URL": "http://desk.test",
            "INBOUND_SMTP_PORT": str(smtp_port),
            "TELEGRAM_API_URL": telegram.url,
            "DELIVERY_POLL_SECONDS": "1",
            "SMTP_URL": f"smtp://{relay}",
            "ALLOW_PRIVATE_HOSTS": "1",  # the servers of this test listen on loopback
        }
        async with smtp_server(outgoing) as server:
            host, port = server.split(":")
            # `servicedesk serve` migrates the database itself.
            with api_server(env, tmp_path / "api.log", serve_command) as running:
                url = running.url
                async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                    api = Api(http)
                    owner = await register(api)
                    desk = f"{unique('desk')}@company.test"
                    configured = await api.ok(
                        CONFIGURE_EMAIL,
                        {"input": {"address": desk, "smtpHost": host, "smtpPort": int(port)}},
                        owner.access,
                    )
                    assert configured["configureEmail"]["errors"] == []

                    async def code_mailed() -> bool:
                        return bool(mailbox.messages)

                    await eventually(code_mailed)
                    code = code_in(mailbox.messages[0].get_content())
                    confirmed = await api.ok(CONFIRM, {"code": code}, owner.access)
                    assert confirmed["confirmEmailAddress"]["errors"] == []
                    connected = await api.ok(CONFIGURE_TELEGRAM, {"t": TOKEN}, owner.access)
                    assert connected["configureTelegram"]["errors"] == []
                    secret = telegram.webhook()["secret_token"]
                    assert telegram.webhook()["url"] == "http://desk.test/telegram/webhook"

                    message = EmailMessage()
                    message["From"] = "Ann <ann@client.test>"
                    message["To"] = desk
                    message["Subject"] = "Broken heater"
                    message["Message-ID"] = "<heater-1@client.test>"
                    message.set_content("The heater is broken.")
                    _ = await aiosmtplib.send(message, hostname="127.0.0.1", port=smtp_port)
                    update = {
                        "update_id": 1,
                        "message": {
                            "message_id": 7,
                            "chat": {"id": 4242, "type": "private"},
                            "from": {"id": 4242, "is_bot": False, "first_name": "Ivan"},
                            "text": "Is anyone there?",
                        },
                    }
                    hook = await http.post(
                        "/telegram/webhook",
                        json=update,
                        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
                    )
                    assert hook.status_code == 200

                    async def both_arrived() -> bool:
                        return len(await conversations(api, owner)) == 2

                    await eventually(both_arrived)
                    for conversation in await conversations(api, owner):
                        answered = await api.ok(
                            REPLY,
                            {"c": conversation["id"], "b": f"Answer on {conversation['channel']}"},
                            owner.access,
                        )
                        assert answered["replyToConversation"]["errors"] == []

                    async def both_delivered() -> bool:
                        return bool(outgoing.messages) and bool(telegram.sent())

                    await eventually(both_delivered)
                    [mail] = outgoing.messages
                    assert (mail["To"], mail["In-Reply-To"]) == (
                        "ann@client.test",
                        "<heater-1@client.test>",
                    )
                    assert telegram.sent() == [{"chat_id": "4242", "text": "Answer on TELEGRAM"}]

                    async def shown_sent() -> bool:
                        rows = await conversations(api, owner)
                        return all(c["lastMessage"]["deliveryStatus"] == "SENT" for c in rows)

                    await eventually(shown_sent)
    logged = (tmp_path / "api.log").read_text()
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged


async def test_channel_work_starts_only_when_configured(app: Starlette) -> None:
    """The test app sets neither INBOUND_SMTP_PORT nor delivery or IMAP polling."""
    running = {task.get_name() for task in asyncio.all_tasks()}
    assert "background:outbox-relay" in running
    for name in ("inbound-smtp", "channel-delivery", "telegram-updates", "imap-poll"):
        assert f"background:{name}" not in running
