"""The background round itself: it finds the series behind their horizon and makes their
orders once; an ended series still gets its visits up to its last day and none after."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette

from resolvers.series_round import run_round
from tests.support.api import Api, register
from tests.support.series import END_SERIES, create_series, series_input, series_orders
from tests.support.world import contact

pytestmark = pytest.mark.asyncio


def day(offset: int) -> str:
    return (datetime.now(UTC).date() + timedelta(days=offset)).isoformat()


def days_of(orders: list[dict[str, object]], status: str | None = None) -> list[str]:
    return sorted(
        str(o["deadline"])[:10] for o in orders if status is None or o["status"] == status
    )


async def test_the_round_makes_what_falls_within_its_horizon_once(api: Api, backend: str) -> None:
    owner = await register(api)  # UTC
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    later = await create_series(
        api,
        owner,
        **series_input(client.id, client.address_ids[0], startDate=day(30), visitTime="20:00"),
    )
    assert await series_orders(api, owner, later["id"]) == []  # beyond the 28 days at first

    ended = await create_series(
        api,
        owner,
        **series_input(
            client.id,
            client.address_ids[0],
            recurrence={"frequency": "DAILY"},
            startDate=day(1),
            visitTime="22:00",
            durationMinutes=30,
        ),
    )
    assert len(await series_orders(api, owner, ended["id"])) == 28  # today + 1 ... today + 28
    done = await api.ok(END_SERIES, {"id": ended["id"], "last": day(32)}, owner.access)
    assert done["endOrderSeries"]["errors"] == []

    now = datetime.now(UTC)
    _ = await run_round(now, 35)
    assert days_of(await series_orders(api, owner, later["id"])) == [day(30)]
    # Ended, yet it visits up to its last day (32), past the 28 it had: none after.
    assert days_of(await series_orders(api, owner, ended["id"])) == [day(n) for n in range(1, 33)]

    again = (
        await series_orders(api, owner, later["id"]),
        await series_orders(api, owner, ended["id"]),
    )
    _ = await run_round(now, 35)
    assert (
        await series_orders(api, owner, later["id"]),
        await series_orders(api, owner, ended["id"]),
    ) == again
    cut = await api.ok(END_SERIES, {"id": ended["id"], "last": day(3)}, owner.access)
    assert cut["endOrderSeries"]["errors"] == []
    orders = await series_orders(api, owner, ended["id"])
    assert days_of(orders, "NEW") == [day(1), day(2), day(3)]
    assert days_of(orders, "CANCELLED") == [day(n) for n in range(4, 33)]


async def test_every_process_runs_the_round_in_the_background(app: Starlette) -> None:
    """SERIES_ROUND_SECONDS defaults to 300: the app starts the round with its workers."""
    running = {task.get_name() for task in asyncio.all_tasks()}
    assert "background:series-round" in running
