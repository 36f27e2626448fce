"""Defaults for a hostile internet: limits on queries and bodies, masked errors, GET rules."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse
from starlette.applications import Starlette

from compat.strawberry import core_schema, validate_cache
from schema import build_schema
from schema.limits import MAX_RESULT_NODES, analyse
from tests.support.api import Api, register


def codes(body: dict[str, object]) -> list[object]:
    errors = body.get("errors") or []
    assert isinstance(errors, list)
    return [e.get("extensions", {}).get("code") for e in errors]


@pytest.mark.asyncio
async def test_deep_queries_are_refused(api: Api) -> None:
    owner = await register(api)
    deep = "{ me { " + "manager { " * 10 + "name" + " }" * 10 + " } }"
    body = await api.post(deep, token=owner.access)
    assert body["data"] is None
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]
    shallow = "{ me { " + "manager { " * 5 + "name" + " }" * 5 + " } }"
    assert "errors" not in await api.post(shallow, token=owner.access)


@pytest.mark.asyncio
async def test_too_many_aliases_are_refused(api: Api) -> None:
    owner = await register(api)
    query = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(16)) + " }"
    body = await api.post(query, token=owner.access)
    assert body["data"] is None
    assert "aliases found" in body["errors"][0]["message"]


@pytest.mark.asyncio
async def test_too_many_tokens_are_refused(api: Api) -> None:
    query = "{ " + " ".join("__typename" for _ in range(2100)) + " }"
    body = await api.post(query)
    assert body["data"] is None
    assert "token" in body["errors"][0]["message"].lower()


@pytest.mark.asyncio
async def test_big_but_allowed_queries_pass(api: Api) -> None:
    owner = await register(api)
    big = """{ contacts(first: 100) { edges { node { portalMembers { name } } } }
               a: members(first: 100) { edges { node { name } } }
               b: contacts(first: 100) { totalCount } }"""
    assert "errors" not in await api.post(big, token=owner.access)


def test_estimated_result_size_multiplies_pages_along_each_path() -> None:
    document = parse(
        """query($n: Int) {
          contacts(first: 100) { edges { node { orders(first: $n) { totalCount } } } }
          members { totalCount }
          ...More
        }
        fragment More on Query { x: contacts(first: 5) { totalCount } }"""
    )
    schema = core_schema(build_schema())

    def estimate(variables: dict[str, Any]) -> int:
        analysis = analyse(schema, document, None, variables)
        assert analysis is not None
        return analysis.shape.nodes

    # 100 contacts + 100 x n orders + 20 members (default page) + 5.
    assert estimate({"n": 10}) == 100 + 1000 + 20 + 5
    assert estimate({"n": 500}) > MAX_RESULT_NODES
    assert estimate({}) == 100 + 2000 + 20 + 5


@pytest.mark.asyncio
async def test_mutation_over_get_is_refused(api: Api) -> None:
    response = await api.http.get(
        "/graphql", params={"query": 'mutation { logout(refreshToken: "x") }'}
    )
    assert response.status_code in (400, 405)
    query = await api.http.get("/graphql", params={"query": "{ __typename }"})
    assert query.json() == {"data": {"__typename": "Query"}}


@pytest.mark.asyncio
async def test_request_body_over_one_mebibyte_is_refused(api: Api) -> None:
    padding = "x" * (1024 * 1024)
    response = await api.http.post(
        "/graphql", json={"query": "{ __typename }", "variables": {"pad": padding}}
    )
    assert response.status_code == 413


@pytest.mark.asyncio
async def test_one_operation_per_request(api: Api) -> None:
    body = await api.post("query A { __typename } query B { __typename }")
    assert body["data"] is None
    assert body["errors"][0]["message"] == "Send one operation per request"
    response = await api.http.post(
        "/graphql",
        json={"query": "query A { __typename } query B { __typename }", "operationName": "A"},
    )
    assert response.json()["errors"][0]["message"] == "Send one operation per request"


@pytest.mark.asyncio
async def test_batched_requests_are_refused(api: Api) -> None:
    response = await api.http.post(
        "/graphql", json=[{"query": "{ __typename }"}, {"query": "{ __typename }"}]
    )
    assert response.status_code == 400


@pytest.mark.asyncio
async def test_unexpected_errors_are_masked_with_a_request_id(
    api: Api, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await register(api)

    async def broken(*_: object) -> object:
        raise RuntimeError("secret database detail")

    monkeypatch.setattr("resolvers.auth.my_memberships", broken)
    response = await api.http.post(
        "/graphql",
        json={"query": "{ myMemberships { id } }"},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    error = response.json()["errors"][0]
    request_id = response.headers["x-request-id"]
    assert "secret" not in response.text
    assert error["message"] == f"internal error (request id {request_id})"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}


@pytest.mark.asyncio
async def test_browsers_may_call_only_from_configured_origins(api: Api) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    allowed = await api.http.options(
        "/graphql", headers={"Origin": "https://app.example.test", **preflight}
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.test"
    refused = await api.http.options(
        "/graphql", headers={"Origin": "https://evil.example.test", **preflight}
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers


@pytest.mark.asyncio
async def test_repeated_queries_are_validated_once(api: Api) -> None:
    """Validation is most of a small query's cost: the cache must hit."""
    owner = await register(api)
    query = "{ me { id name } myMemberships { id } }"
    await api.ok(query, token=owner.access)
    cache: Any = validate_cache(1000)
    before = cache.cache_info()
    for _ in range(10):
        await api.ok(query, token=owner.access)
    after = cache.cache_info()
    assert after.hits - before.hits == 10
    assert after.misses == before.misses
