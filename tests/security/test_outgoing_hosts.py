"""SSRF: hosts that users configure (a company's SMTP and IMAP servers, the
Bot API) are refused when they resolve to loopback, private, link-local, CGNAT or metadata
addresses unless ALLOW_PRIVATE_HOSTS=1 (the tests' default: their servers are on loopback),
checked again at every connection, and a failed delivery never tells an open port from a
closed one."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.applications import Starlette

from channels import delivery
from channels.imap_poll import poll_company
from config.settings import SettingsError, load
from models import Channel, ChannelConfig, Message
from tests.support.api import Api, register, unique
from tests.support.email_channel import CONFIGURE, connect_email, settings_changed
from tests.support.imap import Mailbox, imap_server
from tests.support.inbox import NODE, REPLY, arrive, build_inbox, gid
from tests.support.processes import free_port
from tests.support.telegram import TOKEN, bot_api
from tests.test_mail_sender import AUTH_WARNING, SECRET, Logins, Recorder, smtp_server

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings(AUTH_WARNING)]

PRIVATE_HOSTS = [
    "127.0.0.1",
    "localhost",
    "10.1.2.3",
    "172.16.5.4",
    "192.168.0.10",
    "169.254.169.254",
    "100.64.0.7",
    "0.0.0.0",
    "::1",
    "[::1]",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "64:ff9b::a9fe:a9fe",
]
SETTINGS = "{ channelSettings { smtpHost imapHost } }"
TELEGRAM = """mutation($t: String!) { configureTelegram(input: {botToken: $t}) {
  settings { telegramBotName } errors { field code message } } }"""
NOT_ALLOWED = "the mail server's address is not allowed (a private or local network)"
NO_CONNECTION = "could not connect to the mail server"


async def test_private_hosts_are_refused_when_configured(api: Api) -> None:
    owner = await register(api)
    with settings_changed(allow_private_hosts=False):
        for host in PRIVATE_HOSTS:
            for kind in ("smtp", "imap"):
                servers = {f"{kind}Host": host, f"{kind}Username": "desk", f"{kind}Password": "pw"}
                address = f"{unique('desk')}@company.test"
                data = await api.ok(
                    CONFIGURE, {"input": {"address": address, **servers}}, owner.access
                )
                [error] = data["configureEmail"]["errors"]
                assert (error["code"], error["field"]) == ("INVALID", ["input", f"{kind}Host"]), (
                    host
                )
                assert "not allowed" in error["message"]
    shown = await api.ok(SETTINGS, token=owner.access)
    assert shown["channelSettings"] == {"smtpHost": None, "imapHost": None}


async def test_the_bot_api_on_a_private_host_is_refused(api: Api, app: Starlette) -> None:
    owner = await register(api)
    with bot_api() as telegram, settings_changed(telegram_api_url=telegram.url):
        with settings_changed(allow_private_hosts=False):
            refused = await api.ok(TELEGRAM, {"t": TOKEN}, owner.access)
        [error] = refused["configureTelegram"]["errors"]
        assert (error["code"], error["field"]) == ("INVALID", ["input", "botToken"])
        assert "not allowed" in error["message"]
        assert telegram.calls == []  # not even getMe reached it
        allowed = await api.ok(TELEGRAM, {"t": TOKEN}, owner.access)
        assert allowed["configureTelegram"]["errors"] == []


async def test_every_connection_checks_the_host_again(api: Api) -> None:
    """Configured while allowed; refused at the next connection once it is not."""
    inbox = await build_inbox(api)
    desk = f"{unique('desk')}@company.test"
    outgoing = Recorder()
    box = Mailbox(username=desk, password="imap pass")
    async with smtp_server(outgoing) as server, imap_server(box) as imap_port:
        host, port = server.split(":")
        await connect_email(
            api,
            inbox.owner,
            desk,
            smtpHost=host,
            smtpPort=int(port),
            imapHost="127.0.0.1",
            imapPort=imap_port,
            imapUsername=desk,
            imapPassword="imap pass",
        )
        recorded = await arrive(
            inbox.company, "Hello", key="ann@client.test", channel=Channel.EMAIL
        )
        conversation = gid("Conversation", recorded.conversation.id)
        reply = await api.ok(REPLY, {"c": conversation, "b": "Hi Ann"}, inbox.staff.access)
        assert reply["replyToConversation"]["errors"] == []
        with settings_changed(allow_private_hosts=False):
            assert await delivery.deliver_pending(companies=[inbox.company]) == 0
            config = await ChannelConfig.get(company_id=inbox.company)
            assert await poll_company(config) == 0
        assert outgoing.messages == []
        assert outgoing.rcpt_calls == 0
        assert box.commands == []  # the IMAP server saw no connection at all
        node = (await api.ok(NODE, {"id": conversation}, inbox.owner.access))["node"]
        last = node["messages"]["edges"][-1]["node"]
        assert (last["deliveryStatus"], last["deliveryError"]) == ("FAILED", NOT_ALLOWED)
        config = await ChannelConfig.get(company_id=inbox.company)
        assert config.imap_last_error == NOT_ALLOWED


@asynccontextmanager
async def not_smtp() -> AsyncIterator[int]:
    """A port that accepts connections and answers like a web server, then hangs up."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 400 Bad Request\r\nServer: internal-admin\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    try:
        yield int(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        await server.wait_closed()


async def test_delivery_errors_do_not_tell_open_ports_from_closed(api: Api) -> None:
    inbox = await build_inbox(api)
    desk = f"{unique('desk')}@company.test"
    await connect_email(api, inbox.owner, desk)
    recorded = await arrive(inbox.company, "Hello", key="bo@client.test", channel=Channel.EMAIL)
    conversation = gid("Conversation", recorded.conversation.id)
    later = datetime.now(UTC)

    async def attempt(**servers: object) -> str:
        nonlocal later
        data = await api.ok(CONFIGURE, {"input": {"address": desk, **servers}}, inbox.owner.access)
        assert data["configureEmail"]["errors"] == []
        if not await Message.filter(
            conversation_id=recorded.conversation.id, delivery_status="PENDING"
        ).exists():
            sent = await api.ok(REPLY, {"c": conversation, "b": "Hi"}, inbox.staff.access)
            assert sent["replyToConversation"]["errors"] == []
        later += timedelta(hours=1)
        assert await delivery.deliver_pending(later, companies=[inbox.company]) == 0
        node = (await api.ok(NODE, {"id": conversation}, inbox.owner.access))["node"]
        error: str = node["messages"]["edges"][-1]["node"]["deliveryError"]
        return error

    closed = await attempt(smtpHost="127.0.0.1", smtpPort=free_port())
    async with not_smtp() as port:
        open_but_not_mail = await attempt(smtpHost="127.0.0.1", smtpPort=port)
    assert closed == open_but_not_mail == NO_CONNECTION
    options = {"authenticator": Logins(), "auth_required": True, "auth_require_tls": False}
    async with smtp_server(Recorder(), **options) as server:
        host, port_text = server.split(":")
        login = await attempt(
            smtpHost=host, smtpPort=int(port_text), smtpUsername="desk", smtpPassword="wrong"
        )
    assert login == "the mail server refused the login"
    assert SECRET not in login


async def test_a_bot_api_out_of_reach_is_told_in_general_terms(api: Api) -> None:
    inbox = await build_inbox(api)
    with bot_api() as telegram, settings_changed(telegram_api_url=telegram.url):
        connected = await api.ok(TELEGRAM, {"t": TOKEN}, inbox.owner.access)
        assert connected["configureTelegram"]["errors"] == []
    recorded = await arrive(inbox.company, "Hi", key="4242", channel=Channel.TELEGRAM)
    conversation = gid("Conversation", recorded.conversation.id)
    reply = await api.ok(REPLY, {"c": conversation, "b": "Hello"}, inbox.staff.access)
    assert reply["replyToConversation"]["errors"] == []
    later = datetime.now(UTC) + timedelta(minutes=1)
    errors = []
    closed = f"http://127.0.0.1:{free_port()}"
    for allowed in (True, False):
        with settings_changed(telegram_api_url=closed, allow_private_hosts=allowed):
            later += timedelta(hours=1)
            assert await delivery.deliver_pending(later, companies=[inbox.company]) == 0
        node = (await api.ok(NODE, {"id": conversation}, inbox.owner.access))["node"]
        errors.append(node["messages"]["edges"][-1]["node"]["deliveryError"])
    assert errors == [
        "could not connect to the Bot API",
        "the Bot API's address is not allowed (a private or local network)",
    ]


async def test_the_setting_is_off_unless_said(tmp_path: Path) -> None:
    base = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "k" * 40}
    assert load(base).allow_private_hosts is False
    assert load({**base, "ALLOW_PRIVATE_HOSTS": "1"}).allow_private_hosts is True
    with pytest.raises(SettingsError, match="ALLOW_PRIVATE_HOSTS"):
        load({**base, "ALLOW_PRIVATE_HOSTS": "maybe"})
