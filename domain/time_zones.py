"""A company's time zone and language, checked before they are stored.

An unknown zone name would make every local computation (working hours, free slots, series
visits) fail later, far from the input that caused it; so only IANA names the installed
zone database knows are taken.
"""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from domain.errors import invalid

LOCALES = ("en", "ru")
MAX_ZONE_LENGTH = 64


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_time_zone(name: str, *field: str) -> str:
    """The IANA name as given ("Europe/Berlin"); an unknown one is INVALID."""
    value = name.strip()
    if len(value) > MAX_ZONE_LENGTH or value not in _known_zones():
        raise invalid(
            f"{name[:MAX_ZONE_LENGTH]!r} is not a known time zone: use an IANA name "
            "such as Europe/Berlin",
            *field,
        )
    return value


def zone(name: str) -> ZoneInfo:
    """The zone of a stored (checked) name; ZoneInfo keeps one instance per name."""
    return ZoneInfo(name)


def check_locale(value: str, *field: str) -> str:
    """A language the service writes messages in: "en" or "ru" (any case)."""
    locale = value.strip().lower()
    if locale not in LOCALES:
        raise invalid(f"The language must be one of: {', '.join(LOCALES)}", *field)
    return locale
