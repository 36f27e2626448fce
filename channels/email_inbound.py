"""Inbound e-mail: routing a received message to the companies it was written to, and the
SMTP listener (aiosmtpd) the service runs when INBOUND_SMTP_PORT is set.

The company's MX (or a forwarding rule at its mail provider) delivers to the listener; a
recipient that is no company's configured address is refused at RCPT (550), so the listener
is no open relay and never holds mail for nobody. IMAP polling (channels/imap_poll.py) hands
its messages to the same `receive_mail`.

No mail loops: a message that is automatic (channels/email_parse.py: Auto-Submitted,
bounces, reports, Precedence bulk/junk/list) or that comes from the company's own address
is accepted and dropped: it opens no conversation and gets no reply.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Sequence
from dataclasses import dataclass

from aiosmtpd.smtp import SMTP, Envelope, Session

from channels.email_parse import ParsedMail, parse_mail
from config.settings import Settings
from models import Channel, ChannelConfig
from resolvers.inbound import Inbound, Recorded, record_inbound

log = logging.getLogger("servicedesk.email")

NO_TEXT = "(no text)"


async def companies_for(addresses: Sequence[str]) -> dict[int, str]:
    """The companies whose configured address is among `addresses`: id -> address."""
    wanted = list({a.strip().lower() for a in addresses if a})
    if not wanted:
        return {}
    rows = await ChannelConfig.filter(email_address__in=wanted).values_list(
        "company_id", "email_address"
    )
    return {int(company): str(address) for company, address in rows}


def _inbound(company_id: int, mail: ParsedMail) -> Inbound:
    body = mail.text or (f"({len(mail.files)} attachment(s))" if mail.files else NO_TEXT)
    return Inbound(
        company_id=company_id,
        channel=Channel.EMAIL,
        thread_key=mail.sender,
        body=body,
        sender_name=mail.sender,  # the inbox shows the address (the display name can lie)
        subject=mail.subject,
        external_id=mail.message_id,
        references=mail.references,
        one_thread_per_key=False,
        contact_email=mail.sender,
        files=mail.files,
    )


async def receive_mail(
    raw: bytes,
    envelope_sender: str | None,
    recipients: Sequence[str] | None = None,
    company_id: int | None = None,
) -> list[Recorded]:
    """Record `raw` for each company it was sent to (the envelope's recipients, else the
    headers'), or for `company_id` (its IMAP mailbox). Automatic mail and mail from the
    company's own address record nothing."""
    mail = parse_mail(raw, envelope_sender)
    if company_id is not None:
        config = await ChannelConfig.get_or_none(company_id=company_id)
        if config is None or config.email_address is None:
            return []
        targets = {company_id: config.email_address}
    else:
        targets = await companies_for(list(recipients or mail.recipients))
    recorded: list[Recorded] = []
    for company, address in targets.items():
        if mail.automatic is not None:
            log.info("e-mail to company %s dropped: %s", company, mail.automatic)
            continue
        if mail.sender == address:
            log.info("e-mail to company %s dropped: sent from its own address", company)
            continue
        recorded.append(await record_inbound(_inbound(company, mail)))
    return recorded


@dataclass
class InboundMailHandler:
    """aiosmtpd's handler: recipients checked at RCPT, the message recorded at DATA."""

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook names)
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        try:
            known = await companies_for([address])
        except Exception:
            log.exception("looking up a recipient failed")
            return "451 4.3.0 Try again later"
        if not known:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content or envelope.content
        if not isinstance(content, bytes):
            return "554 5.6.0 Message not readable"
        try:
            _ = await receive_mail(content, envelope.mail_from, envelope.rcpt_tos)
        except Exception:  # the database may be away: the sending server tries again
            log.exception("recording an inbound e-mail failed")
            return "451 4.3.0 Try again later"
        return "250 OK: received"


async def run_smtp_listener(settings: Settings, bound: asyncio.Future[int] | None = None) -> None:
    """Listen on INBOUND_SMTP_HOST:INBOUND_SMTP_PORT until cancelled; `bound` gets the port
    (INBOUND_SMTP_PORT=0 takes any free one)."""
    if settings.inbound_smtp_port is None:
        return
    loop = asyncio.get_running_loop()
    handler = InboundMailHandler()
    try:
        server = await loop.create_server(
            lambda: SMTP(
                handler,
                data_size_limit=settings.inbound_mail_max_bytes,
                hostname="servicedesk",
                decode_data=False,
            ),
            settings.inbound_smtp_host,
            settings.inbound_smtp_port,
            # `servicedesk serve --workers N`: every worker listens, the kernel shares them out.
            reuse_port=hasattr(socket, "SO_REUSEPORT"),
        )
    except OSError as error:
        log.error("the inbound SMTP listener cannot start: %s", error)
        raise
    port = int(server.sockets[0].getsockname()[1])
    log.info("inbound SMTP listening on %s:%d", settings.inbound_smtp_host, port)
    if bound is not None:
        bound.set_result(port)
    try:
        await asyncio.Event().wait()
    finally:
        server.close()
        await server.wait_closed()
