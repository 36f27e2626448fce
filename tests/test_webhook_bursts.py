"""An order's burst of events goes out in one sender round, still in order and once: after a
delivery succeeds, its order's next is claimed and sent in the same round (a chain per
(webhook, order)), where a round used to send one event of each order. A failure ends the
chain (the next event waits for the retry), and rounds running at once still send each
delivery once, each order's events in order."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import replace

import pytest

from config.settings import Settings, configure
from resolvers.webhook_delivery import CHAIN
from servicedesk.workers.webhook_sender import run_round
from tests.support.api import Api
from tests.support.webhook_receiver import Reply, webhook_receiver
from tests.support.webhook_sends import Shop, hook_row, order, rounds, shop, stored
from tests.support.world import COMMENT

pytestmark = pytest.mark.asyncio

BURST = 6  # the creation and 5 comments


async def burst(api: Api, s: Shop, count: int = BURST) -> str:
    """An order made and commented: `count` events in a row."""
    made = await order(api, s)
    for n in range(1, count):
        done = await api.ok(COMMENT, {"o": made["id"], "b": f"note {n}"}, s.owner.access)
        assert done["addComment"]["errors"] == []
    return str(made["id"])


async def test_an_orders_burst_goes_out_in_one_round_in_order(api: Api) -> None:
    assert CHAIN >= BURST
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, secret = await hook_row(s.owner, receiver.url)
        await burst(api, s)
        assert await run_round(companies=[s.company_id]) == BURST  # was 1: one a round
        assert await run_round(companies=[s.company_id]) == 0
        payloads = receiver.verified(secret)
    rows = await stored(hook)
    assert [r.status for r in rows] == ["SUCCEEDED"] * BURST
    assert [p["data"]["cursor"] for p in payloads] == [str(r.event_seq) for r in rows]
    assert [r.id for r in receiver.requests] == [str(r.id) for r in rows]
    assert {r.attempts for r in rows} == {1}


async def test_a_failure_ends_the_chain_and_the_next_event_waits(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        await burst(api, s, 4)
        receiver.answer(Reply(status=200), Reply(status=503, retry_after="60"))
        assert await run_round(companies=[s.company_id]) == 2  # the first, then the refused
        first, second, third, fourth = await stored(hook)
        assert (first.status, second.status, second.response_status) == (
            "SUCCEEDED",
            "PENDING",
            503,
        )
        assert [(r.status, r.attempts) for r in (third, fourth)] == [("PENDING", 0)] * 2
        assert await rounds(s.company_id) == 0  # the retry is a minute away: all wait
        assert len(receiver.requests) == 2


async def test_rounds_at_once_send_each_burst_once_and_in_order(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        await hook_row(s.owner, receiver.url + "/a")
        await hook_row(s.owner, receiver.url + "/b")
        for _ in range(4):
            await burst(api, s, 5)
        sent = await asyncio.gather(*(run_round(companies=[s.company_id]) for _ in range(3)))
        sent_more = await rounds(s.company_id)
        assert sum(sent) + sent_more == 2 * 4 * 5
        ids = [r.id for r in receiver.requests]
        assert len(ids) == len(set(ids)) == 40
        per_order: dict[tuple[str, str], list[int]] = defaultdict(list)
        for request in receiver.requests:
            data = request.json()["data"]
            per_order[(request.path, data["order"]["id"])].append(int(data["cursor"]))
    assert len(per_order) == 8
    assert all(cursors == sorted(cursors) for cursors in per_order.values())


async def test_a_claim_whose_lease_no_longer_covers_the_timeout_is_given_back_unsent(
    api: Api, settings: Settings
) -> None:
    """With no margin past the timeout, every claim is too old by the time a worker takes it:
    released (the attempt uncounted, no lease), never sent beside a process that took it
    over."""
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        await order(api, s)
        configure(replace(settings, webhook_lease_margin_seconds=0))
        try:
            assert await run_round(companies=[s.company_id]) == 0
        finally:
            configure(settings)
        [row] = await stored(hook)
        assert (row.status, row.attempts, row.claimed_until) == ("PENDING", 0, None)
        assert receiver.requests == []
        assert await rounds(s.company_id) == 1  # taken at once by the next round
    [row] = await stored(hook)
    assert (row.status, row.attempts) == ("SUCCEEDED", 1)
