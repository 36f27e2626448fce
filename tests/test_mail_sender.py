"""Sending the e-mail outbox to a real SMTP server (aiosmtpd on a free localhost port, in the
test's event loop): the message as it arrives, exactly once even with rounds at the same
moment, retries with backoff, giving up, leases, login, the server away, the SMTP_URL and
SMTP_FROM settings, and the app's background loop. Rounds are called directly, with the
session's settings plus an SMTP_URL, on SQLite and on PostgreSQL, limited to the test's own
company (the database is shared with other tests)."""

from __future__ import annotations

import asyncio
import email
import logging
import os
import socket
import sys
import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from aiosmtpd.smtp import Session as SmtpSession
from starlette.applications import Starlette

from config.settings import Settings, SettingsError, load
from config.smtp_url import SmtpServer, parse_smtp_url
from models import OutboxEmail
from schema.ids import parse_global_id
from servicedesk.workers.mail_sender import (
    CLAIM,
    MAX_ATTEMPTS,
    RETRY_BASE,
    MailServerUnavailable,
    retry_delay,
    send_pending,
)
from tests.support.api import INVITE, Api, Session, register, unique, unique_email

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cret:@/ pass"  # percent-encoded in the URL below
SECRET_IN_URL = "s3cret%3A%40%2F%20pass"
AUTH_WARNING = "ignore:Requiring AUTH while not requiring TLS:UserWarning"


@dataclass
class Recorder:
    """An SMTP handler keeping what it accepts; with `refuse`, RCPT gets that reply."""

    messages: list[EmailMessage] = field(default_factory=list)
    senders: list[str | None] = field(default_factory=list)
    refuse: str | None = None
    rcpt_calls: int = 0

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook names)
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        self.rcpt_calls += 1
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, server: SMTP, session: SmtpSession, envelope: Envelope
    ) -> str:
        assert isinstance(envelope.content, bytes)
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.senders.append(envelope.mail_from)
        return "250 Message accepted for delivery"


