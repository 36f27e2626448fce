"""The website chat in a real browser: Debian's headless Chromium (Playwright drives it) opens
a page on a local origin of its own that embeds `/widget.js` with one tag, served by a real
uvicorn process. The visitor writes, a staff member replies through GraphQL, the reply
appears in the page; after a reload the chat goes on; a page on an origin the company did
not allow cannot start a chat.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, expect

from config.settings import Settings
from tests.conftest import TEST_SECRET
from tests.support.api import Api, register
from tests.support.browser import chromium, static_site
from tests.support.databases import create_postgres_database, drop_postgres_database
from tests.support.processes import api_server
from tests.support.webchat import REPLY, configure, webchats

# One xdist worker runs the module, so its servers start once (`make test` runs -n 2).
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("webchat_browser")]

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>A shop</h1>
<script src="{api}/widget.js" data-widget-key="{key}" async></script>
</body></html>"""


@dataclass
class Served:
    api: str
    shop: str  # an origin the company allows
    stranger: str  # one it does not
    pages: Path
    strange_pages: Path


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str, Path]]:
    shop, stranger = tmp_path_factory.mktemp("shop"), tmp_path_factory.mktemp("stranger")
    with ExitStack() as stack:
        yield (
            stack.enter_context(static_site(shop)),
            shop,
            stack.enter_context(static_site(stranger)),
            stranger,
        )


def serve(port: int) -> list[str]:
    """`servicedesk serve`: it migrates, then runs uvicorn with the protocols and limits of
    production, in one process (a separate `migrate` process cost another interpreter start
    and import of the app, about 1.5 s of CPU per database)."""
    return [sys.executable, "-m", "servicedesk.cli", "serve", "--port", str(port)]


