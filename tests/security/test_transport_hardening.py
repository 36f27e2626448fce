"""Answers that depend on a credential are never stored by
a shared cache; HSTS in production; /widget-demo not frameable by other sites; GraphiQL served
with a Content-Security-Policy that allows exactly its own scripts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from config.settings import Settings, configure
from servicedesk.app import create_app
from tests.support.api import Api, register

ME = "query Me { me { id name } }"


def not_stored(response: httpx.Response) -> None:
    cache = {part.strip() for part in response.headers.get("cache-control", "").split(",")}
    assert {"private", "no-store"} <= cache, response.headers.get("cache-control")
    vary = {part.strip().lower() for part in response.headers.get("vary", "").split(",")}
    assert "authorization" in vary, response.headers.get("vary")


@pytest.mark.asyncio
async def test_answers_that_depend_on_a_credential_are_never_stored(api: Api) -> None:
    owner = await register(api)
    auth = {"Authorization": f"Bearer {owner.access}"}
    http = api.http
    posted = await http.post("/graphql", json={"query": ME}, headers=auth)
    got = await http.get("/graphql", params={"query": ME}, headers=auth)
    digest = hashlib.sha256(ME.encode()).hexdigest()
    persisted = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})
    first = await http.get("/graphql", params={"query": ME, "extensions": persisted}, headers=auth)
    again = await http.get("/graphql", params={"extensions": persisted}, headers=auth)
    report = await http.get(
        "/reports/orders.csv",
        params={"from": "2026-01-01", "to": "2026-02-01", "groupBy": "CLIENT"},
        headers=auth,
    )
    for response in (posted, got, first, again, report):
        assert response.status_code == 200, response.text
        not_stored(response)
    assert again.json()["data"]["me"]["id"] == owner.member_id
    # No query is public (every one needs a token), so anonymous answers are not stored either:
    # a shared cache would keep an error, or introspection of a development server.
    anonymous = await http.get("/graphql", params={"query": "{ __typename }"})
    refused = await http.get("/reports/orders.csv")
    for response in (anonymous, refused):
        not_stored(response)


@pytest_asyncio.fixture
async def production(app: Starlette, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app as production builds it (the session's app keeps the database running)."""
    probe = create_app(replace(settings, env="production"))
    configure(settings)  # create_app made the production settings the process's
    transport = httpx.ASGITransport(app=probe)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        yield http


@pytest.mark.asyncio
async def test_production_answers_carry_hsts(production: httpx.AsyncClient, api: Api) -> None:
    for response in (
        await production.get("/healthz"),
        await production.post("/graphql", json={"query": "{ __typename }"}),
        await production.get("/widget-demo"),
        await production.get("/no-such-page"),
    ):
        hsts = response.headers.get("strict-transport-security", "")
        match = re.match(r"max-age=(\d+)", hsts)
        assert match, response.headers
        assert int(match.group(1)) >= 180 * 24 * 3600
        assert "includesubdomains" in hsts.lower()
    # Not in development: a browser would then refuse plain http://localhost for a year.
    assert "strict-transport-security" not in (await api.http.get("/healthz")).headers


@pytest.mark.asyncio
async def test_widget_demo_is_not_frameable_by_other_sites(api: Api) -> None:
    page = await api.http.get("/widget-demo", params={"key": "abc"})
    assert page.status_code == 200
    policy = page.headers.get("content-security-policy", "")
    assert re.search(r"frame-ancestors 'self'(;|$)", policy), policy
    assert page.headers.get("x-frame-options") == "SAMEORIGIN"


@pytest.mark.asyncio
async def test_graphiql_is_served_with_a_csp_allowing_only_its_own_scripts(api: Api) -> None:
    page = await api.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
    policy = page.headers.get("content-security-policy", "")
    directives = {
        d.strip().split()[0]: d.strip().split()[1:] for d in policy.split(";") if d.strip()
    }
    scripts = directives.get("script-src", [])
    assert scripts, policy
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    inline = re.findall(r"<script>(.*?)</script>", page.text, flags=re.DOTALL)
    assert inline
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in scripts
    assert directives.get("frame-ancestors") == ["'none'"]
    assert directives.get("object-src") == ["'none'"]
    assert page.headers.get("x-frame-options") == "DENY"
