"""E-mail channel helpers: connecting an address the way an owner does (configureEmail, then
the code from the confirmation mail the service sent to it), and the process's settings
changed for the length of a test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from config.settings import configure, current
from models import OutboxEmail
from tests.support.api import Api, Session

ERRORS = "errors { field code message }"
SETTINGS_FIELDS = """emailAddress emailAddressVerified confirmedEmailAddress
  emailVerificationSentAt smtpHost smtpPort imapHost"""
CONFIGURE = f"""mutation($input: EmailSettingsInput!) {{ configureEmail(input: $input) {{
  settings {{ {SETTINGS_FIELDS} }} {ERRORS} }} }}"""
CONFIRM = f"""mutation($code: String!) {{ confirmEmailAddress(code: $code) {{
  settings {{ {SETTINGS_FIELDS} }} {ERRORS} }} }}"""
CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b")


def code_in(text: str) -> str:
    found = CODE.search(text)
    assert found is not None, text
    return found.group(1)


async def code_from_outbox(address: str) -> str:
    """The code of the newest confirmation mail queued for `address` (the outbox is the
    mail path; tests that need the mail itself send it over SMTP)."""
    row = (
        await OutboxEmail.filter(to=address, subject__startswith="Confirm").order_by("-id").first()
    )
    assert row is not None, f"no confirmation mail to {address}"
    return code_in(row.body)


async def connect_email(api: Api, owner: Session, address: str, **servers: Any) -> dict[str, Any]:
    """configureEmail, then confirmEmailAddress with the mailed code; the settings shown."""
    data = await api.ok(CONFIGURE, {"input": {"address": address, **servers}}, owner.access)
    assert data["configureEmail"]["errors"] == [], data["configureEmail"]["errors"]
    return await confirm(api, owner, address)


async def confirm(api: Api, owner: Session, address: str) -> dict[str, Any]:
    """confirmEmailAddress with the code mailed to `address`; the settings shown."""
    code = await code_from_outbox(address.strip().lower())
    confirmed = await api.ok(CONFIRM, {"code": code}, owner.access)
    payload: dict[str, Any] = confirmed["confirmEmailAddress"]
    assert payload["errors"] == [], payload["errors"]
    assert payload["settings"]["emailAddressVerified"] is True
    settings: dict[str, Any] = payload["settings"]
    return settings


@contextmanager
def settings_changed(**changes: Any) -> Iterator[None]:
    """The process's settings (what channels read) with `changes`, for the block."""
    before = current()
    configure(replace(before, **changes))
    try:
        yield
    finally:
        configure(before)
