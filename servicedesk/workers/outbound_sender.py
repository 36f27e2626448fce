"""The outbound queue's loop (channels/outbound_delivery.py) and its EMAIL sender.

The EMAIL sender lives here, beside the e-mail outbox's (servicedesk/workers/mail_sender.py),
to use that module's SMTP client, error reading and retry verdicts: one way of talking to
the mail server. It opens one connection per message (messages to contacts are few; the
outbox's batches keep theirs). Like the outbox, without SMTP_URL a message waits, PENDING
with the reason; a server that is away is not the message's fault (tried again after
SERVER_WAIT seconds, the attempt not counted); a server refusing the message for good (5xx)
makes it FAILED at once; other refusals are retried with the queue's backoff.

A mail to a contact carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058: one click,
resolvers/unsubscribe.py turns that channel off for that contact). A mail to a member's login
does not: a member chooses its channels with setNotificationPreferences. Every header built
from user text (the subject: an order's title) is cleaned onto one line (channels/mail_headers.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

import aiosmtplib

from channels.base import NOT_CONNECTED_RECHECK_SECONDS, DeliveryFailed, RetryLater
from channels.mail_headers import header_text
from channels.outbound_delivery import BATCH, deliver_outbound
from channels.outbound_senders import register_outbound_sender
from channels.retry import Verdict
from config.settings import Settings, current
from config.smtp_url import parse_smtp_url
from domain.texts import pick_locale, t
from models import Company, DeliveryChannel, OutboundMessage
from resolvers.unsubscribe import unsubscribe_url
from servicedesk.workers.mail_sender import (
    MailServerUnavailable,
    connect,
    describe,
    quit_politely,
    verdict,
)

log = logging.getLogger("servicedesk.outbound")

SERVER_WAIT = 30.0


def build_email(row: OutboundMessage, sender: str, now: datetime) -> EmailMessage:
    """The e-mail of an outbound row; its Message-ID is the row's own on every attempt."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = header_text(row.to)
    message["Subject"] = header_text(row.subject)
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = f"<outbound.{row.id}.{int(row.created_at.timestamp())}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    if row.contact_id is not None and row.member_id is None:
        message["List-Unsubscribe"] = f"<{unsubscribe_url(row.contact_id, DeliveryChannel.EMAIL)}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(row.text, charset="utf-8")
    return message


async def send_email(row: OutboundMessage) -> None:
    """The EMAIL sender (channels/outbound_senders.py's Sender)."""
    settings = current()
    if settings.smtp_url is None:  # the reason is read by staff: in the company's language
        company = await Company.filter(id=row.company_id).values_list("locale", flat=True)
        reason = t(pick_locale(*(str(c) for c in company)), "outbound.no_sender.email")
        raise RetryLater(reason, NOT_CONNECTED_RECHECK_SECONDS)
    try:
        message = build_email(row, settings.smtp_from, datetime.now(UTC))
    except ValueError as error:  # an address the email package cannot write
        raise DeliveryFailed(describe(error)) from None
    try:
        client = await connect(parse_smtp_url(settings.smtp_url))
    except MailServerUnavailable as error:
        raise RetryLater(str(error), SERVER_WAIT) from None
    try:
        await client.send_message(message)
    except (aiosmtplib.SMTPException, OSError, ValueError) as error:
        if verdict(error) is Verdict.FAIL_NOW:
            raise DeliveryFailed(describe(error)) from None
        raise RetryLater(describe(error)) from None
    finally:
        await quit_politely(client)


def install() -> None:
    """Register this module's senders (app start)."""
    register_outbound_sender(DeliveryChannel.EMAIL, send_email)


async def run_outbound_sender(settings: Settings) -> None:
    """The background loop of every process: a round every OUTBOUND_POLL_SECONDS, straight
    on after a full batch."""
    while True:
        sent = 0
        try:
            sent = await deliver_outbound()
        except asyncio.CancelledError:
            raise
        except Exception:  # the database may be away for a moment; try next round
            log.exception("outbound round failed; retrying")
        if sent < BATCH:
            await asyncio.sleep(settings.outbound_poll_seconds)
