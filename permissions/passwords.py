"""Password hashing with argon2id, off the event loop."""

from __future__ import annotations

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from config.settings import current

MIN_LENGTH = 8
MAX_LENGTH = 200


@cache
def _hasher(memory_kib: int) -> PasswordHasher:
    return PasswordHasher(memory_cost=memory_kib)


@cache
def _dummy_hash(memory_kib: int) -> str:
    return _hasher(memory_kib).hash("an unknown e-mail takes as long as a wrong password")


def _memory() -> int:
    return current().argon2_memory_kib


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher(_memory()).hash, password)


def _verify(hashed: str | None, password: str) -> bool:
    memory = _memory()
    try:
        _hasher(memory).verify(hashed or _dummy_hash(memory), password)
    except (VerificationError, InvalidHashError):
        return False
    return hashed is not None


async def verify_password(hashed: str | None, password: str) -> bool:
    """Check `password`; with `hashed=None` (unknown login) spend the same time and fail."""
    return await asyncio.to_thread(_verify, hashed, password)


def password_problem(password: str) -> str | None:
    if len(password) < MIN_LENGTH:
        return f"The password must have at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"The password must have at most {MAX_LENGTH} characters"
    return None
