"""Constants and small helpers of the fan-out benchmark. Light on imports: the client
processes import it too."""

from __future__ import annotations

import json
import math
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
SECRET_KEY = "bench-fanout-secret-key-0123456789abcdefghijklmnop"
PROTOCOL = "graphql-transport-ws"
LEAN_WS = "servicedesk.transport.ws_protocol:LeanWSProtocol"
SUBSCRIPTION = "subscription { orderEvents { cursor kind order { id status } } }"
SET_STATUS = """mutation($id: ID!, $s: OrderStatus!) {
  setOrderStatus(id: $id, status: $s) { order { id status } errors { field code message } }
}"""
PONG = json.dumps({"type": "pong"})

# The targets: every event delivered; p99 within 300 ms at 1,000 subscribers.
TARGET_DELIVERY = 1.0
TARGET_P99_MS = {100: 300.0, 1000: 300.0, 5000: 1000.0}
TARGET_MB_PER_1000 = 30.0

IDLE_CPU_SECONDS = 5.0
PRIME_SUBSCRIBERS = 30
# The app names its background tasks "background:<what>". Those of them that carry an event to
# the subscribers are its delivery; the others (socket watch, hub poll, outbox relay, deadline
# watch, ...) run on their own clock and are reported apart, as "periodic:<what>".
DELIVERY_TASKS = frozenset({"hub-feed", "redis-listener"})
PERIODIC = "periodic:"

# Loaded by the API processes through PYTHONPATH when a GC or memory figure is asked.
GC_PROBE = ROOT / "bench" / "gcprobe"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; nan for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def raise_open_files(needed: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return soft
    target = needed if hard == resource.RLIM_INFINITY else max(needed, hard)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, max(target, hard)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
