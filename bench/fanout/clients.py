"""Subscribers: N graphql-transport-ws sockets in one event loop, in a client process or
in-process. The client processes are started with multiprocessing's "spawn", which imports
`client_process` by its module's name: it must live here, not in `__main__`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from bench.fanout.common import PONG, PROTOCOL, SUBSCRIPTION, raise_open_files


async def receive(conn: Connection, seconds: float | None) -> Any:
    """The next object on a multiprocessing pipe, without blocking the event loop."""
    loop = asyncio.get_running_loop()
    result: asyncio.Future[Any] = loop.create_future()
    fd = conn.fileno()

    def readable() -> None:
        loop.remove_reader(fd)
        if result.done():
            return
        try:
            result.set_result(conn.recv())
        except BaseException as error:  # EOF: the other side is gone
            result.set_exception(error)

    loop.add_reader(fd, readable)
    try:
        return await asyncio.wait_for(result, seconds)
    finally:
        loop.remove_reader(fd)


async def open_subscriber(url: str, token: str) -> Any:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    ws = await connect(
        url,
        subprotocols=[Subprotocol(PROTOCOL)],
        ping_interval=None,
        open_timeout=60,
        close_timeout=5,
        proxy=None,
    )
    try:
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        ack = json.loads(await asyncio.wait_for(ws.recv(), 60))
        if ack.get("type") != "connection_ack":
            raise RuntimeError(f"no connection_ack: {ack}")
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        )
    except BaseException:
        await ws.close()
        raise
    return ws


@dataclass
class Round:
    """What one fan-out looked like from one group of subscribers."""

    hits: list[float | None]  # monotonic arrival time of the first event after `after`
    cursors: list[int]
    closed: int
    errors: list[str]


class Subscribers:
    """Subscriber sockets of one event loop, with arrival times per event round."""

    def __init__(self) -> None:
        self.done = asyncio.Event()
        self.reset()

    def reset(self) -> None:
        self.sockets: list[Any] = []
        self.readers: list[asyncio.Task[None]] = []
        self.hits: list[float | None] = []
        self.cursors: list[int] = []
        self.closed: dict[int, str] = {}
        self.errors: list[str] = []
        self.after = sys.maxsize
        self.count = 0
        self.done.clear()

    async def open(self, specs: Sequence[tuple[str, str]], concurrency: int) -> list[str]:
        """Open a socket per (url, token); the failures, as text."""
        gate = asyncio.Semaphore(concurrency)
        failures: list[str] = []

        async def one(url: str, token: str) -> None:
            async with gate:
                problem = ""
                for attempt in range(3):
                    try:
                        ws = await open_subscriber(url, token)
                    except Exception as error:
                        problem = f"{type(error).__name__}: {error}"
                        await asyncio.sleep(0.5 * (attempt + 1))
                        continue
                    index = len(self.sockets)
                    self.sockets.append(ws)
                    self.hits.append(None)
                    self.cursors.append(0)
                    self.readers.append(asyncio.create_task(self._read(index, ws)))
                    return
                failures.append(problem)

        await asyncio.gather(*(one(url, token) for url, token in specs))
        return failures

    async def _read(self, index: int, ws: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in ws:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "next":
                    data = (message.get("payload") or {}).get("data") or {}
                    event = data.get("orderEvents")
                    if event is None:
                        self.errors.append(f"next without data: {str(message)[:300]}")
                        continue
                    self._hit(index, int(event["cursor"]), now)
                elif kind == "ping":
                    await ws.send(PONG)
                elif kind in ("error", "complete"):
                    self.errors.append(f"{kind}: {str(message)[:300]}")
        except ConnectionClosed:
            pass
        finally:
            self.closed[index] = f"{ws.close_code} {ws.close_reason or ''}".strip()
            if self.count >= len(self.sockets) - len(self.closed):
                self.done.set()

    def _hit(self, index: int, cursor: int, now: float) -> None:
        if cursor > self.after and self.hits[index] is None:
            self.hits[index] = now
            self.cursors[index] = cursor
            self.count += 1
            if self.count >= len(self.sockets) - len(self.closed):
                self.done.set()

    def arm(self, after: int) -> None:
        """Start a round: record each socket's first event numbered above `after`."""
        self.hits = [None] * len(self.sockets)
        self.cursors = [0] * len(self.sockets)
        self.count = 0
        self.done.clear()
        self.after = after

    async def collect(self, seconds: float) -> Round:
        if self.sockets:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.done.wait(), seconds)
        self.after = sys.maxsize
        errors, self.errors = self.errors[:5], []
        return Round(list(self.hits), list(self.cursors), len(self.closed), errors)

    async def close(self) -> None:
        gate = asyncio.Semaphore(200)

        async def one(ws: Any) -> None:
            async with gate:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(ws.close(), 10)

        await asyncio.gather(*(one(ws) for ws in self.sockets))
        for reader in self.readers:
            reader.cancel()
        await asyncio.gather(*self.readers, return_exceptions=True)
        self.reset()


