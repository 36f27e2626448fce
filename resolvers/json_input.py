"""JSON from clients, parsed with bounds: GraphQL bodies, GET variables, WebSocket messages,
webhook payloads.

The standard library's parser recurses once per level and fails with a RecursionError (an
internal error) on `[[[[…` 10,000 deep; orjson stops at 1,024 levels with a JSONDecodeError
and refuses lone surrogates (which no database can store). No request needs more than a few
levels, so anything past `MAX_JSON_DEPTH` is refused with that reason. NUL characters, which
PostgreSQL refuses in text and JSON, are dropped from every string, keys included.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

MAX_JSON_DEPTH = 32


class JsonTooDeep(json.JSONDecodeError):
    """A JSONDecodeError, so every caller that refuses malformed JSON refuses this too."""

    def __init__(self) -> None:
        super().__init__(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", "", 0)

    def __str__(self) -> str:
        return f"JSON nested deeper than {MAX_JSON_DEPTH} levels"


def loads(data: str | bytes) -> Any:
    """The value of `data`; JSONDecodeError (JsonTooDeep past the depth) for anything else."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if str(error).startswith("depth limit exceeded"):
            raise JsonTooDeep() from None
        raise
    return _cleaned(value, 0)


def _cleaned(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, list):
        if depth >= MAX_JSON_DEPTH:
            raise JsonTooDeep()
        return [_cleaned(item, depth + 1) for item in value]
    if isinstance(value, dict):
        if depth >= MAX_JSON_DEPTH:
            raise JsonTooDeep()
        return {_cleaned(k, depth): _cleaned(v, depth + 1) for k, v in value.items()}
    return value
