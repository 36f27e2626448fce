"""Checks on input values shared by several operations."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from permissions.errors import invalid

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_address(value: str, *field: str) -> str:
    """The address normalised (trimmed, lower case), or INVALID."""
    address = value.strip().lower()
    if len(address) > 254 or not _EMAIL.match(address):
        raise invalid("Not a valid e-mail address", *field)
    return address


def required_text(value: str | None, max_length: int, *field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise invalid("Must not be empty", *field)
    if len(text) > max_length:
        raise invalid(f"At most {max_length} characters", *field)
    return text


def optional_text(value: str | None, max_length: int, *field: str) -> str | None:
    text = (value or "").strip()
    if len(text) > max_length:
        raise invalid(f"At most {max_length} characters", *field)
    return text or None


def timezone_name(value: str | None, *field: str) -> str:
    name = (value or "UTC").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(f"Unknown time zone {name!r}", *field) from None
    return name


def future_deadline(deadline: datetime | None, now: datetime, *field: str) -> datetime:
    """Every order and task has a deadline, with an offset, in the future when it is set."""
    if deadline is None:
        raise invalid("A deadline is required", *field)
    if deadline.tzinfo is None:
        raise invalid("Give the deadline with a time zone offset", *field)
    if deadline <= now:
        raise invalid("The deadline must be in the future", *field)
    return deadline.astimezone(UTC)
