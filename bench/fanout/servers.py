"""The API processes, started as `servicedesk serve` starts them (uvicorn, the lean WebSocket
protocol, no deflate) unless `--ws` or `--deflate` say otherwise."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.fanout.common import ROOT, free_port, say, stop_process, tail
from bench.fanout.world import Environment


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"


def spawn(command: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("ab") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


async def start_server(environment: Environment, ws: str, deflate: bool, name: str) -> Server:
    port = free_port()
    log_path = environment.logs / f"{name}.log"
    command = [
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
        "--no-access-log",
        "--ws",
        ws,
        "--ws-per-message-deflate",
        "true" if deflate else "false",
        "--backlog",
        "4096",
    ]
    process = spawn(command, environment.server_env(name), log_path)
    server = Server(process, port, log_path)
    deadline = time.monotonic() + (600 if environment.tracemalloc_frames else 60)
    async with httpx.AsyncClient(timeout=2, trust_env=False) as http:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"API process exited ({process.returncode}):\n{tail(log_path)}")
            try:
                if (await http.get(f"{server.http}/healthz")).status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                stop_process(process)
                raise RuntimeError(f"API process did not come up:\n{tail(log_path)}")
            await asyncio.sleep(0.1)


@contextlib.asynccontextmanager
async def servers(
    environment: Environment, count: int, ws: str, deflate: bool, name: str
) -> AsyncIterator[list[Server]]:
    started: list[Server] = []
    try:
        for i in range(count):
            started.append(await start_server(environment, ws, deflate, f"{name}-{i}"))
        yield started
    except BaseException:
        for server in started:
            say(f"the end of {server.log.name}:\n{tail(server.log)}")
        raise
    finally:
        for server in started:
            await asyncio.to_thread(stop_process, server.process)
