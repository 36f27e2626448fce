"""GraphiQL works without network access: every script and stylesheet its page names is
served by the app itself, as the exact file the page's integrity hash expects."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from html.parser import HTMLParser

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from config.settings import Settings
from servicedesk.transport.graphiql_page import graphiql_asset
from tests.support.api import Api

pytestmark = pytest.mark.asyncio


class Assets(HTMLParser):
    """The (URL, integrity) of every <script src> and <link rel=stylesheet> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.found.append((str(a["src"]), a.get("integrity"), "text/javascript"))
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.found.append((str(a["href"]), a.get("integrity"), "text/css"))


async def test_every_script_and_stylesheet_of_graphiql_is_served_by_the_app(api: Api) -> None:
    page = await api.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
    assets = Assets()
    assets.feed(page.text)
    assert len(assets.found) >= 5  # React, ReactDOM, GraphiQL's script and stylesheet, ...
    assert "unpkg.com" not in page.text
    assert "unpkg.com" not in page.headers["content-security-policy"]
    for url, integrity, media_type in assets.found:
        assert url.startswith("/"), url  # the app's own, no other host
        answer = await api.http.get(url)
        assert answer.status_code == 200, url
        assert answer.headers["content-type"].split(";")[0] == media_type, url
        assert "immutable" in answer.headers["cache-control"], url
        assert answer.headers["x-content-type-options"] == "nosniff"
        # The browser refuses a file whose hash is not the page's integrity attribute.
        assert integrity is not None, url
        algorithm, _, expected = integrity.partition("-")
        digest = base64.b64encode(hashlib.new(algorithm, answer.content).digest()).decode()
        assert digest == expected, url


async def test_the_graphiql_route_serves_its_files_and_nothing_else(api: Api) -> None:
    known = await api.http.get("/graphiql/graphiql-3.8.3.min.css")
    assert known.status_code == 200
    for name in ("README.md", "LICENSES.txt", "..%2Fwidget.js", "nothing.js"):
        assert (await api.http.get(f"/graphiql/{name}")).status_code == 404, name


async def test_production_serves_no_graphiql_files(settings: Settings) -> None:
    async def get(production: bool) -> int:
        app = Starlette(routes=[Route("/graphiql/{name}", graphiql_asset)])
        app.state.settings = replace(settings, env="production" if production else "development")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            return (await http.get("/graphiql/graphiql-3.8.3.min.js")).status_code

    assert await get(False) == 200
    assert await get(True) == 404
