"""GraphQL over HTTP's two media types: `application/graphql-response+json` answers a request
error (nothing ran) with 400 and no `data`; `application/json` keeps every GraphQL response a
200 with `data`, as clients written before the new type expect."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import replace
from typing import Any

import httpx
import pytest

from config.settings import Settings, configure
from servicedesk.transport.media_type import GRAPHQL_RESPONSE_JSON, JSON, negotiate
from tests.support.api import Api, Session, register

NEW = "application/graphql-response+json, application/json;q=0.9"
LEGACY = "application/json"
BOTH = pytest.mark.parametrize("accept", [NEW, LEGACY], ids=["graphql-response", "json"])

ME = "{ me { name } }"
PARSE_ERROR = "{ me { name }"
VALIDATION_ERROR = "{ me { name shoeSize } }"
COERCION = "query($first: Int) { members(first: $first) { edges { node { id } } } }"
REVERSED_REPORT = """{ orderReport(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z",
  groupBy: DAY) { label } }"""
TWO_WRITES = "mutation { a: markNotificationsRead b: markNotificationsRead }"
TOO_MANY_ALIASES = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(16)) + " }"


async def send(
    api: Api,
    accept: str | None,
    body: dict[str, Any] | None = None,
    *,
    token: Session | None = None,
    params: dict[str, str] | None = None,
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token.access}"} if token else {}
    if accept is not None:
        headers["Accept"] = accept
    if params is not None:
        return await api.http.get("/graphql", params=params, headers=headers)
    return await api.http.post("/graphql", json=body, headers=headers)


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


def assert_request_error(response: httpx.Response, accept: str, code: str | None = None) -> None:
    """The new type: 400, `errors` and no `data`; the legacy one: 200 with `data: null`."""
    body = response.json()
    assert body["errors"], body
    if code is not None:
        assert body["errors"][0]["extensions"]["code"] == code
    if accept == NEW:
        assert (response.status_code, media_type(response)) == (400, GRAPHQL_RESPONSE_JSON)
        assert "data" not in body
    else:
        assert (response.status_code, media_type(response)) == (200, JSON)
        assert body["data"] is None


@pytest.mark.asyncio
@BOTH
@pytest.mark.parametrize(
    ("query", "variables"),
    [(PARSE_ERROR, {}), (VALIDATION_ERROR, {}), (COERCION, {"first": "ten"})],
    ids=["parse", "validation", "variables"],
)
async def test_a_document_that_cannot_run_is_a_request_error(
    api: Api, accept: str, query: str, variables: dict[str, Any]
) -> None:
    owner = await register(api)
    response = await send(api, accept, {"query": query, "variables": variables}, token=owner)
    assert_request_error(response, accept)


@pytest.mark.asyncio
@BOTH
async def test_a_document_over_the_limits_is_a_request_error(api: Api, accept: str) -> None:
    owner = await register(api)
    response = await send(api, accept, {"query": TOO_MANY_ALIASES}, token=owner)
    assert_request_error(response, accept, "QUERY_TOO_LARGE")


@pytest.mark.asyncio
@BOTH
async def test_a_mutation_over_the_write_budget_ran_nothing(
    api: Api, settings: Settings, accept: str
) -> None:
    """RATE_LIMITED comes before any field runs: the new type says so with a 429."""
    owner = await register(api)
    configure(replace(settings, write_burst=1))
    try:
        response = await send(api, accept, {"query": TWO_WRITES}, token=owner)
    finally:
        configure(settings)
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert response.headers["retry-after"]
    if accept == NEW:
        assert (response.status_code, media_type(response)) == (429, GRAPHQL_RESPONSE_JSON)
        assert "data" not in body
    else:
        assert (response.status_code, body["data"]) == (200, None)


@pytest.mark.asyncio
@BOTH
async def test_success_is_200_in_the_accepted_type(api: Api, accept: str) -> None:
    owner = await register(api)
    response = await send(api, accept, {"query": ME}, token=owner)
    assert response.status_code == 200
    assert media_type(response) == (GRAPHQL_RESPONSE_JSON if accept == NEW else JSON)
    assert response.json() == {"data": {"me": {"name": "Olga Owner"}}}


@pytest.mark.asyncio
@BOTH
async def test_a_field_error_is_200_with_data(api: Api, accept: str) -> None:
    owner = await register(api)
    response = await send(api, accept, {"query": REVERSED_REPORT}, token=owner)
    body = response.json()
    assert response.status_code == 200, body
    assert media_type(response) == (GRAPHQL_RESPONSE_JSON if accept == NEW else JSON)
    assert "data" in body
    assert body["data"] is None
    assert body["errors"][0]["path"] == ["orderReport"]


@pytest.mark.asyncio
@BOTH
async def test_a_missing_token_is_200_with_data_null(api: Api, accept: str) -> None:
    """UNAUTHENTICATED answers the caller, not the document: as a field's would be."""
    response = await send(api, accept, {"query": ME})
    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.asyncio
