"""Registration, login, refresh rotation, logout and switching company, through HTTP."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest
from starlette.applications import Starlette

from tests.conftest import TEST_SECRET
from tests.support.api import (
    AUTH_FIELDS,
    LOGIN,
    PASSWORD,
    Api,
    invite_and_accept,
    register,
    unique_email,
)

pytestmark = pytest.mark.asyncio

ME = "{ me { id name email role company { name } } }"
REFRESH = f"mutation($t: String!) {{ refreshSession(refreshToken: $t) {{ {AUTH_FIELDS} }} }}"


async def test_register_then_me_shows_the_owner(api: Api) -> None:
    owner = await register(api, company="Clean & Co")
    data = await api.ok(ME, token=owner.access)
    assert data["me"]["role"] == "OWNER"
    assert data["me"]["email"] == owner.email
    assert data["me"]["company"]["name"] == "Clean & Co"


async def test_register_rejects_bad_input_with_codes(api: Api) -> None:
    body = await api.ok(
        "mutation($i: RegisterInput!) { register(input: $i) { accessToken errors { field code } } }",
        {"i": {"companyName": "X", "name": "N", "email": "not-an-email", "password": "short"}},
    )
    assert body["register"]["accessToken"] is None
    assert body["register"]["errors"] == [{"field": ["input", "email"], "code": "INVALID"}]


async def test_login_wrong_password_and_unknown_email_answer_alike(api: Api) -> None:
    owner = await register(api)
    wrong = await api.ok(LOGIN, {"email": owner.email, "password": "wrong password!"})
    unknown = await api.ok(LOGIN, {"email": unique_email("nobody"), "password": "wrong password!"})
    strip = [{"code": e["code"], "message": e["message"]} for e in wrong["login"]["errors"]]
    assert strip == [{"code": "INVALID_CREDENTIALS", "message": "Wrong e-mail or password"}]
    assert unknown["login"]["errors"] == wrong["login"]["errors"]
    assert wrong["login"]["accessToken"] is None


async def test_login_gives_a_working_token(api: Api) -> None:
    owner = await register(api)
    data = await api.ok(LOGIN, {"email": owner.email.upper(), "password": PASSWORD})
    token = data["login"]["accessToken"]
    me = await api.ok(ME, token=token)
    assert me["me"]["id"] == owner.member_id


async def test_bad_or_missing_token_is_unauthenticated(api: Api) -> None:
    owner = await register(api)
    for token in (None, "garbage", owner.access[:-4] + "AAAA"):
        body = await api.post(ME, token=token)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_refresh_rotates_and_reuse_revokes_the_family(api: Api) -> None:
    owner = await register(api)
    first = await api.ok(REFRESH, {"t": owner.refresh})
    rotated = first["refreshSession"]
    assert rotated["errors"] == []
    assert rotated["refreshToken"] != owner.refresh
    # The old token again: reuse detected, the whole family is revoked.
    reuse = await api.ok(REFRESH, {"t": owner.refresh})
    assert reuse["refreshSession"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    again = await api.ok(REFRESH, {"t": rotated["refreshToken"]})
    assert again["refreshSession"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    body = await api.post(ME, token=rotated["accessToken"])
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_logout_revokes_the_session(api: Api) -> None:
    owner = await register(api)
    out = await api.ok(
        "mutation($t: String!) { logout(refreshToken: $t) }", {"t": owner.refresh}, owner.access
    )
    assert out["logout"] is True
    body = await api.post(ME, token=owner.access)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refreshed = await api.ok(REFRESH, {"t": owner.refresh})
    assert refreshed["refreshSession"]["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_one_email_in_two_companies_login_and_switch(api: Api) -> None:
    first = await register(api, company="First Cleaners")
    boss = await register(api, company="Second Repairs")
    # The same person is invited into the second company and keeps one login.
    joined = await invite_and_accept(api, boss, "Ivan", email=first.email)
    assert joined.company_id == boss.company_id
    memberships = await api.ok(
        "{ myMemberships { company { id name } role } }", token=joined.access
    )
    names = sorted(m["company"]["name"] for m in memberships["myMemberships"])
    assert names == ["First Cleaners", "Second Repairs"]
    # Without companyId: the most recently used membership (the second company).
    latest = await api.ok(LOGIN, {"email": first.email, "password": PASSWORD})
    assert latest["login"]["member"]["company"]["name"] == "Second Repairs"
    chosen = await api.ok(
        LOGIN, {"email": first.email, "password": PASSWORD, "companyId": first.company_id}
    )
    assert chosen["login"]["member"]["company"]["name"] == "First Cleaners"
    switch = await api.ok(
        f"mutation($c: ID!) {{ switchCompany(companyId: $c) {{ {AUTH_FIELDS} }} }}",
        {"c": boss.company_id},
        chosen["login"]["accessToken"],
    )
    me = await api.ok(ME, token=switch["switchCompany"]["accessToken"])
    assert me["me"]["company"]["name"] == "Second Repairs"
    assert me["me"]["role"] == "STAFF"


async def test_switch_to_a_company_without_membership_is_not_found(api: Api) -> None:
    mine = await register(api)
    other = await register(api)
    switch = await api.ok(
        f"mutation($c: ID!) {{ switchCompany(companyId: $c) {{ {AUTH_FIELDS} }} }}",
        {"c": other.company_id},
        mine.access,
    )
    assert switch["switchCompany"]["accessToken"] is None
    assert switch["switchCompany"]["errors"][0]["code"] == "NOT_FOUND"


async def test_login_is_rate_limited_per_email(api: Api) -> None:
    owner = await register(api)
    codes = []
    for _ in range(11):
        data = await api.ok(LOGIN, {"email": owner.email, "password": "wrong password!"})
        codes.append(data["login"]["errors"][0]["code"])
    assert codes[:10] == ["INVALID_CREDENTIALS"] * 10
    assert codes[10] == "RATE_LIMITED"
    # Even the right password is refused while the limit holds.
    right = await api.ok(LOGIN, {"email": owner.email, "password": PASSWORD})
    assert right["login"]["errors"][0]["code"] == "RATE_LIMITED"


def forged(claims: dict[str, object], key: str = TEST_SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


async def test_expired_forged_or_misdirected_tokens_are_unauthenticated(api: Api) -> None:
    owner = await register(api)
    claims = jwt.decode(owner.access, options={"verify_signature": False})
    now = int(time.time())
    bad_tokens = [
        forged({**claims, "iat": now - 3600, "exp": now - 60}),  # expired
        forged({**claims, "aud": "another-service"}),
        forged({**claims, "iss": "someone-else"}),
        forged(claims, key="another-secret-that-is-long-enough-for-hs256!"),
        forged({k: v for k, v in claims.items() if k != "exp"}),  # no expiry
        forged(claims, key="", algorithm="none"),
    ]
    assert (await api.ok(ME, token=forged(claims)))["me"]["id"] == owner.member_id
    for token in bad_tokens:
        body = await api.post(ME, token=token)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", token


async def test_login_is_rate_limited_per_client_address(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app, client=("198.51.100.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        api = Api(http)
        owner = await register(api)
        for i in range(50):
            data = await api.ok(LOGIN, {"email": unique_email(f"guess{i}-"), "password": "x" * 8})
            assert data["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
        # The 51st attempt from the same address is refused, even for a real account...
        blocked = await api.ok(LOGIN, {"email": owner.email, "password": PASSWORD})
        assert blocked["login"]["errors"][0]["code"] == "RATE_LIMITED"
    # ...while the same account still logs in from another address.
    other = httpx.ASGITransport(app=app, client=("198.51.100.8", 40000))
    async with httpx.AsyncClient(transport=other, base_url="http://testserver") as http:
        data = await Api(http).ok(LOGIN, {"email": owner.email, "password": PASSWORD})
        assert data["login"]["errors"] == []


async def test_register_with_a_taken_email_needs_its_password_and_is_rate_limited(
    api: Api,
) -> None:
    owner = await register(api)
    attempt = {
        "companyName": "Mine",
        "name": "Thief",
        "email": owner.email,
        "password": "guess1234",
    }
    codes = []
    for _ in range(11):
        data = await api.ok(
            "mutation($i: RegisterInput!) { register(input: $i) { accessToken errors { code } } }",
            {"i": attempt},
        )
        assert data["register"]["accessToken"] is None
        codes.append(data["register"]["errors"][0]["code"])
    assert codes == ["INVALID_CREDENTIALS"] * 10 + ["RATE_LIMITED"]
    memberships = await api.ok("{ myMemberships { id } }", token=owner.access)
    assert len(memberships["myMemberships"]) == 1
