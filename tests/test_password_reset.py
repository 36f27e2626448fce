"""Password reset: a mailed single-use link sets the password, ends every session of the login
and logs in; the request answers true for any e-mail and mails only a login, within limits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from config.settings import Settings
from models import Membership, PasswordReset
from permissions.tokens import hash_token
from resolvers.passwords import links_written
from schema.ids import decode_id
from servicedesk.transport.websocket_auth import guard
from tests.support.api import (
    LOGIN,
    PASSWORD,
    Api,
    count_statements,
    invite_and_accept,
    register,
    unique_email,
)
from tests.support.api_tokens import issue
from tests.support.passwords import (
    NEW_PASSWORD,
    access_works,
    api_at,
    error_codes,
    mailed_token,
    refresh_works,
    request_reset,
    reset,
    reset_mails,
    settings_with,
)
from tests.support.ws import client, socket

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture(autouse=True)
async def _links_written() -> AsyncIterator[None]:
    yield
    await links_written()  # none outlives its test, even a failed one


async def login_works(api: Api, email: str, password: str) -> bool:
    data = await api.ok(LOGIN, {"email": email, "password": password})
    return bool(data["login"]["errors"] == [])


async def test_the_mailed_link_sets_the_password_ends_every_session_and_logs_in(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    other = (await api.ok(LOGIN, {"email": owner.email, "password": PASSWORD}))["login"]
    async with api_at(app) as stranger:
        assert await request_reset(stranger, owner.email.upper()) is True
        [mail] = await reset_mails(owner.email)
        assert "60 minutes" in mail.body
        assert mail.company_id is None
        token = await mailed_token(owner.email)
        payload = await reset(stranger, token)
    assert payload["errors"] == []
    assert payload["member"]["id"] == owner.member_id
    assert await access_works(api, payload["accessToken"])
    assert await refresh_works(api, payload["refreshToken"])
    # Both earlier sessions are over: access and refresh tokens alike.
    for access, refresh in [
        (owner.access, owner.refresh),
        (other["accessToken"], other["refreshToken"]),
    ]:
        assert not await access_works(api, access)
        assert not await refresh_works(api, refresh)
    assert await login_works(api, owner.email, NEW_PASSWORD)
    assert not await login_works(api, owner.email, PASSWORD)
    # The link works once.
    again = await reset(api, token, "yet another passphrase")
    assert error_codes(again) == [("NOT_FOUND", ["token"])]
    assert again["accessToken"] is None
    assert await login_works(api, owner.email, NEW_PASSWORD)


def looked_up(statements: list[str]) -> list[str]:
    return [s for s in statements if "rate_counter" not in s]


async def test_an_unknown_email_is_answered_alike_and_mailed_nothing(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    nobody = unique_email("nobody")
    async with api_at(app) as stranger:
        # The same statements answer both (a login's link is written after the answer).
        with count_statements() as known:
            assert await request_reset(stranger, owner.email) is True
        with count_statements() as unknown:
            assert await request_reset(stranger, nobody) is True
        assert await request_reset(stranger, "not an e-mail at all " * 20) is True
    # Besides the limits' counters (in the database, or in Redis), the login looked up.
    [lookup] = looked_up(known.statements)
    assert lookup.startswith("SELECT")
    assert [s.split(":")[0] for s in looked_up(unknown.statements)] == [lookup.split(":")[0]]
    assert await reset_mails(nobody) == []
    assert len(await reset_mails(owner.email)) == 1


async def test_an_expired_or_altered_link_changes_nothing(app: Starlette, api: Api) -> None:
    owner = await register(api)
    async with api_at(app) as stranger:
        assert await request_reset(stranger, owner.email)
        token = await mailed_token(owner.email)
        altered = token[:-1] + ("A" if token[-1] != "A" else "B")
        for bad in [altered, "", "x" * 5000]:
            assert error_codes(await reset(stranger, bad)) == [("NOT_FOUND", ["token"])]
        _ = await PasswordReset.filter(token_hash=hash_token(token)).update(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)
        )
        expired = await reset(stranger, token)
    assert error_codes(expired) == [("EXPIRED", ["token"])]
    assert expired["accessToken"] is None
    assert await access_works(api, owner.access)
    assert await login_works(api, owner.email, PASSWORD)


async def test_a_weak_same_or_breached_password_is_refused_and_the_link_still_works(
    app: Starlette, api: Api, settings: Settings, tmp_path: Path
) -> None:
    owner = await register(api)
    breached = tmp_path / "breached.txt"
    # A plain password, then haveibeenpwned's form (SHA-1 of "password123", upper, counted).
    breached.write_text("letmein12345\nCBFDAC6008F9CAB4083784CBD1874F76618D2A97:2254650\n")
    async with api_at(app) as stranger:
        assert await request_reset(stranger, owner.email)
        token = await mailed_token(owner.email)
        with settings_with(settings, breached_passwords_file=breached):
            for password, code in [
                ("short", "INVALID"),
                (PASSWORD, "INVALID"),
                ("letmein12345", "INVALID"),
                ("password123", "INVALID"),
            ]:
                payload = await reset(stranger, token, password)
                assert error_codes(payload) == [(code, ["password"])], password
                assert payload["accessToken"] is None
            assert await access_works(api, owner.access)
            assert (await reset(stranger, token))["errors"] == []
    assert await login_works(api, owner.email, NEW_PASSWORD)


async def test_a_reset_uses_up_every_open_link_of_the_login(app: Starlette, api: Api) -> None:
    owner = await register(api)
    async with api_at(app) as stranger:
        assert await request_reset(stranger, owner.email)
        first = await mailed_token(owner.email)
        assert await request_reset(stranger, owner.email)
        second = await mailed_token(owner.email)
        assert first != second
        assert (await reset(stranger, second))["errors"] == []
        assert error_codes(await reset(stranger, first, "another fine passphrase")) == [
            ("NOT_FOUND", ["token"])
        ]


async def test_two_uses_of_one_link_at_once_succeed_once(app: Starlette, api: Api) -> None:
    owner = await register(api)
    async with api_at(app) as stranger:
        assert await request_reset(stranger, owner.email)
        token = await mailed_token(owner.email)
        results = await asyncio.gather(
            reset(stranger, token, "first racing passphrase"),
            reset(stranger, token, "second racing passphrase"),
        )
    winners = [r for r in results if r["errors"] == []]
    assert len(winners) == 1
    assert [error_codes(r) for r in results if r["errors"]] == [[("NOT_FOUND", ["token"])]]
    assert await access_works(api, winners[0]["accessToken"])


async def test_requests_are_limited_per_email_and_per_address_and_still_answer_true(
    app: Starlette, api: Api, settings: Settings
) -> None:
    owner = await register(api)
    async with api_at(app) as stranger:
        answers = [await request_reset(stranger, owner.email) for _ in range(4)]
    assert answers == [True] * 4
    assert len(await reset_mails(owner.email)) == 3  # PASSWORD_RESETS_PER_EMAIL
    # Another address does not help: the e-mail's limit is used up.
    async with api_at(app) as elsewhere:
        assert await request_reset(elsewhere, owner.email)
    assert len(await reset_mails(owner.email)) == 3
    logins = [await register(api) for _ in range(3)]
    with settings_with(settings, password_resets_per_address=2):
        async with api_at(app) as one_address:
            for login in logins:
                assert await request_reset(one_address, login.email)
    assert [len(await reset_mails(login.email)) for login in logins] == [1, 1, 0]


async def test_an_open_websocket_of_an_ended_session_closes(app: Starlette, api: Api) -> None:
    owner = await register(api)
    async with client(app) as http, socket(http, owner.access) as sock:
        async with api_at(app) as stranger:
            assert await request_reset(stranger, owner.email)
            assert (await reset(stranger, await mailed_token(owner.email)))["errors"] == []
        await guard.check_revoked()  # the guard's round, every 5 s in the app
        assert await sock.closed() == 4401


async def test_an_api_token_and_its_socket_outlive_a_reset(app: Starlette, api: Api) -> None:
    """A reset ends sessions, and only sockets opened with a session's token: an API token is
    no session (revokeApiToken ends it)."""
    owner = await register(api)
    token = await issue(api, owner)
    async with (
        client(app) as http,
        socket(http, owner.access) as session_socket,
        socket(http, token.token) as token_socket,
    ):
        async with api_at(app) as stranger:
            assert await request_reset(stranger, owner.email)
            assert (await reset(stranger, await mailed_token(owner.email)))["errors"] == []
        await guard.check_revoked()  # the guard's round, every 5 s in the app
        assert await session_socket.closed() == 4401
        await token_socket.ws.send_json({"type": "ping"})
        assert await token_socket.ws.receive_json(timeout=5) == {"type": "pong"}
    assert await access_works(api, token.token)
    assert not await access_works(api, owner.access)


async def test_a_reset_logs_into_an_active_membership_only(app: Starlette, api: Api) -> None:
    first = await register(api)
    boss = await register(api)
    joined = await invite_and_accept(api, boss, "Ivan", email=first.email)
    # The second company was used last, but the person has left it.
    _ = await Membership.filter(id=decode_id(joined.member_id, "Member")).update(active=False)
    async with api_at(app) as stranger:
        assert await request_reset(stranger, first.email)
        payload = await reset(stranger, await mailed_token(first.email))
        assert payload["errors"] == []
        assert payload["member"]["id"] == first.member_id
        # With no active membership left: refused, nothing changed, the link still usable.
        _ = await Membership.filter(id=decode_id(first.member_id, "Member")).update(active=False)
        assert await request_reset(stranger, first.email)
        token = await mailed_token(first.email)
        refused = await reset(stranger, token, "a third passphrase")
        assert error_codes(refused) == [("FORBIDDEN", None)]
        assert await PasswordReset.filter(token_hash=hash_token(token), used_at=None).exists()
    # The same answer `login` gives such a login, and its password unchanged.
    login = (await api.ok(LOGIN, {"email": first.email, "password": NEW_PASSWORD}))["login"]
    assert login["errors"] == refused["errors"]