@BOTH
async def test_get_answers_like_post(api: Api, accept: str) -> None:
    owner = await register(api)
    ok = await send(api, accept, token=owner, params={"query": ME})
    assert ok.status_code == 200
    assert media_type(ok) == (GRAPHQL_RESPONSE_JSON if accept == NEW else JSON)
    assert ok.json()["data"] == {"me": {"name": "Olga Owner"}}
    refused = await send(api, accept, token=owner, params={"query": PARSE_ERROR})
    assert_request_error(refused, accept)


@pytest.mark.asyncio
@BOTH
async def test_an_unknown_persisted_query_is_a_request_error(api: Api, accept: str) -> None:
    owner = await register(api)
    query = f"query Me{secrets.token_hex(4)} {{ me {{ name }} }}"
    digest = hashlib.sha256(query.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    missing = await send(api, accept, {"extensions": extensions}, token=owner)
    assert_request_error(missing, accept, "PERSISTED_QUERY_NOT_FOUND")

    await send(api, accept, {"query": query, "extensions": extensions}, token=owner)
    params = {"extensions": json.dumps(extensions)}
    by_hash = await send(api, accept, token=owner, params=params)
    assert by_hash.status_code == 200
    assert by_hash.json() == {"data": {"me": {"name": "Olga Owner"}}}


@pytest.mark.asyncio
async def test_the_views_own_refusals_are_graphql_responses_in_the_new_type(api: Api) -> None:
    owner = await register(api)
    unknown_name = {"query": "query A { me { name } }", "operationName": "B"}
    for response in (
        await send(api, NEW, unknown_name, token=owner),
        await api.http.post(
            "/graphql", content=b"{not json", headers={"Accept": NEW, "Content-Type": JSON}
        ),
    ):
        assert (response.status_code, media_type(response)) == (400, GRAPHQL_RESPONSE_JSON)
        body = response.json()
        assert body["errors"][0]["message"]
        assert "data" not in body


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "accept", ["text/html", "image/png, text/plain", "application/json;q=0, text/*"]
)
async def test_an_accept_without_a_json_type_is_406(api: Api, accept: str) -> None:
    owner = await register(api)
    response = await send(api, accept, {"query": ME}, token=owner)
    assert response.status_code == 406


@pytest.mark.asyncio
@pytest.mark.parametrize("accept", [None, "*/*", "application/*", "application/json"])
async def test_without_the_new_type_named_the_answer_is_legacy(
    api: Api, accept: str | None
) -> None:
    response = await send(api, accept, {"query": PARSE_ERROR})
    assert (response.status_code, media_type(response)) == (200, JSON)
    assert response.json()["data"] is None


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("application/json", JSON),
        ("application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
        ("application/json;q=0.9, application/graphql-response+json", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json;q=0.9", JSON),
        ("application/json, application/graphql-response+json", JSON),
        ("application/graphql-response+json, application/json", GRAPHQL_RESPONSE_JSON),
        ("Application/GraphQL-Response+JSON; charset=utf-8", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json, */*;q=0.1", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=0.5, */*", JSON),
        ("application/json;q=0, */*", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=0, */*", JSON),
        ("application/json;q=0", None),
        ("text/html", None),
        ("application/graphql-response+json;q=bogus", None),
    ],
)
def test_negotiation_follows_q_values_then_naming_then_order(
    accept: str | None, chosen: str | None
) -> None:
    assert negotiate(accept) == chosen
