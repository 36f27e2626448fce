"""Where photo files live, behind one small interface: a folder under DATA_DIR by default, an
S3-compatible bucket (media/s3.py) when `S3_URL` is set, so several processes share them.

Keys are random names the service makes (`new_key`), never an uploader's file name; the media
route and the orphan sweep refuse anything else, so no key can name a path outside storage.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
EXTENSIONS = {content_type: ext for ext, content_type in CONTENT_TYPES.items()}
KEY = re.compile(r"^[0-9a-f]{32}(?:-thumb)?\.(?:jpg|png|webp)$")
CHUNK = 64 * 1024


def new_keys(content_type: str) -> tuple[str, str]:
    """A random key for a photo and the key of its thumbnail."""
    token, ext = secrets.token_hex(16), EXTENSIONS[content_type]
    return f"{token}.{ext}", f"{token}-thumb.{ext}"


def is_key(key: str) -> bool:
    return KEY.fullmatch(key) is not None


def content_type_of(key: str) -> str:
    return CONTENT_TYPES[key.rsplit(".", 1)[1]]


@dataclass(frozen=True, slots=True)
class StoredFile:
    size: int
    chunks: AsyncIterator[bytes]


class Storage(Protocol):
    name: str

    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def ping(self) -> None:
        """Raise when the storage cannot be used (the health check reports it)."""

    async def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key` whole, or not at all."""

    async def open(self, key: str) -> StoredFile | None: ...
    async def delete(self, key: str) -> None:
        """Remove `key`; a missing key is no error."""

    def older_keys(self, before: datetime) -> AsyncIterator[list[str]]:
        """Batches of every stored name written before `before` (the orphan sweep's input),
        including what a crashed write left; `delete` takes each of them."""


class LocalStorage:
    """Files under `root`, spread over 256 folders by the key's first two characters. A file
    is written to a temporary name and renamed, so a crash never leaves half a photo."""

    name = "local"

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        # Temporaries (".<key>.<random>.tmp") sit beside their key, so the sweep finds them.
        return self.root / key.lstrip(".")[:2] / key

    async def start(self) -> None:
        await asyncio.to_thread(self.root.mkdir, parents=True, exist_ok=True)

    async def close(self) -> None:
        pass

    async def ping(self) -> None:
        if not await asyncio.to_thread(os.access, self.root, os.W_OK):
            raise OSError(f"{self.root} is not writable")

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            with temporary.open("wb") as out:
                _ = out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    async def open(self, key: str) -> StoredFile | None:
        path = self._path(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            return None
        size = os.fstat(handle.fileno()).st_size

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while chunk := await asyncio.to_thread(handle.read, CHUNK):
                    yield chunk
            finally:
                handle.close()

        return StoredFile(size, chunks())

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    async def older_keys(self, before: datetime) -> AsyncIterator[list[str]]:
        for batch in await asyncio.to_thread(self._scan, before.timestamp()):
            yield batch

    def _scan(self, before: float, size: int = 500) -> list[list[str]]:
        batches: list[list[str]] = [[]]
        if not self.root.is_dir():
            return []
        for folder in os.scandir(self.root):
            if not folder.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(folder.path):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < before:
                    if len(batches[-1]) == size:
                        batches.append([])
                    batches[-1].append(entry.name)
        return [batch for batch in batches if batch]


_current: Storage | None = None


def install(storage: Storage | None) -> None:
    """Make `storage` the process's photo storage (the app's lifespan calls this)."""
    global _current
    _current = storage


def current() -> Storage:
    if _current is None:
        raise RuntimeError("no photo storage installed: the app's lifespan installs it")
    return _current
