"""Domain errors: expected failures that reach clients as `UserError`s with a code."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    EXPIRED = "EXPIRED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"


class DomainError(Exception):
    """An expected failure; `field` is the path to the input at fault."""

    def __init__(self, code: ErrorCode, message: str, field: Sequence[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = list(field) if field is not None else None


def not_found(what: str, field: Sequence[str] | None = None) -> DomainError:
    """The one error for both "missing" and "not yours": hidden means absent."""
    return DomainError(ErrorCode.NOT_FOUND, f"{what} not found", field)


def invalid(message: str, *field: str) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, list(field) or None)


def forbidden(message: str = "You may not do this") -> DomainError:
    return DomainError(ErrorCode.FORBIDDEN, message)


class Unauthenticated(Exception):
    """No valid credentials for an operation that needs them."""
