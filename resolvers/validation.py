"""Checks on input values shared by several operations: every text, date-time and sum a
client sends passes one function here, so a value is normalised and range-checked the same
way wherever it comes in (and the database never sees one its column cannot hold)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.errors import invalid
from resolvers.text import clean_free_text, clean_name, has_invisible

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Date-times a client sends lie between these: earlier is a typo (the service did not exist),
# and `9999-12-31T23:00:00-05:00` would overflow when made UTC. A deadline or a token's expiry
# is at most ten years ahead; the end of a filter's or report's range may stand for "all of
# it" (`to: 2100-01-01`), so ranges end by `RANGE_END` instead.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
HORIZON_YEARS = 10
HORIZON = timedelta(days=365 * HORIZON_YEARS + HORIZON_YEARS // 4)
RANGE_END = datetime(2200, 1, 1, tzinfo=UTC)

# Sums are DECIMAL(12, 2) columns (models/orders.py): below 10^10 after rounding to cents.
CENT = Decimal("0.01")
MONEY_LIMIT = Decimal(10) ** 10


def email_address(value: str, *field: str) -> str:
    """The address normalised (trimmed, lower case), or INVALID."""
    address = value.strip().lower()
    if len(address) > 254 or not _EMAIL.match(address) or has_invisible(address):
        raise invalid("Not a valid e-mail address", *field)
    return address


def _limited(text: str, max_length: int, *field: str) -> str:
    if len(text) > max_length:
        raise invalid(f"At most {max_length} characters", *field)
    return text


def required_text(value: str | None, max_length: int, *field: str) -> str:
    """Free text (resolvers/text.py), not empty."""
    text = clean_free_text(value or "")
    if not text:
        raise invalid("Must not be empty", *field)
    return _limited(text, max_length, *field)


def optional_text(value: str | None, max_length: int, *field: str) -> str | None:
    """Free text (resolvers/text.py), None when empty."""
    return _limited(clean_free_text(value or ""), max_length, *field) or None


def required_name(value: str | None, max_length: int, *field: str) -> str:
    """A name or title (resolvers/text.py); INVALID when nothing visible is left."""
    text = clean_name(value or "")
    if not text:
        raise invalid("Must not be empty (invisible characters do not count)", *field)
    return _limited(text, max_length, *field)


def optional_name(value: str | None, max_length: int, *field: str) -> str | None:
    """A name or title (resolvers/text.py), None when nothing visible is left."""
    return _limited(clean_name(value or ""), max_length, *field) or None


def search_text(value: str | None) -> str:
    """What a search looks for, cleaned as names are, so it matches what was stored."""
    return clean_name(value or "")


def timezone_name(value: str | None, *field: str) -> str:
    name = (value or "UTC").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(f"Unknown time zone {name!r}", *field) from None
    return name


def instant(
    value: datetime, now: datetime, *field: str, latest: datetime | None = None
) -> datetime:
    """The date-time in UTC: with an offset, from `EARLIEST` to `latest` (`HORIZON` after
    now unless given: `RANGE_END` for the bounds of a range)."""
    if value.utcoffset() is None:
        raise invalid("Give the time with a time zone offset", *field)
    latest = now + HORIZON if latest is None else latest
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not EARLIEST <= utc <= latest:
        raise invalid(f"Must be between {EARLIEST:%Y-%m-%d} and {latest:%Y-%m-%d}", *field)
    return utc


def future_deadline(deadline: datetime | None, now: datetime, *field: str) -> datetime:
    """Every order and task has a deadline, with an offset, in the future when it is set."""
    if deadline is None:
        raise invalid("A deadline is required", *field)
    if deadline.utcoffset() is None:
        raise invalid("Give the deadline with a time zone offset", *field)
    utc = instant(deadline, now, *field)
    if utc <= now:
        raise invalid("The deadline must be in the future", *field)
    return utc


def money(value: Decimal | None, *field: str) -> Decimal | None:
    """A sum rounded to cents (half up), from 0 to 9,999,999,999.99; -0 is 0."""
    if value is None:
        return None
    try:
        cents = value.quantize(CENT, rounding=ROUND_HALF_UP) if value.is_finite() else None
    except InvalidOperation:  # more digits than the context's precision
        cents = None
    if cents is None or not 0 <= cents < MONEY_LIMIT:
        raise invalid(f"Must be a sum from 0 to {MONEY_LIMIT - CENT}", *field)
    return abs(cents)  # Decimal("-0.00") is stored as -0.00