def client_process(conn: Connection, open_files: int) -> None:
    """A client process: obeys commands from the bench over a pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise_open_files(open_files)
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        asyncio.run(_obey(conn))


async def _obey(conn: Connection) -> None:
    subscribers = Subscribers()
    try:
        while True:
            command, *args = await receive(conn, None)
            if command == "open":
                urls, tokens, plan, concurrency = args
                specs = [(urls[u], tokens[t]) for u, t in plan]
                failures = await subscribers.open(specs, concurrency)
                conn.send(("opened", len(specs) - len(failures), failures[:5]))
            elif command == "arm":
                subscribers.arm(args[0])
                conn.send(("armed",))
            elif command == "collect":
                conn.send(("collected", await subscribers.collect(args[0])))
            elif command == "close":
                await subscribers.close()
                conn.send(("closed",))
            elif command == "stop":
                return
    finally:
        await subscribers.close()


class Fleet:
    """Client processes holding the subscribers; subscriber i goes to process i % count."""

    def __init__(self, count: int, open_files: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        for _ in range(count):
            mine, theirs = context.Pipe()
            process = context.Process(target=client_process, args=(theirs, open_files), daemon=True)
            process.start()
            theirs.close()
            self.pipes.append(mine)
            self.processes.append(process)

    async def _all(self, messages: Sequence[Any], seconds: float) -> list[Any]:
        for pipe, message in zip(self.pipes, messages, strict=True):
            pipe.send(message)
        return list(await asyncio.gather(*(receive(pipe, seconds) for pipe in self.pipes)))

    async def open(self, urls: list[str], tokens: list[str], n: int) -> tuple[int, list[str]]:
        plans: list[list[tuple[int, int]]] = [[] for _ in self.pipes]
        for i in range(n):
            plans[i % len(plans)].append((i % len(urls), i % len(tokens)))
        replies = await self._all([("open", urls, tokens, plan, 100) for plan in plans], 600)
        opened = sum(reply[1] for reply in replies)
        return opened, [failure for reply in replies for failure in reply[2]]

    async def arm(self, after: int) -> None:
        await self._all([("arm", after)] * len(self.pipes), 30)

    async def collect(self, seconds: float) -> Round:
        replies = await self._all([("collect", seconds)] * len(self.pipes), seconds + 60)
        rounds: list[Round] = [reply[1] for reply in replies]
        return Round(
            [hit for r in rounds for hit in r.hits],
            [cursor for r in rounds for cursor in r.cursors],
            sum(r.closed for r in rounds),
            [error for r in rounds for error in r.errors],
        )

    async def close(self) -> None:
        await self._all([("close",)] * len(self.pipes), 120)

    def stop(self) -> None:
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(("stop",))
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.terminate()
                process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()
