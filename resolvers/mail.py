"""Outgoing e-mail: written to the outbox table; in development also logged."""

from __future__ import annotations

import logging

from models import OutboxEmail
from servicedesk.settings import current

log = logging.getLogger("servicedesk.mail")


async def queue_email(company_id: int | None, to: str, subject: str, body: str) -> OutboxEmail:
    email = await OutboxEmail.create(company_id=company_id, to=to, subject=subject, body=body)
    if not current().production:
        log.info("e-mail to %s: %s\n%s", to, subject, body)
    return email
