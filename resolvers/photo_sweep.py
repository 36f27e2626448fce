"""The orphan sweep: stored files that no photo row names are removed.

They are what a crash between writing a photo's files and committing its row leaves (see
resolvers/photos.py), and the files of photos whose order was deleted. Only files older than
`GRACE` are touched, far longer than an upload takes from its files to its row, so the sweep
never races an upload in flight. Every process may run it: removing a file twice is harmless.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from config.settings import Settings
from media import storage
from models import Photo

GRACE = timedelta(hours=1)
log = logging.getLogger("servicedesk.photos")


async def sweep_orphans(files: storage.Storage, before: datetime) -> int:
    """Remove the files written before `before` that no photo names; how many were removed."""
    removed = 0
    async for batch in files.older_keys(before):
        rows = await Photo.filter(
            Q(storage_key__in=batch) | Q(thumbnail_key__in=batch)
        ).values_list("storage_key", "thumbnail_key")
        named = {key for row in rows for key in row}
        for name in batch:
            if name not in named:
                await files.delete(name)
                removed += 1
    return removed


async def run_orphan_sweep(settings: Settings) -> None:
    """The background loop of every process; processes start at random points of the period."""
    if settings.orphan_sweep_seconds <= 0:
        return
    await asyncio.sleep(random.uniform(0, settings.orphan_sweep_seconds))
    while True:
        try:
            removed = await sweep_orphans(storage.current(), datetime.now(UTC) - GRACE)
            if removed:
                log.info("orphan sweep removed %d stored files without a photo", removed)
        except asyncio.CancelledError:
            raise
        except Exception:  # storage or database away for a moment: try next round
            log.exception("orphan sweep failed; retrying")
        await asyncio.sleep(settings.orphan_sweep_seconds)
