"""Graceful shutdown under uvicorn: on SIGTERM (or Ctrl-C) the open WebSockets close with
1001 first; then uvicorn stops accepting connections, lets in-flight requests finish, and
runs the lifespan's shutdown, which stops the background tasks. The process exits 0.

Left to itself, uvicorn would close the sockets with 1012 (service restart) and exit by
re-raising the signal (status 143). So while uvicorn's own handlers are installed (it runs
the app's lifespan inside them), the app routes the signals through `before_exit` and then
tells uvicorn's server to exit, as its handler would have. A second signal goes straight to
uvicorn (a second Ctrl-C forces the exit).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Awaitable, Callable
from types import FrameType

from compat.uvicorn import running_server

log = logging.getLogger("servicedesk.shutdown")

SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Closing sockets is a write per socket; this bounds a stuck one.
BEFORE_EXIT_SECONDS = 5.0


def take_over_exit_signals(before_exit: Callable[[], Awaitable[object]]) -> Callable[[], None]:
    """Run `before_exit` when uvicorn is told to stop; returns what puts uvicorn's handlers
    back. Does nothing when uvicorn's handlers are not installed (tests, other servers)."""
    server = running_server(SIGNALS)
    if server is None or threading.current_thread() is not threading.main_thread():
        return lambda: None
    loop = asyncio.get_running_loop()
    previous = {signum: signal.getsignal(signum) for signum in SIGNALS}
    requested: list[int] = []
    draining: set[asyncio.Task[None]] = set()

    async def drain(signum: int) -> None:
        log.info("%s received: shutting down", signal.Signals(signum).name)
        try:
            async with asyncio.timeout(BEFORE_EXIT_SECONDS):
                await before_exit()
        except Exception:
            log.exception("closing before exit failed; exiting all the same")
        finally:
            server.should_exit = True

    def start(signum: int) -> None:
        task = loop.create_task(drain(signum), name="background:shutdown")
        draining.add(task)
        task.add_done_callback(draining.discard)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        handler = previous[signal.Signals(signum)]
        if requested and callable(handler):
            handler(signum, frame)
            return
        requested.append(signum)
        loop.call_soon_threadsafe(start, signum)

    for signum in SIGNALS:
        signal.signal(signum, on_signal)

    def restore() -> None:
        for signum, handler in previous.items():
            if signal.getsignal(signum) is on_signal:
                signal.signal(signum, handler)

    return restore
