"""A worker whose cancellation Python 3.11's `asyncio.wait_for` lost still ends at shutdown
(compat/cancel.py). CI once saw the app, stopping after it sent an e-mail, wait for good."""

from __future__ import annotations

import asyncio
import gc
import sys

import pytest

from compat.cancel import cancel, cancel_and_wait


async def looping_worker(reply: asyncio.Future[int], rounds: list[int]) -> None:
    """A worker like the mail sender: it waits for a reply (as aiosmtplib does), then loops."""
    _ = await asyncio.wait_for(reply, 10)
    while True:
        rounds.append(1)
        await asyncio.sleep(0.05)


async def started(rounds: list[int]) -> tuple[asyncio.Task[None], asyncio.Future[int]]:
    """A worker cancelled in the same loop turn as its reply arrives: the lost case."""
    reply: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(looping_worker(reply, rounds))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    reply.set_result(1)
    return task, reply


@pytest.mark.asyncio
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12's wait_for keeps it")
async def test_one_cancel_is_lost_on_python_311() -> None:
    """The fault itself, so that the helpers' tests below are known to exercise it."""
    rounds: list[int] = []
    task, _ = await started(rounds)
    task.cancel()
    await asyncio.sleep(0.2)
    assert not task.done(), "the worker went on after its cancellation"
    assert rounds
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


@pytest.mark.asyncio
async def test_cancel_and_wait_ends_a_worker_that_lost_its_cancellation() -> None:
    rounds: list[int] = []
    task, _ = await started(rounds)
    async with asyncio.timeout(5):
        await cancel_and_wait([task])
    assert task.cancelled()
    ended_at = len(rounds)
    await asyncio.sleep(0.2)
    assert len(rounds) == ended_at


@pytest.mark.asyncio
async def test_cancel_ends_a_worker_nobody_waits_for() -> None:
    rounds: list[int] = []
    task, _ = await started(rounds)
    cancel(task)
    done, _ = await asyncio.wait([task], timeout=5)
    assert done == {task}
    assert task.cancelled()


@pytest.mark.asyncio
async def test_cancel_and_wait_gives_cleanup_its_time() -> None:
    """A task that cleans up after its cancellation is not cut short while it does."""
    cleaned: list[str] = []

    async def tidy() -> None:
        try:
            await asyncio.sleep(10)
        finally:
            await asyncio.sleep(0.3)  # an unsubscribe, a closed connection
            cleaned.append("done")

    task = asyncio.create_task(tidy())
    await asyncio.sleep(0)
    async with asyncio.timeout(5):
        await cancel_and_wait([task, task])
    assert cleaned == ["done"]


@pytest.mark.asyncio
async def test_cancel_keeps_nothing_once_the_task_has_ended() -> None:
    """A socket's task cancelled on close is let go at once, not a second later."""
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    cancel(task)
    done, _ = await asyncio.wait([task], timeout=5)
    assert done == {task}
    await asyncio.sleep(0)
    referrers = [r for r in gc.get_referrers(task) if not isinstance(r, (set, list, dict))]
    assert referrers == [], referrers
