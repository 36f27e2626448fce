"""Files that come with inbound messages (e-mail attachments, Telegram photos): a plain file
store under DATA_DIR/attachments, each file under a random key (never the sender's name),
written to a temporary name and renamed, so a file is there whole or not at all.

Attachments are not images to re-encode like order photos (media/): any type is kept as
given, and served only as a download behind a signed link that staff of the conversation
get (servicedesk/http/attachments_route.py).
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from config.settings import current
from models import MessageAttachment

MAX_FILES = 20
KEY = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True)
class InboundFile:
    file_name: str
    content_type: str
    data: bytes


def attachments_dir() -> Path:
    return current().data_dir / "attachments"


def _write(folder: Path, key: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{key}.part"
    temporary.write_bytes(data)
    os.replace(temporary, folder / key)


def read_attachment(key: str) -> bytes | None:
    if not KEY.fullmatch(key):
        return None
    path = attachments_dir() / key
    return path.read_bytes() if path.exists() else None


# A media type as RFC 6838 writes it (type/subtype, token characters only): the declared
# type is the sender's text and becomes the download's Content-Type header.
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,49}/[a-z0-9][a-z0-9!#$&^_.+-]{0,49}")


def content_type(declared: str | None) -> str:
    """The declared type if it is a plain media type, else application/octet-stream."""
    value = (declared or "").strip().lower()
    return value if _MEDIA_TYPE.fullmatch(value) else "application/octet-stream"


@dataclass
class StoredFiles:
    files: list[tuple[str, InboundFile]] = field(default_factory=list)

    async def attach(self, company_id: int, message_id: int) -> None:
        """The rows of the stored files, in the message's transaction."""
        if not self.files:
            return
        await MessageAttachment.bulk_create(
            [
                MessageAttachment(
                    company_id=company_id,
                    message_id=message_id,
                    file_name=(f.file_name or "attachment")[:200],
                    content_type=content_type(f.content_type),
                    size=len(f.data),
                    storage_key=key,
                )
                for key, f in self.files
            ]
        )


async def store_files(files: Sequence[InboundFile]) -> StoredFiles:
    stored = StoredFiles()
    folder = attachments_dir()
    for item in list(files)[:MAX_FILES]:
        key = secrets.token_hex(16)
        await asyncio.to_thread(_write, folder, key, item.data)
        stored.files.append((key, item))
    return stored
