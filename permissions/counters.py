"""Counters that rate limits reserve atomically, before the work they guard.

A limit that is read before slow work (an argon2 hash) and written after it lets every
concurrent attempt through: each one reads the same old count. Here one statement decides and
counts at once: in the database an upsert that adds one only while the count is under the
limit (a concurrent attempt waits on the row's lock and then sees the new count), in Redis a
script (Redis runs one script at a time). Redis holds the counters when REDIS_URL is set (every
process shares it already), else the database does.

Windows are fixed: the count starts again at each window's start, so N per window may let up
to 2N through across a window's edge; that is the price of one row per limit and subject
instead of one per attempt.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass
from typing import cast

from redis import asyncio as redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tortoise import connections

from config.settings import current

log = logging.getLogger("servicedesk.limits")

# Adds one while under the limit; 1 when it did, 0 when the limit is reached.
_RESERVE = """
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""
_RELEASE = """
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used > 0 then redis.call('DECR', KEYS[1]) end
return used
"""

_UPSERT = (
    "INSERT INTO rate_counter (bucket, window_start, used, expires) VALUES ({0}, {1}, 1, {2}) "
    "ON CONFLICT (bucket, window_start) DO UPDATE SET used = rate_counter.used + 1 "
    "WHERE rate_counter.used < {3} RETURNING used"
)
_RELEASE_SQL = (
    "UPDATE rate_counter SET used = used - 1 WHERE bucket = {0} AND window_start = {1} AND used > 0"
)
_PRUNE = "DELETE FROM rate_counter WHERE expires < {0}"


@dataclass(frozen=True, slots=True)
class Reservation:
    """One use of a limit, counted in the window it was taken in (so giving it back later
    never takes one from the next window)."""

    bucket: str
    window_start: int
    seconds: int
    in_redis: bool = False


def _window_start(seconds: int, now: float) -> int:
    return int(now // seconds) * seconds


async def reserve(bucket: str, limit: int, seconds: int) -> Reservation | None:
    """Count one use of `bucket` in the current window of `seconds`; None (nothing counted)
    when `limit` uses are counted already."""
    start = _window_start(seconds, time.time())
    url = current().redis_url
    if url:
        try:
            taken = await _redis_call(url, _RESERVE, _redis_key(bucket, start), limit, seconds)
            return Reservation(bucket, start, seconds, in_redis=True) if taken else None
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            # Logins keep working while Redis is away: the database counts meanwhile.
            log.warning("limit counted in the database: Redis is away (%s)", type(error).__name__)
    taken = await _sql_reserve(bucket, start, start + seconds, limit)
    return Reservation(bucket, start, seconds) if taken else None


async def release(reservation: Reservation) -> None:
    """Give a use back (a login that turned out right counts no failure)."""
    url = current().redis_url
    if url and reservation.in_redis:
        key = _redis_key(reservation.bucket, reservation.window_start)
        try:
            _ = await _redis_call(url, _RELEASE, key)
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            # A right password still logs in: the use stays counted until its window ends.
            log.warning("limit not given back: Redis is away (%s)", type(error).__name__)
        return
    sql, values = _sql(_RELEASE_SQL, reservation.bucket, reservation.window_start)
    _ = await connections.get("default").execute_query(sql, values)


def _sql(template: str, *values: object) -> tuple[str, list[object]]:
    client = connections.get("default")
    marks = (
        ["?"] * len(values)
        if client.capabilities.dialect == "sqlite"
        else [f"${n}" for n in range(1, len(values) + 1)]
    )
    return template.format(*marks), list(values)


async def _sql_reserve(bucket: str, start: int, expires: int, limit: int) -> bool:
    client = connections.get("default")
    sql, values = _sql(_UPSERT, bucket, start, expires, limit)
    rows = await client.execute_query_dict(sql, values)  # execute_query drops RETURNING's row
    if not rows:
        return False
    if int(rows[0]["used"]) == 1:  # a new window's first use: drop the windows that ended
        prune, old = _sql(_PRUNE, int(time.time()))
        _ = await client.execute_query(prune, old)
    return True


def redis_key(name: str) -> str:
    """A key tied to the database, so deployments (or test runs) sharing a Redis never count
    each other's attempts."""
    digest = hashlib.sha256(current().database_url.encode()).hexdigest()[:12]
    return f"servicedesk:{digest}:{name}"


def _redis_key(bucket: str, start: int) -> str:
    return redis_key(f"limit:{bucket}:{start}")


_clients: dict[tuple[str, int], redis.Redis] = {}


def redis_client(url: str) -> redis.Redis:
    """One client per URL and event loop (a client's connections belong to one loop)."""
    key = (url, id(asyncio.get_running_loop()))
    client = _clients.get(key)
    if client is None:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        _clients[key] = client
    return client


async def _redis_call(url: str, script: str, key: str, *args: int) -> int:
    result = await cast("asyncio.Future[int]", redis_client(url).eval(script, 1, key, *args))
    return int(result)


async def close_clients() -> None:
    """Close this event loop's Redis clients (the app's lifespan ends)."""
    loop = id(asyncio.get_running_loop())
    for key in [k for k in _clients if k[1] == loop]:
        await _clients.pop(key).aclose()
