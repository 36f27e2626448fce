"""E-mail end to end over real SMTP on loopback: the service's inbound listener (aiosmtpd,
started as the app starts it) takes a client's message, a staff reply goes out through the
company's own SMTP server (a local aiosmtpd the test runs, with a login), the client's
answer to that reply threads into the same conversation, and automatic mail (auto-replies,
bounces, bulk, the company's own address) opens nothing and is never answered."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import urlsplit

import aiosmtplib
import pytest
from starlette.applications import Starlette

from channels import delivery
from channels.email_inbound import run_smtp_listener
from config.settings import Settings
from models import ChannelConfig, Conversation, Message, MessageAttachment
from tests.support.api import Api, unique
from tests.support.email_channel import CONFIRM, code_from_outbox, confirm, connect_email
from tests.support.inbox import NODE, REPLY, build_inbox, conversations
from tests.support.processes import free_port
from tests.test_mail_sender import AUTH_WARNING, SECRET, Logins, Recorder, smtp_server

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings(AUTH_WARNING)]

CONFIGURE = """mutation($input: EmailSettingsInput!) { configureEmail(input: $input) {
  settings { emailAddress smtpHost smtpPort smtpUsername smtpPasswordSet imapHost }
  errors { field code message } } }"""
ATTACHMENTS = """query($id: ID!) { node(id: $id) { ... on Conversation {
  messages { edges { node { attachments { fileName contentType size url } } } } } } }"""
SETTINGS = "{ channelSettings { emailAddress smtpPasswordSet imapPasswordSet telegramBotName } }"


@contextlib.asynccontextmanager
async def inbound_listener(settings: Settings) -> AsyncIterator[int]:
    """The service's own SMTP listener on a free loopback port; yields the port."""
    bound: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        run_smtp_listener(replace(settings, inbound_smtp_port=0), bound),
        name="background:test-inbound-smtp",
    )
    try:
        yield await asyncio.wait_for(bound, 5)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def mail(sender: str, to: str, subject: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="client.test")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


async def send(port: int, message: EmailMessage, sender: str | None = None) -> None:
    _ = await aiosmtplib.send(message, hostname="127.0.0.1", port=port, sender=sender)


