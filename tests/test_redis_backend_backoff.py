"""While Redis is down, the subscription's reconnect attempts and their warnings back off
(0.5 s doubling to 30 s), and one INFO line says when it is back."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterator

import pytest

from realtime.redis_backend import RETRY_CAP_SECONDS, ResilientRedisBackend

LOGGER = logging.getLogger("servicedesk.realtime")


class Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def at(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == level]


@pytest.fixture
def recorded() -> Iterator[Recorded]:
    handler = Recorded()
    level = LOGGER.level
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(level)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.asyncio
async def test_the_schedule_doubles_to_its_cap_and_starts_over_once_back(
    recorded: Recorded,
) -> None:
    backend = ResilientRedisBackend("redis://127.0.0.1:1/0")
    backend._back()  # connected once
    assert recorded.at(logging.INFO) == []  # a first connection is no recovery
    delays = [backend._failed(ConnectionError()) for _ in range(9)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, RETRY_CAP_SECONDS, 30.0, 30.0]
    assert len(recorded.at(logging.WARNING)) == 9  # one per attempt, no more
    assert recorded.at(logging.WARNING)[0].startswith("Redis subscription lost")
    backend._back()
    assert recorded.at(logging.INFO) == ["Redis subscription back after 8 failed attempt(s)"]
    assert backend._failed(ConnectionError()) == 0.5  # a new outage starts over
    await backend.disconnect()


@pytest.mark.asyncio
async def test_an_unreachable_redis_is_retried_ever_more_rarely(recorded: Recorded) -> None:
    backend = ResilientRedisBackend(f"redis://127.0.0.1:{_closed_port()}/0")
    await backend.connect()
    try:
        await asyncio.sleep(3.7)
    finally:
        await backend.disconnect()
    warnings = recorded.at(logging.WARNING)
    # Attempts at 0, 0.5, 1.5 and 3.5 s (the next at 7.5 s); every 0.5 s would be 8.
    assert 3 <= len(warnings) <= 4, warnings
    assert "next in 4.0 s" in warnings[-1] or "next in 2.0 s" in warnings[-1], warnings
    assert not backend.connected.is_set()
    assert recorded.at(logging.INFO) == []
