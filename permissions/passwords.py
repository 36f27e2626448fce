"""Password hashing with argon2id, off the event loop; the rules a new password must meet;
and the per-e-mail and per-address limits on mailed reset links."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import threading
from array import array
from bisect import bisect_left
from functools import cache
from itertools import islice
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from config.settings import current
from permissions.counters import release, reserve
from permissions.throttle import address_key

log = logging.getLogger("servicedesk.passwords")

MIN_LENGTH = 8
MAX_LENGTH = 200


@cache
def _hasher(memory_kib: int, lanes: int) -> PasswordHasher:
    """A hash carries its own parameters: changing the settings leaves stored hashes valid."""
    return PasswordHasher(memory_cost=memory_kib, parallelism=lanes)


@cache
def _dummy_hash(memory_kib: int, lanes: int) -> str:
    return _hasher(memory_kib, lanes).hash("an unknown e-mail takes as long as a wrong password")


def _cost() -> tuple[int, int]:
    settings = current()
    return settings.argon2_memory_kib, settings.argon2_lanes


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher(*_cost()).hash, password)


def _verify(hashed: str | None, password: str) -> bool:
    cost = _cost()
    try:
        _hasher(*cost).verify(hashed or _dummy_hash(*cost), password)
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


# The breach list (PASSWORD_BREACH_LIST): one password a line, or haveibeenpwned's download
# (SHA-1 hex, either case, optionally ":count"). Kept as the sorted first 8 bytes of each
# SHA-1, in one array: 8 bytes a line (80 MB for 10 million lines, where a set of digests
# would take about ten times that), looked up by bisection. A false match needs a 64-bit
# prefix to collide, about one chance in 10^12 with ten million lines. Read once per file
# version (path, mtime, size), off the event loop, one thread at a time: 10 million lines of
# haveibeenpwned's (already sorted) file take about 10 s; an unsorted file is sorted once
# more, through a passing list (some 400 MB at that size).
_HEX = b"0123456789abcdefABCDEF"
_breach_lock = threading.Lock()
_breach_list: tuple[tuple[str, int, int], array[int]] | None = None


def _prefix(digest: bytes) -> int:
    return int.from_bytes(digest[:8], "big")


def _line_prefix(line: bytes) -> int:
    count = line[41:]
    if (len(line) == 40 or (line[40:41] == b":" and (not count or count.isdigit()))) and not (
        line[:40].strip(_HEX)
    ):
        return int(line[:16], 16)
    return _prefix(hashlib.sha1(line).digest())


def _read_prefixes(path: Path) -> array[int]:
    with path.open("rb") as lines:
        prefixes = array(
            "Q", (_line_prefix(stripped) for line in lines if (stripped := line.rstrip(b"\r\n")))
        )
    if all(a <= b for a, b in zip(prefixes, islice(prefixes, 1, None), strict=False)):
        return prefixes
    return array("Q", sorted(prefixes))


def _load_breach_list(path: Path, version: tuple[str, int, int]) -> array[int]:
    global _breach_list
    with _breach_lock:
        if _breach_list is None or _breach_list[0] != version:
            _breach_list = (version, _read_prefixes(path))
        return _breach_list[1]


async def is_breached(password: str) -> bool:
    """Whether `password` is in PASSWORD_BREACH_LIST (False when none is configured)."""
    path = current().breached_passwords_file
    if path is None:
        return False
    try:
        stat = await asyncio.to_thread(os.stat, path)
        version = (str(path), stat.st_mtime_ns, stat.st_size)
        cached = _breach_list
        prefixes = (
            cached[1]
            if cached is not None and cached[0] == version
            else await asyncio.to_thread(_load_breach_list, path, version)
        )
    except OSError:  # removed since startup: the other rules still hold; the operator hears
        log.exception("the breached-password list %s cannot be read", path)
        return False
    wanted = _prefix(hashlib.sha1(password.encode()).digest())
    at = bisect_left(prefixes, wanted)
    return at < len(prefixes) and prefixes[at] == wanted


async def reserve_password_reset(email: str, address: str | None) -> bool:
    """Count one reset request against PASSWORD_RESETS_PER_EMAIL and _PER_ADDRESS in
    PASSWORD_RESET_WINDOW_MINUTES, whether or not the e-mail has a login; False (nothing
    counted) when either is used up. The e-mail is counted by its digest: any text fits."""
    settings = current()
    seconds = settings.password_reset_window_minutes * 60
    digest = hashlib.sha256(email.encode()).hexdigest()
    by_email = await reserve(f"reset-email:{digest}", settings.password_resets_per_email, seconds)
    if by_email is None:
        return False
    subject = address_key(address)
    if subject is None:
        return True
    limit = settings.password_resets_per_address
    if await reserve(f"reset-address:{subject}", limit, seconds) is None:
        await release(by_email)
        return False
    return True
