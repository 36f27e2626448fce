"""Outbound e-mail: a staff reply sent to the address the conversation came from, in the same
thread (In-Reply-To: the newest message id of the conversation; References: its ids), from
the company's configured address, through the company's own SMTP server when it gave one,
else through SMTP_URL. Each reply's Message-ID is recorded, so the client's answer to it
threads back into the same conversation.

Refused for good (5xx to the recipient or the data): FAILED at once. Server away, 4xx, no
server configured: tried again with the queue's backoff, the reason shown meanwhile.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

import aiosmtplib

from channels.base import DeliveryFailed, Outbound, RetryLater
from channels.secrets import SecretUnreadable, decrypt
from models import ChannelConfig
from servicedesk.settings import current
from servicedesk.smtp_url import SmtpServer, parse_smtp_url

TIMEOUT = 30.0


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
    text = (subject or "").strip()
    if not text:
        return "Re: your message"
    return text if text.lower().startswith(("re:", "aw:", "на:")) else f"Re: {text}"


def build_reply(outbound: Outbound, sender: str, company_name: str) -> EmailMessage:
    domain = sender.rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = formataddr((company_name, sender))
    message["To"] = outbound.conversation.external_key
    message["Subject"] = reply_subject(outbound.conversation.subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = f"<reply.{outbound.message.id}.{secrets.token_hex(8)}@{domain}>"
    ids = [i for i in outbound.thread_ids if i.startswith("<")]
    if ids:
        message["In-Reply-To"] = ids[-1]
        message["References"] = " ".join(ids[-10:])
    message.set_content(outbound.message.body, charset="utf-8")
    return message


class EmailSender:
    async def send(self, outbound: Outbound) -> str | None:
        config = outbound.config
        if config is None or not config.email_address:
            raise DeliveryFailed("E-mail is not connected (configureEmail)")
        server = server_for(config)
        if server is None:
            raise RetryLater("No SMTP server: set SMTP_URL or the company's SMTP settings")
        await config.fetch_related("company")
        message = build_reply(outbound, config.email_address, config.company.name)
        try:
            _ = await aiosmtplib.send(
                message,
                hostname=server.host,
                port=server.port,
                username=server.username,
                password=server.password,
                use_tls=server.implicit_tls,
                start_tls=False if server.implicit_tls else None,
                timeout=TIMEOUT,
            )
        except aiosmtplib.SMTPRecipientsRefused as error:
            reason = "; ".join(f"{r.code} {r.message}" for r in error.recipients)
            if all(r.code >= 500 for r in error.recipients):
                raise DeliveryFailed(reason) from None
            raise RetryLater(reason) from None
        except (aiosmtplib.SMTPDataError, aiosmtplib.SMTPRecipientRefused) as error:
            if error.code >= 500:
                raise DeliveryFailed(f"{error.code} {error.message}") from None
            raise RetryLater(f"{error.code} {error.message}") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            raise RetryLater(f"{server}: {type(error).__name__}: {error}") from None
        return str(message["Message-ID"])
