"""The retry policy both outbound queues share (channels/retry.py): its schedule, its cap, its
jitter and when it gives up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from channels import delivery
from channels.retry import Backoff, Verdict
from servicedesk.workers import mail_sender

SECOND = timedelta(seconds=1)
POLICY = Backoff(base=5 * SECOND, cap=60 * SECOND, max_attempts=4)


def test_each_failure_doubles_the_wait_up_to_the_cap() -> None:
    waits = [POLICY.delay(attempts) for attempts in range(1, 8)]
    assert waits == [5 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND] + [60 * SECOND] * 3
    assert POLICY.delay(0) == 5 * SECOND  # no failure counted yet: the base
    assert POLICY.delay(10**9) == 60 * SECOND  # any count: capped, no overflow


def test_it_gives_up_after_the_last_attempt_or_at_once_when_told() -> None:
    assert [POLICY.after_failure(n, Verdict.RETRY) for n in range(1, 5)] == [
        5 * SECOND,
        10 * SECOND,
        20 * SECOND,
        None,
    ]
    assert POLICY.after_failure(1, Verdict.FAIL_NOW) is None
    endless = Backoff(base=SECOND, cap=SECOND)
    assert endless.after_failure(10**6, Verdict.RETRY) == SECOND


def test_jitter_takes_at_most_its_fraction_off() -> None:
    jittered = Backoff(base=10 * SECOND, cap=80 * SECOND, jitter=0.25)
    assert jittered.delay(2, rng=lambda: 0.0) == 20 * SECOND
    assert jittered.delay(2, rng=lambda: 0.999) > 15 * SECOND
    assert jittered.delay(9, rng=lambda: 0.5) == 70 * SECOND  # the cap, less an eighth
    waits = {jittered.delay(3) for _ in range(50)}
    assert len(waits) > 1  # spread, not one instant
    assert all(30 * SECOND < wait <= 40 * SECOND for wait in waits)


@pytest.mark.parametrize(
    "arguments",
    [
        {"base": SECOND, "cap": SECOND, "jitter": 1.0},
        {"base": SECOND, "cap": SECOND, "jitter": -0.1},
        {"base": timedelta(0), "cap": SECOND},
        {"base": 2 * SECOND, "cap": SECOND},
    ],
)
def test_a_policy_that_is_no_backoff_is_refused(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not a backoff"):
        Backoff(**arguments)  # type: ignore[arg-type]


def test_both_queues_use_it() -> None:
    """The e-mail outbox and the channels' queue keep their schedules, from the one policy."""
    assert mail_sender.retry_delay(1) == 30 * SECOND
    assert mail_sender.retry_delay(8) == timedelta(hours=1)
    assert mail_sender.RETRY.gives_up(mail_sender.MAX_ATTEMPTS)
    assert delivery.retry_delay(3) == 20 * SECOND
    assert delivery.retry_delay(12) == timedelta(minutes=10)
    assert delivery.RETRY.gives_up(delivery.MAX_ATTEMPTS)
    assert not delivery.RETRY.gives_up(delivery.MAX_ATTEMPTS - 1)
    away = [mail_sender.SERVER_AWAY.delay(n, rng=lambda: 0.0).total_seconds() for n in (1, 9)]
    assert away == [4.0, mail_sender.UNAVAILABLE_WAIT_MAX]
