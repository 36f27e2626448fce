"""Which failures mean "a backing service is away" (PostgreSQL restarting, Redis or the S3
bucket down): those are answered 503 with Retry-After and code SERVICE_UNAVAILABLE, so that
clients retry, instead of the generic internal error. Decided from the whole chain of causes,
since the ORM and the broadcast library wrap the driver's errors."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import asyncpg
import botocore.exceptions
import redis.exceptions

# How long clients are asked to wait (Retry-After): a PostgreSQL restart takes a few seconds.
RETRY_AFTER_SECONDS = 5

_AWAY: tuple[type[BaseException], ...] = (
    ConnectionError,  # refused, reset, aborted; tortoise's DBConnectionError too
    TimeoutError,
    socket.gaierror,
    asyncpg.PostgresConnectionError,  # the connection does not exist, failed, was rejected
    asyncpg.CannotConnectNowError,  # "the database system is starting up / shutting down"
    asyncpg.AdminShutdownError,  # "terminating connection due to administrator command"
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    botocore.exceptions.ConnectionError,  # the S3 bucket (photos) cannot be reached
    botocore.exceptions.ReadTimeoutError,
)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _away(error: BaseException) -> bool:
    if isinstance(error, _AWAY) or type(error) is OSError:  # asyncio: every address failed
        return True
    # A pooled connection whose statement the restart cut off mid-way is handed out again in
    # that state (seen on 5 of 340 answers while PostgreSQL restarted under load).
    return isinstance(error, asyncpg.InternalClientError) and "another operation" in str(error)


def backing_service_away(error: BaseException) -> bool:
    """True when `error` (or what caused it) says a database, cache or broker cannot be
    reached right now."""
    return any(_away(e) for e in _causes(error))
