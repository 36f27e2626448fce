"""Real API processes (uvicorn) and a private Redis server, for tests across processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until(check: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if callable(check) and check():
                return
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {seconds} s")


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


@contextmanager
def api_server(
    env: dict[str, str], log: Path, command: Callable[[int], list[str]] = uvicorn_command
) -> Iterator[ApiServer]:
    """A process serving the app (uvicorn by default, or `command(port)`), up when yielded;
    stopped at the end unless the test stopped it."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            command(port),
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until(
            lambda: httpx.get(f"{url}/healthz", timeout=1).status_code == 200,
            30,
            f"API process on {port}",
        )
        yield ApiServer(url, process)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def api_process(env: dict[str, str], log: Path) -> Iterator[str]:
    """A uvicorn process serving the app; yields its base URL."""
    with api_server(env, log) as server:
        yield server.url


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

        _wait_until(answers, 10, "redis-server")

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
