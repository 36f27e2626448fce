"""Opaque Relay global ids: base64 of `Type:pk`."""

from __future__ import annotations

import base64
import binascii


def to_global_id(type_name: str, pk: int | str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def parse_global_id(value: str) -> tuple[str, str] | None:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, sep, pk = raw.partition(":")
    return (type_name, pk) if sep and type_name and pk else None


NO_ROW = 0


def decode_id(value: str, type_name: str) -> int:
    """The integer pk of a global id of `type_name`; `NO_ROW` (0) for anything else.

    No row has pk 0, so a malformed id, another type's id and a hidden row look alike.
    """
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != type_name or not parsed[1].isdigit():
        return NO_ROW
    pk = int(parsed[1])
    return pk if pk < 2**31 else NO_ROW


def decode_optional_id(value: str | None, type_name: str) -> int | None:
    return None if value is None else decode_id(value, type_name)
