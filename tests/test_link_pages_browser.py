"""The mailed links' pages in a real browser: Debian's headless Chromium (tests/support/
browser.py) opens the link from the queued mail exactly as mailed (PUBLIC_URL), every request
answered by the app of the test session (as tests/test_sockets_graphiql_browser.py does), so
the test reads the outbox and moves expiry times in the same database. The invitee joins and
then logs in with the password typed in the page; an expired invitation says so and creates
nothing; a forgotten password is reset from its link; an expired reset link says so. The
token goes nowhere but the page's address and the mutation, and the page keeps no session.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, Request, Route, ViewportSize, expect
from starlette.applications import Starlette

from models import Invitation, Membership, OutboxEmail, PasswordReset, User
from models import Session as LoginSession
from tests.support.api import INVITE, LOGIN, PASSWORD, Api, register, unique_email
from tests.support.browser import chromium

# One xdist worker runs the module, so Chromium starts once (`make test` runs several).
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("link_pages_browser")]

ORIGIN = "https://desk.example.test"  # PUBLIC_URL of the tests' settings (tests/conftest.py)
REQUEST_RESET = "mutation($email: String!) { requestPasswordReset(email: $email) }"
NEW_PASSWORD = "a brand new sturdy passphrase"


@dataclass
class Visit:
    page: Page
    seen: list[Request] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    async def graphql_posts(self) -> list[str]:
        return [r.post_data or "" for r in self.seen if r.url == f"{ORIGIN}/graphql"]


@pytest_asyncio.fixture(scope="module")
async def browser(app: Starlette) -> AsyncIterator[Browser]:
    """Per backend: Playwright's tasks keep the database context they started in, and the
    route handlers that answer with the app run in them."""
    async with chromium() as launched:
        yield launched


@asynccontextmanager
async def visit(
    browser: Browser, app: Starlette, viewport: ViewportSize | None = None
) -> AsyncIterator[Visit]:
    """A fresh browser context whose every request the app answers; requests, script errors
    and refusals by the page's policy are recorded."""
    transport = httpx.ASGITransport(app=app, client=("203.0.113.10", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        context = await browser.new_context(
            viewport=viewport or ViewportSize(width=1024, height=768)
        )
        page = await context.new_page()
        seen = Visit(page)

        async def answer(route: Route) -> None:
            request = route.request
            seen.seen.append(request)
            if not request.url.startswith(f"{ORIGIN}/"):
                await route.abort("internetdisconnected")
                return
            url = urlsplit(request.url)
            served = await http.request(
                request.method,
                url.path,
                headers={k: v for k, v in request.headers.items() if k != "host"},
                content=request.post_data_buffer,
            )
            await route.fulfill(
                status=served.status_code, headers=dict(served.headers), body=served.content
            )

        page.on("pageerror", lambda error: seen.problems.append(str(error)))
        page.on(
            "console",
            lambda m: seen.problems.append(m.text) if "Content Security" in m.text else None,
        )
        await page.route("**/*", answer)
        try:
            yield seen
        finally:
            await context.close()
    assert seen.problems == []


async def mailed_link(email: str, kind: str) -> str:
    """The link in the newest mail of its kind to `email` (a reset mail is queued just after
    the request's answer, so it may take a moment)."""
    for _ in range(100):
        mails = OutboxEmail.filter(to=email, body__contains=f"/{kind}/")
        mail = await mails.order_by("-id").first()
        if mail is not None:
            break
        await asyncio.sleep(0.05)
    assert mail is not None, f"no {kind} mail to {email}"
    found = re.search(rf"{re.escape(ORIGIN)}/{kind}/[A-Za-z0-9_-]+", mail.body)
    assert found is not None, mail.body
    return found.group(0)


def assert_token_kept_to_the_mutation(seen: Visit, token: str) -> None:
    """Only the page's own address and the mutation's body carry the token; no request the
    page makes sends a Referer (the address would give the token away)."""
    for request in seen.seen:
        if request.is_navigation_request():
            continue
        assert "referer" not in request.headers, request.url
        assert token not in request.url
        if request.post_data and token in request.post_data:
            assert request.url == f"{ORIGIN}/graphql"
            assert "acceptInvitation" in request.post_data or "resetPassword" in request.post_data


async def no_horizontal_scroll(page: Page) -> None:
    wide = await page.evaluate("document.documentElement.scrollWidth")
    assert wide <= await page.evaluate("window.innerWidth")


async def sessions_ended(seen: Visit, email: str) -> None:
    """The page logged out of the session the mutation opened (it keeps no tokens): every
    session of the login is revoked once its logout went out."""
    for _ in range(100):
        logged_out = any("logout" in body for body in await seen.graphql_posts())
        sessions = LoginSession.filter(membership__user__email=email)
        if logged_out and not await sessions.filter(revoked_at=None).exists():
            assert await sessions.exists()
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"a session of {email} is still open")


async def test_an_invitee_joins_from_the_mailed_link_on_a_phone(
    api: Api, app: Starlette, browser: Browser
) -> None:
    owner = await register(api, company="Bright Windows & <Sons>")
    email = unique_email("invitee")
    sent = await api.ok(INVITE, {"input": {"email": email}}, owner.access)
    assert sent["inviteMember"]["errors"] == []
    link = await mailed_link(email, "invite")

    async with visit(browser, app, ViewportSize(width=375, height=667)) as seen:
        page = seen.page
        await page.goto(link)
        await expect(page.get_by_role("heading", name="Accept your invitation")).to_be_visible()
        await no_horizontal_scroll(page)

        # No name: the service's UserError appears beside the field, nothing is created.
        await page.get_by_label("Password").fill("a good long password")
        await page.get_by_role("button", name="Join").click()
        await expect(page.locator("#name-error")).to_be_visible()
        await expect(page.get_by_label("Your name")).to_have_attribute("aria-invalid", "true")
        assert await User.filter(email=email).count() == 0
        await no_horizontal_scroll(page)

        await page.get_by_label("Your name").fill("Nina <b>New</b>")
        await page.get_by_role("button", name="Join").click()
        await expect(page.locator("#done-text")).to_have_text(
            "You have joined Bright Windows & <Sons>."
        )
        await expect(page.locator("#name-error")).to_be_hidden()
        await expect(page.get_by_role("link", name="Open the app")).to_have_attribute(
            "href", "/graphql"
        )
        assert await page.locator("#done b").count() == 0  # text, never HTML
        await no_horizontal_scroll(page)
        assert await page.evaluate("localStorage.length + sessionStorage.length") == 0
        await sessions_ended(seen, email)
        assert_token_kept_to_the_mutation(seen, link.rsplit("/", 1)[1])

        # The link works once: opened again, it says so.
        await page.goto(link)
        await page.get_by_label("Your name").fill("Nina Twice")
        await page.get_by_label("Password").fill("a good long password")
        await page.get_by_role("button", name="Join").click()
        await expect(page.get_by_role("alert")).to_have_text(
            "Invitation not found. Ask the person who invited you to send a new invitation."
        )

    login = await api.ok(LOGIN, {"email": email, "password": "a good long password"})
    assert login["login"]["errors"] == []
    assert login["login"]["member"]["name"] == "Nina <b>New</b>"
    assert login["login"]["member"]["company"]["name"] == "Bright Windows & <Sons>"


async def test_an_existing_login_joins_with_its_own_password(
    api: Api, app: Starlette, browser: Browser
) -> None:
    elsewhere = await register(api)  # the invitee already has a login, at another company
    owner = await register(api, company="Second Company")
    await api.ok(INVITE, {"input": {"email": elsewhere.email}}, owner.access)
    async with visit(browser, app) as seen:
        page = seen.page
        await page.goto(await mailed_link(elsewhere.email, "invite"))
        await page.get_by_label("Your name").fill("Olga Again")
        await page.get_by_label("Password").fill("not the password of that login")
        await page.get_by_role("button", name="Join").click()
        await expect(page.locator("#password-error")).to_contain_text("already has a login")
        assert await Membership.filter(user__email=elsewhere.email).count() == 1
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Join").click()
        await expect(page.locator("#done-text")).to_have_text("You have joined Second Company.")
    assert await Membership.filter(user__email=elsewhere.email).count() == 2


async def test_an_expired_invitation_says_so_and_creates_nothing(
    api: Api, app: Starlette, browser: Browser
) -> None:
    owner = await register(api)
    email = unique_email("late")
    await api.ok(INVITE, {"input": {"email": email}}, owner.access)
    await Invitation.filter(email=email).update(expires_at=datetime.now(UTC) - timedelta(minutes=1))
    async with visit(browser, app) as seen:
        page = seen.page
        await page.goto(await mailed_link(email, "invite"))
        await page.get_by_label("Your name").fill("Late Larry")
        await page.get_by_label("Password").fill("a good long password")
        await page.get_by_role("button", name="Join").click()
        await expect(page.get_by_role("alert")).to_have_text(
            "This invitation has expired. Ask the person who invited you to send a new invitation."
        )
        await expect(page.locator("#done")).to_be_hidden()
    assert await User.filter(email=email).count() == 0
    assert await Invitation.filter(email=email, accepted_at=None).count() == 1


async def request_reset(api: Api) -> tuple[str, str]:
    """A login that asked for a reset: its e-mail and the mailed link."""
    owner = await register(api)
    asked: dict[str, Any] = await api.ok(REQUEST_RESET, {"email": owner.email})
    assert asked["requestPasswordReset"] is True
    return owner.email, await mailed_link(owner.email, "reset")


async def test_a_forgotten_password_is_set_again_from_the_mailed_link(
    api: Api, app: Starlette, browser: Browser
) -> None:
    email, link = await request_reset(api)
    async with visit(browser, app) as seen:
        page = seen.page
        await page.goto(link)
        # Two different entries: the page says so and sends nothing.
        await page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        await page.get_by_label("New password again").fill(NEW_PASSWORD + "!")
        await page.get_by_role("button", name="Set password").click()
        await expect(page.locator("#again-error")).to_have_text("The two passwords differ.")
        assert await seen.graphql_posts() == []

        await page.get_by_label("New password again").fill(NEW_PASSWORD)
        await page.get_by_role("button", name="Set password").click()
        await expect(page.locator("#done-text")).to_have_text("Your new password is set.")
        await expect(page.locator("#again-error")).to_be_hidden()
        await sessions_ended(seen, email)
        assert_token_kept_to_the_mutation(seen, link.rsplit("/", 1)[1])

    login = await api.ok(LOGIN, {"email": email, "password": NEW_PASSWORD})
    assert login["login"]["errors"] == []
    old = await api.ok(LOGIN, {"email": email, "password": PASSWORD})
    assert old["login"]["errors"] != []


async def test_an_expired_reset_link_says_so_and_keeps_the_password(
    api: Api, app: Starlette, browser: Browser
) -> None:
    email, link = await request_reset(api)
    await PasswordReset.filter(user__email=email).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    async with visit(browser, app) as seen:
        page = seen.page
        await page.goto(link)
        await page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        await page.get_by_label("New password again").fill(NEW_PASSWORD)
        await page.get_by_role("button", name="Set password").click()
        await expect(page.get_by_role("alert")).to_contain_text(re.compile("expired", re.I))
        await expect(page.locator("#done")).to_be_hidden()
    assert (await api.ok(LOGIN, {"email": email, "password": PASSWORD}))["login"]["errors"] == []
