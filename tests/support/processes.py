"""Real API processes (uvicorn, or `servicedesk serve` where a process should migrate first) and
a private Redis server, for tests across processes."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A refused connection costs microseconds: polling often finds a process up sooner. (With
# `httpx.get` per poll, each call built an SSL context, ~30 ms of CPU: 3.9% of the suite's.)
POLL_SECONDS = 0.05


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until(
    check: Callable[[], bool],
    seconds: float,
    what: str,
    process: subprocess.Popen[bytes] | None = None,
) -> None:
    """Polls `check` until it holds; a `process` that exits meanwhile fails at once."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, http.client.HTTPException):  # refused, reset, timed out: not up yet
            pass
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it came up")
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{what} did not come up within {seconds} s")


def healthy(port: int) -> bool:
    """GET /healthz answers 200: plain HTTP over the standard library, nothing built per call."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    finally:
        connection.close()


@dataclass
class ApiServer:
    url: str
    process: subprocess.Popen[bytes]


def uvicorn_command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "servicedesk.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        # The protocols and limits `servicedesk serve` runs (servicedesk/cli.py).
        "--ws",
        "servicedesk.transport.ws_protocol:LeanWSProtocol",
        "--ws-per-message-deflate",
        "false",
        "--ws-max-size",
        "1048576",
        "--http",
        "servicedesk.http.http_protocol:GuardedHttpToolsProtocol",
    ]


def serve_command(port: int) -> list[str]:
    """`servicedesk serve` as deployed: it migrates, then runs uvicorn as uvicorn_command does
    (and with the graceful-shutdown timeout): one process instead of a `migrate` one first
    (~0.5 s of CPU and ~0.9 s of waiting saved)."""
    return [sys.executable, "-m", "servicedesk.cli", "serve", "--port", str(port)]


def _stop(processes: Sequence[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to all, then wait for each: their graceful shutdowns overlap."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _launch(
    env: dict[str, str], log: Path, command: Callable[[int], list[str]]
) -> tuple[int, subprocess.Popen[bytes]]:
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            command(port),
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return port, process


@contextmanager
def _serving(
    env: dict[str, str], stages: Sequence[tuple[Sequence[Path], Callable[[int], list[str]]]]
) -> Iterator[list[ApiServer]]:
    """Each stage's processes (one per log) launched side by side, and up, before the next
    stage's are launched; all stopped together at the end, unless the test stopped them."""
    launched: list[tuple[int, subprocess.Popen[bytes]]] = []
    try:
        for logs, command in stages:
            stage = [_launch(env, log, command) for log in logs]
            launched += stage
            for port, process in stage:
                _wait_until(partial(healthy, port), 30, f"API process on {port}", process)
        yield [ApiServer(f"http://127.0.0.1:{port}", process) for port, process in launched]
    finally:
        _stop([process for _, process in launched])


def api_servers(
    env: dict[str, str],
    logs: Sequence[Path],
    command: Callable[[int], list[str]] = uvicorn_command,
) -> AbstractContextManager[list[ApiServer]]:
    """One process per log, all launched before any is waited for (each spends ~1.4 s of CPU
    importing the app: side by side they come up sooner when a core is free)."""
    return _serving(env, [(logs, command)])


def migrating_servers(
    env: dict[str, str], logs: Sequence[Path]
) -> AbstractContextManager[list[ApiServer]]:
    """API processes on a database not yet migrated: the first runs `servicedesk serve` (it
    migrates), the others uvicorn once it is up. Against a `migrate` process and then all side
    by side: ~0.4 s of CPU less (what the suite's two workers wait for), ~0.5 s later up."""
    return _serving(env, [(logs[:1], serve_command), (logs[1:], uvicorn_command)])


@contextmanager
def api_server(
    env: dict[str, str], log: Path, command: Callable[[int], list[str]] = uvicorn_command
) -> Iterator[ApiServer]:
    """A process serving the app (uvicorn by default, or `command(port)`), up when yielded;
    stopped at the end unless the test stopped it."""
    with api_servers(env, [log], command) as (server,):
        yield server


@contextmanager
def api_process(env: dict[str, str], log: Path) -> Iterator[str]:
    """A uvicorn process serving the app; yields its base URL."""
    with api_server(env, log) as server:
        yield server.url


@contextmanager
def api_processes(env: dict[str, str], logs: Sequence[Path]) -> Iterator[list[str]]:
    """Processes serving the app on a database not yet migrated (`migrating_servers`); yields
    their base URLs."""
    with migrating_servers(env, logs) as servers:
        yield [server.url for server in servers]


class RedisServer:
    """A redis-server of the test's own, so stopping it disturbs nobody else."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary is not None, "redis-server is not installed"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def answers() -> bool:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")

        _wait_until(answers, 10, "redis-server", self.process)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", "migrate"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        timeout=120,
    )
