"""Write budgets: how fast a member, an API token or a chat visitor may change things.

Every field of a mutation costs one write. Each writer has a bucket of WRITE_BURST writes that
refills at WRITES_PER_MINUTE (a token bucket, kept as the generic cell rate algorithm's one
number per writer: the moment its bucket is full again), so a person's bursts pass and a script
that posts 200 comments in two seconds is stopped after the burst. A refused operation runs
none of its fields, so nothing of it is stored.

Who pays: a session's member; an API token itself (an integration does not starve the person
who made it); a chat visitor's conversation. Anonymous operations (login, register, startChat)
have their own per-address limits (permissions/throttle.py).

Buckets live in Redis when REDIS_URL is set (one script reads and writes a bucket, so all
processes share it atomically), else in this process (one process on the embedded default;
no await between reading and writing a bucket, so concurrent requests cannot both spend it).
While Redis is away, each process keeps its own buckets: writes still reach PostgreSQL and
their events wait in the outbox, and a budget per process is still a budget.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from dataclasses import dataclass
from typing import cast

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from config.settings import current
from permissions.actor import Actor
from permissions.counters import redis_client, redis_key
from permissions.webchat import Visitor

log = logging.getLogger("servicedesk.limits")

# Returns how many seconds too early the writes come (0: spent).
_SPEND = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local interval = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local full_at = tonumber(redis.call('GET', KEYS[1]) or '0')
if full_at < now then full_at = now end
local after = full_at + tonumber(ARGV[3]) * interval
local early = after - now - capacity
if early > 0 then return tostring(early) end
redis.call('SET', KEYS[1], tostring(after), 'PX', math.ceil((after - now) * 1000) + 1000)
return '0'
"""

# A bucket left alone this long is full again and forgotten.
_PRUNE_AT = 10_000


@dataclass(frozen=True, slots=True)
class Refusal:
    """Too many writes: the operation may be sent again after `retry_after` seconds."""

    retry_after: int
    message: str


def writer(actor: Actor | None, visitor: Visitor | None) -> str | None:
    """Whose budget an operation spends; None for anonymous callers."""
    if actor is not None:
        if actor.api_token_id is not None:
            return f"token:{actor.api_token_id}"
        return f"member:{actor.membership_id}"
    if visitor is not None:
        return f"visitor:{visitor.conversation_id}"
    return None


async def spend_writes(actor: Actor | None, visitor: Visitor | None, writes: int) -> Refusal | None:
    """Take `writes` from the caller's bucket, or take nothing and say when to come back."""
    subject = writer(actor, visitor)
    if subject is None or writes <= 0:
        return None
    settings = current()
    interval = 60.0 / settings.writes_per_minute
    capacity = settings.write_burst * interval
    if writes > settings.write_burst:
        return Refusal(60, f"At most {settings.write_burst} writes in one request")
    key = redis_key(f"writes:{subject}")
    early = None
    if settings.redis_url:
        answer = redis_client(settings.redis_url).eval(
            _SPEND, 1, key, repr(interval), repr(capacity), writes
        )
        try:
            early = float(await cast("asyncio.Future[bytes]", answer))
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            log.warning(
                "write budget kept in this process: Redis is away (%s)", type(error).__name__
            )
    if early is None:
        early = _local.spend(key, interval, capacity, writes)
    if early <= 0:
        return None
    wait = max(1, math.ceil(early))
    return Refusal(wait, f"Too many changes in a short time; try again in {wait} s")


class _LocalBuckets:
    """This process's buckets: when each writer's is full again (monotonic seconds)."""

    def __init__(self) -> None:
        self.full_at: dict[str, float] = {}

    def spend(self, subject: str, interval: float, capacity: float, writes: int) -> float:
        now = time.monotonic()
        after = max(self.full_at.get(subject, now), now) + writes * interval
        early = after - now - capacity
        if early > 0:
            return early
        if len(self.full_at) >= _PRUNE_AT:
            self.full_at = {k: v for k, v in self.full_at.items() if v > now}
        self.full_at[subject] = after
        return 0.0


_local = _LocalBuckets()
