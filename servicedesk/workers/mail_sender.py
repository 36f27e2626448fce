"""Sending the e-mail outbox over SMTP (`SMTP_URL`), each e-mail exactly once.

Every API process runs `run_mail_sender` when SMTP_URL is set; without it e-mails stay in the
outbox table. A round (`send_pending`) reads a batch of due rows and claims each one before
sending it, with a conditional update that only the first taker can make:

    UPDATE outbox_email SET attempts = n + 1, claimed_until = now + CLAIM
    WHERE id = X AND attempts = n AND sent_at IS NULL AND failed_at IS NULL
      AND (next_attempt_at IS NULL OR next_attempt_at <= now)
      AND (claimed_until IS NULL OR claimed_until <= now)

A process that changed no row leaves the e-mail alone: two rounds, in one process or in
several, never both send it. The claim is a lease: a process that dies while sending leaves
the row to be taken again once `claimed_until` passes (CLAIM is far longer than an SMTP
exchange may take, TIMEOUT). The attempt is counted when claimed, so a crash counts too.

- Sent: `sent_at` is set and the lease cleared.
- Refused or cut off: `last_error` keeps the reason, `next_attempt_at` moves on by the `RETRY`
  backoff (channels/retry.py: RETRY_BASE doubled per attempt, at most RETRY_MAX). After
  MAX_ATTEMPTS, or at once when the server refuses the message itself for good (5xx to RCPT or
  DATA), `failed_at` is set and the row stays in the outbox, visibly failed.
- Server away (no connection, TLS or login failure): that is not the e-mail's fault. The claim
  is given back (the attempt uncounted, the reason in `last_error`), the round stops and
  `send_pending` raises `MailServerUnavailable`; the loop waits longer each time, with jitter
  (`SERVER_AWAY`), so that processes do not all return to the server at one instant.

The SMTP password never reaches a log, an error or a row: the server is shown without it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any

import aiosmtplib
from tortoise.expressions import Q

from channels.mail_headers import header_text
from channels.retry import Backoff, Verdict
from config.settings import Settings
from config.smtp_url import SmtpServer, parse_smtp_url
from models import OutboxEmail

log = logging.getLogger("servicedesk.mail")

BATCH = 100
MAX_ATTEMPTS = 10
RETRY_BASE = timedelta(seconds=30)
RETRY_MAX = timedelta(hours=1)
# A row's retries keep exact times: a round claims at most BATCH due rows, so a burst of
# failures is spread over rounds without jitter.
RETRY = Backoff(RETRY_BASE, RETRY_MAX, MAX_ATTEMPTS)
CLAIM = timedelta(minutes=5)
TIMEOUT = 30.0  # seconds for each SMTP command
POLL_SECONDS = 2.0
UNAVAILABLE_WAIT_MAX = 300.0
SERVER_AWAY = Backoff(
    timedelta(seconds=2 * POLL_SECONDS), timedelta(seconds=UNAVAILABLE_WAIT_MAX), jitter=0.2
)
ERROR_LENGTH = 500


class MailServerUnavailable(Exception):
    """The mail server cannot be reached or refuses the connection or the login."""


def retry_delay(attempts: int) -> timedelta:
    """How long after its `attempts`-th failed attempt an e-mail is tried again."""
    return RETRY.delay(attempts)


def _due(now: datetime) -> Q:
    return (
        Q(sent_at=None, failed_at=None)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_until=None) | Q(claimed_until__lte=now))
    )


def describe(error: BaseException) -> str:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        text = "; ".join(f"{r.code} {r.message}" for r in error.recipients)
    elif isinstance(error, aiosmtplib.SMTPResponseException):
        text = f"{error.code} {error.message}"
    else:
        text = f"{type(error).__name__}: {error}"
    return text[:ERROR_LENGTH]


def verdict(error: BaseException) -> Verdict:
    """FAIL_NOW when the server refuses this message for good (not the connection, not for
    now), or the message cannot be built (a bad header)."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        permanent = all(r.code >= 500 for r in error.recipients)
    elif isinstance(error, aiosmtplib.SMTPDataError | aiosmtplib.SMTPRecipientRefused):
        permanent = error.code >= 500
    else:
        permanent = isinstance(error, ValueError)
    return Verdict.FAIL_NOW if permanent else Verdict.RETRY


