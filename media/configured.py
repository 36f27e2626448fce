"""The photo storage the settings name: an S3-compatible bucket when `S3_URL` is set, else a
folder under `DATA_DIR`. The app's lifespan and the demo both build theirs here."""

from __future__ import annotations

from config.s3_url import parse_s3_url
from config.settings import Settings
from media import storage


def photo_storage(settings: Settings) -> storage.Storage:
    if settings.s3_url:
        # Imported only when configured: aiobotocore (with aiohttp) is ~0.35 s of a start.
        from media.s3 import S3Storage

        return S3Storage(parse_s3_url(settings.s3_url), settings.s3_region)
    return storage.LocalStorage(settings.data_dir / "photos")
