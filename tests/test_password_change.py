"""Changing the password while logged in: the current password is checked (a wrong one counts
as a failed login), the rules of a new password apply, every other session of the login ends
while the caller's stays with renewed tokens, and API tokens neither change it nor are ended."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from config.settings import Settings
from resolvers.passwords import links_written
from servicedesk.transport.websocket_auth import guard
from tests.support.api import LOGIN, PASSWORD, Api, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.passwords import (
    CHANGE,
    NEW_PASSWORD,
    access_works,
    api_at,
    change,
    error_codes,
    mailed_token,
    refresh_works,
    request_reset,
    reset,
    settings_with,
)
from tests.support.ws import client, socket

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture(autouse=True)
async def _links_written() -> AsyncIterator[None]:
    yield
    await links_written()  # none outlives its test, even a failed one


async def log_in(api: Api, email: str, password: str = PASSWORD) -> dict[str, Any]:
    payload: dict[str, Any] = (await api.ok(LOGIN, {"email": email, "password": password}))["login"]
    return payload


async def test_a_change_ends_every_other_session_and_keeps_the_callers(
    app: Starlette, api: Api
) -> None:
    first = await register(api)
    boss = await register(api)
    # One login in two companies: sessions of both memberships are the login's.
    elsewhere = await invite_and_accept(api, boss, "Ivan", email=first.email)
    phone = await log_in(api, first.email)
    token = await issue(api, first)
    payload = await change(api, first.access, PASSWORD, NEW_PASSWORD)
    assert payload["errors"] == []
    assert payload["member"]["id"] == first.member_id
    # The caller's session stays: its access token works, its new refresh token too.
    assert await access_works(api, first.access)
    assert await access_works(api, payload["accessToken"])
    assert await refresh_works(api, payload["refreshToken"])
    for session in [
        (elsewhere.access, elsewhere.refresh),
        (phone["accessToken"], phone["refreshToken"]),
    ]:
        assert not await access_works(api, session[0])
        assert not await refresh_works(api, session[1])
    assert await access_works(api, token.token)  # an API token is no session
    assert (await log_in(api, first.email, NEW_PASSWORD))["errors"] == []
    assert (await log_in(api, first.email))["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_the_callers_socket_stays_open_and_the_others_close(app: Starlette, api: Api) -> None:
    owner = await register(api)
    phone = await log_in(api, owner.email)
    async with (
        client(app) as http,
        socket(http, owner.access) as mine,
        socket(http, phone["accessToken"]) as theirs,
    ):
        assert (await change(api, owner.access, PASSWORD, NEW_PASSWORD))["errors"] == []
        await guard.check_revoked()  # the guard's round, every 5 s in the app
        assert await theirs.closed() == 4401
        await mine.ws.send_json({"type": "ping"})
        assert await mine.ws.receive_json(timeout=5) == {"type": "pong"}


async def test_a_wrong_current_password_is_refused_and_counts_as_a_failed_login(
    app: Starlette, settings: Settings
) -> None:
    async with api_at(app) as api:
        owner = await register(api)
        with settings_with(settings, login_failures_per_email=2):
            for _ in range(2):
                wrong = await change(api, owner.access, "not my password", NEW_PASSWORD)
                assert error_codes(wrong) == [("INVALID_CREDENTIALS", ["currentPassword"])]
                assert wrong["accessToken"] is None
            limited = await change(api, owner.access, PASSWORD, NEW_PASSWORD)
            assert error_codes(limited) == [("RATE_LIMITED", None)]
            assert (await log_in(api, owner.email))["errors"][0]["code"] == "RATE_LIMITED"
        assert await access_works(api, owner.access)
        assert (await log_in(api, owner.email))["errors"] == []


async def test_a_weak_same_or_breached_new_password_is_refused(
    api: Api, settings: Settings, tmp_path: Path
) -> None:
    owner = await register(api)
    phone = await log_in(api, owner.email)
    breached = tmp_path / "pwned.txt"
    breached.write_text("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8:3\nhunter2hunter2\n")
    with settings_with(settings, breached_passwords_file=breached):
        for new in ["short", PASSWORD, "password", "hunter2hunter2"]:
            refused = await change(api, owner.access, PASSWORD, new)
            assert error_codes(refused) == [("INVALID", ["newPassword"])], new
    # Nothing changed: the other session lives, the old password logs in.
    assert await refresh_works(api, phone["refreshToken"])
    assert (await log_in(api, owner.email))["errors"] == []


async def test_the_breach_list_is_read_again_when_it_changes_and_a_missing_one_is_skipped(
    api: Api, settings: Settings, tmp_path: Path
) -> None:
    owner = await register(api)
    breached = tmp_path / "list.txt"
    breached.write_text("first leaked one\n")
    with settings_with(settings, breached_passwords_file=breached):
        assert error_codes(await change(api, owner.access, PASSWORD, "first leaked one")) == [
            ("INVALID", ["newPassword"])
        ]
        breached.write_text("second leaked one, longer\n")
        refused = await change(api, owner.access, PASSWORD, "second leaked one, longer")
        assert error_codes(refused) == [("INVALID", ["newPassword"])]
        assert (await change(api, owner.access, PASSWORD, "first leaked one"))["errors"] == []
    # A list removed since: the other rules hold, the change is not refused for it.
    with settings_with(settings, breached_passwords_file=tmp_path / "removed.txt"):
        assert error_codes(await change(api, owner.access, "first leaked one", "short")) == [
            ("INVALID", ["newPassword"])
        ]
        assert (await change(api, owner.access, "first leaked one", NEW_PASSWORD))["errors"] == []


async def test_an_api_token_or_no_token_cannot_change_the_password(api: Api) -> None:
    owner = await register(api)
    token = await issue(api, owner)
    body = await api.post(CHANGE, {"c": PASSWORD, "n": NEW_PASSWORD}, token.token)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], body
    anonymous = await api.post(CHANGE, {"c": PASSWORD, "n": NEW_PASSWORD})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await log_in(api, owner.email))["errors"] == []


async def test_a_change_uses_up_the_reset_links_mailed_before_it(api: Api) -> None:
    """A link mailed before the change would otherwise undo it for an hour."""
    member = await register(api)
    assert await request_reset(api, member.email)
    await links_written()
    token = await mailed_token(member.email)
    assert (await change(api, member.access, PASSWORD, NEW_PASSWORD))["errors"] == []
    payload = await reset(api, token, "yet another passphrase")
    assert payload["accessToken"] is None
    assert [code for code, _ in error_codes(payload)] == ["NOT_FOUND"]
    assert (await log_in(api, member.email, NEW_PASSWORD))["errors"] == []
