"""Automatic persisted queries (Apollo's APQ convention), over POST and GET."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any

import pytest

from tests.support.api import Api, register

pytestmark = pytest.mark.asyncio


def persisted(query: str) -> dict[str, Any]:
    digest = hashlib.sha256(query.encode()).hexdigest()
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def unique_query() -> str:
    """A query no other test registered (each test's process-wide cache is shared)."""
    return f"query Me{secrets.token_hex(4)} {{ me {{ name }} }}"


async def post(api: Api, token: str, **body: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    response = await api.http.post("/graphql", json=body, headers=headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def test_an_unknown_hash_asks_for_the_query_which_is_then_kept(api: Api) -> None:
    owner = await register(api)
    query = unique_query()
    extensions = persisted(query)
    missing = await post(api, owner.access, extensions=extensions)
    assert missing["errors"][0]["message"] == "PersistedQueryNotFound"
    assert missing["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert missing.get("data") is None

    registered = await post(api, owner.access, query=query, extensions=extensions)
    assert "errors" not in registered, registered
    by_hash = await post(api, owner.access, extensions=extensions)
    assert by_hash == registered

    response = await api.http.get(
        "/graphql",
        params={"extensions": json.dumps(extensions)},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.status_code == 200
    assert response.json() == registered


async def test_a_hash_that_is_not_the_querys_is_refused_and_nothing_kept(api: Api) -> None:
    owner = await register(api)
    query, other = unique_query(), unique_query()
    wrong = await post(api, owner.access, query=query, extensions=persisted(other))
    assert wrong["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    assert wrong.get("data") is None
    still_missing = await post(api, owner.access, extensions=persisted(other))
    assert still_missing["errors"][0]["message"] == "PersistedQueryNotFound"
    malformed = await post(
        api, owner.access, extensions={"persistedQuery": {"version": 2, "sha256Hash": "x"}}
    )
    assert malformed["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_SUPPORTED"


async def test_a_persisted_mutation_is_still_refused_over_get(api: Api) -> None:
    owner = await register(api)
    mutation = f'mutation M{secrets.token_hex(4)} {{ logout(refreshToken: "x") }}'
    await post(api, owner.access, query=mutation, extensions=persisted(mutation))
    response = await api.http.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(mutation))},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.status_code in (400, 405), response.text
