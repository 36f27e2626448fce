"""The mailed links' pages over plain HTTP: the invitation link of a real invitation mail
opens a page (no longer a 404), the pages carry the headers a URL holding a credential needs,
a path that cannot be a token gets a 404 with its reason and no page, and only the pages'
own files are served under /pages/; with APP_URL the mailed links point at the company's app;
an altered invitation link joins no one. What the pages do in a browser:
test_link_pages_browser.py.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.applications import Starlette

from config.settings import Settings, SettingsError, configure, load
from models import OutboxEmail, User
from resolvers.passwords import links_written
from servicedesk.app import create_app
from servicedesk.http.link_pages import POLICY, loggable_path
from tests.support.api import (
    ACCEPT,
    INVITE,
    Api,
    count_statements,
    register,
    unique_email,
)
from tests.support.passwords import api_at, request_reset, reset, reset_mails, settings_with

pytestmark = pytest.mark.asyncio

TOKEN = "Ab3_-" * 8 + "xyz"  # the alphabet of secrets.token_urlsafe, 43 characters
LINK = re.compile(r"https?://\S+/invite/\S+")


def assert_link_headers(headers: object) -> None:
    h = dict(headers)  # type: ignore[call-overload]
    assert h["cache-control"] == "no-store"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-frame-options"] == "DENY"
    assert h["x-content-type-options"] == "nosniff"
    policy = h["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "style-src 'self'" in policy
    assert "default-src 'none'" in policy


async def test_the_mailed_invitation_link_opens_the_invitation_page(api: Api) -> None:
    owner = await register(api)
    email = unique_email("invitee")
    sent = await api.ok(INVITE, {"input": {"email": email}}, owner.access)
    assert sent["inviteMember"]["errors"] == []
    mail = await OutboxEmail.filter(to=email).order_by("-id").first()
    assert mail is not None
    [url] = LINK.findall(mail.body)
    path = urlsplit(url).path
    assert path == f"/invite/{sent['inviteMember']['token']}"

    with count_statements() as counter:
        page = await api.http.get(path)
    assert counter.statements == []  # the page is static: the mutation checks the token
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert_link_headers(page.headers)
    body = page.text
    assert '<label for="name">Your name</label>' in body
    assert '<label for="password">Password</label>' in body
    assert '<script src="/pages/pages.js" defer></script>' in body
    assert "<script>" not in body
    assert " style=" not in body
    assert sent["inviteMember"]["token"] not in body  # the script reads it from the path


async def test_the_reset_page_asks_for_the_new_password_twice(api: Api) -> None:
    page = await api.http.get(f"/reset/{TOKEN}")
    assert page.status_code == 200
    assert_link_headers(page.headers)
    assert '<label for="password">New password</label>' in page.text
    assert '<label for="again">New password again</label>' in page.text
    assert TOKEN not in page.text


@pytest.mark.parametrize("kind", ["invite", "reset"])
@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("a" * 201, "too long"),
        ("abc.def", "not one the service mailed"),
        ("abc%20def", "not one the service mailed"),
        ("abc/def", "not one the service mailed"),
        ("%3Cscript%3E", "not one the service mailed"),
        ("", "not one the service mailed"),
    ],
)
async def test_a_path_that_cannot_be_a_token_is_a_404_with_its_reason(
    api: Api, kind: str, token: str, reason: str
) -> None:
    answer = await api.http.get(f"/{kind}/{token}")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/plain")
    assert answer.text.startswith("Not Found: ")
    assert reason in answer.text
    assert "<" not in answer.text
    assert "form" not in answer.text
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert answer.headers["cache-control"] == "no-store"


async def test_the_longest_token_still_gets_the_page(api: Api) -> None:
    assert (await api.http.get(f"/invite/{'a' * 200}")).status_code == 200


async def test_only_the_pages_own_files_are_served(api: Api) -> None:
    script = await api.http.get("/pages/pages.js")
    assert script.status_code == 200
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "location.pathname" in script.text
    assert "localStorage" not in script.text
    style = await api.http.get("/pages/pages.css")
    assert style.headers["content-type"] == "text/css; charset=utf-8"
    for name in ("invite.html", "..%2Flink_pages.py", "%2E%2E", "nothing.js"):
        assert (await api.http.get(f"/pages/{name}")).status_code == 404


async def test_the_page_only_answers_get(api: Api) -> None:
    assert (await api.http.post(f"/invite/{TOKEN}", data={"password": "x"})).status_code == 405
    assert (await api.http.head(f"/invite/{TOKEN}")).status_code == 200


async def app_link_of(built_with: Settings, session: Settings) -> str:
    """The page's "Open the app" target as an app built with `built_with` serves it."""
    probe = create_app(built_with)
    configure(session)  # create_app made its settings the process's
    transport = httpx.ASGITransport(app=probe)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        page = await http.get(f"/invite/{TOKEN}")
    assert page.status_code == 200
    found = re.search(r'data-app-link="([^"]*)"', page.text)
    assert found is not None
    return found.group(1)


