"""Photo storage: the same tests for the local folder and for an S3-compatible bucket on a
real server process (moto); uploads through the API on each; all-or-nothing writes and the
orphan sweep."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from config.s3_url import parse_s3_url
from config.settings import load
from media import storage
from media.storage import LocalStorage, Storage, new_keys
from models import Photo
from resolvers import events
from resolvers.photo_sweep import GRACE, sweep_orphans
from schema.ids import decode_id
from tests.support.api import Api, register
from tests.support.photos import fetch, opened, picture, upload, upload_response
from tests.support.s3 import moto_server, s3_storage
from tests.support.world import contact, create_order

# One xdist worker runs the module, so its moto server starts once (`make test` runs -n 2).
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("photo_storage")]


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with moto_server(tmp_path_factory.mktemp("moto") / "moto.log") as endpoint:
        yield endpoint


@pytest_asyncio.fixture(params=["local", "s3"])
async def files(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Storage]:
    """A started, empty storage of each kind."""
    if request.param == "local":
        local = LocalStorage(tmp_path / "photos")
        await local.start()
        yield local
        return
    endpoint = request.getfixturevalue("s3_endpoint")
    async with s3_storage(endpoint, f"photos-{secrets.token_hex(4)}", "desk/photos") as s3:
        yield s3


@pytest_asyncio.fixture(params=["local", "s3"])
async def installed(request: pytest.FixtureRequest, app: object) -> AsyncIterator[Storage]:
    """The app's photo storage: its own local folder, or for the test an S3 bucket."""
    if request.param == "local":
        yield storage.current()
        return
    endpoint = request.getfixturevalue("s3_endpoint")
    previous = storage.current()
    async with s3_storage(endpoint, f"photos-{secrets.token_hex(4)}") as s3:
        storage.install(s3)
        try:
            yield s3
        finally:
            storage.install(previous)


async def read(files: Storage, key: str) -> bytes | None:
    found = await files.open(key)
    if found is None:
        return None
    data = b"".join([chunk async for chunk in found.chunks])
    assert len(data) == found.size
    return data


async def all_names(files: Storage) -> set[str]:
    return {n async for batch in files.older_keys(datetime.now(UTC) + GRACE) for n in batch}


async def test_put_open_delete(files: Storage) -> None:
    key, thumbnail = new_keys("image/webp")
    data = os.urandom(300_000)  # several chunks
    await files.put(key, data)
    await files.put(thumbnail, b"small")
    assert await read(files, key) == data
    assert await read(files, thumbnail) == b"small"
    assert await read(files, new_keys("image/png")[0]) is None
    assert await all_names(files) == {key, thumbnail}
    await files.delete(key)
    await files.delete(key)  # a missing key is no error
    assert await read(files, key) is None
    assert await all_names(files) == {thumbnail}
    await files.ping()


async def test_older_keys_lists_what_was_written_before_a_moment(files: Storage) -> None:
    keys = [new_keys("image/jpeg")[0] for _ in range(3)]
    for key in keys:
        await files.put(key, b"x")
    now = datetime.now(UTC)
    assert await all_names(files) == set(keys)
    older = {n async for batch in files.older_keys(now - timedelta(minutes=5)) for n in batch}
    assert older == set()


async def test_uploads_and_links_work_on_each_storage(api: Api, installed: Storage) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    photo = (await upload(api, owner.access, order["id"], picture(900, 900)))["photo"]
    assert opened((await fetch(api, photo["url"])).content).size == (900, 900)
    assert opened((await fetch(api, photo["thumbnailUrl"])).content).size == (320, 320)
    row = await Photo.get(id=decode_id(photo["id"], "Photo"))
    assert {row.storage_key, row.thumbnail_key} <= await all_names(installed)
    assert row.storage_key.endswith(".jpg")
    assert "photo" not in row.storage_key  # a random key, never the file's name


async def test_a_failed_row_write_removes_the_files(
    api: Api, installed: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    names = await all_names(installed)

    async def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("the database went away mid-transaction")

    monkeypatch.setattr(events, "record", broken)
    response = await upload_response(api, owner.access, order["id"], picture(300, 200))
    body = response.json()
    assert body["data"] is None
    # The database went away: the client is told to try again (schema/outages.py).
    assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert await all_names(installed) == names
    assert await Photo.filter(order_id=decode_id(order["id"], "Order")).count() == 0


async def test_the_sweep_removes_files_without_a_row_and_keeps_the_rest(
    api: Api, installed: Storage
) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    photo = (await upload(api, owner.access, order["id"], picture()))["photo"]
    row = await Photo.get(id=decode_id(photo["id"], "Photo"))
    orphan, _ = new_keys("image/jpeg")  # as a crash after the files, before the row, leaves
    await installed.put(orphan, picture())
    # A fresh orphan might be an upload in flight: the sweep waits out its grace period.
    _ = await sweep_orphans(installed, datetime.now(UTC) - GRACE)
    assert orphan in await all_names(installed)
    removed = await sweep_orphans(installed, datetime.now(UTC) + timedelta(minutes=1))
    assert removed >= 1
    left = await all_names(installed)
    assert orphan not in left
    assert {row.storage_key, row.thumbnail_key} <= left
    assert (await fetch(api, photo["url"])).status_code == 200


async def test_the_sweep_removes_what_a_crashed_local_write_left(tmp_path: Path) -> None:
    local = LocalStorage(tmp_path / "photos")
    await local.start()
    key, _ = new_keys("image/png")
    await local.put(key, b"kept for now")
    leftover = tmp_path / "photos" / key[:2] / f".{key}.1a2b3c4d.tmp"
    leftover.write_bytes(b"half a photo")
    two_hours_ago = (datetime.now(UTC) - timedelta(hours=2)).timestamp()
    os.utime(leftover, (two_hours_ago, two_hours_ago))
    assert await sweep_orphans(local, datetime.now(UTC) - GRACE) == 1
    assert not leftover.exists()
    assert await all_names(local) == {key}


async def test_s3_url_names_endpoint_bucket_prefix_and_keys_without_showing_the_secret(
    tmp_path: Path,
) -> None:
    location = parse_s3_url("https://AKIA%2F1:se%40cret%2Fkey@s3.example.test:9000/photos/desk/")
    assert location.endpoint == "https://s3.example.test:9000"
    assert (location.bucket, location.prefix) == ("photos", "desk/")
    assert (location.access_key, location.secret_key) == ("AKIA/1", "se@cret/key")
    assert "se@cret" not in repr(location)
    assert "se@cret" not in str(location)
    settings = load({"DATA_DIR": str(tmp_path), "S3_URL": "http://k:topsecret@127.0.0.1/b"})
    assert "topsecret" not in repr(settings)
