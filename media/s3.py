"""Photo storage in an S3-compatible bucket (`S3_URL`), so every API process sees every photo.

One aiobotocore client per process, opened in the app's lifespan. S3 writes an object whole
or not at all, so no temporaries are needed; deleting a missing key is no error there either.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import datetime
from typing import TYPE_CHECKING

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from config.s3_url import S3Location
from media.storage import CHUNK, StoredFile, content_type_of

if TYPE_CHECKING:  # type stubs only, installed with the test tools
    from types_aiobotocore_s3 import S3Client

MISSING = {"NoSuchKey", "404", "NotFound"}


class S3Storage:
    name = "s3"

    def __init__(self, location: S3Location, region: str) -> None:
        self.location = location
        self.region = region
        self._stack = AsyncExitStack()
        self._client: S3Client | None = None

    @property
    def client(self) -> S3Client:
        if self._client is None:
            raise RuntimeError("S3 storage used before start()")
        return self._client

    def _key(self, key: str) -> str:
        return self.location.prefix + key

    async def start(self) -> None:
        config = AioConfig(
            s3={"addressing_style": "path"},
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=5,
            read_timeout=30,
            max_pool_connections=32,
        )
        self._client = await self._stack.enter_async_context(
            get_session().create_client(
                "s3",
                endpoint_url=self.location.endpoint,
                region_name=self.region,
                aws_access_key_id=self.location.access_key,
                aws_secret_access_key=self.location.secret_key,
                config=config,
            )
        )

    async def close(self) -> None:
        await self._stack.aclose()
        self._client = None

    async def ping(self) -> None:
        _ = await self.client.head_bucket(Bucket=self.location.bucket)

    async def put(self, key: str, data: bytes) -> None:
        _ = await self.client.put_object(
            Bucket=self.location.bucket,
            Key=self._key(key),
            Body=data,
            ContentType=content_type_of(key),
        )

    async def open(self, key: str) -> StoredFile | None:
        try:
            found = await self.client.get_object(Bucket=self.location.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in MISSING:
                return None
            raise
        body = found["Body"]

        async def chunks() -> AsyncIterator[bytes]:
            try:
                async for chunk in body.iter_chunks(CHUNK):
                    yield chunk
            finally:
                body.close()

        return StoredFile(found["ContentLength"], chunks())

    async def delete(self, key: str) -> None:
        _ = await self.client.delete_object(Bucket=self.location.bucket, Key=self._key(key))

    async def older_keys(self, before: datetime) -> AsyncIterator[list[str]]:
        prefix = self.location.prefix
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.location.bucket, Prefix=prefix
        )
        async for page in pages:
            batch = [
                item["Key"][len(prefix) :]
                for item in page.get("Contents", [])
                if item["LastModified"] < before
            ]
            if batch:
                yield batch