def build_message(row: dict[str, Any], sender: str, now: datetime) -> EmailMessage:
    """The e-mail of an outbox row. The Message-ID is the row's own, the same on every
    attempt, so a receiver can recognise a copy sent again after a lost acknowledgement."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    created: datetime = row["created_at"]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = header_text(row["to"])
    message["Subject"] = header_text(row["subject"])  # user text: a title, a company's name
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = f"<outbox.{row['id']}.{int(created.timestamp())}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row["body"], charset="utf-8")
    return message


def _client(server: SmtpServer) -> aiosmtplib.SMTP:
    return aiosmtplib.SMTP(
        hostname=server.host,
        port=server.port,
        username=server.username,
        password=server.password,
        use_tls=server.implicit_tls,
        start_tls=False if server.implicit_tls else None,  # None: when the server offers it
        timeout=TIMEOUT,
    )


async def connect(server: SmtpServer) -> aiosmtplib.SMTP:
    client = _client(server)
    try:
        await client.connect()
    except (aiosmtplib.SMTPException, OSError) as error:
        client.close()
        raise MailServerUnavailable(f"{server}: {describe(error)}") from None
    return client


async def quit_politely(client: aiosmtplib.SMTP) -> None:
    try:
        await client.quit()
    except (aiosmtplib.SMTPException, OSError):
        client.close()


async def send_pending(
    settings: Settings,
    now: datetime | None = None,
    *,
    batch: int = BATCH,
    companies: Sequence[int] | None = None,
) -> int:
    """One round: send the due e-mails of the outbox; return how many were sent.

    `now` fixes the clock (tests move it on to make retries due); by default each claim
    reads the wall clock. `companies` limits the round to those companies' e-mails (tests
    share one database). Raises `MailServerUnavailable` when the server cannot be used.
    """
    if settings.smtp_url is None:
        return 0
    server = parse_smtp_url(settings.smtp_url)

    def clock() -> datetime:
        return now if now is not None else datetime.now(UTC)

    scope = Q() if companies is None else Q(company_id__in=list(companies))
    rows = (
        await OutboxEmail.filter(_due(clock()) & scope)
        .order_by("id")
        .limit(batch)
        .values("id", "to", "subject", "body", "created_at", "attempts")
    )
    sent = 0
    client: aiosmtplib.SMTP | None = None
    try:
        for row in rows:
            at = clock()
            attempt = row["attempts"] + 1
            claimed = await OutboxEmail.filter(
                _due(at), id=row["id"], attempts=row["attempts"]
            ).update(attempts=attempt, claimed_until=at + CLAIM)
            if not claimed:
                continue  # another round has it, or had it
            try:
                message = build_message(row, settings.smtp_from, at)
                if client is None:
                    client = await connect(server)
                await client.send_message(message)
            except MailServerUnavailable as error:
                await OutboxEmail.filter(id=row["id"], attempts=attempt).update(
                    attempts=row["attempts"], claimed_until=None, last_error=str(error)
                )
                raise
            except (aiosmtplib.SMTPException, OSError, ValueError) as error:
                await _failed(row, attempt, error, clock())
                if client is not None:  # after a failure, a fresh connection for the next
                    await quit_politely(client)
                    client = None
                continue
            await OutboxEmail.filter(id=row["id"]).update(sent_at=clock(), claimed_until=None)
            sent += 1
    except asyncio.CancelledError:  # shutting down: no polite QUIT that could wait TIMEOUT
        if client is not None:
            client.close()
            client = None
        raise
    finally:
        if client is not None:
            await quit_politely(client)
    return sent


async def _failed(row: dict[str, Any], attempt: int, error: BaseException, at: datetime) -> None:
    reason = describe(error)
    mine = OutboxEmail.filter(id=row["id"], attempts=attempt)
    wait = RETRY.after_failure(attempt, verdict(error))
    if wait is None:
        await mine.update(failed_at=at, claimed_until=None, last_error=reason)
        log.error(
            "e-mail %s to %s failed after %d attempts: %s", row["id"], row["to"], attempt, reason
        )
        return
    retry = at + wait
    await mine.update(next_attempt_at=retry, claimed_until=None, last_error=reason)
    log.warning(
        "e-mail %s to %s not sent (attempt %d, again at %s): %s",
        row["id"],
        row["to"],
        attempt,
        retry.isoformat(timespec="seconds"),
        reason,
    )


async def run_mail_sender(settings: Settings) -> None:
    """The background loop of every process (started when SMTP_URL is set): a round every
    POLL_SECONDS, straight on after a full batch, longer waits while the server is away."""
    if settings.smtp_url is None:
        return
    away = 0  # rounds in a row that found the server away
    wait = POLL_SECONDS
    while True:
        sent = 0
        try:
            sent = await send_pending(settings)
            away, wait = 0, POLL_SECONDS
        except asyncio.CancelledError:
            raise
        except MailServerUnavailable as error:
            away += 1
            wait = SERVER_AWAY.delay(away).total_seconds()
            log.warning("mail server unavailable (%s); trying again in %.0f s", error, wait)
        except Exception:  # the database may be away for a moment; try next round
            log.exception("mail sender round failed; retrying")
        if sent < BATCH:
            await asyncio.sleep(wait)
