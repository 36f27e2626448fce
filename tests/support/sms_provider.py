"""A local fake SMS provider for tests: a plain HTTP server in a thread of its own that speaks
both dialects channels/sms.py knows, sms.ru's (`POST /sms/send`, a JSON verdict inside a 200)
and Twilio's (`POST /2010-04-01/Accounts/<sid>/Messages.json`, Basic auth, 201 or an error
status). It records every request (path, form, Authorization) and answers as it is told, one
scripted reply per request, then a success in the request's dialect."""

from __future__ import annotations

import base64
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
from urllib.parse import parse_qs

KEY = "smsru-test-key-0123456789"
ACCOUNT = "AC0123456789abcdef"
TOKEN = "twilio-test-token-9876543210"
FROM = "+15550001111"


@dataclass(frozen=True)
class Reply:
    """How to answer one request: an HTTP status, a Retry-After, a JSON body (None: the
    dialect's success), or a raw body."""

    status: int = 200
    retry_after: str | None = None
    body: Any = None
    raw: bytes | None = None
    sleep: float = 0.0  # seconds before answering at all


@dataclass(frozen=True)
class Request:
    path: str
    form: dict[str, str]
    authorization: str | None

    @property
    def basic_auth(self) -> tuple[str, str] | None:
        if not self.authorization or not self.authorization.startswith("Basic "):
            return None
        user, _, password = base64.b64decode(self.authorization[6:]).decode().partition(":")
        return user, password


@dataclass
class Provider:
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    script: deque[Reply] = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def smsru_url(self, key: str = KEY) -> str:
        return f"smsru+http://{key}@127.0.0.1:{self.port}"

    def twilio_url(self) -> str:
        return f"twilio+http://{ACCOUNT}:{TOKEN}@127.0.0.1:{self.port}?from={FROM}"

    def answer(self, *replies: Reply) -> None:
        with self.lock:
            self.script.extend(replies)

    def next_reply(self) -> Reply | None:
        with self.lock:
            return self.script.popleft() if self.script else None

    def record(self, request: Request) -> None:
        with self.lock:
            self.requests.append(request)

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()
            self.script.clear()


def smsru_sent(number: str, sms_id: str = "000000-1") -> dict[str, Any]:
    return {
        "status": "OK",
        "status_code": 100,
        "sms": {number: {"status": "OK", "status_code": 100, "sms_id": sms_id}},
        "balance": 100.5,
    }


def smsru_refused(number: str, code: int, text: str) -> dict[str, Any]:
    return {
        "status": "OK",
        "status_code": 100,
        "sms": {number: {"status": "ERROR", "status_code": code, "status_text": text}},
    }


def _success(path: str, form: dict[str, str]) -> tuple[int, Any]:
    if path == "/sms/send":
        return 200, smsru_sent(form.get("to", ""))
    return 201, {"sid": "SM0001", "status": "queued", "to": form.get("To")}


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
            provider.record(Request(self.path, form, self.headers.get("authorization")))
            reply = provider.next_reply()
            if reply is not None and reply.sleep:
                time.sleep(reply.sleep)
            status, answer = _success(self.path, form)
            if reply is not None:
                status = reply.status
                answer = reply.body if reply.body is not None else answer
            data = reply.raw if reply is not None and reply.raw is not None else b""
            data = data or json.dumps(answer).encode()
            with contextlib.suppress(OSError):
                self.send_response(status)
                if reply is not None and reply.retry_after is not None:
                    self.send_header("Retry-After", reply.retry_after)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    # A burst of connections at once (the pacing test) is not left waiting on a full
    # backlog for the kernel's one-second SYN retry.
    request_queue_size = 128


@contextmanager
def sms_provider() -> Iterator[Provider]:
    """A fake provider listening on 127.0.0.1 (a free port) until the block ends."""
    provider = Provider()
    server = _Server(("127.0.0.1", 0), _handler(provider))
    server.daemon_threads = True
    provider.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, name="sms-provider", daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
