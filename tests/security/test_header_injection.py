"""User text with CR, LF or other control characters (an order title, a
company name, a client's subject) never stops an e-mail and never adds a header: every kind
of mail built from user text (invitation, notification, reply, address confirmation) arrives
over a real SMTP server with the value cleaned onto one line. Log lines escape user text, so
nobody can forge a log line through a title or a request path."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import aiosmtplib
import pytest
from starlette.applications import Starlette

from channels import delivery
from config.settings import Settings
from models import Channel
from servicedesk.logs import JsonFormatter, RequestIdFilter, TextFormatter
from servicedesk.workers.mail_sender import send_pending
from tests.support.api import Api, register, unique
from tests.support.email_channel import CONFIGURE, code_in, connect_email
from tests.support.inbox import REPLY, arrive, conversations, gid
from tests.support.world import ASSIGN, contact, create_order, portal_member
from tests.test_email_channel import ATTACHMENTS, inbound_listener
from tests.test_mail_sender import Recorder, company_pk, invite, smtp_server, with_smtp

pytestmark = pytest.mark.asyncio

FORGED = "2026-12-03 09:00:00 ERROR servicedesk.auth [-] admin password reset"
EVIL = f"Leak\r\nBcc: victim@example.test\n{FORGED}\x1b[2J\u2028end"


def one_line(value: str) -> bool:
    return "\r" not in value and "\n" not in value and "\x1b" not in value


async def outbox_over_smtp(settings: Settings, company: int) -> Recorder:
    recorder = Recorder()
    async with smtp_server(recorder) as server:
        assert await send_pending(with_smtp(settings, f"smtp://{server}"), companies=[company]) >= 1
    return recorder


async def test_invitation_and_confirmation_mails_clean_a_company_name(
    api: Api, settings: Settings
) -> None:
    owner = await register(api, company=f"Acme {unique('x')}\r\nBcc: victim@example.test")
    address, _ = await invite(api, owner)
    desk = f"{unique('desk')}@company.test"
    data = await api.ok(CONFIGURE, {"input": {"address": desk}}, owner.access)
    assert data["configureEmail"]["errors"] == []
    recorder = await outbox_over_smtp(settings, company_pk(owner))
    by_to = {m["To"]: m for m in recorder.messages}
    invitation, confirmation = by_to[address], by_to[desk]
    for message in (invitation, confirmation):
        assert one_line(message["Subject"])
        assert "Bcc: victim@example.test" in message["Subject"]  # kept as text, on one line
        assert message["Bcc"] is None
    assert recorder.senders == ["desk@example.test", "desk@example.test"]
    code_in(confirmation.get_content())


async def test_a_notification_mail_cleans_an_order_title(api: Api, settings: Settings) -> None:
    owner = await register(api)
    contractor = await contact(api, owner, "CONTRACTOR", "Fixer")
    member = await portal_member(api, owner, contractor, "Fixer One")
    client = await contact(api, owner, "CLIENT", "Client")
    order = await create_order(
        api, owner, title=EVIL, clientId=client.id, addressId=client.address_ids[0]
    )
    assigned = await api.ok(ASSIGN, {"id": order["id"], "c": contractor.id}, owner.access)
    assert assigned["assignOrder"]["errors"] == []
    recorder = await outbox_over_smtp(settings, company_pk(owner))
    [mail] = [m for m in recorder.messages if m["To"] == member.email and "Bcc" in m["Subject"]]
    assert one_line(mail["Subject"])
    assert mail["Bcc"] is None
    assert "Bcc: victim@example.test" in mail["Subject"]
    assert FORGED in mail["Subject"]


async def test_a_reply_cleans_the_subject_and_the_company_name(api: Api, app: Starlette) -> None:
    owner = await register(api, company="Desk\r\nBcc: victim@example.test")
    company = company_pk(owner)
    desk = f"{unique('desk')}@company.test"
    outgoing = Recorder()
    async with smtp_server(outgoing) as server:
        host, port = server.split(":")
        await connect_email(api, owner, desk, smtpHost=host, smtpPort=int(port))
        # Subjects of inbound mail are decoded text: an encoded word can carry a line break.
        recorded = await arrive(
            company, "Hello", key="ann@client.test", channel=Channel.EMAIL, subject=EVIL
        )
        conversation = gid("Conversation", recorded.conversation.id)
        reply = await api.ok(REPLY, {"c": conversation, "b": "On our way"}, owner.access)
        assert reply["replyToConversation"]["errors"] == []
        later = datetime.now(UTC) + timedelta(minutes=1)
        assert await delivery.deliver_pending(later, companies=[company]) == 1
    [sent] = outgoing.messages
    assert one_line(sent["Subject"])
    assert one_line(sent["From"])
    assert sent["Bcc"] is None
    # Cleaned here, or already when the subject was recorded (names and titles lose their
    # control characters on input): one line either way, the words all kept.
    assert sent["Subject"].startswith("Re: Leak Bcc: victim@example.test")
    assert FORGED in sent["Subject"]
    assert sent["From"].addresses[0].addr_spec == desk
    assert "Bcc: victim@example.test" in sent["From"].addresses[0].display_name


@contextmanager
def formatted_logs() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """The service's two log formats, on handlers of the root logger for the block."""
    text, json = io.StringIO(), io.StringIO()
    handlers = []
    for stream, formatter in ((text, TextFormatter()), (json, JsonFormatter())):
        handler = logging.StreamHandler(stream)
        handler.setFormatter(formatter)
        handler.addFilter(RequestIdFilter())
        handlers.append(handler)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.INFO)
    for handler in handlers:
        root.addHandler(handler)
    try:
        yield text, json
    finally:
        for handler in handlers:
            root.removeHandler(handler)
        root.setLevel(level)


