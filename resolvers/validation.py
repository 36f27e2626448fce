"""Checks on input values shared by several operations."""

from __future__ import annotations

import re
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
