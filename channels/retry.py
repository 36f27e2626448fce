"""Retry with backoff, one policy for every outbound queue (the e-mail outbox, the channels'
delivery queue) and for a worker waiting on a server that is away.

A failure is classified by its queue into one of two kinds: `RETRY` (the other side may
accept it later: a busy mailbox, a network error, anything unexpected) or `FAIL_NOW` (it
never will: a refused recipient, a blocked bot, a message that cannot be built). A retried
item waits `base` doubled per failed attempt, at most `cap`; it is given up once
`max_attempts` are used, so nothing is retried forever and nothing is dropped silently (the
queue marks it failed). Jitter takes up to that fraction off each delay at random, so that
processes that failed together (a server that came back) do not all return at one instant."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

# Past this many doublings every useful cap is reached; bounds the shift for any attempt count.
MAX_DOUBLINGS = 20


class Verdict(Enum):
    RETRY = "try again after the backoff, the attempt counted"
    FAIL_NOW = "never deliverable: give up at once"


@dataclass(frozen=True, slots=True)
class Backoff:
    base: timedelta
    cap: timedelta
    max_attempts: int | None = None  # None: never give up (a wait between a loop's rounds)
    jitter: float = 0.0  # 0 <= jitter < 1: a delay d becomes one in (d * (1 - jitter), d]

    def __post_init__(self) -> None:
        if not 0 <= self.jitter < 1 or self.base <= timedelta(0) or self.cap < self.base:
            raise ValueError(f"not a backoff: {self}")

    def delay(self, attempts: int, rng: Callable[[], float] = random.random) -> timedelta:
        """The wait after the `attempts`-th failure in a row (1 for the first)."""
        doublings = min(max(attempts - 1, 0), MAX_DOUBLINGS)
        delay = min(self.base * (1 << doublings), self.cap)
        if self.jitter:
            delay -= delay * self.jitter * rng()
        return delay

    def gives_up(self, attempts: int) -> bool:
        return self.max_attempts is not None and attempts >= self.max_attempts

    def after_failure(
        self, attempts: int, verdict: Verdict, rng: Callable[[], float] = random.random
    ) -> timedelta | None:
        """How long until the next attempt after the `attempts`-th failed one; None when the
        item is given up (a failure for good, or the last attempt used)."""
        if verdict is Verdict.FAIL_NOW or self.gives_up(attempts):
            return None
        return self.delay(attempts, rng)