async def test_a_client_mail_a_reply_and_the_clients_answer_in_one_thread(
    app: Starlette, api: Api
) -> None:
    settings: Settings = app.state.settings
    inbox = await build_inbox(api)
    desk = f"{unique('desk')}@company.test"
    outgoing = Recorder()
    options = {"authenticator": Logins(), "auth_required": True, "auth_require_tls": False}
    async with smtp_server(outgoing, **options) as server, inbound_listener(settings) as port:
        host, smtp_port = server.split(":")
        configured = await api.ok(
            CONFIGURE,
            {
                "input": {
                    "address": desk.upper(),
                    "smtpHost": host,
                    "smtpPort": int(smtp_port),
                    "smtpUsername": "desk",
                    "smtpPassword": SECRET,
                }
            },
            inbox.owner.access,
        )
        shown = configured["configureEmail"]
        assert shown["errors"] == []
        assert shown["settings"]["emailAddress"] == desk
        assert shown["settings"]["smtpPasswordSet"] is True
        await confirm(api, inbox.owner, desk)  # routed only once confirmed
        stored = await ChannelConfig.get(company_id=inbox.company)
        assert stored.smtp_password is not None
        assert SECRET not in stored.smtp_password
        assert SECRET not in repr(stored.__dict__)

        first = mail("Dina Client <dina@client.test>", desk, "Leaking tap", "The tap leaks.")
        first.add_attachment(
            b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="plan.pdf"
        )
        await send(port, first)
        [conversation] = await conversations(api, inbox.owner, {"channel": "EMAIL"})
        assert (conversation["subject"], conversation["externalName"]) == (
            "Leaking tap",
            "dina@client.test",
        )
        assert conversation["lastMessage"]["body"] == "The tap leaks."
        pk = (await Conversation.get(company_id=inbox.company)).id
        [attachment] = await MessageAttachment.filter(company_id=inbox.company)
        assert (attachment.file_name, attachment.content_type) == ("plan.pdf", "application/pdf")
        files = await api.ok(ATTACHMENTS, {"id": conversation["id"]}, inbox.staff.access)
        [message] = files["node"]["messages"]["edges"]
        [shown_file] = message["node"]["attachments"]
        assert (shown_file["fileName"], shown_file["size"]) == ("plan.pdf", 13)
        link = urlsplit(shown_file["url"])
        assert link.path.startswith("/attachments/")
        download = await api.http.get(f"{link.path}?{link.query}")
        assert download.status_code == 200
        assert download.content == b"%PDF-1.4 fake"
        assert download.headers["content-disposition"].startswith("attachment;")
        assert download.headers["x-content-type-options"] == "nosniff"
        flipped = "1" if link.query.endswith("0") else "0"
        forged = await api.http.get(f"{link.path}?{link.query[:-1]}{flipped}")
        assert forged.status_code == 403

        reply = await api.ok(
            REPLY, {"c": conversation["id"], "b": "A plumber comes at 5."}, inbox.staff.access
        )
        assert reply["replyToConversation"]["message"]["deliveryStatus"] == "PENDING"
        assert await delivery.deliver_pending(companies=[inbox.company]) == 1
        [sent] = outgoing.messages
        assert sent["To"] == "dina@client.test"
        assert desk in sent["From"]
        assert sent["Subject"] == "Re: Leaking tap"
        assert sent["In-Reply-To"] == first["Message-ID"]
        assert first["Message-ID"] in sent["References"]
        assert sent.get_content().strip() == "A plumber comes at 5."
        node = (await api.ok(NODE, {"id": conversation["id"]}, inbox.owner.access))["node"]
        assert node["messages"]["edges"][-1]["node"]["deliveryStatus"] == "SENT"
        assert node["firstResponseSeconds"] is not None

        answer = mail(
            "Dina Client <dina@client.test>",
            desk,
            "Re: Leaking tap",
            f"Thanks, 5 is fine.\n\nOn Fri, 27 Nov 2026 at 13:00, Desk <{desk}> wrote:\n"
            "> A plumber comes at 5.\n",
            In_Reply_To=sent["Message-ID"],
            References=f"{first['Message-ID']} {sent['Message-ID']}",
        )
        await send(port, answer)
        [again] = await conversations(api, inbox.owner, {"channel": "EMAIL"})
        assert again["id"] == conversation["id"]
        assert again["lastMessage"]["body"] == "Thanks, 5 is fine."
        assert await Message.filter(conversation_id=pk).count() == 3

        # Automatic mail opens nothing and is never answered: no new conversation, message
        # or outgoing mail, whatever the sender.
        automatic = [
            (
                mail(
                    "dina@client.test", desk, "Out of office", "Away", Auto_Submitted="auto-replied"
                ),
                None,
            ),
            (mail("news@client.test", desk, "News", "Sale!", Precedence="bulk"), None),
            (mail("MAILER-DAEMON@mx.client.test", desk, "Undelivered", "Bounce"), ""),
            (mail(desk, desk, "Loop", "From myself"), None),
        ]
        for message, envelope_sender in automatic:
            await send(port, message, sender=envelope_sender)
        assert len(await conversations(api, inbox.owner, {"channel": "EMAIL"})) == 1
        assert await Message.filter(company_id=inbox.company).count() == 3
        assert await delivery.deliver_pending(companies=[inbox.company]) == 0
        assert len(outgoing.messages) == 1

        # A recipient that is no company's address is refused at RCPT: no open relay.
        with pytest.raises(aiosmtplib.SMTPRecipientsRefused):
            await send(port, mail("dina@client.test", "nobody@company.test", "Hi", "?"))

    settings_shown = await api.ok(SETTINGS, token=inbox.staff.access)
    assert settings_shown["channelSettings"] == {
        "emailAddress": desk,
        "smtpPasswordSet": True,
        "imapPasswordSet": False,
        "telegramBotName": None,
    }
    refused = await api.ok(CONFIGURE, {"input": {"address": desk}}, inbox.staff.access)
    assert refused["configureEmail"]["errors"][0]["code"] == "FORBIDDEN"
    hidden = await api.post(SETTINGS, token=inbox.client_member.access)
    assert hidden["data"] is None


async def test_an_address_belongs_to_one_company(api: Api) -> None:
    """The first to confirm it (tests/security/test_email_channels.py); asking for a taken
    address answers like any other, without telling it is taken."""
    first = await build_inbox(api)
    second = await build_inbox(api)
    desk = f"{unique('desk')}@company.test"
    await connect_email(api, first.owner, desk)
    taken = await api.ok(CONFIGURE, {"input": {"address": desk}}, second.owner.access)
    assert taken["configureEmail"]["errors"] == []
    confirmed = await api.ok(CONFIRM, {"code": await code_from_outbox(desk)}, second.owner.access)
    assert confirmed["confirmEmailAddress"]["errors"][0]["code"] == "CONFLICT"
    bad = await api.ok(CONFIGURE, {"input": {"address": "not an address"}}, first.owner.access)
    assert bad["configureEmail"]["errors"][0]["field"] == ["input", "address"]


async def test_every_worker_may_listen_on_the_same_port(app: Starlette) -> None:
    """`servicedesk serve --workers N` starts a listener in each worker: they share the port."""
    settings: Settings = replace(app.state.settings, inbound_smtp_port=free_port())
    loop = asyncio.get_running_loop()
    bound: list[asyncio.Future[int]] = [loop.create_future(), loop.create_future()]
    tasks = [
        asyncio.create_task(run_smtp_listener(settings, b), name="background:test-smtp")
        for b in bound
    ]
    try:
        ports = [await asyncio.wait_for(b, 5) for b in bound]
        assert ports == [settings.inbound_smtp_port] * 2
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
