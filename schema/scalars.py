"""Scalars whose refusals speak to the client, not in the parser's words.

Strawberry's DateTime parser appends the library's own error to its refusal ("invalid literal
for int() with base 10: b'yest'"): an implementation detail, useless to a client. Here the
refusal names the type and the form it expects, and nothing of the parser. Python's own
ISO 8601 parser (3.11 reads the forms dateutil's `isoparse` did: `Z`, offsets, basic form).

Date is a calendar day in the form YYYY-MM-DD only. A Time that is text but no time of day
("25:00") is let through as that text, not refused here: its refusal is then a UserError
naming the input field (`input_time`), as every other bad value of a mutation's input is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import cast

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.schema.types.base_scalars import (
    DateDefinition,
    DateTimeDefinition,
    TimeDefinition,
)
from strawberry.types.scalar import ScalarDefinition

from domain.errors import DomainError
from domain.working_hours import parse_time

DATETIME_FORM = "an ISO 8601 date and time with its offset, such as 2026-12-03T10:00:00+03:00"


def _parse_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except (ValueError, OverflowError):
            pass
    raise StrawberryInputCoercionError(
        f'Value cannot represent a DateTime: "{_shown(value)}". Expected {DATETIME_FORM}.'
    )


DATETIME: ScalarDefinition = replace(DateTimeDefinition, parse_value=_parse_datetime)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Longer text is no time of day: what is kept of it for the UserError stays short.
_MAX_TIME_TEXT = 20


def _shown(value: object) -> object:
    return value if isinstance(value, str | int | float) and len(str(value)) <= 40 else "…"


def _parse_date(value: object) -> dt.date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise StrawberryInputCoercionError(
        f'Value cannot represent a Date: "{_shown(value)}". Expected YYYY-MM-DD, '
        "such as 2026-12-03."
    )


def _parse_time(value: object) -> dt.time | str:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(
            f'Value cannot represent a Time: "{_shown(value)}". Expected HH:MM or HH:MM:SS.'
        )
    try:
        return parse_time(value)
    except DomainError:
        return value[:_MAX_TIME_TEXT]


def _serialize_time(value: dt.time) -> str:
    """ "HH:MM", or "HH:MM:SS" when the seconds are not zero."""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def input_time(value: dt.time, *field: str) -> dt.time:
    """The time an input field carried; INVALID naming `field` when the client's text was none.

    Input fields typed `dt.time` hold the client's text when it is no time of day (the Time
    scalar lets it through so that the refusal names the field): call this before using one.
    """
    given = cast(dt.time | str, value)
    return parse_time(given, *field) if isinstance(given, str) else given


DATE: ScalarDefinition = replace(
    DateDefinition,
    description="A calendar day, YYYY-MM-DD, in the company's time zone.",
    parse_value=_parse_date,
)
TIME: ScalarDefinition = replace(
    TimeDefinition,
    description="A time of day, HH:MM[:SS], in the company's time zone.",
    serialize=_serialize_time,
    parse_value=_parse_time,
)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {
    dt.datetime: DATETIME,
    dt.date: DATE,
    dt.time: TIME,
}
