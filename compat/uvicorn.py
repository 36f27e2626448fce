"""uvicorn's internals: the running server (found through the signal handler it installs),
and the two protocol classes subclassed for connection limits and lighter WebSockets, with
the undocumented state they touch."""

from __future__ import annotations

import signal
from collections.abc import Iterable
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle
from uvicorn.protocols.websockets.wsproto_impl import WSProtocol


def running_server(signals: Iterable[signal.Signals]) -> uvicorn.Server | None:
    """The uvicorn Server whose bound method handles one of `signals`, if any: uvicorn
    installs `Server.handle_exit` while it serves and offers no other way to reach it."""
    for signum in signals:
        owner = getattr(signal.getsignal(signum), "__self__", None)
        if isinstance(owner, uvicorn.Server):
            return owner
    return None


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with the state its subclass reads given names."""

    def upgrading(self) -> bool:
        """The request being parsed asks for a protocol upgrade uvicorn will perform."""
        return bool(self.parser.should_upgrade() and self._should_upgrade())

    def reading_paused(self) -> bool:
        """uvicorn stopped reading the socket because the app is behind."""
        return bool(self.flow.read_paused)

    def current_cycle(self) -> RequestResponseCycle | None:
        """The request being answered; None before a first request."""
        cycle: RequestResponseCycle | None = self.cycle
        return cycle


class WebSocketProtocol(WSProtocol):
    """uvicorn's wsproto protocol, its message queue and write-flow event replaceable."""

    def replace_buffers(self, queue: Any, writable: Any) -> None:
        """Use `queue` (`put_nowait`, `get`, `empty`, `qsize`) for received events and
        `writable` (`set`, `clear`, `is_set`, `wait`) for write flow control."""
        self.queue = queue
        self.writable = writable


__all__ = ["HttpProtocol", "RequestResponseCycle", "WebSocketProtocol", "running_server"]
