"""Confirming a company's e-mail address: nobody receives another's mail or sends as it.

configureEmail only asks for an address (`email_pending_address`); the service then mails a
code to that address through its own mail path (the outbox, SMTP_URL, never the company's
own server, which would prove nothing). The address is routed to the company and becomes
the From of its replies (`email_address`) only when the OWNER enters the code
(confirmEmailAddress). Until then the previous confirmed address, if any, stays in use.

- An address another company holds is answered exactly like a free one (a code is mailed to
  it, nothing tells it is taken); the first company to confirm wins: the column is unique,
  and a later confirmation, which only the address's owner can make, gets CONFLICT.
- The code (8 characters of an unambiguous alphabet) is stored as an HMAC under a key of its
  own derived from SECRET_KEY; it works for CODE_HOURS, and MAX_ATTEMPTS wrong guesses end
  it, each counted by a conditional update before the comparison, so concurrent guesses
  cannot pass the limit. A new code is mailed at most once per RESEND (no mail cannon).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from config.settings import current
from domain.errors import DomainError, ErrorCode, invalid
from domain.texts import pick_locale, t, when
from models import ChannelConfig, Company
from resolvers.mail import queue_email

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_HOURS = 24
MAX_ATTEMPTS = 5
RESEND = timedelta(seconds=60)
_LABEL = b"servicedesk e-mail address codes v1"
FIELD = ("code",)


@dataclass(frozen=True, slots=True)
class Requested:
    """What configureEmail does about the address: the columns to set, and whether a code
    is to be mailed (after the row is saved, in the same transaction)."""

    changes: dict[str, Any]
    code: str | None = None


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def code_hash(code: str) -> str:
    """The keyed hash of a code as typed (case, spaces and dashes do not matter)."""
    typed = "".join(ch for ch in code.upper() if ch.isalnum())
    key = hmac.new(current().secret_key.encode(), _LABEL, hashlib.sha256).digest()
    return hmac.new(key, typed.encode(), hashlib.sha256).hexdigest()


def request_address(config: ChannelConfig, address: str, now: datetime) -> Requested:
    """The changes that ask for `address`: none for the confirmed address (a waiting one
    is dropped), a new code unless one was mailed for it within RESEND."""
    if address == config.email_address:
        return Requested(
            {"email_pending_address": None, "email_code_hash": None, "email_code_attempts": 0}
        )
    sent = config.email_code_sent_at
    recent = sent is not None and now - sent < RESEND
    if address == config.email_pending_address and recent:
        return Requested({})
    if recent:
        raise _too_soon()
    code = new_code()
    return Requested(
        {
            "email_pending_address": address,
            "email_code_hash": code_hash(code),
            "email_code_sent_at": now,
            "email_code_attempts": 0,
        },
        code,
    )


def _too_soon() -> DomainError:
    return DomainError(
        ErrorCode.RATE_LIMITED,
        "A confirmation mail was sent a moment ago; try again in a minute",
        ["input", "address"],
    )


async def mail_code(company_id: int, address: str, code: str, now: datetime) -> None:
    """Queue the code's mail, if no other request took this minute's mail (a conditional
    update: of concurrent requests, one mails, the others get RATE_LIMITED)."""
    free = Q(email_code_sent_at=None) | Q(email_code_sent_at__lte=now - RESEND)
    taken = await ChannelConfig.filter(free, company_id=company_id).update(email_code_sent_at=now)
    if not taken:
        raise _too_soon()
    company = await Company.get(id=company_id)
    lang = pick_locale(company.locale)
    until = when(now + timedelta(hours=CODE_HOURS), lang, company.timezone)
    about = {"address": address, "company": company.name}
    _ = await queue_email(
        company_id,
        address,
        t(lang, "mail.email_code.subject", **about),
        t(lang, "mail.email_code.body", code=code, until=until, **about),
    )


async def confirm_address(company_id: int, code: str) -> ChannelConfig:
    """Make the waiting address the company's, if `code` is its code."""
    now = datetime.now(UTC)
    mine = ChannelConfig.filter(company_id=company_id, email_code_hash__not_isnull=True)
    config = await mine.first()
    if config is None or config.email_pending_address is None:
        raise invalid("No address waits for a code: configure the address first", *FIELD)
    sent = config.email_code_sent_at
    if sent is None or now - sent > timedelta(hours=CODE_HOURS):
        raise DomainError(
            ErrorCode.EXPIRED, "The code has expired: configure the address for a new code", FIELD
        )
    counted = await mine.filter(email_code_attempts__lt=MAX_ATTEMPTS).update(
        email_code_attempts=F("email_code_attempts") + 1
    )
    if not counted:
        raise invalid("Too many wrong codes: configure the address for a new code", *FIELD)
    if not hmac.compare_digest(code_hash(code), config.email_code_hash or ""):
        raise invalid("This is not the code that was sent", *FIELD)
    address = config.email_pending_address
    try:
        done = await mine.filter(
            email_pending_address=address, email_code_hash=config.email_code_hash
        ).update(
            email_address=address,
            email_pending_address=None,
            email_code_hash=None,
            email_code_attempts=0,
        )
    except IntegrityError:
        raise DomainError(
            ErrorCode.CONFLICT,
            "This address is connected to another company",
            FIELD,
        ) from None
    if not done:
        raise invalid("The address was changed meanwhile: use the newest code", *FIELD)
    return await ChannelConfig.get(company_id=company_id)
