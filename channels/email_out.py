"""Outbound e-mail: a staff reply sent to the address the conversation came from, in the same
thread (In-Reply-To: the newest message id of the conversation; References: its ids), from
the company's confirmed address (resolvers/email_verification.py: none before the code mailed
to it is entered), through the company's own SMTP server when it gave one, else through
SMTP_URL. Each reply's Message-ID is recorded, so the client's answer to it threads back into
the same conversation. Header values come from user text (the company's name, the client's
subject) and are cleaned onto one line (channels/mail_headers.py).

The company's own server is a host users configure: it must pass permissions/outgoing_hosts.py
at every connection, and the connection goes to the address checked. The reason shown to
users (Message.deliveryError) is one of a few generic sentences, so a failure never tells an
open port from a closed one or quotes what a server said; the details go to the log.

Refused for good (5xx to the recipient or the data, a host not allowed): FAILED at once.
Server away, 4xx, a refused login, no server configured, no confirmed address: tried again
with the queue's backoff, the reason shown meanwhile.
"""

from __future__ import annotations

import logging
import secrets
import socket
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

import aiosmtplib

from channels.base import DeliveryFailed, Outbound, RetryLater, not_connected
from channels.mail_headers import header_text, mailbox
from config.settings import current
from config.smtp_url import SmtpServer, parse_smtp_url
from models import ChannelConfig
from permissions.channel_secrets import SecretUnreadable, decrypt
from permissions.outgoing_hosts import HostRefused, open_socket

log = logging.getLogger("servicedesk.email")

TIMEOUT = 30.0
EMAIL_NOT_CONNECTED = "E-mail is not connected (configureEmail): the reply goes out once it is"
NOT_CONFIRMED = "the company's e-mail address is not confirmed yet (confirmEmailAddress)"
NO_SERVER = "No SMTP server: set SMTP_URL or the company's SMTP settings"
NOT_ALLOWED = "the mail server's address is not allowed (a private or local network)"
NO_CONNECTION = "could not connect to the mail server"
LOGIN_REFUSED = "the mail server refused the login"
RECIPIENT_REFUSED = "the mail server refused the recipient"
MESSAGE_REFUSED = "the mail server refused the message"
DEFERRED = "the mail server asked to try again later"


def server_for(config: ChannelConfig) -> SmtpServer | None:
    """The company's own SMTP server, else the service's SMTP_URL, else None."""
    if config.smtp_host:
        port = config.smtp_port or 587
        password = None
        if config.smtp_password is not None:
            try:
                password = decrypt(config.smtp_password)
            except SecretUnreadable:
                raise DeliveryFailed("The SMTP password must be entered again") from None
        return SmtpServer(
            host=config.smtp_host,
            port=port,
            implicit_tls=port == 465,
            username=config.smtp_username if password else None,
            password=password,
        )
    url = current().smtp_url
    return parse_smtp_url(url) if url else None


def reply_subject(subject: str | None) -> str:
    text = header_text(subject)
    if not text:
        return "Re: your message"
    return text if text.lower().startswith(("re:", "aw:", "на:")) else f"Re: {text}"


def build_reply(outbound: Outbound, sender: str, company_name: str) -> EmailMessage:
    domain = sender.rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = mailbox(company_name, sender)
    message["To"] = mailbox(None, outbound.conversation.external_key)
    message["Subject"] = reply_subject(outbound.conversation.subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = f"<reply.{outbound.message.id}.{secrets.token_hex(8)}@{domain}>"
    ids = [header_text(i) for i in outbound.thread_ids if i.startswith("<")]
    if ids:
        message["In-Reply-To"] = ids[-1]
        message["References"] = " ".join(ids[-10:])
    message.set_content(outbound.message.body, charset="utf-8")
    return message


def _reason(error: BaseException) -> tuple[str, bool]:
    """The generic sentence shown for `error`, and whether it is final."""
    if isinstance(error, aiosmtplib.SMTPAuthenticationError):
        return LOGIN_REFUSED, False
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        final = all(r.code >= 500 for r in error.recipients)
        return (RECIPIENT_REFUSED, True) if final else (DEFERRED, False)
    if isinstance(error, aiosmtplib.SMTPRecipientRefused | aiosmtplib.SMTPDataError):
        final = error.code >= 500
        refused = (
            RECIPIENT_REFUSED
            if isinstance(error, aiosmtplib.SMTPRecipientRefused)
            else MESSAGE_REFUSED
        )
        return (refused, True) if final else (DEFERRED, False)
    if isinstance(error, aiosmtplib.SMTPSenderRefused):
        return MESSAGE_REFUSED, error.code >= 500
    return NO_CONNECTION, False


async def _connected(server: SmtpServer, own: bool) -> socket.socket | None:
    """A socket to the company's own server's checked address; None for SMTP_URL (the
    operator's own server, which may well be on this host)."""
    if not own:
        return None
    try:
        return await open_socket(server.host, server.port, TIMEOUT)
    except HostRefused as error:
        log.warning("reply not sent: %s", error)
        raise DeliveryFailed(NOT_ALLOWED) from None
    except (OSError, UnicodeError) as error:
        log.warning("reply not sent: %s: %s: %s", server, type(error).__name__, error)
        raise RetryLater(NO_CONNECTION) from None


class EmailSender:
    async def send(self, outbound: Outbound) -> str | None:
        config = outbound.config
        if config is None or not (config.email_address or config.email_pending_address):
            raise not_connected(outbound, EMAIL_NOT_CONNECTED)
        if not config.email_address:
            raise not_connected(outbound, NOT_CONFIRMED)
        server = server_for(config)
        if server is None:
            raise not_connected(outbound, NO_SERVER)
        await config.fetch_related("company")
        message = build_reply(outbound, config.email_address, config.company.name)
        sock = await _connected(server, own=bool(config.smtp_host))
        try:
            _ = await aiosmtplib.send(
                message,
                hostname=server.host,
                port=None if sock is not None else server.port,
                sock=sock,
                username=server.username,
                password=server.password,
                use_tls=server.implicit_tls,
                start_tls=False if server.implicit_tls else None,
                timeout=TIMEOUT,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            if sock is not None:
                sock.close()
            reason, final = _reason(error)
            log.warning(
                "reply %s via %s not sent (%s): %s: %s",
                outbound.message.id,
                server,
                reason,
                type(error).__name__,
                error,
            )
            raise (DeliveryFailed(reason) if final else RetryLater(reason)) from None
        return str(message["Message-ID"])