async def test_open_the_app_points_at_app_url_else_graphiql_in_development(
    app: Starlette, settings: Settings
) -> None:
    assert await app_link_of(settings, settings) == "/graphql"  # the tests run in development
    with_app = replace(settings, app_url="https://app.example.test/desk?a=1&b=2")
    assert await app_link_of(with_app, settings) == "https://app.example.test/desk?a=1&amp;b=2"
    # Production without an app of the company's: no link, the page says to log in.
    assert await app_link_of(replace(settings, env="production"), settings) == ""
    assert "connect-src 'self'" in POLICY
    assert "form-action 'none'" in POLICY


async def test_the_access_log_path_of_a_link_leaves_the_token_out(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="servicedesk.access"):
        assert (await api.http.get(f"/invite/{TOKEN}")).status_code == 200
        assert (await api.http.get(f"/reset/{TOKEN}")).status_code == 200
    lines = [r for r in caplog.records if r.name == "servicedesk.access"]
    assert [r.getMessage().split()[1] for r in lines] == ["/invite/…", "/reset/…"]
    assert not [r for r in caplog.records if TOKEN in r.getMessage() or TOKEN in str(r.__dict__)]
    assert loggable_path(f"/invite/{TOKEN}") == "/invite/…"
    assert loggable_path(f"/reset/{TOKEN}") == "/reset/…"
    assert loggable_path(f"/rate/{TOKEN}") == "/rate/…"
    assert loggable_path(f"/unsubscribe/{TOKEN}") == "/unsubscribe/…"
    assert loggable_path("/graphql") == "/graphql"
    assert loggable_path("/pages/pages.js") == "/pages/pages.js"


async def test_with_app_url_the_mailed_links_point_at_the_company_s_app(
    app: Starlette, api: Api, settings: Settings
) -> None:
    """APP_URL sends the invitation and reset links to the company's own web app, at the same
    paths, and the tokens in them work as the service's own pages' do."""
    owner = await register(api)
    base = "https://app.example.test/desk"
    email = unique_email("invitee")
    with settings_with(settings, app_url=base):
        sent = (await api.ok(INVITE, {"input": {"email": email}}, owner.access))["inviteMember"]
        async with api_at(app) as stranger:
            assert await request_reset(stranger, owner.email)
            await links_written()
    invite_url = f"{base}/invite/{sent['token']}"
    assert sent["inviteUrl"] == invite_url
    invitation = await OutboxEmail.filter(to=email).order_by("-id").first()
    assert invitation is not None
    assert invite_url in invitation.body
    assert "desk.example.test/invite/" not in invitation.body  # PUBLIC_URL's page: not mailed
    [mail] = await reset_mails(owner.email)
    found = re.search(rf"{re.escape(base)}/reset/([A-Za-z0-9_-]+)", mail.body)
    assert found is not None, mail.body
    assert "desk.example.test/reset/" not in mail.body
    assert (await reset(api, found.group(1)))["errors"] == []


async def test_an_altered_invitation_link_is_refused_on_its_token_and_joins_no_one(
    api: Api,
) -> None:
    """What the invitation page sends for a link changed by one character (or cut short): the
    mutation names input.token, and no login or membership is made; the real link still works."""
    owner = await register(api)
    email = unique_email("invitee")
    token = (await api.ok(INVITE, {"input": {"email": email}}, owner.access))["inviteMember"][
        "token"
    ]
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (altered, token[:-1], token + "A"):
        answer = await api.ok(
            ACCEPT, {"input": {"token": bad, "name": "Mallory", "password": "a long passphrase"}}
        )
        payload = answer["acceptInvitation"]
        assert payload["accessToken"] is None
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [
            ("NOT_FOUND", ["input", "token"])
        ], bad
    assert not await User.filter(email=email).exists()
    accept = {"input": {"token": token, "name": "Nina", "password": "a long passphrase"}}
    assert (await api.ok(ACCEPT, accept))["acceptInvitation"]["errors"] == []


@pytest.mark.parametrize("name", ["APP_URL", "PUBLIC_URL"])
@pytest.mark.parametrize("suffix", ["?a=1", "#top", "/?next=/x"])
async def test_a_link_base_with_a_query_or_fragment_is_refused_at_start(
    name: str, suffix: str
) -> None:
    """Links are built as `<base>/invite/<token>`: a query or fragment in the base would land
    in the middle of every mailed link, so the start names the setting instead."""
    with pytest.raises(SettingsError) as caught:
        load({name: f"https://app.example.test/desk{suffix}"})
    assert [problem[0] for problem in caught.value.problems] == [name]
    assert load({name: "https://app.example.test/desk/"}) is not None
