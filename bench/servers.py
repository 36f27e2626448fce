"""The processes a bench run starts: the API as `servicedesk serve` runs it, and the raw
baseline; their memory and the statement probe (bench/probe/sitecustomize.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "probe"
SECRET_KEY = "bench-secret-key-0123456789abcdefghijklmnopqrstuv"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": SECRET_KEY,
        "ARGON2_MEMORY_KIB": "1024",
        "PUBLIC_URL": "http://127.0.0.1:8000",
        "ACCESS_TOKEN_MINUTES": "600",
        # A load test is the many-writes-a-second client the write budget stops.
        "WRITES_PER_MINUTE": "10000000",
        "WRITE_BURST": "10000000",
        "REGISTRATIONS_PER_ADDRESS": "1000000",
    }


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    statements_file: Path | None = None
    workers: int = 1

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serving(self) -> list[int]:
        """The processes that serve requests: uvicorn's workers, or the process itself when
        it runs one worker (with `--workers N` the first process only supervises)."""
        pid = self.process.pid
        if self.workers == 1:
            return [pid]
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(c) for c in children if _is_worker(int(c))] or [pid]

    def peak_rss_mb(self) -> float:
        """VmHWM: the largest peak resident memory of a serving process since it started."""
        return max((_peak_rss_mb(pid) for pid in self.serving()), default=float("nan"))

    def _counts(self) -> list[Path]:
        assert self.statements_file is not None
        return list(self.statements_file.parent.glob(f"{self.statements_file.name}.*[0-9]"))

    async def count_statements_start(self) -> None:
        for stale in self._counts():
            stale.unlink(missing_ok=True)
        for pid in self.serving():
            os.kill(pid, signal.SIGUSR1)
        await asyncio.sleep(0.05)

    async def count_statements_stop(self) -> int:
        """The statements of every serving process since `count_statements_start`."""
        pids = self.serving()
        for pid in pids:
            os.kill(pid, signal.SIGUSR2)
        assert self.statements_file is not None
        files = [Path(f"{self.statements_file}.{pid}") for pid in pids]
        for _ in range(100):
            await asyncio.sleep(0.02)
            if all(f.exists() and f.read_text() for f in files):
                return sum(int(f.read_text()) for f in files)
        raise RuntimeError("the statement probe did not answer")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _is_worker(pid: int) -> bool:
    """A uvicorn worker (spawned by multiprocessing), not the resource tracker."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"resource_tracker" not in b" ".join(command)


async def wait_quiet(server: Server, seconds: float = 60) -> None:
    """Until a second passes without a statement: start-up work (the deadline watch's first
    round over the generated overdue orders) would otherwise count against a scenario."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await server.count_statements_start()
        await asyncio.sleep(1)
        if await server.count_statements_stop() == 0:
            return


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _wait_up(server: Server, path: str) -> None:
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(timeout=2, trust_env=False) as http:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                break
            with contextlib.suppress(httpx.HTTPError):
                if (await http.get(server.url + path)).status_code < 500:
                    return
            await asyncio.sleep(0.1)
    stop(server.process)
    raise RuntimeError(f"{server.name} did not come up:\n{server.log.read_text()[-3000:]}")


def spawn(
    command: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT
) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


@contextlib.asynccontextmanager
async def started(
    name: str, app: str, env: dict[str, str], logs: Path, probe: bool, ready: str, workers: int = 1
) -> AsyncIterator[Server]:
    """uvicorn, `workers` workers, `app` as a factory, as `servicedesk serve` runs the API."""
    port = free_port()
    log = logs / f"{name}.log"
    extra: dict[str, str] = {}
    statements = None
    cwd = ROOT
    if probe:
        statements = logs / f"{name}.statements"
        # BENCH_API_SOURCE: another checkout's tree, whose code the API then runs (an earlier
        # commit measured beside this one, the bench and its twins unchanged): its working
        # directory, which `python -m` puts first on the path, and on PYTHONPATH.
        source = os.environ.get("BENCH_API_SOURCE")
        cwd = Path(source) if source else ROOT
        sources = (str(PROBE), source, os.environ.get("PYTHONPATH"))
        path = os.pathsep.join(p for p in sources if p)
        extra = {"PYTHONPATH": path, "BENCH_STATEMENTS": str(statements)}
    command = [
        *(sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1"),
        *("--port", str(port), "--log-level", "warning", "--no-access-log"),
        *("--backlog", "4096"),
        *(("--workers", str(workers)) if workers > 1 else ()),
    ]
    process = spawn(command, {**os.environ, **env, **extra}, log, cwd)
    server = Server(name, process, port, log, statements, workers)
    try:
        await _wait_up(server, ready)
        yield server
    finally:
        await asyncio.to_thread(stop, process)


def migrate(env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", "migrate"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"migrations failed:\n{done.stdout}\n{done.stderr}")
