"""Inbound e-mail paths beyond SMTP: IMAP polling against a small IMAP server on loopback
(tests/support/imap.py, read by the service's imaplib poller), and the parsing of real
message bytes: HTML-only mail, quoted history, bounces as delivery reports, charsets."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from channels.email_parse import html_to_text, parse_mail, trim_quoted
from channels.imap_poll import poll_company
from models import ChannelConfig, Message
from tests.support.api import Api, unique
from tests.support.email_channel import confirm
from tests.support.imap import Mailbox, imap_server
from tests.support.inbox import build_inbox, conversations

CONFIGURE = """mutation($input: EmailSettingsInput!) { configureEmail(input: $input) {
  settings { imapHost imapPort imapUsername imapPasswordSet } errors { field code message } } }"""
PASSWORD = "imap secret 'quoted' \\ pass"


def raw(sender: str, to: str, subject: str, body: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = f"<{unique('m')}@client.test>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


@pytest.mark.asyncio
async def test_imap_polling_takes_new_mail_once_and_never_writes(api: Api) -> None:
    inbox = await build_inbox(api)
    desk = f"{unique('desk')}@company.test"
    box = Mailbox(username=desk, password=PASSWORD)
    box.add(raw("old@client.test", desk, "Old", "Before we connected"))
    async with imap_server(box) as port:
        configured = await api.ok(
            CONFIGURE,
            {
                "input": {
                    "address": desk,
                    "imapHost": "127.0.0.1",
                    "imapPort": port,
                    "imapUsername": desk,
                    "imapPassword": PASSWORD,
                }
            },
            inbox.owner.access,
        )
        assert configured["configureEmail"]["settings"] == {
            "imapHost": "127.0.0.1",
            "imapPort": port,
            "imapUsername": desk,
            "imapPasswordSet": True,
        }
        await confirm(api, inbox.owner, desk)  # mail is taken only for a confirmed address

        async def poll() -> int:
            return await poll_company(await ChannelConfig.get(company_id=inbox.company))

        assert await poll() == 0  # the first poll notes where the mailbox stands
        assert await conversations(api, inbox.owner) == []
        box.add(raw("Petr <petr@client.test>", desk, "Door lock", "The lock is stuck."))
        box.add(raw("petr@client.test", desk, "Auto: away", "Away", Auto_Submitted="auto-replied"))
        assert await poll() == 2
        [conversation] = await conversations(api, inbox.owner)
        assert (conversation["subject"], conversation["lastMessage"]["body"]) == (
            "Door lock",
            "The lock is stuck.",
        )
        assert await poll() == 0  # nothing twice
        assert await Message.filter(company_id=inbox.company).count() == 1
        written = [c for c in box.commands if c.split(" ")[0] in ("STORE", "EXPUNGE", "COPY")]
        assert written == []
        assert any(c.startswith("EXAMINE") for c in box.commands)

        box.password = "changed"
        assert await poll() == 0
        config = await ChannelConfig.get(company_id=inbox.company)
        assert config.imap_last_error is not None
        assert config.imap_last_error == "the mail server refused the login"
        assert PASSWORD not in config.imap_last_error
        assert config.imap_claimed_until is None


def test_html_only_mail_becomes_text() -> None:
    message = EmailMessage()
    message["From"] = "Ann <ann@client.test>"
    message["To"] = "desk@company.test"
    message["Subject"] = "HTML"
    message.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;there,</p>"
        "<div>the <b>sink</b> leaks</div><script>alert(1)</script></body></html>",
        subtype="html",
    )
    parsed = parse_mail(message.as_bytes())
    assert parsed.text == "Hello there,\n\nthe sink leaks"
    assert (parsed.sender, parsed.sender_name) == ("ann@client.test", "Ann")
    assert html_to_text("<p>a</p><p>b</p>") == "a\n\nb"


def test_quoted_history_is_trimmed() -> None:
    assert trim_quoted("Yes.\n\nOn Mon, 1 Jan 2026, Desk <d@x.test> wrote:\n> When?\n") == "Yes."
    assert trim_quoted("Fine\n-----Original Message-----\nFrom: desk") == "Fine"
    assert trim_quoted("Ok\n> quoted\n> more") == "Ok"
    assert trim_quoted("> only a quote") == "> only a quote"


def test_reports_and_bounces_are_automatic() -> None:
    report = (
        b"From: MAILER-DAEMON@mx.client.test\r\nTo: desk@company.test\r\n"
        b"Subject: Undelivered\r\nMessage-ID: <b1@mx>\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--B--\r\n"
    )
    assert parse_mail(report).automatic is not None
    plain = raw("ann@client.test", "desk@company.test", "Hi", "Hello")
    assert parse_mail(plain).automatic is None
    assert parse_mail(plain, envelope_sender="").automatic == "null envelope sender (a bounce)"
    assert parse_mail(raw("a@c.test", "d@c.test", "x", "y", Precedence="list")).automatic


def test_threading_headers_and_charsets() -> None:
    data = (
        b"From: =?koi8-r?b?8MXU0g==?= <petr@client.test>\r\nTo: desk@company.test\r\n"
        b"Subject: =?utf-8?b?0J/RgNC40LLQtdGC?=\r\nMessage-ID: <m2@client.test>\r\n"
        b"In-Reply-To: <reply.1.ab@company.test>\r\n"
        b"References: <m1@client.test> <reply.1.ab@company.test>\r\n"
        b"Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Спасибо".encode("koi8-r")
        + b"\r\n"
    )
    parsed = parse_mail(data)
    assert parsed.sender_name == "Петр"
    assert parsed.subject == "Привет"
    assert parsed.text == "Спасибо"
    assert parsed.message_id == "<m2@client.test>"
    assert parsed.references == ("<m1@client.test>", "<reply.1.ab@company.test>")
