"""Logging: one JSON object per line in production (what log collectors parse), readable
text in development; every line of a request carries its request id.

`logging_config` is a `logging.config.dictConfig` dict that `servicedesk serve` hands to
uvicorn, which applies it in every worker process. Secrets never belong in a message; as a
second line of defence the formatters blank anything shaped like a bearer token, an API
token or a JWT, and the values a message quotes (user text, request paths) are escaped onto
one line, so nobody forges a log line with a CR or LF in an order title or a URL.
"""

from __future__ import annotations

import json
import logging
import numbers
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from config.settings import Settings

# Set by servicedesk.http.middleware.RequestId for the lifetime of a request or WebSocket.
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

# Fields that log calls pass with `extra=` and that the JSON lines carry as their own keys.
FIELDS = ("method", "path", "status", "duration_ms", "operation", "client", "code")

_SECRET = re.compile(
    r"(?i)(bearer\s+)\S+"  # an Authorization header's value
    r"|sd_[A-Za-z0-9_-]{8,}"  # an API token
    r"|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"  # a JWT (access token)
    r"|\d{5,}:[A-Za-z0-9_-]{30,}"  # a Telegram bot token (also inside /bot<token>/ URLs)
)


# Characters that could end a log line early, rewrite the terminal or reorder the text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def redact(text: str) -> str:
    return _SECRET.sub(lambda m: (m.group(1) or "") + "[redacted]", text)


def escape(text: str) -> str:
    """`text` on one line: CR, LF and other control or bidi characters as `\\n`, `\\x1b`..."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class _OneLine:
    """An argument that `%s` and `%r` both render escaped (`%r` stays a repr)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        return escape(str(self.value))

    def __repr__(self) -> str:
        return escape(repr(self.value))


def _escaped(value: object) -> object:
    # Numbers (Decimal too) stay themselves for `%d` and `%.2f`, and hold no control character.
    return value if isinstance(value, numbers.Number) or value is None else _OneLine(value)


def message_of(record: logging.LogRecord) -> str:
    """The record's message with its arguments (the values: user text, a path, an error
    that quotes input) escaped onto one line; the format string is the code's own."""
    args = record.args
    if isinstance(args, tuple):
        args = tuple(_escaped(arg) for arg in args)
    elif isinstance(args, dict):
        args = {key: _escaped(value) for key, value in args.items()}
    if not args:
        return str(record.msg)
    return str(record.msg) % args


class RequestIdFilter(logging.Filter):
    """Stamps each record with the request id of the request it was logged in, or `-`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(message_of(record)),
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id and request_id != "-":
            entry["request_id"] = request_id
        for name in FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get() or "-"
        escaped = logging.makeLogRecord(record.__dict__)  # other handlers see the original
        escaped.msg, escaped.args = message_of(record), None
        return redact(super().format(escaped))


def logging_config(settings: Settings, level: str = "INFO") -> dict[str, Any]:
    """Everything goes to stderr through the root logger, uvicorn's own messages included;
    uvicorn's access log is off, servicedesk.access writes one line per request instead
    (servicedesk/http/telemetry.py), with the request id and the GraphQL operation."""
    formatter = "json" if settings.production else "text"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"json": {"()": JsonFormatter}, "text": {"()": TextFormatter}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": formatter,
                "filters": ["request_id"],
            }
        },
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "uvicorn": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.error": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
            "tortoise": {"level": "WARNING"},
            "aerich": {"level": "WARNING"},
        },
    }