@dataclass
class Logins:
    """An authenticator accepting only desk / SECRET, keeping the logins it was given."""

    seen: list[str] = field(default_factory=list)

    def __call__(
        self, server: SMTP, session: SmtpSession, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        self.seen.append(data.login.decode())
        ok = data.login == b"desk" and data.password == SECRET.encode()
        return AuthResult(success=ok, handled=False)


@asynccontextmanager
async def smtp_server(handler: Recorder, **options: Any) -> AsyncIterator[str]:
    """A real SMTP server on a free localhost port; yields its `host:port`."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="mx.example.test", **options), "127.0.0.1", 0
    )
    try:
        yield f"127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()
        await server.wait_closed()


def with_smtp(settings: Settings, url: str) -> Settings:
    return replace(settings, smtp_url=url, smtp_from="Service Desk <desk@example.test>")


def company_pk(session: Session) -> int:
    parsed = parse_global_id(session.company_id)
    assert parsed is not None
    return int(parsed[1])


async def invite(api: Api, owner: Session, address: str | None = None) -> tuple[str, str]:
    """Invite someone through the API; return the address and the invitation's URL."""
    address = address or unique_email("invited")
    data = await api.ok(INVITE, {"input": {"email": address}}, owner.access)
    assert data["inviteMember"]["errors"] == []
    url: str = data["inviteMember"]["inviteUrl"]
    return address, url


@pytest.mark.asyncio
async def test_an_invitation_arrives_as_a_proper_email_once(api: Api, settings: Settings) -> None:
    company = unique("Café Ünïcode ")
    owner = await register(api, company=company)
    address, url = await invite(api, owner)
    recorder = Recorder()
    async with smtp_server(recorder) as server:
        smtp = with_smtp(settings, f"smtp://{server}")
        assert await send_pending(smtp, companies=[company_pk(owner)]) == 1
        assert await send_pending(smtp, companies=[company_pk(owner)]) == 0
    [message] = recorder.messages
    assert recorder.senders == ["desk@example.test"]
    assert message["From"] == "Service Desk <desk@example.test>"
    assert message["To"] == address
    assert message["Subject"] == f"You are invited to {company}"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Date"].datetime.tzinfo is not None
    assert message["Message-ID"].endswith("@example.test>")
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert url in body
    assert f"join {company}." in body
    row = await OutboxEmail.get(to=address)
    assert row.sent_at is not None
    assert row.attempts == 1
    assert row.claimed_until is None
    assert row.failed_at is None
    assert row.last_error is None


@pytest.mark.asyncio
async def test_rounds_at_the_same_moment_send_each_email_once(api: Api, settings: Settings) -> None:
    owner = await register(api)
    addresses = {(await invite(api, owner))[0] for _ in range(5)}
    recorder = Recorder()
    async with smtp_server(recorder) as server:
        smtp = with_smtp(settings, f"smtp://{server}")
        mine = [company_pk(owner)]
        counts = await asyncio.gather(*(send_pending(smtp, companies=mine) for _ in range(3)))
        assert sum(counts) == len(addresses)
        assert await send_pending(smtp, companies=mine) == 0
    assert sorted(str(m["To"]) for m in recorder.messages) == sorted(addresses)
    assert len({m["Message-ID"] for m in recorder.messages}) == len(addresses)
    rows = await OutboxEmail.filter(to__in=addresses).values("sent_at", "attempts")
    assert all(r["sent_at"] is not None and r["attempts"] == 1 for r in rows)


@pytest.mark.asyncio
async def test_a_refused_delivery_is_retried_later_and_counted(
    api: Api, settings: Settings
) -> None:
    owner = await register(api)
    address, url = await invite(api, owner)
    mine = [company_pk(owner)]
    recorder = Recorder(refuse="451 4.3.0 Mailbox busy, try again later")
    t0 = datetime.now(UTC)
    async with smtp_server(recorder) as server:
        smtp = with_smtp(settings, f"smtp://{server}")
        assert await send_pending(smtp, t0, companies=mine) == 0
        row = await OutboxEmail.get(to=address)
        assert (row.attempts, row.sent_at, row.failed_at) == (1, None, None)
        assert row.last_error == "451 4.3.0 Mailbox busy, try again later"
        assert row.next_attempt_at == t0 + RETRY_BASE
        # Not due before its time: the server does not even hear of it.
        assert await send_pending(smtp, t0 + RETRY_BASE / 2, companies=mine) == 0
        assert recorder.rcpt_calls == 1
        # The second failure waits twice as long.
        t1 = t0 + RETRY_BASE
        assert await send_pending(smtp, t1, companies=mine) == 0
        row = await OutboxEmail.get(to=address)
        assert row.attempts == 2
        assert row.next_attempt_at == t1 + retry_delay(2) == t1 + 2 * RETRY_BASE
        recorder.refuse = None
        assert await send_pending(smtp, t1 + 2 * RETRY_BASE, companies=mine) == 1
    row = await OutboxEmail.get(to=address)
    assert row.sent_at is not None
    assert row.attempts == 3
    [message] = recorder.messages
    assert url in message.get_content()


@pytest.mark.asyncio
async def test_it_gives_up_after_the_last_attempt_or_at_once_on_a_permanent_refusal(
    api: Api, settings: Settings
) -> None:
    owner = await register(api)
    mine = [company_pk(owner)]
    busy, _ = await invite(api, owner)
    recorder = Recorder(refuse="452 4.2.2 Mailbox full")
    now = datetime.now(UTC)
    async with smtp_server(recorder) as server:
        smtp = with_smtp(settings, f"smtp://{server}")
        for _ in range(MAX_ATTEMPTS):
            assert await send_pending(smtp, now, companies=mine) == 0
            now += timedelta(days=1)
        row = await OutboxEmail.get(to=busy)
        assert row.attempts == MAX_ATTEMPTS
        assert row.failed_at is not None
        assert row.last_error == "452 4.2.2 Mailbox full"
        calls = recorder.rcpt_calls
        recorder.refuse = None
        assert await send_pending(smtp, now + timedelta(days=30), companies=mine) == 0
        assert recorder.rcpt_calls == calls  # failed for good: never tried again

        unknown, _ = await invite(api, owner)
        recorder.refuse = "550 5.1.1 No such user"
        assert await send_pending(smtp, now, companies=mine) == 0
        row = await OutboxEmail.get(to=unknown)
        assert (row.attempts, row.last_error) == (1, "550 5.1.1 No such user")
        assert row.failed_at is not None
    assert recorder.messages == []


@pytest.mark.asyncio
async def test_an_email_claimed_by_a_process_waits_for_its_lease(
    api: Api, settings: Settings
) -> None:
    owner = await register(api)
    address, _ = await invite(api, owner)
    mine = [company_pk(owner)]
    t0 = datetime.now(UTC)
    # As if another process had claimed it, then died before it could send.
    await OutboxEmail.filter(to=address).update(attempts=1, claimed_until=t0 + CLAIM)
    recorder = Recorder()
    async with smtp_server(recorder) as server:
        smtp = with_smtp(settings, f"smtp://{server}")
        assert await send_pending(smtp, t0, companies=mine) == 0
        assert recorder.messages == []
        assert await send_pending(smtp, t0 + CLAIM, companies=mine) == 1
    row = await OutboxEmail.get(to=address)
    assert (row.attempts, row.claimed_until) == (2, None)
    assert row.sent_at is not None


@pytest.mark.asyncio
@pytest.mark.filterwarnings(AUTH_WARNING)
async def test_login_with_user_and_password(
    api: Api, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await register(api)
    address, url = await invite(api, owner)
    mine = [company_pk(owner)]
    logins = Logins()
    recorder = Recorder()
    caplog.set_level(logging.DEBUG)
    options = {"authenticator": logins, "auth_required": True, "auth_require_tls": False}
    async with smtp_server(recorder, **options) as server:
        wrong = with_smtp(settings, f"smtp://desk:{SECRET_IN_URL}x@{server}")
        with pytest.raises(MailServerUnavailable) as refused:
            await send_pending(wrong, companies=mine)
        assert "535" in str(refused.value)
        # Not the e-mail's fault: the attempt is given back, the reason kept.
        row = await OutboxEmail.get(to=address)
        assert (row.attempts, row.claimed_until, row.sent_at) == (0, None, None)
        error = row.last_error
        assert error is not None
        assert "535" in error
        smtp = with_smtp(settings, f"smtp://desk:{SECRET_IN_URL}@{server}")
        assert await send_pending(smtp, companies=mine) == 1
    assert set(logins.seen) == {"desk"}  # (the wrong password was tried with each mechanism)
    assert url in recorder.messages[0].get_content()
    for text in (str(refused.value), error, caplog.text):
        assert "s3cret" not in text


@pytest.mark.asyncio
async def test_a_server_away_leaves_the_emails_waiting(api: Api, settings: Settings) -> None:
    owner = await register(api)
    address, _ = await invite(api, owner)
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free, and nobody listens on it
    smtp = with_smtp(settings, f"smtp://desk:{SECRET_IN_URL}@127.0.0.1:{port}")
    with pytest.raises(MailServerUnavailable) as away:
        await send_pending(smtp, companies=[company_pk(owner)])
    assert str(away.value).startswith(f"smtp://desk:***@127.0.0.1:{port}: ")
    row = await OutboxEmail.get(to=address)
    assert (row.attempts, row.sent_at, row.failed_at, row.claimed_until) == (0, None, None, None)
    assert row.last_error == str(away.value)


def test_smtp_url_forms_and_the_sender(tmp_path: Path) -> None:
    def smtp(**env: str) -> Settings:
        return load({"DATA_DIR": str(tmp_path), "PUBLIC_URL": "https://desk.example.com", **env})

    assert smtp().smtp_url is None
    assert smtp().smtp_from == "servicedesk@desk.example.com"
    cases = {
        "smtp://user:pass@mail.example.com:587": SmtpServer(
            "mail.example.com", 587, False, "user", "pass"
        ),
        "smtps://user:pass@mail.example.com:465": SmtpServer(
            "mail.example.com", 465, True, "user", "pass"
        ),
        "smtp://mail.example.com:25": SmtpServer("mail.example.com", 25, False),
        "smtp://mail.example.com": SmtpServer("mail.example.com", 25, False),
        "smtps://a%40b:p%3A%40%2F@mail.example.com/": SmtpServer(
            "mail.example.com", 465, True, "a@b", "p:@/"
        ),
    }
    for url, server in cases.items():
        settings = smtp(SMTP_URL=url)
        assert settings.smtp_url == url
        assert settings.smtp_url is not None
        assert parse_smtp_url(settings.smtp_url) == server
    loaded = smtp(SMTP_URL="smtps://desk:hunter2@mail.example.com", SMTP_FROM="Desk <d@x.test>")
    assert loaded.smtp_from == "Desk <d@x.test>"
    assert loaded.smtp_url is not None
    server = parse_smtp_url(loaded.smtp_url)
    assert str(server) == "smtps://desk:***@mail.example.com:465"
    assert "hunter2" not in repr(server)
    assert "hunter2" not in repr(loaded)


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"SMTP_URL": "http://desk:hunter2@mail.example.com"}, "SMTP_URL"),
        ({"SMTP_URL": "mail.example.com:587"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:hunter2@mail.example.com:smtp"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:hunter2@mail.example.com:70000"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:hunter2@mail.example.com:0"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk@mail.example.com"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:@mail.example.com"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:hunter2@mail.example.com/inbox?tls=1"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://desk:hun/ter2@mail.example.com"}, "SMTP_URL"),
        ({"SMTP_FROM": "the desk"}, "SMTP_FROM"),
        ({"SMTP_FROM": "desk@example.test\r\nBcc: everyone@example.test"}, "SMTP_FROM"),
    ],
)
def test_bad_smtp_settings_name_the_setting(tmp_path: Path, env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load({"DATA_DIR": str(tmp_path), **env})
    assert caught.value.name == name
    assert str(caught.value).startswith(f"invalid setting {name}: ")
    assert "hunter2" not in str(caught.value)
    assert "ter2" not in str(caught.value)


APP_SCRIPT = textwrap.dedent(
    """
    import asyncio, logging, sqlite3, sys

    from asgi_lifespan import LifespanManager

    from servicedesk.app import create_app
    from servicedesk.db import migrate
    from config.settings import load

    async def main() -> None:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
        settings = load()
        await migrate(settings)
        path = settings.database_url.removeprefix("sqlite://")
        with sqlite3.connect(path) as db:
            db.execute(
                'INSERT INTO outbox_email ("to", subject, body, created_at, attempts)'
                " VALUES ('ada@example.test', 'Hello', 'Grüße', '2026-01-01 00:00:00+00:00', 0)"
            )
        async with LifespanManager(create_app(settings), startup_timeout=60, shutdown_timeout=60):
            print(sorted(t.get_name() for t in asyncio.all_tasks() if t.get_name().startswith("background:")))
            for _ in range(200):
                with sqlite3.connect(path) as db:
                    [(sent,)] = db.execute("SELECT sent_at IS NOT NULL FROM outbox_email").fetchall()
                if sent:
                    break
                await asyncio.sleep(0.02)
            print("sent" if sent else "not sent")

    asyncio.run(main())
    """
)


@pytest.mark.asyncio
@pytest.mark.filterwarnings(AUTH_WARNING)
async def test_the_app_sends_in_the_background_when_smtp_is_set(tmp_path: Path) -> None:
    recorder = Recorder()
    options = {"authenticator": Logins(), "auth_required": True, "auth_require_tls": False}
    async with smtp_server(recorder, **options) as server:
        env = {
            **os.environ,
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite://{tmp_path / 'app.sqlite3'}",
            "SMTP_URL": f"smtp://desk:{SECRET_IN_URL}@{server}",
            "PUBLIC_URL": "https://desk.example.test",
            "DEADLINE_WATCH_SECONDS": "0",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            APP_SCRIPT,
            env=env,
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await asyncio.wait_for(process.communicate(), timeout=60)
        except TimeoutError:
            process.kill()
            out, err = await process.communicate()
            pytest.fail(f"the app did not finish:\n{out.decode()}\n{err.decode()[-4000:]}")
    assert process.returncode == 0, err.decode()
    lines = out.decode().splitlines()
    assert "'background:mail-sender'" in lines[0], lines
    assert lines[-1] == "sent"
    [message] = recorder.messages
    assert (message["To"], message["Subject"]) == ("ada@example.test", "Hello")
    assert message.get_content().splitlines() == ["Grüße"]
    assert message["From"] == "servicedesk@desk.example.test"
    logged = err.decode()
    assert 'UPDATE "outbox_email"' in logged  # the debug log was on
    for secret in (SECRET, SECRET_IN_URL, "s3cret"):
        assert secret not in logged
        assert secret not in out.decode()


@pytest.mark.asyncio
async def test_without_smtp_url_the_app_starts_no_sender(app: Starlette) -> None:
    settings: Settings = app.state.settings
    assert settings.smtp_url is None
    running = {task.get_name() for task in asyncio.all_tasks()}
    assert "background:outbox-relay" in running
    assert "background:mail-sender" not in running