@pytest_asyncio.fixture(scope="module")
async def served(
    settings: Settings,
    sites: tuple[str, Path, str, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Served]:
    """A process serving the app on a database of its own, of the run's dialect."""
    data = tmp_path_factory.mktemp("webchat-browser")
    if settings.dialect == "sqlite":
        database = f"sqlite://{data / 'chat.sqlite3'}"
    else:
        database = await create_postgres_database("servicedesk_chat")
    env = {
        "DATABASE_URL": database,
        "DATA_DIR": str(data),
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://desk.example.test",
    }
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    try:
        with api_server(env, data / "api.log", serve) as server:
            shop, pages, stranger, strange_pages = sites
            yield Served(server.url, shop, stranger, pages, strange_pages)
    finally:
        if settings.dialect != "sqlite":
            await drop_postgres_database(database)


@pytest_asyncio.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """One Chromium for both databases' runs (the pages talk to the served process, not to
    this one's database); each test opens a fresh context of its own."""
    async with chromium() as launched:
        yield launched


async def write_message(page: Page, text: str) -> None:
    if await page.locator(".panel").is_hidden():
        await page.locator("button.btn").click()
    await page.locator("textarea").fill(text)
    await page.locator("button.send").click()


async def test_a_visitor_chats_with_staff_from_a_page_that_embeds_the_widget(
    served: Served, browser: Browser
) -> None:
    async with httpx.AsyncClient(base_url=served.api, timeout=30) as http:
        api = Api(http)
        owner = await register(api)
        key = await configure(api, owner, served.shop)
        (served.pages / "index.html").write_text(PAGE.format(api=served.api, key=key))
        context = await browser.new_context()
        page = await context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        await page.goto(f"{served.shop}/index.html")
        await page.locator("button.btn").click()
        await page.locator("input[name=name]").fill("Ivan <b>Visitor</b>")
        await write_message(page, "Hello, is the <b>vase</b> insured?")
        mine = page.locator(".msg.in")
        await expect(mine).to_have_text(["Hello, is the <b>vase</b> insured?"])  # text, not HTML

        # The staff member sees it in the inbox and answers through GraphQL.
        for _ in range(50):
            chats = await webchats(api, owner)
            if chats and chats[0]["messages"]["edges"]:
                break
            await asyncio.sleep(0.1)
        [chat] = chats
        assert chat["externalName"] == "Ivan <b>Visitor</b>"
        assert [e["node"]["body"] for e in chat["messages"]["edges"]] == [
            "Hello, is the <b>vase</b> insured?"
        ]
        replied = await api.ok(
            REPLY, {"c": chat["id"], "b": "Yes, <i>fully</i> insured."}, owner.access
        )
        assert replied["replyToConversation"]["errors"] == []
        await expect(page.locator(".msg.out")).to_have_text(
            ["Yes, <i>fully</i> insured."], timeout=15_000
        )
        assert await page.locator(".msg i, .msg b").count() == 0

        # A reload keeps the chat: the transcript, and the same conversation for what follows.
        await page.reload()
        await page.locator("button.btn").click()
        await expect(page.locator(".msg")).to_have_count(2)
        await write_message(page, "Thank you!")
        await expect(page.locator(".msg.in")).to_have_count(2)
        [chat] = await webchats(api, owner)
        bodies = [e["node"]["body"] for e in chat["messages"]["edges"]]
        assert bodies == [
            "Hello, is the <b>vase</b> insured?",
            "Yes, <i>fully</i> insured.",
            "Thank you!",
        ]
        assert chat["messages"]["edges"][1]["node"]["deliveryStatus"] == "SENT"
        # A reply while the page is closed appears when the visitor comes back.
        await page.close()
        await api.ok(REPLY, {"c": chat["id"], "b": "You are welcome."}, owner.access)
        again = await context.new_page()
        await again.goto(f"{served.shop}/index.html")
        await again.locator("button.btn").click()
        await expect(again.locator(".msg.out")).to_have_text(
            ["Yes, <i>fully</i> insured.", "You are welcome."], timeout=15_000
        )
        await context.close()
        assert problems == []


async def test_a_page_on_an_origin_not_allowed_cannot_start_a_chat(
    served: Served, browser: Browser
) -> None:
    async with httpx.AsyncClient(base_url=served.api, timeout=30) as http:
        api = Api(http)
        owner = await register(api)
        key = await configure(api, owner, served.shop)
        (served.strange_pages / "index.html").write_text(PAGE.format(api=served.api, key=key))
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(f"{served.stranger}/index.html")
        await write_message(page, "Let me in")
        await expect(page.locator(".note")).to_contain_text("Not sent")
        await expect(page.locator(".msg")).to_have_count(0)
        # Straight from the page's own script: the browser refuses before anything runs.
        outcome = await page.evaluate(
            """async ([url, key]) => {
                try {
                    const response = await fetch(url + "/graphql", {
                        method: "POST",
                        headers: {"Content-Type": "application/json"},
                        body: JSON.stringify({query: `mutation { startChat(widgetKey: "${key}")
                            { session { visitorToken } errors { code } } }`}),
                    });
                    return "answered " + response.status;
                } catch (error) {
                    return "refused";
                }
            }""",
            [served.api, key],
        )
        assert outcome == "refused"
        assert await page.evaluate("Object.keys(localStorage).length") == 0
        await context.close()
        assert await webchats(api, owner) == []


CLOSE = """mutation($c: ID!) { closeConversation(conversationId: $c) { errors { code } } }"""
BLOCK = """mutation($c: ID!) { blockChatVisitor(conversationId: $c) { errors { code } } }"""


async def test_a_closed_chat_goes_on_as_a_new_one_and_a_blocked_visitor_gets_none(
    served: Served, browser: Browser
) -> None:
    async with httpx.AsyncClient(base_url=served.api, timeout=30) as http:
        api = Api(http)
        owner = await register(api)
        key = await configure(api, owner, served.shop)
        (served.pages / "closing.html").write_text(PAGE.format(api=served.api, key=key))
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(f"{served.shop}/closing.html")
        await write_message(page, "First question")
        await expect(page.locator(".msg.in")).to_have_count(1)
        [first] = await webchats(api, owner)
        closed = await api.ok(CLOSE, {"c": first["id"]}, owner.access)
        assert closed["closeConversation"]["errors"] == []
        # The old token ends; the widget starts a new chat with the same message.
        await write_message(page, "Second question")
        await expect(page.locator(".msg.in")).to_have_text(["Second question"])
        await expect(page.locator(".note")).to_have_text("")
        chats = {c["id"]: c for c in await webchats(api, owner)}
        assert len(chats) == 2
        [second] = [c for c in chats.values() if c["id"] != first["id"]]
        assert [e["node"]["body"] for e in second["messages"]["edges"]] == ["Second question"]
        blocked = await api.ok(BLOCK, {"c": second["id"]}, owner.access)
        assert blocked["blockChatVisitor"]["errors"] == []
        await write_message(page, "Third question")
        await expect(page.locator(".note")).to_contain_text("not available to you")
        assert len(await webchats(api, owner)) == 2
        await context.close()
