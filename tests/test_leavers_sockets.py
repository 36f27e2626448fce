"""A leaver's open sockets close within a second: its login's and its API token's, on the
broadcast's "member deactivated" signal, whichever process deactivated it; and the periodic
round treats a session or API token of an inactive member as dead."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

import pytest
from starlette.applications import Starlette

from models import Membership, Session
from realtime.hub import current_hub
from realtime.member_signals import publish_member_deactivated
from schema.ids import decode_id
from servicedesk.transport.websocket_auth import guard
from tests.support.api import Api, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.leavers import (
    deactivate,
)
from tests.support.ws import client, joined, socket

pytestmark = pytest.mark.asyncio

EVENTS = "subscription { orderEvents { kind order { id } } }"
WITHIN = 1.0  # seconds: the brief's bound for a leaver's sockets
SIGNAL = "deactivated: checking sockets"


async def test_a_leaver_s_sockets_close_within_a_second(
    app: Starlette, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await register(api)
    leaver = await invite_and_accept(api, owner, "Staff Boris")
    stays = await invite_and_accept(api, owner, "Staff Clara")
    token = await issue(api, leaver)
    async with (
        client(app) as http,
        socket(http, leaver.access) as by_login,
        socket(http, token.token) as by_token,
        socket(http, stays.access) as colleague,
    ):
        for sock in (by_login, by_token, colleague):
            await sock.subscribe(EVENTS)
        await joined(leaver.member_id, 2)
        with caplog.at_level(logging.INFO, logger="servicedesk.realtime"):
            started = time.perf_counter()
            payload = await deactivate(api, owner, leaver.member_id)
            assert payload["errors"] == []
            assert await by_login.closed(seconds=WITHIN) == 4401
            assert await by_token.closed(seconds=WITHIN) == 4401
            elapsed = time.perf_counter() - started
        print(f"leaver's sockets closed {elapsed:.3f} s after deactivateMember was sent")
        assert elapsed < WITHIN
        # Closed on the signal, not by the 5-second round.
        assert any(SIGNAL in record.getMessage() for record in caplog.records)
        # A colleague's socket stays open.
        await colleague.unheard("anything", 0.2)


async def test_a_deactivation_in_another_process_closes_sockets_here(
    app: Starlette, api: Api
) -> None:
    """Another process deactivates (here: straight in the database, as its transaction would)
    and publishes the signal; this process's guard closes its sockets at once."""
    owner = await register(api)
    leaver = await invite_and_accept(api, owner, "Staff Boris")
    token = await issue(api, leaver)
    member = decode_id(leaver.member_id, "Member")
    async with (
        client(app) as http,
        socket(http, leaver.access) as by_login,
        socket(http, token.token) as by_token,
    ):
        for sock in (by_login, by_token):
            await sock.subscribe(EVENTS)
        await joined(leaver.member_id, 2)
        now = datetime.now(UTC)
        await Membership.filter(id=member).update(active=False, deactivated_at=now)
        await Session.filter(membership_id=member).update(revoked_at=now)
        started = time.perf_counter()
        assert await publish_member_deactivated(member)
        assert await by_login.closed(seconds=WITHIN) == 4401
        assert await by_token.closed(seconds=WITHIN) == 4401
        print(f"closed {time.perf_counter() - started:.3f} s after another process's signal")


async def test_the_round_treats_an_inactive_member_s_credentials_as_dead(
    app: Starlette, api: Api
) -> None:
    """No signal (the broadcast was away): the round finds the inactive membership itself,
    for a session not revoked and an API token alike."""
    owner = await register(api)
    leaver = await invite_and_accept(api, owner, "Staff Boris")
    token = await issue(api, leaver)
    async with (
        client(app) as http,
        socket(http, leaver.access) as by_login,
        socket(http, token.token) as by_token,
    ):
        for sock in (by_login, by_token):
            await sock.subscribe(EVENTS)
        await joined(leaver.member_id, 2)
        await Membership.filter(id=decode_id(leaver.member_id, "Member")).update(active=False)
        await guard.check_revoked()
        assert await by_login.closed(seconds=WITHIN) == 4401
        assert await by_token.closed(seconds=WITHIN) == 4401


async def test_with_the_broadcast_away_this_process_still_closes_at_once(
    app: Starlette, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await register(api)
    leaver = await invite_and_accept(api, owner, "Staff Boris")
    hub = current_hub()
    assert hub is not None

    async def away(channel: str, message: object) -> None:
        raise ConnectionError("Redis is away")

    async with client(app) as http, socket(http, leaver.access) as sock:
        await sock.subscribe(EVENTS)
        await joined(leaver.member_id)
        monkeypatch.setattr(hub.broadcast, "publish", away)
        started = time.perf_counter()
        payload = await deactivate(api, owner, leaver.member_id)
        assert payload["errors"] == []
        assert await sock.closed(seconds=WITHIN) == 4401
        monkeypatch.undo()
        print(f"broadcast away: closed {time.perf_counter() - started:.3f} s after the call")
