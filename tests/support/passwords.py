"""Calls and fixtures of the password tests: reset requests from client addresses of their own,
the mailed link's token read from the outbox, settings changed for one test."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from typing import Any

import httpx
from starlette.applications import Starlette

from config.settings import Settings, configure
from models import OutboxEmail
from resolvers.passwords import links_written
from tests.support.api import AUTH_FIELDS, Api

REQUEST = "mutation($e: String!) { requestPasswordReset(email: $e) }"
RESET = f"""mutation($t: String!, $p: String!) {{
  resetPassword(token: $t, password: $p) {{ {AUTH_FIELDS} }}
}}"""
CHANGE = f"""mutation($c: String!, $n: String!) {{
  changePassword(currentPassword: $c, newPassword: $n) {{ {AUTH_FIELDS} }}
}}"""
REFRESH = f"mutation($t: String!) {{ refreshSession(refreshToken: $t) {{ {AUTH_FIELDS} }} }}"
ME = "{ me { id } }"
NEW_PASSWORD = "a brand new passphrase"
LINK = re.compile(r"https://desk\.example\.test/reset/([A-Za-z0-9_-]+)")
_addresses = itertools.count(1)


def fresh_address() -> str:
    """A client address no other test uses: its own per-address counters."""
    n = next(_addresses)
    return f"100.80.{n // 250}.{n % 250 + 1}"


@asynccontextmanager
async def api_at(app: Starlette, address: str | None = None) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=app, client=(address or fresh_address(), 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield Api(http)


@contextmanager
def settings_with(settings: Settings, **changes: Any) -> Iterator[Settings]:
    """The app with `changes` to its settings for the duration of a test."""
    changed = replace(settings, **changes)
    configure(changed)
    try:
        yield changed
    finally:
        configure(settings)


async def request_reset(api: Api, email: str) -> bool:
    data = await api.ok(REQUEST, {"e": email})
    answer: bool = data["requestPasswordReset"]
    return answer


async def reset_mails(email: str) -> list[OutboxEmail]:
    """The reset mails to `email`, once the links asked for so far are written (after the
    answer, in the background)."""
    await links_written()
    return list(await OutboxEmail.filter(to=email, subject="Reset your password").order_by("id"))


async def mailed_token(email: str) -> str:
    """The token in the latest reset link mailed to `email`."""
    mails = await reset_mails(email)
    assert mails, f"no reset mail to {email}"
    found = LINK.search(mails[-1].body)
    assert found is not None, mails[-1].body
    return found.group(1)


async def reset(api: Api, token: str, password: str = NEW_PASSWORD) -> dict[str, Any]:
    """The resetPassword payload."""
    payload: dict[str, Any] = (await api.ok(RESET, {"t": token, "p": password}))["resetPassword"]
    return payload


async def change(api: Api, access: str, current: str, new: str) -> dict[str, Any]:
    """The changePassword payload."""
    data = await api.ok(CHANGE, {"c": current, "n": new}, access)
    payload: dict[str, Any] = data["changePassword"]
    return payload


def error_codes(payload: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    return [(error["code"], error["field"]) for error in payload["errors"]]


async def access_works(api: Api, access: str) -> bool:
    body = await api.post(ME, token=access)
    if body.get("errors"):
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", body
        return False
    return True


async def refresh_works(api: Api, refresh: str) -> bool:
    payload = (await api.ok(REFRESH, {"t": refresh}))["refreshSession"]
    return bool(payload["errors"] == [])
