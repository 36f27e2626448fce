"""Photos through real multipart HTTP requests: who may upload, what is stored, what is
refused (leaving no file and no row), and the signed links that serve them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from config.settings import Settings
from models import OrderEvent, OrderEventKind, Photo
from schema.ids import decode_id
from tests.support.api import Api, Session, count_statements, register
from tests.support.photos import (
    PHOTOS,
    Crew,
    Scene,
    crew,
    fetch,
    jpeg_with_gps_and_serial,
    opened,
    pdf,
    picture,
    png_declaring,
    scene,
    scene_of,
    sideways_jpeg,
    stored_names,
    upload,
    upload_response,
)
from tests.support.world import create_order

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture(scope="module")
async def people(app: Starlette) -> AsyncIterator[Crew]:
    """The cast once per database (a scene's people were most of each test's time); each
    test has an order of its own (`fresh`), so what a test counts on its order is its own."""
    transport = httpx.ASGITransport(app=app, client=("203.0.113.10", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield await crew(Api(http))


@pytest_asyncio.fixture
async def fresh(api: Api, people: Crew) -> Scene:
    return await scene_of(api, people)


async def photos_of(api: Api, who: Session, order_id: str) -> list[dict[str, Any]] | None:
    node = (await api.ok(PHOTOS, {"id": order_id}, who.access))["node"]
    return None if node is None else list(node["photos"])


def near(pixel: object, color: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(int(a) - b) < 60 for a, b in zip(pixel, color, strict=True))


async def rows_of(order_id: str) -> int:
    return await Photo.filter(order_id=decode_id(order_id, "Order")).count()


async def test_staff_client_and_contractor_upload_and_all_of_them_see_every_photo(
    api: Api,
    fresh: Scene,
) -> None:
    s = fresh
    c = s.cast
    uploaders = [
        (c.owner, "BEFORE"),
        (c.staff, None),
        (c.head, "ISSUE"),
        (c.client.members[0], "ISSUE"),
        (c.contractor.members[1], "COMPLETION"),
    ]
    made = []
    for who, kind in uploaders:
        payload = await upload(
            api, who.access, s.order_id, picture(640, 480), kind=kind, caption=f"by {who.email}"
        )
        assert payload["errors"] == []
        made.append(payload["photo"])
    for photo, (who, kind) in zip(made, uploaders, strict=True):
        assert photo["uploadedBy"]["id"] == who.member_id
        assert photo["kind"] == (kind or "COMPLETION")
        assert photo["caption"] == f"by {who.email}"
        assert (photo["contentType"], photo["width"], photo["height"]) == ("image/jpeg", 640, 480)
        assert photo["size"] > 0
    # Everyone who sees the order sees all of them, oldest first.
    for who in (c.owner, c.head, c.staff, c.client.members[1], c.contractor.members[0]):
        seen = await photos_of(api, who, s.order_id)
        assert seen is not None
        assert [p["id"] for p in seen] == [p["id"] for p in made]
    # In the order they happened: without ORDER BY, PostgreSQL returns rows as they lie, and
    # the UPDATE that marks a batch of events published moves them.
    events = (
        await OrderEvent.filter(
            order_id=decode_id(s.order_id, "Order"), kind=OrderEventKind.PHOTO_ADDED
        )
        .order_by("id")
        .values_list("actor_id", flat=True)
    )
    assert [f"{a}" for a in events] == [str(decode_id(w.member_id, "Member")) for w, _ in uploaders]


async def test_those_who_do_not_see_the_order_get_not_found_and_see_no_photo(
    api: Api, fresh: Scene
) -> None:
    s = fresh
    c = s.cast
    first = await upload(api, c.owner.access, s.order_id, picture())
    names = await stored_names()
    outsiders = {
        "client of another order": c.other_client.members[0],
        "contractor not assigned": s.stranger.members[0],
        "staff outside the responsible's subtree": c.peer,
        "owner of another company": await register(api),
    }
    for who in outsiders.values():
        payload = await upload(api, who.access, s.order_id, picture())
        assert payload == {
            "photo": None,
            "errors": [{"field": ["orderId"], "code": "NOT_FOUND", "message": "Order not found"}],
        }
        assert await photos_of(api, who, s.order_id) is None
        node = await api.ok(
            "query($id: ID!) { node(id: $id) { id } }", {"id": first["photo"]["id"]}, who.access
        )
        assert node["node"] is None
    assert await rows_of(s.order_id) == 1
    assert await stored_names() == names


async def test_unauthenticated_upload_is_refused(api: Api, fresh: Scene) -> None:
    s = fresh
    response = await upload_response(api, None, s.order_id, picture())
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await rows_of(s.order_id) == 0


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({}, False),
        ({"Apollo-Require-Preflight": ""}, False),
        ({"X-Apollo-Operation-Name": " "}, False),
        ({"Apollo-Require-Preflight": "true"}, True),
        ({"X-Apollo-Operation-Name": "UploadOrderPhoto"}, True),
    ],
)
async def test_multipart_requests_need_a_csrf_preflight_header(
    api: Api, fresh: Scene, headers: dict[str, str], allowed: bool
) -> None:
    s = fresh
    owner = s.cast.owner
    response = await upload_response(api, owner.access, s.order_id, picture(), headers=headers)
    if allowed:
        assert response.json()["data"]["uploadOrderPhoto"]["errors"] == []
        assert await rows_of(s.order_id) == 1
    else:
        assert response.status_code == 400
        assert "Cross-Site Request Forgery" in response.text
        assert await rows_of(s.order_id) == 0


async def test_gps_position_and_camera_serial_are_gone(api: Api, fresh: Scene) -> None:
    s = fresh
    original = jpeg_with_gps_and_serial("SERIAL-0042-XYZ")
    assert opened(original).getexif().get_ifd(0x8825)  # the test image does carry a position
    payload = await upload(api, s.cast.contractor.members[0].access, s.order_id, original)
    for link in (payload["photo"]["url"], payload["photo"]["thumbnailUrl"]):
        served = (await fetch(api, link)).content
        image = opened(served)
        assert dict(image.getexif()) == {}
        assert image.getexif().get_ifd(0x8825) == {}
        assert b"SERIAL-0042-XYZ" not in served
        assert b"SpyCam" not in served
        assert b"Exif" not in served


async def test_a_sideways_photo_comes_back_upright(api: Api, fresh: Scene) -> None:
    s = fresh
    payload = await upload(api, s.cast.client.members[0].access, s.order_id, sideways_jpeg())
    photo = payload["photo"]
    assert (photo["width"], photo["height"]) == (20, 40)
    image = opened((await fetch(api, photo["url"])).content).convert("RGB")
    assert image.size == (20, 40)
    assert near(image.getpixel((10, 5)), (255, 0, 0))  # red on top
    assert near(image.getpixel((10, 35)), (0, 0, 255))  # blue below


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty file", "The file is empty"),
        ("10 MiB + 1 byte", "A photo may be at most 10 MiB"),
        ("a PDF named photo.jpg", "Not a JPEG, PNG or WebP image, or a damaged one"),
        ("a PNG declaring 50,000 x 50,000", "The image declares more than 40 megapixels"),
        ("a PNG declaring 7,000 x 6,000", "The image has 42 megapixels; at most 40 are allowed"),
        ("a truncated JPEG", "Not a JPEG, PNG or WebP image, or a damaged one"),
        ("a GIF", "Not a JPEG, PNG or WebP image, or a damaged one"),
        ("a file name with ../", "The file name may not contain a path or control characters"),
    ],
)
async def test_refused_uploads_leave_no_file_and_no_row(
    api: Api, fresh: Scene, settings: Settings, case: str, message: str
) -> None:
    s = fresh
    jpeg = picture(800, 600, quality=95)
    oversize = jpeg + b"\0" * (settings.photo_max_bytes + 1 - len(jpeg))
    content, name = {
        "empty file": (b"", "photo.jpg"),
        "10 MiB + 1 byte": (oversize, "photo.jpg"),
        "a PDF named photo.jpg": (pdf(), "photo.jpg"),
        "a PNG declaring 50,000 x 50,000": (png_declaring(50_000, 50_000), "bomb.png"),
        "a PNG declaring 7,000 x 6,000": (png_declaring(7_000, 6_000), "big.png"),
        "a truncated JPEG": (jpeg[: len(jpeg) // 2], "photo.jpg"),
        "a GIF": (picture(format="GIF", mode="P", color=1), "photo.gif"),
        "a file name with ../": (jpeg, "../../../etc/photo.jpg"),
    }[case]
    names = await stored_names()
    payload = await upload(api, s.cast.owner.access, s.order_id, content, filename=name)
    assert payload == {
        "photo": None,
        "errors": [{"field": ["file"], "code": "INVALID", "message": message}],
    }
    assert await rows_of(s.order_id) == 0
    assert await stored_names() == names
    assert await photos_of(api, s.cast.owner, s.order_id) == []


async def test_the_31st_photo_is_refused(api: Api, fresh: Scene, settings: Settings) -> None:
    s = fresh
    small = picture(16, 16)
    for _ in range(settings.photos_per_order):
        assert (await upload(api, s.cast.staff.access, s.order_id, small))["errors"] == []
    names = await stored_names()
    payload = await upload(api, s.cast.client.members[0].access, s.order_id, small)
    assert payload["errors"] == [
        {"field": ["orderId"], "code": "INVALID", "message": "An order holds at most 30 photos"}
    ]
    assert await rows_of(s.order_id) == 30
    assert await stored_names() == names


async def test_png_webp_and_heic_are_stored_in_a_format_browsers_show(
    api: Api, fresh: Scene
) -> None:
    s = fresh
    token = s.cast.owner.access
    cases = [
        (picture(50, 40, "PNG", "RGBA", (0, 128, 0, 100)), "a.png", "image/png", "RGBA"),
        (picture(50, 40, "PNG", "P", 3, transparency=3), "p.png", "image/png", "RGBA"),
        (picture(50, 40, "WEBP"), "a.webp", "image/webp", "RGB"),
        (picture(50, 40, "HEIF"), "IMG_0001.HEIC", "image/jpeg", "RGB"),
        (picture(50, 40, mode="CMYK", color=(0, 0, 0, 0)), "cmyk.jpg", "image/jpeg", "RGB"),
    ]
    for content, name, content_type, mode in cases:
        photo = (await upload(api, token, s.order_id, content, filename=name))["photo"]
        assert (photo["contentType"], photo["width"], photo["height"]) == (content_type, 50, 40)
        served = await fetch(api, photo["url"])
        assert served.headers["content-type"] == content_type
        assert opened(served.content).mode == mode


async def test_signed_links_serve_privately_then_expire_and_resist_tampering(
    api: Api, fresh: Scene, app: Starlette
) -> None:
    s = fresh
    photo = (await upload(api, s.cast.client.members[0].access, s.order_id, picture(1000, 600)))[
        "photo"
    ]
    full, small = await fetch(api, photo["url"]), await fetch(api, photo["thumbnailUrl"])
    for response in (full, small):
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/jpeg"
        assert response.headers["cache-control"].startswith("private, max-age=")
        assert 0 < int(response.headers["cache-control"].rsplit("=", 1)[1]) <= 15 * 60
        assert response.headers["x-content-type-options"] == "nosniff"
    assert opened(full.content).size == (1000, 600)
    assert len(full.content) == photo["size"]
    assert opened(small.content).size == (320, 192)
    # One character changed anywhere that matters: refused.
    url = photo["url"]
    base, query = url.split("?")
    signature_at = url.index("sig=") + 4
    key_at = url.index("/media/") + 7
    expires_at = url.index("expires=") + 8
    tampered = [
        url[:signature_at] + ("0" if url[signature_at] != "0" else "1") + url[signature_at + 1 :],
        url[:key_at] + ("0" if url[key_at] != "0" else "1") + url[key_at + 1 :],
        url[:expires_at] + str((int(url[expires_at]) + 1) % 10) + url[expires_at + 1 :],
        base,
        f"{base}?{query.split('&')[0]}",
        url.replace("/media/", "/media/..%5C"),
    ]
    for link in tampered:
        refused = await fetch(api, link)
        assert refused.status_code == 403, link
        assert refused.headers["cache-control"] == "no-store"
    # A path out of the media folder does not even reach the route.
    assert (await fetch(api, url.replace("/media/", "/media/..%2F"))).status_code == 404
    # After the link's 15 minutes, refused too; a fresh read of the order gives a new one.
    real = app.state.clock
    try:
        app.state.clock = lambda: real() + 15 * 60 + 1
        assert (await fetch(api, url)).status_code == 403
        app.state.clock = lambda: real() + 15 * 60 - 5
        assert (await fetch(api, url)).status_code == 200
    finally:
        app.state.clock = real


async def test_a_photo_list_costs_the_same_statements_for_5_or_100_orders(api: Api) -> None:
    s = await scene(api)
    c = s.cast
    for _ in range(6):
        order = await create_order(
            api, c.owner, clientId=c.client.id, addressId=c.client.address_ids[0]
        )
        for who in (c.owner, c.client.members[0]):
            await upload(api, who.access, order["id"], picture(32, 32))
    query = """query($n: Int) { orders(first: $n) { edges { node { number
        photos { id kind url thumbnailUrl contentType width height uploadedBy { name } } } } } }"""

    async def statements(n: int) -> tuple[int, int]:
        with count_statements() as counter:
            data = await api.ok(query, {"n": n}, c.owner.access)
        photos = sum(len(e["node"]["photos"]) for e in data["orders"]["edges"])
        return len(counter.statements), photos

    (few, _), (many, photos) = await statements(5), await statements(100)
    assert photos == 12
    assert few == many <= 4, (few, many)


async def test_a_file_sent_as_json_is_refused(api: Api, fresh: Scene) -> None:
    s = fresh
    data = await api.ok(
        """mutation($o: ID!, $f: Upload!) { uploadOrderPhoto(orderId: $o, file: $f) {
            photo { id } errors { field code message } } }""",
        {"o": s.order_id, "f": "photo.jpg"},
        s.cast.owner.access,
    )
    assert data["uploadOrderPhoto"]["errors"] == [
        {"field": ["file"], "code": "INVALID", "message": "Send the file as a multipart upload"}
    ]
