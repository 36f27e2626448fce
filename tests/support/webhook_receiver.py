"""A local webhook receiver for tests: a plain HTTP server in a thread of its own that records
every request (headers, body, when) and answers as it is told, one scripted reply per request
(then the default): a status, a Retry-After, a pause, a redirect, or a huge body that it
writes until the client hangs up (it counts what it managed to write).

The receiving side verifies signatures the way a partner would, with the `standardwebhooks`
library (`verified`), and de-duplicates by `webhook-id` (`unique_ids`)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks import Webhook

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Reply:
    """How to answer one request."""

    status: int = 200
    retry_after: str | None = None
    sleep: float = 0.0  # seconds before answering at all
    location: str | None = None  # a redirect target
    huge_body: int = 0  # bytes announced and written until the client goes away
    body: bytes = b"ok"


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def id(self) -> str:
        return self.headers["webhook-id"]

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str = ""
    requests: list[Received] = field(default_factory=list)
    script: deque[Reply] = field(default_factory=deque)
    default: Reply = field(default_factory=Reply)
    huge_written: int = 0  # bytes of the last huge body written before the client hung up
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, *replies: Reply) -> None:
        """The next requests get these replies, in order; then the default."""
        with self.lock:
            self.script.extend(replies)

    def next_reply(self) -> Reply:
        with self.lock:
            return self.script.popleft() if self.script else self.default

    def record(self, received: Received) -> None:
        with self.lock:
            self.requests.append(received)

    def verified(self, secret: str) -> list[Any]:
        """Every request's payload, each signature checked by standardwebhooks (raises
        WebhookVerificationError on a bad one)."""
        hook = Webhook(secret)
        return [hook.verify(r.body, r.headers) for r in list(self.requests)]

    def unique_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in list(self.requests):
            seen.setdefault(r.id, None)
        return list(seen)

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()
            self.script.clear()
            self.default = Reply()


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            receiver.record(Received(self.path, headers, body, time.monotonic()))
            reply = receiver.next_reply()
            if reply.sleep:
                time.sleep(reply.sleep)
            with contextlib.suppress(OSError):
                self._answer(reply)

        def _answer(self, reply: Reply) -> None:
            self.send_response(reply.status)
            if reply.retry_after is not None:
                self.send_header("Retry-After", reply.retry_after)
            if reply.location is not None:
                self.send_header("Location", reply.location)
            if reply.huge_body:
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(reply.huge_body))
                self.end_headers()
                chunk = b"x" * CHUNK
                written = 0
                try:
                    while written < reply.huge_body:
                        self.wfile.write(chunk)
                        written += CHUNK
                finally:
                    receiver.huge_written = written
                    self.close_connection = True
                return
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

    return Handler


@contextmanager
def webhook_receiver() -> Iterator[Receiver]:
    """A receiver listening on 127.0.0.1 (a free port) until the block ends."""
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, name="webhook-receiver", daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
