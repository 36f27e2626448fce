"""GraphiQL in a real browser with no network but the service: Debian's headless Chromium
(tests/support/browser.py) opens `/graphql`, every request to another host is refused as an
offline machine would, and the IDE still comes up, loads the schema and runs a query."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.async_api import Route, expect
from starlette.applications import Starlette

from tests.support.browser import chromium
from tests.support.ws import client

pytestmark = pytest.mark.asyncio

ORIGIN = "http://testserver"


async def test_graphiql_comes_up_without_network_access(app: Starlette) -> None:
    elsewhere: list[str] = []
    refused_by_policy: list[str] = []
    async with client(app) as http, chromium() as browser:

        async def served_here(route: Route) -> None:
            request = route.request
            if not request.url.startswith(f"{ORIGIN}/"):
                elsewhere.append(request.url)
                await route.abort("internetdisconnected")
                return
            url = urlsplit(request.url)
            answer = await http.request(
                request.method,
                f"{url.path}?{url.query}" if url.query else url.path,
                headers={k: v for k, v in request.headers.items() if k != "host"},
                content=request.post_data_buffer,
            )
            await route.fulfill(
                status=answer.status_code,
                headers=dict(answer.headers),
                body=answer.content,
            )

        page = await browser.new_page()
        page.on(
            "console",
            lambda m: refused_by_policy.append(m.text) if "Content Security" in m.text else None,
        )
        await page.route("**/*", served_here)
        await page.goto(f"{ORIGIN}/graphql")
        # Rendered by GraphiQL itself (React), not the static page around it.
        await expect(page.get_by_test_id("graphiql-container")).to_be_visible(timeout=15_000)
        # The schema came: GraphiQL's documentation explorer lists the root query type.
        await page.get_by_role("button", name="Show Documentation Explorer").click()
        await expect(page.get_by_text("Query", exact=True).first).to_be_visible(timeout=10_000)
        await page.close()
    assert elsewhere == []
    assert refused_by_policy == []
