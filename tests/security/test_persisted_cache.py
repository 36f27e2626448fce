"""The persisted-query cache kept any text whose hash matched, before
parsing or authentication, up to the 1 MiB body (300 anonymous requests: 115 -> 997 MB).
Only a query that ran is kept, at most 8 KiB of it, 4 MiB in all."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any

import pytest
from starlette.applications import Starlette
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from compat.strawberry import parse_cache, validate_cache
from servicedesk.transport.persisted_queries import (
    MAX_CACHE_BYTES,
    MAX_QUERY_BYTES,
    PersistedQueries,
)
from tests.support.api import Api, register


def persisted(query: str) -> dict[str, Any]:
    digest = hashlib.sha256(query.encode()).hexdigest()
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def cache_of(app: Starlette) -> PersistedQueries:
    for route in app.routes:
        cache = getattr(getattr(route, "app", None), "persisted_queries", None)
        if isinstance(cache, PersistedQueries):
            return cache
    raise AssertionError("no GraphQL endpoint with a persisted-query cache")


async def send(api: Api, token: str | None, **body: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    answer: dict[str, Any] = (await api.http.post("/graphql", json=body, headers=headers)).json()
    return answer


@pytest.mark.asyncio
async def test_refused_invalid_and_huge_documents_are_not_kept(api: Api, app: Starlette) -> None:
    owner = await register(api)
    cache = cache_of(app)
    tag = secrets.token_hex(4)
    padded = f"query Padded{tag} {{ __typename }}\n" + "# free comment\n" * 20_000
    refused = {
        "syntax error": (f"query Broken{tag} {{ me {{ ", owner.access),
        "invalid": (f"query Invalid{tag} {{ me {{ notAField }} }}", owner.access),
        "unauthenticated": (f"query Anonymous{tag} {{ me {{ name }} }}", None),
        "over a limit": (
            f"query Deep{tag} {{ me {{ {'manager { ' * 11}name{' }' * 11} }} }}",
            owner.access,
        ),
        "huge (comments are free)": (padded, None),
    }
    before = (len(cache), cache.bytes)
    for case, (query, token) in refused.items():
        await send(api, token, query=query, extensions=persisted(query))
        again = await send(api, token, extensions=persisted(query))
        codes = [e["extensions"]["code"] for e in again["errors"]]
        assert codes == ["PERSISTED_QUERY_NOT_FOUND"], case
    assert (len(cache), cache.bytes) == before


@pytest.mark.asyncio
async def test_anonymous_padding_does_not_grow_the_cache(api: Api, app: Starlette) -> None:
    """The probe's attack (300 such requests: 115 -> 997 MB): distinct valid queries padded
    with comments, no token."""
    cache = cache_of(app)
    before = cache.bytes
    for number in range(100):
        query = f"query Pad{number}x{secrets.token_hex(4)} {{ __typename }}\n#" + "x" * 20_000
        body = await send(api, None, query=query, extensions=persisted(query))
        assert body == {"data": {"__typename": "Query"}}
    assert cache.bytes == before


@pytest.mark.asyncio
async def test_a_good_query_is_kept_and_answers_by_hash_over_post_and_get(
    api: Api, app: Starlette
) -> None:
    owner = await register(api)
    cache = cache_of(app)
    query = f"query Me{secrets.token_hex(4)} {{ me {{ name }} }}"
    before = cache.bytes
    ran = await send(api, owner.access, query=query, extensions=persisted(query))
    assert ran == {"data": {"me": {"name": "Olga Owner"}}}
    assert cache.bytes == before + len(query.encode())
    assert await send(api, owner.access, extensions=persisted(query)) == ran
    response = await api.http.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(query))},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.json() == ran


@pytest.mark.asyncio
async def test_the_parser_and_validation_caches_keep_no_large_document(api: Api) -> None:
    """The same weakness in two more caches keyed by the query's text: each held up to 1,000
    documents of up to 1 MiB (comments included: a parsed document keeps its source)."""
    parsed: Any = parse_cache(1000)
    validated: Any = validate_cache(1000)

    def hits() -> tuple[int, int]:
        """Cache hits, not sizes: a cache other tests filled keeps its size when it takes one."""
        return parsed.cache_info().hits, validated.cache_info().hits

    for number in range(5):
        query = f"query Big{number}x{secrets.token_hex(4)} {{ __typename }}\n#" + "x" * 20_000
        assert await send(api, None, query=query) == {"data": {"__typename": "Query"}}
        before = hits()
        assert await send(api, None, query=query) == {"data": {"__typename": "Query"}}
        assert hits() == before  # parsed and validated anew: never kept
    small = f"query Small{secrets.token_hex(4)} {{ __typename }}"
    assert await send(api, None, query=small) == {"data": {"__typename": "Query"}}
    before = hits()
    assert await send(api, None, query=small) == {"data": {"__typename": "Query"}}
    assert hits() == (before[0] + 1, before[1] + 1)


def test_the_cache_keeps_to_its_byte_budget() -> None:
    cache = PersistedQueries()
    ran = ExecutionResult(data={"__typename": "Query"}, errors=None)
    queries = [
        f"query Q{number} {{ __typename }} #" + "x" * (MAX_QUERY_BYTES - 40)
        for number in range(600)
    ]
    for query in queries:
        data = GraphQLRequestData(
            query=query, variables=None, operation_name=None, extensions=persisted(query)
        )
        assert cache.resolve(data) is None
        cache.keep(data, ran)
    assert cache.bytes <= MAX_CACHE_BYTES
    assert cache.bytes == sum(len(q.encode()) for q in queries[-len(cache) :])
    assert len(cache) >= MAX_CACHE_BYTES // MAX_QUERY_BYTES - 1
    newest = GraphQLRequestData(
        query=None, variables=None, operation_name=None, extensions=persisted(queries[-1])
    )
    assert cache.resolve(newest) is None
    assert newest.query == queries[-1]
