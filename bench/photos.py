"""Photo upload benchmark.

    .venv/bin/python -m bench.photos [--uploads 60] [--concurrency 20] [--megabytes 4]
        [--database-url URL]

1. A fresh API process (uvicorn, `servicedesk.app:create_app`) on a temporary DATA_DIR: a
   SQLite file and local photo storage by default, or `--database-url` (an empty PostgreSQL
   database you made) with the photos still local. Migrations run first.
2. A company, a client and an order, created through GraphQL over HTTP.
3. A 12-megapixel JPEG of about `--megabytes` MB (gradients and grain, like a phone photo).
4. `--uploads` uploads of it, `--concurrency` at a time, each a real multipart request with
   the CSRF header (the order's limit of 30 photos is lifted for the run); each is timed from
   sending to the response. The server's RSS is sampled every 20 ms throughout.
5. One upload of a 10 MiB JPEG on its own (the largest allowed), timed, with the server's
   peak RSS during it.

Printed: throughput (uploads/s and MB/s in), latency p50/p90/p99/max, the server's RSS before,
its peak during the run (and VmHWM), and the 10 MiB figures. Everything started is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from PIL import Image, ImageChops

from bench.graphql import PREFLIGHT, multipart_parts

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret-key-that-is-long-enough-0123456789"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1] if ordered else math.nan


def status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return math.nan


def phone_photo(width: int, height: int, target: int) -> bytes:
    """A JPEG of width x height whose size is just under `target` bytes (or the best found)."""
    channels = []
    for i in range(3):
        gradient = Image.linear_gradient("L").rotate(90 * i).resize((width, height))
        channels.append(ImageChops.add(gradient, Image.effect_noise((width, height), 24), 2, -64))
    image = Image.merge("RGB", channels)
    best = b""
    low, high = 50, 100
    while low <= high:
        quality = (low + high) // 2
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        if buffer.tell() <= target:
            best, low = buffer.getvalue(), quality + 1
        else:
            high = quality - 1
    return best


class Sampler:
    """The server's RSS every 20 ms, in a thread; the peak seen."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, status_mb(self.pid, "VmRSS"))
            time.sleep(0.02)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def server(env: dict[str, str]) -> Iterator[tuple[str, int]]:
    full = {**os.environ, **env}
    subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", "migrate"], cwd=ROOT, env=full, check=True
    )
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "servicedesk.app:create_app", "--factory"]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=full,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise TimeoutError("the API process did not come up")
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(10)


def graphql(url: str, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers
    ).json()
    assert "errors" not in body, body
    return body["data"]


def an_order(url: str) -> tuple[str, str]:
    registered = graphql(
        url,
        """mutation($i: RegisterInput!) { register(input: $i) { accessToken } }""",
        {
            "i": {
                "companyName": "Bench",
                "name": "Olga",
                "email": "o@bench.test",
                "password": "x" * 12,
            }
        },
    )
    token = registered["register"]["accessToken"]
    made = graphql(
        url,
        """mutation { createContact(input: {kind: CLIENT, legalForm: PERSON, name: "Anna",
            addresses: [{text: "Tverskaya 1"}]}) { contact { id addresses { id } } } }""",
        {},
        token,
    )["createContact"]["contact"]
    order = graphql(
        url,
        """mutation($i: CreateOrderInput!) {
            createOrder(input: $i) { order { id } errors { field code message } } }""",
        {
            "i": {
                "clientId": made["id"],
                "addressId": made["addresses"][0]["id"],
                "title": "Bench",
                "deadline": (datetime.now(UTC) + timedelta(days=30)).isoformat(),
            }
        },
        token,
    )["createOrder"]
    assert order["order"] is not None, order["errors"]
    return token, order["order"]["id"]


async def one_upload(http: httpx.AsyncClient, token: str, order_id: str, photo: bytes) -> float:
    started = time.perf_counter()
    response = await http.post(
        "/graphql",
        data=multipart_parts(order_id),
        files={"0": ("IMG_0001.jpg", photo, "image/jpeg")},
        headers={"Authorization": f"Bearer {token}", **PREFLIGHT},
    )
    elapsed = time.perf_counter() - started
    payload = response.json()["data"]["uploadOrderPhoto"]
    assert payload["errors"] == [], payload["errors"]
    return elapsed


async def run_uploads(
    url: str, token: str, order_id: str, photo: bytes, count: int, concurrency: int
) -> tuple[list[float], float]:
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as http:

        async def gated() -> float:
            async with gate:
                return await one_upload(http, token, order_id, photo)

        started = time.perf_counter()
        latencies = await asyncio.gather(*(gated() for _ in range(count)))
        return list(latencies), time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    photo = phone_photo(4000, 3000, int(args.megabytes * 1_000_000))
    big = phone_photo(6000, 4500, 10 * 1024 * 1024)
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as data_dir:
        env = {
            "DATA_DIR": data_dir,
            "SECRET_KEY": SECRET,
            "PHOTOS_PER_ORDER": str(args.uploads + 10),
            "DEADLINE_WATCH_SECONDS": "0",
            "ARGON2_MEMORY_KIB": "8192",
            "WRITES_PER_MINUTE": "1000000",  # uploads are writes; the bench measures them
            "WRITE_BURST": "1000000",
            **({"DATABASE_URL": args.database_url} if args.database_url else {}),
        }
        with server(env) as (url, pid):
            token, order_id = an_order(url)
            asyncio.run(run_uploads(url, token, order_id, photo, 2, 2))  # warm up
            before = status_mb(pid, "VmRSS")
            with Sampler(pid) as sampler:
                latencies, seconds = asyncio.run(
                    run_uploads(url, token, order_id, photo, args.uploads, args.concurrency)
                )
            hwm = status_mb(pid, "VmHWM")
            idle = status_mb(pid, "VmRSS")
            with Sampler(pid) as big_sampler:
                big_seconds, _ = asyncio.run(run_uploads(url, token, order_id, big, 1, 1))
    megabytes = len(photo) * args.uploads / 1e6
    print(f"photo: 4000 x 3000 JPEG, {len(photo) / 1e6:.2f} MB; server on {os.cpu_count()} cores")
    print(
        f"{args.uploads} uploads, {args.concurrency} at a time: {seconds:.1f} s, "
        f"{args.uploads / seconds:.2f} uploads/s, {megabytes / seconds:.1f} MB/s in"
    )
    print(
        "latency: "
        + ", ".join(
            f"{name} {percentile(latencies, p):.2f} s"
            for name, p in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100))
        )
    )
    print(
        f"server RSS: {before:.0f} MB before, peak {sampler.peak:.0f} MB during "
        f"(VmHWM {hwm:.0f} MB), {idle:.0f} MB after"
    )
    print(
        f"one 10 MiB JPEG (6000 x 4500, {len(big) / 1e6:.2f} MB): {big_seconds[0]:.2f} s, "
        f"server RSS peak {big_sampler.peak:.0f} MB (from {idle:.0f} MB)"
    )


if __name__ == "__main__":
    main()
