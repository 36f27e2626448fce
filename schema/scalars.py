"""Scalars whose refusals speak to the client, not in the parser's words.

Strawberry's DateTime parser appends the library's own error to its refusal ("invalid literal
for int() with base 10: b'yest'"): an implementation detail, useless to a client. Here the
refusal names the type and the form it expects, and nothing of the parser. Python's own
ISO 8601 parser (3.11 reads the forms dateutil's `isoparse` did: `Z`, offsets, basic form).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.schema.types.base_scalars import DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

DATETIME_FORM = "an ISO 8601 date and time with its offset, such as 2026-12-03T10:00:00+03:00"


def _parse_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except (ValueError, OverflowError):
            pass
    shown = value if isinstance(value, str | int | float) and len(str(value)) <= 40 else "…"
    raise StrawberryInputCoercionError(
        f'Value cannot represent a DateTime: "{shown}". Expected {DATETIME_FORM}.'
    )


DATETIME: ScalarDefinition = replace(DateTimeDefinition, parse_value=_parse_datetime)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {dt.datetime: DATETIME}
