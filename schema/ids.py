"""Opaque Relay global ids: base64 of `Type:pk`.

A pk is ASCII digits within its column's range, or it names no row: `int()` would also take
`²` (and fail) or `١٢` (and succeed), and a number past the column makes the database fail,
so anything else reads exactly like an id that never existed (NOT_FOUND, `node` null).
"""

from __future__ import annotations

import base64
import binascii
import re

# Every table behind a Node type has an int4 primary key (models/); event cursors are int8.
INT4_MAX = 2**31 - 1
INT8_MAX = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def to_global_id(type_name: str, pk: int | str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def parse_global_id(value: str) -> tuple[str, str] | None:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, sep, pk = raw.partition(":")
    return (type_name, pk) if sep and type_name and pk else None


def row_number(text: str, maximum: int = INT4_MAX) -> int | None:
    """A positive integer of ASCII digits up to `maximum`, or None."""
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= maximum else None


NO_ROW = 0


def decode_id(value: str, type_name: str) -> int:
    """The integer pk of a global id of `type_name`; `NO_ROW` (0) for anything else.

    No row has pk 0, so a malformed id, another type's id and a hidden row look alike.
    """
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != type_name:
        return NO_ROW
    return row_number(parsed[1]) or NO_ROW


def decode_any_id(value: str) -> tuple[str, int] | None:
    """The type name and pk of a global id of any type, or None (for `node`)."""
    parsed = parse_global_id(value)
    pk = None if parsed is None else row_number(parsed[1])
    return None if parsed is None or pk is None else (parsed[0], pk)


def decode_optional_id(value: str | None, type_name: str) -> int | None:
    return None if value is None else decode_id(value, type_name)
