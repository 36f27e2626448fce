"""Images made for the photo tests, and uploads as a client sends them: a GraphQL multipart
request (operations, map, then the file) with Apollo's CSRF-preflight header."""

from __future__ import annotations

import io
import json
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from PIL import Image

from media import storage
from tests.support.api import Api
from tests.support.notifications import Cast, cast
from tests.support.world import ASSIGN, ContactCard, contact, create_order, portal_member

PREFLIGHT = {"Apollo-Require-Preflight": "true"}
PHOTO_FIELDS = """id kind caption url thumbnailUrl contentType width height size createdAt
  uploadedBy { id name }"""
UPLOAD = f"""mutation($o: ID!, $f: Upload!, $k: PhotoKind, $c: String) {{
  uploadOrderPhoto(orderId: $o, file: $f, kind: $k, caption: $c) {{
    photo {{ {PHOTO_FIELDS} }} errors {{ field code message }} }} }}"""
PHOTOS = f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ photos {{ {PHOTO_FIELDS} }} }} }} }}"


def picture(
    width: int = 64,
    height: int = 48,
    format: str = "JPEG",
    mode: str = "RGB",
    color: Any = (200, 30, 30),
    **options: Any,
) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), color).save(buffer, format=format, **options)
    return buffer.getvalue()


def jpeg_with_gps_and_serial(serial: str) -> bytes:
    """A JPEG whose EXIF has a GPS position (Red Square), a camera serial and a maker."""
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif.get_ifd(0x8769)[0xA431] = serial  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (55.0, 45.0, 21.0)
    gps[3], gps[4] = "E", (37.0, 37.0, 4.0)
    return picture(400, 300, exif=exif.tobytes())


def sideways_jpeg() -> bytes:
    """Stored 40 x 20, left half red and right half blue, with EXIF orientation 6 (rotate 90
    degrees clockwise to show): upright it is 20 x 40, red on top, blue below."""
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (20, 0, 40, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=95, exif=exif.tobytes())
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width` x `height` (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def multipart_parts(
    order_id: str, kind: str | None = None, caption: str | None = None
) -> dict[str, str]:
    operations = {"query": UPLOAD, "variables": {"o": order_id, "f": None, "k": kind, "c": caption}}
    return {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})}


async def upload_response(
    api: Api,
    token: str | None,
    order_id: str,
    content: bytes,
    filename: str = "photo.jpg",
    content_type: str = "image/jpeg",
    headers: dict[str, str] | None = None,
    **variables: str | None,
) -> httpx.Response:
    sent = {**(PREFLIGHT if headers is None else headers)}
    if token:
        sent["Authorization"] = f"Bearer {token}"
    return await api.http.post(
        "/graphql",
        data=multipart_parts(order_id, **variables),
        files={"0": (filename, content, content_type)},
        headers=sent,
    )


async def upload(
    api: Api, token: str, order_id: str, content: bytes, **options: Any
) -> dict[str, Any]:
    """The `uploadOrderPhoto` payload of a multipart upload that must reach the resolver."""
    response = await upload_response(api, token, order_id, content, **options)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    payload: dict[str, Any] = body["data"]["uploadOrderPhoto"]
    return payload


async def stored_names() -> set[str]:
    """Every name in photo storage (of any age), temporaries included."""
    names: set[str] = set()
    async for batch in storage.current().older_keys(datetime.now(UTC) + timedelta(days=1)):
        names.update(batch)
    return names


async def fetch(api: Api, url: str) -> httpx.Response:
    """GET a media link of the API (absolute, on PUBLIC_URL) through the test client."""
    path = url.split("://", 1)[1].split("/", 1)[1]
    return await api.http.get(f"/{path}")


def opened(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


@dataclass
class Scene:
    cast: Cast
    order_id: str
    stranger: ContactCard  # a contractor with a portal member, not assigned to the order


@dataclass
class Crew:
    """The people of a scene, without its order: a test module may share them (18 writes,
    eight of them hashing a password) and give each test an order of its own."""

    cast: Cast
    stranger: ContactCard


async def crew(api: Api) -> Crew:
    c = await cast(api)
    stranger = await contact(api, c.owner, "CONTRACTOR", "Stranger Cleaning")
    await portal_member(api, c.owner, stranger, "Stranger Portal")
    return Crew(c, stranger)


async def scene_of(api: Api, people: Crew) -> Scene:
    """A new order of the cast's client, responsible: staff (under head), assigned to FixIt."""
    c = people.cast
    order = await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=c.staff.member_id,
    )
    assigned = await api.ok(ASSIGN, {"id": order["id"], "c": c.contractor.id}, c.owner.access)
    assert assigned["assignOrder"]["errors"] == []
    return Scene(c, order["id"], people.stranger)


async def scene(api: Api) -> Scene:
    """A scene with people of its own."""
    return await scene_of(api, await crew(api))
