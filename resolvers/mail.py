"""Outgoing e-mail: written to the outbox table; in development also logged, on one line
(servicedesk/logs.py escapes the subject's and the body's line breaks)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from config.settings import current
from models import OutboxEmail

log = logging.getLogger("servicedesk.mail")


async def queue_email(company_id: int | None, to: str, subject: str, body: str) -> OutboxEmail:
    email = await OutboxEmail.create(company_id=company_id, to=to, subject=subject, body=body)
    if not current().production:
        log.info("e-mail to %s: %s: %s", to, subject, body)
    return email


async def queue_emails(emails: Sequence[tuple[int | None, str, str, str]]) -> None:
    """Several e-mails (company, to, subject, body) into the same outbox, in one INSERT."""
    await OutboxEmail.bulk_create(
        [OutboxEmail(company_id=c, to=to, subject=s, body=b) for c, to, s, b in emails],
        batch_size=500,
    )
    if not current().production:
        for _, to, subject, body in emails:
            log.info("e-mail to %s: %s: %s", to, subject, body)