async def test_log_lines_escape_user_text(api: Api) -> None:
    owner = await register(api)
    contractor = await contact(api, owner, "CONTRACTOR", "Fixer")
    await portal_member(api, owner, contractor, "Fixer One")
    client = await contact(api, owner, "CLIENT", "Client")
    with formatted_logs() as (text, json):
        order = await create_order(
            api, owner, title=EVIL, clientId=client.id, addressId=client.address_ids[0]
        )
        assigned = await api.ok(ASSIGN, {"id": order["id"], "c": contractor.id}, owner.access)
        assert assigned["assignOrder"]["errors"] == []
        # A request path is user text too (the access log).
        _ = await api.http.get("/no-such-page%0D%0A" + FORGED.replace(" ", "%20"))
    for output in (text.getvalue(), json.getvalue()):
        lines = output.splitlines()
        assert any("Bcc: victim@example.test" in line for line in lines), output
        assert not any(line.startswith(FORGED) for line in lines), output
        assert "\x1b" not in output
        assert "\u2028" not in output
    access = [line for line in text.getvalue().splitlines() if "servicedesk.access" in line]
    access = [line for line in access if "/no-such-page" in line]
    assert len(access) == 1
    assert "/no-such-page\\r\\n" + FORGED in access[0]


async def test_a_declared_attachment_type_never_breaks_its_download(
    api: Api, app: Starlette
) -> None:
    """A file's type comes from the sender's Content-Type: it becomes a response header."""
    owner = await register(api)
    desk = f"{unique('desk')}@company.test"
    await connect_email(api, owner, desk)
    raw = (
        f"From: ann@client.test\r\nTo: {desk}\r\nSubject: Photo\r\nMessage-ID: <p1@client.test>"
        "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
        "--B\r\nContent-Type: text/plain\r\n\r\nSee the photo\r\n"
        "--B\r\nContent-Type: image/p\x01ng\r\nContent-Disposition: attachment; filename=a.png"
        "\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n--B--\r\n"
    ).encode()
    async with inbound_listener(app.state.settings) as port:
        _ = await aiosmtplib.send(
            raw, sender="ann@client.test", recipients=[desk], hostname="127.0.0.1", port=port
        )
    [conversation] = await conversations(api, owner)
    files = await api.ok(ATTACHMENTS, {"id": conversation["id"]}, owner.access)
    [message] = files["node"]["messages"]["edges"]
    [shown] = message["node"]["attachments"]
    link = urlsplit(shown["url"])
    download = await api.http.get(f"{link.path}?{link.query}")
    assert download.status_code == 200
    assert download.content == b"hi"
    assert download.headers["content-type"] == "application/octet-stream"
