"""Adding a photo to an order: the checks, the re-encoding, the files and the row.

All or nothing from the user's view: the files are written first, then the row and its
PHOTO_ADDED event in one transaction; when that fails, the files are removed again. A crash
in between leaves at worst files that no row names, which resolvers/photo_sweep.py removes;
never a row without its file. Nothing is written for a refused upload.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import invalid
from media import storage
from media.images import Processed, RefusedImage, process
from models import Order, OrderEventKind, Photo, PhotoKind
from permissions.actor import Actor
from permissions.orders import access_photo_order_by_id
from realtime.outbox import publish
from resolvers import events, validation

# Decoding a 40-megapixel photo takes ~120 MB and a core: no more at once than there are
# cores, always in the same few threads (each thread's malloc arena keeps what it once held,
# so the default executor's many threads kept ~100 MB more after a burst: bench/photos.py).
_CORES = os.cpu_count() or 1
_decoding = asyncio.Semaphore(_CORES)
_decoders = ThreadPoolExecutor(max_workers=_CORES, thread_name_prefix="photo-decoder")


@dataclass(frozen=True, slots=True)
class IncomingFile:
    """An uploaded file as the transport received it; past the size limit it keeps only one
    byte more than the limit, so an oversize file is known without storing it whole."""

    name: str | None
    size: int
    content: BinaryIO


def _amount(size: int) -> str:
    mib = 1024 * 1024
    return f"{size // mib} MiB" if size % mib == 0 else f"{size} bytes"


def _check_file(file: IncomingFile, max_bytes: int) -> None:
    name = file.name or ""
    if any(c in name for c in "/\\") or name in (".", "..") or not name.isprintable():
        raise invalid("The file name may not contain a path or control characters", "file")
    if file.size == 0:
        raise invalid("The file is empty", "file")
    if file.size > max_bytes:
        raise invalid(f"A photo may be at most {_amount(max_bytes)}", "file")


async def _check_room(order: Order, limit: int) -> None:
    if await Photo.filter(order_id=order.id).count() >= limit:
        raise invalid(f"An order holds at most {limit} photos", "orderId")


async def _decoded(file: IncomingFile, max_pixels: int) -> Processed:
    def run() -> Processed:
        _ = file.content.seek(0)
        return process(file.content, max_pixels)

    async with _decoding:
        try:
            return await asyncio.get_running_loop().run_in_executor(_decoders, run)
        except RefusedImage as refused:
            raise invalid(str(refused), "file") from None


async def upload_order_photo(
    actor: Actor,
    order_id: int | None,
    file: IncomingFile,
    kind: PhotoKind,
    caption: str | None,
) -> Photo:
    settings = current()
    order = await access_photo_order_by_id(actor, order_id)
    text = validation.optional_text(caption, 500, "caption")
    _check_file(file, settings.photo_max_bytes)
    await _check_room(order, settings.photos_per_order)
    image = await _decoded(file, settings.photo_max_pixels)
    files = storage.current()
    key, thumbnail_key = storage.new_keys(image.content_type)
    try:
        await files.put(key, image.data)
        await files.put(thumbnail_key, image.thumbnail)
        async with in_transaction():
            # The order's row lock orders concurrent uploads, so the limit holds under races.
            _ = await Order.filter(id=order.id).select_for_update().first()
            await _check_room(order, settings.photos_per_order)
            photo = await Photo.create(
                company_id=order.company_id,
                order_id=order.id,
                kind=kind,
                caption=text,
                storage_key=key,
                thumbnail_key=thumbnail_key,
                content_type=image.content_type,
                width=image.width,
                height=image.height,
                size=len(image.data),
                uploaded_by_id=actor.membership_id,
            )
            event = await events.record(order, OrderEventKind.PHOTO_ADDED, actor.membership_id)
    except BaseException:
        for stored in (key, thumbnail_key):
            with contextlib.suppress(Exception):
                await files.delete(stored)
        raise
    await publish([event])
    return photo
