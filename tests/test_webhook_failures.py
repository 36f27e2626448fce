"""Webhook receivers that fail, against the local receiver: 410 fails at once, 5xx, 408,
409 and 429 retried, a receiver that answers 500 for an hour or is not listening retried until
it takes the event (same webhook-id, the order's next event waiting), after 50 failures in a
row the webhook switched off with the owner told, a redirect not followed, a 1 GiB answer not
read, a slow receiver cut at the timeout, a host that resolves to a private address at send
time refused, giving up after 3 days, and a switched-off webhook's deliveries waiting."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from channels.webhook_http import NO_CONNECTION, NOT_ALLOWED, TIMED_OUT, retry_after
from config.settings import Settings, configure
from models import Webhook, WebhookDelivery
from resolvers.webhook_delivery import DISABLE_AFTER, REDIRECT, retry_wait
from resolvers.webhook_fanout import fan_out
from servicedesk.workers.webhook_sender import run_round
from tests.support.api import Api, invite_and_accept
from tests.support.processes import free_port
from tests.support.webhook_receiver import Reply, webhook_receiver
from tests.support.webhook_sends import hook_row, order, rounds, shop, stored
from tests.support.world import move

pytestmark = pytest.mark.asyncio

NOTIFICATIONS = "{ notifications(first: 10) { edges { node { kind text } } } }"


@contextmanager
def settings_changed(settings: Settings, **changes: Any) -> Iterator[None]:
    configure(replace(settings, **changes))
    try:
        yield
    finally:
        configure(settings)


async def test_410_fails_at_once(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.default = Reply(status=410, body=b"gone " * 100)
        await order(api, s)
        assert await rounds(s.company_id) == 1
        assert await rounds(s.company_id, datetime.now(UTC) + timedelta(days=1)) == 0
        assert len(receiver.requests) == 1
    [row] = await stored(hook)
    assert (row.status, row.response_status, row.attempts) == ("FAILED", 410, 1)
    assert row.last_error is not None
    assert row.last_error.startswith("HTTP 410: gone gone")
    assert len(row.last_error) <= len("HTTP 410: ") + 200  # never the whole answer
    assert (await Webhook.get(id=hook.id)).failures_in_row == 1


async def test_a_redirect_is_not_followed(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.answer(Reply(status=307, location=receiver.url + "/elsewhere"))
        await order(api, s)
        await rounds(s.company_id)
        assert [r.path for r in receiver.requests] == ["/hook"]
    [row] = await stored(hook)
    assert (row.status, row.last_error) == ("FAILED", f"HTTP 307: {REDIRECT}")


async def test_a_1_gib_answer_is_not_read(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.answer(Reply(huge_body=1 << 30))
        await order(api, s)
        started = time.monotonic()
        await rounds(s.company_id)
        took = time.monotonic() - started
        await asyncio.sleep(0.2)  # the receiver notices the hang-up
        written = receiver.huge_written
    assert took < 3, took
    assert written < 64 << 20, written  # the sender hung up long before 1 GiB
    [row] = await stored(hook)
    assert (row.status, row.response_status) == ("SUCCEEDED", 200)


async def test_a_slow_receiver_is_cut_at_the_timeout(api: Api, settings: Settings) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver, settings_changed(settings, webhook_timeout_seconds=1):
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.answer(Reply(sleep=4))
        await order(api, s)
        started = time.monotonic()
        assert await rounds(s.company_id) == 1
        took = time.monotonic() - started
    assert 1 <= took < 2.5, took
    [row] = await stored(hook)
    assert (row.status, row.last_error, row.attempts) == ("PENDING", TIMED_OUT, 1)
    assert row.next_attempt_at is not None
    assert (await Webhook.get(id=hook.id)).failures_in_row == 1


async def test_a_host_that_is_private_at_send_time_is_refused(api: Api, settings: Settings) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        # Accepted when created (the setting on), then resolved again at the send: refused.
        # https, so that the address and not the scheme is what the send refuses.
        url = receiver.url.replace("http://127.0.0.1", "https://localhost")
        hook, _ = await hook_row(s.owner, url)
        plain, _ = await hook_row(s.owner, receiver.url)  # and plain http, allowed no more
        await order(api, s)
        with settings_changed(settings, allow_private_hosts=False):
            assert await rounds(s.company_id) == 2
        assert receiver.requests == []
    [row] = await stored(hook)
    assert (row.status, row.last_error, row.response_status) == ("PENDING", NOT_ALLOWED, None)
    [row] = await stored(plain)
    assert row.status == "PENDING"
    assert row.last_error is not None
    assert row.last_error.startswith("the URL is not allowed now: A webhook URL is https")


async def test_50_failures_in_a_row_switch_the_webhook_off(api: Api, settings: Settings) -> None:
    s = await shop(api)
    head = await invite_and_accept(api, s.owner, "Head")
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.default = Reply(status=500)
        for _ in range(DISABLE_AFTER + 2):
            await order(api, s)
        # Retries a minute or more away: a slow machine's rounds send each first attempt only
        # (with the tests' 1 s base, an early failure's retry fell due and was sent as well).
        with settings_changed(settings, webhook_retry_base_seconds=60):
            await rounds(s.company_id)
        sent = len(receiver.requests)
        assert DISABLE_AFTER <= sent <= DISABLE_AFTER + 2
        hook = await Webhook.get(id=hook.id)
        assert not hook.active
        assert hook.disabled_reason == "50 deliveries failed in a row; last: HTTP 500: ok"
        # Switched off: its deliveries wait, neither sent nor failed.
        assert await rounds(s.company_id, datetime.now(UTC) + timedelta(days=1)) == 0
        assert len(receiver.requests) == sent
    statuses = {r.status for r in await stored(hook)}
    assert statuses == {"PENDING"}
    told = await api.ok(NOTIFICATIONS, token=s.owner.access)
    [note] = [e["node"] for e in told["notifications"]["edges"]]
    assert note["kind"] == "WEBHOOK_DISABLED"
    assert receiver.url in note["text"]
    assert "50 deliveries failed in a row" in note["text"]
    untold = await api.ok(NOTIFICATIONS, token=head.access)  # the owner only
    assert all(e["node"]["kind"] != "WEBHOOK_DISABLED" for e in untold["notifications"]["edges"])


async def test_a_success_resets_the_count_and_5xx_is_retried(api: Api, settings: Settings) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.answer(Reply(status=502), Reply(status=429), Reply(status=408), Reply(status=409))
        for _ in range(4):
            await order(api, s)
        # Retries a minute or more away: none falls due while these rounds run, however slow.
        with settings_changed(settings, webhook_retry_base_seconds=60):
            assert await rounds(s.company_id) == 4
        assert (await Webhook.get(id=hook.id)).failures_in_row == 4
        rows = await stored(hook)
        assert {r.status for r in rows} == {"PENDING"}
        assert sorted(r.response_status or 0 for r in rows) == [408, 409, 429, 502]
        later = datetime.now(UTC) + timedelta(hours=1)
        assert await rounds(s.company_id, later) == 4
    assert {r.status for r in await stored(hook)} == {"SUCCEEDED"}
    assert (await Webhook.get(id=hook.id)).failures_in_row == 0


async def test_500_for_an_hour_then_taken_once_with_the_order_waiting(api: Api) -> None:
    """Every retry carries the same webhook-id, each wait doubles (with jitter) from
    WEBHOOK_RETRY_BASE_SECONDS (1 s in tests), and the order's next event waits the hour.
    Each round runs at the clock its retry falls due (the waits add up to an hour)."""
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, secret = await hook_row(s.owner, receiver.url)
        receiver.default = Reply(status=500)
        made = await order(api, s)
        await move(api, s.owner, made["id"], "CANCELLED")
        due: datetime | None = None
        waits: list[float] = []
        while sum(waits) < 3600:
            before = datetime.now(UTC)
            assert await run_round(due, companies=[s.company_id]) == 1  # the next one waits
            first, second = await stored(hook)
            assert (first.status, first.response_status, first.last_error) == (
                "PENDING",
                500,
                "HTTP 500: ok",
            )
            assert (second.status, second.attempts) == ("PENDING", 0)
            assert first.next_attempt_at is not None
            waits.append((first.next_attempt_at - before).total_seconds())
            due = first.next_attempt_at
        tries = len(receiver.requests)
        assert tries == len(waits)
        assert 10 <= tries <= 14, waits  # from 1 s, doubling: about 12 in an hour
        for n, wait in enumerate(waits):  # half its step to all of it (and the round's time)
            assert 2**n / 2 <= wait <= 2**n + 2, (n, waits)
        assert (await Webhook.get(id=hook.id)).failures_in_row == tries
        receiver.default = Reply(status=200)
        assert await rounds(s.company_id, due) == 2  # the retry, then the order's next event
        payloads = receiver.verified(secret)
    ids = [r.id for r in receiver.requests]
    assert ids == [str(first.id)] * (tries + 1) + [str(second.id)]
    assert [p["data"]["kind"] for p in payloads[-2:]] == ["CREATED", "STATUS_CHANGED"]
    assert [(r.status, r.attempts) for r in await stored(hook)] == [
        ("SUCCEEDED", tries + 1),
        ("SUCCEEDED", 1),
    ]
    assert (await Webhook.get(id=hook.id)).failures_in_row == 0


async def test_a_receiver_not_listening_is_retried_until_it_is(api: Api) -> None:
    s = await shop(api)
    hook, _ = await hook_row(s.owner, f"http://127.0.0.1:{free_port()}/hook")  # nobody there
    await order(api, s)
    assert await rounds(s.company_id) == 1
    [row] = await stored(hook)
    assert (row.status, row.last_error, row.response_status, row.attempts) == (
        "PENDING",
        NO_CONNECTION,
        None,
        1,
    )
    assert row.next_attempt_at is not None
    assert (await Webhook.get(id=hook.id)).failures_in_row == 1
    with webhook_receiver() as receiver:  # up again (at a port of its own: the URL follows)
        await Webhook.filter(id=hook.id).update(url=receiver.url)
        assert await rounds(s.company_id, datetime.now(UTC) + timedelta(hours=1)) == 1
        assert [r.id for r in receiver.requests] == [str(row.id)]
    [row] = await stored(hook)
    assert (row.status, row.attempts, row.last_error) == ("SUCCEEDED", 2, None)
    assert (await Webhook.get(id=hook.id)).failures_in_row == 0


async def test_retrying_gives_up_3_days_after_the_event(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        receiver.default = Reply(status=503)
        await order(api, s)
        await fan_out([s.company_id])
        old = datetime.now(UTC) - timedelta(days=3)
        await WebhookDelivery.filter(webhook_id=hook.id).update(created_at=old)
        await rounds(s.company_id)
    [row] = await stored(hook)
    assert (row.status, row.last_error) == ("FAILED", "HTTP 503: ok (given up after 3 days)")


async def test_a_switched_off_webhook_waits_then_goes_on(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        await order(api, s)
        await fan_out([s.company_id])
        await Webhook.filter(id=hook.id).update(active=False)
        assert await rounds(s.company_id) == 0
        assert [r.status for r in await stored(hook)] == ["PENDING"]
        await Webhook.filter(id=hook.id).update(active=True)
        assert await rounds(s.company_id) == 1
        assert len(receiver.requests) == 1


async def test_retry_waits() -> None:
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120
    assert retry_after("Thu, 03 Dec 2026 12:01:30 GMT", now) == 90
    assert retry_after("soon", now) is None
    assert retry_wait(1, 120, 30) == timedelta(seconds=120)
    assert retry_wait(1, 10**9, 30) == timedelta(hours=6)  # capped
    for attempts in range(1, 8):  # equal jitter: half of base * 2^(n-1) to all of it
        step = 30 << (attempts - 1)
        assert timedelta(seconds=step / 2) <= retry_wait(attempts, None, 30)
        assert retry_wait(attempts, None, 30) <= timedelta(seconds=step)
