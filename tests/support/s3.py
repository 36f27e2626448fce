"""A real S3-compatible server for the storage tests: moto's server in a process of its own
(MinIO cannot be installed offline), and a bucket on it."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from config.s3_url import parse_s3_url
from tests.support.processes import free_port

if TYPE_CHECKING:
    from media.s3 import S3Storage

ACCESS_KEY, SECRET_KEY = "test-access-key", "test-secret/key+with:odd@chars"


@contextmanager
def moto_server(log: Path) -> Iterator[str]:
    """Start `python -m moto.server` on a free port; yield its endpoint URL."""
    if importlib.util.find_spec("moto.server") is None:
        pytest.skip("moto[server] is not installed: no local S3-compatible server to test against")
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise TimeoutError("moto server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def s3_url(endpoint: str, bucket: str, prefix: str = "") -> str:
    host = endpoint.split("://", 1)[1]
    login = f"{quote(ACCESS_KEY, safe='')}:{quote(SECRET_KEY, safe='')}"
    return f"http://{login}@{host}/{bucket}/{prefix}".rstrip("/")


@asynccontextmanager
async def s3_storage(endpoint: str, bucket: str, prefix: str = "") -> AsyncIterator[S3Storage]:
    """A started S3Storage on a new bucket of the server at `endpoint`."""
    # Imported here: aiobotocore (with aiohttp) costs each pytest worker ~0.5 s to import
    # while collecting, and the app imports it only when S3_URL is set.
    from aiobotocore.session import get_session

    from media.s3 import S3Storage

    async with get_session().create_client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    ) as client:
        _ = await client.create_bucket(Bucket=bucket)
    storage = S3Storage(parse_s3_url(s3_url(endpoint, bucket, prefix)), "us-east-1")
    await storage.start()
    try:
        yield storage
    finally:
        await storage.close()
