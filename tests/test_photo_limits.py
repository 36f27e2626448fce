"""Upload limits enforced while the body streams in: the body cap (413) before anything is
parsed, one file per request, and the cap on what is kept of an oversize file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from config.settings import Settings
from tests.support.api import Api, register
from tests.support.photos import PREFLIGHT, multipart_parts, picture, stored_names
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

BOUNDARY = "photo-boundary-7d3f"
CHUNK = 256 * 1024


class Body:
    """A multipart body with a file of `file_bytes`, streamed in chunks; counts what was read."""

    def __init__(self, order_id: str, file_bytes: int) -> None:
        parts = multipart_parts(order_id)
        head = "".join(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in parts.items()
        )
        head += (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="pano.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        )
        self.head = head.encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.file_bytes = file_bytes
        self.sent = 0

    @property
    def length(self) -> int:
        return len(self.head) + self.file_bytes + len(self.tail)

    async def chunks(self) -> AsyncIterator[bytes]:
        self.sent += len(self.head)
        yield self.head
        left = self.file_bytes
        while left > 0:
            size = min(CHUNK, left)
            left -= size
            self.sent += size
            yield b"\xff" * size
        self.sent += len(self.tail)
        yield self.tail


async def an_order(api: Api) -> tuple[str, str]:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    return owner.access, order["id"]


def headers(token: str, length: int | None) -> dict[str, str]:
    sent = {
        "Authorization": f"Bearer {token}",
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        **PREFLIGHT,
    }
    if length is not None:
        sent["Content-Length"] = str(length)
    return sent


async def test_a_60_mb_panorama_announced_is_refused_before_its_body_is_read(api: Api) -> None:
    token, order_id = await an_order(api)
    body = Body(order_id, 60 * 1000 * 1000)
    response = await api.http.post(
        "/graphql", content=body.chunks(), headers=headers(token, body.length)
    )
    assert response.status_code == 413
    assert "Request body too large" in response.text
    assert body.sent <= len(body.head) + CHUNK


async def test_a_body_streamed_past_the_cap_is_cut_off(api: Api, settings: Settings) -> None:
    token, order_id = await an_order(api)
    names = await stored_names()
    body = Body(order_id, 30 * 1024 * 1024)
    response = await api.http.post("/graphql", content=body.chunks(), headers=headers(token, None))
    assert response.status_code == 413
    cap = settings.photo_max_bytes + 1024 * 1024
    assert cap < body.sent <= cap + len(body.head) + 2 * CHUNK
    assert await stored_names() == names


async def test_a_file_just_over_the_limit_is_refused_in_the_payload(
    api: Api, settings: Settings
) -> None:
    token, order_id = await an_order(api)
    body = Body(order_id, settings.photo_max_bytes + 1)
    response = await api.http.post("/graphql", content=body.chunks(), headers=headers(token, None))
    assert response.status_code == 200
    assert response.json()["data"]["uploadOrderPhoto"]["errors"] == [
        {"field": ["file"], "code": "INVALID", "message": "A photo may be at most 10 MiB"}
    ]


async def test_one_file_per_request(api: Api) -> None:
    token, order_id = await an_order(api)
    parts = multipart_parts(order_id)
    parts["map"] = json.dumps({"0": ["variables.f"], "1": ["variables.f"]})
    response = await api.http.post(
        "/graphql",
        data=parts,
        files=[
            ("0", ("a.jpg", picture(), "image/jpeg")),
            ("1", ("b.jpg", picture(), "image/jpeg")),
        ],
        headers={"Authorization": f"Bearer {token}", **PREFLIGHT},
    )
    assert response.status_code == 400
    assert "Too many files" in response.text
