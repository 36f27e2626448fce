"""argon2's cost settings: a stored hash keeps the parameters it was made with, so a password
set under one memory and lane count still logs in after the operator changes them, and a wrong
one still fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest

from config.settings import Settings, configure
from tests.support.api import LOGIN, PASSWORD, Api, register

pytestmark = pytest.mark.asyncio


@contextmanager
def hashing(settings: Settings, memory_kib: int, lanes: int) -> Iterator[None]:
    configure(replace(settings, argon2_memory_kib=memory_kib, argon2_lanes=lanes))
    try:
        yield
    finally:
        configure(settings)


async def login_errors(api: Api, email: str, password: str) -> list[dict[str, str]]:
    data = await api.ok(LOGIN, {"email": email, "password": password})
    errors: list[dict[str, str]] = data["login"]["errors"]
    return errors


async def test_a_password_hashed_on_four_lanes_logs_in_after_a_change_to_one(
    api: Api, settings: Settings
) -> None:
    with hashing(settings, memory_kib=256, lanes=4):
        owner = await register(api)
    with hashing(settings, memory_kib=64, lanes=1):
        assert await login_errors(api, owner.email, PASSWORD) == []
        wrong = await login_errors(api, owner.email, PASSWORD + "x")
    assert [error["code"] for error in wrong] == ["INVALID_CREDENTIALS"]
