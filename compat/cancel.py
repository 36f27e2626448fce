"""Cancelling a task so that it ends, on Python 3.11 too.

Python 3.11's `asyncio.wait_for` returns the inner result when a cancellation arrives in the
same loop turn as that result, and the cancellation is lost (CPython gh-86296, fixed in 3.12).
Libraries we use wait that way (aiosmtplib for every SMTP reply), so a worker cancelled once
at shutdown can go on looping, and the lifespan waits for it for good: CI saw an app that sent
its e-mail never finish stopping. These helpers cancel again until the task has ended. Our
own code waits with `asyncio.timeout`, which does not lose a cancellation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

# Long enough for a task's own cleanup (an unsubscribe, a closed connection) to finish before
# it is interrupted again, short enough that a lost cancellation costs a stop about a second.
AGAIN_SECONDS = 1.0


async def cancel_and_wait(tasks: Iterable[asyncio.Task[Any]]) -> None:
    """Cancel the tasks and return when every one has ended, whatever it raised."""
    pending = {task for task in tasks if not task.done()}
    while pending:
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=AGAIN_SECONDS)


class _Again:
    """Cancels its task again every AGAIN_SECONDS until it ends. A class, not closures: a
    closure that schedules itself is a reference cycle, which keeps the task (and a closed
    socket's context) until the garbage collector runs; a cancelled timer drops its callback."""

    __slots__ = ("task", "timer")

    def __init__(self, task: asyncio.Task[Any]) -> None:
        self.task = task
        self.timer = task.get_loop().call_later(AGAIN_SECONDS, self.again)
        task.add_done_callback(self.ended)

    def again(self) -> None:
        if not self.task.done():
            self.task.cancel()
            self.timer = self.task.get_loop().call_later(AGAIN_SECONDS, self.again)

    def ended(self, _: asyncio.Task[Any]) -> None:
        self.timer.cancel()


def cancel(task: asyncio.Task[Any]) -> None:
    """Cancel a task nobody waits for, and cancel it again while it goes on running; nothing
    holds the task once it has ended."""
    if not task.done():
        task.cancel()
        _Again(task)
