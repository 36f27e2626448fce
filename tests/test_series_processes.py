"""Two OS processes running the series round at the same moment on one PostgreSQL database
make each visit's order once: the unique key (series, series_day) is the claim, and a
loser's insert rolls back with its order number, so the numbers stay without gaps."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta

import pytest

from config.settings import Settings
from schema.ids import decode_id
from tests.conftest import TEST_SECRET
from tests.support.api import Api, register
from tests.support.processes import ROOT
from tests.support.series import series_input, series_orders
from tests.support.world import contact

pytestmark = pytest.mark.asyncio

ROUND = """
import asyncio, sys
from datetime import datetime
from tortoise import Tortoise
from config.settings import load
from servicedesk.db import tortoise_config
from resolvers.series_round import make_series_orders

async def main() -> None:
    url, data_dir, secret, series, now = sys.argv[1:]
    settings = load({"DATABASE_URL": url, "DATA_DIR": data_dir, "SECRET_KEY": secret})
    await Tortoise.init(config=tortoise_config(settings, with_aerich=False))
    await Tortoise.get_connection("default").execute_query("SELECT 1")
    print("ready", flush=True)
    sys.stdin.readline()  # both start the round together: when the test says "go" to both
    made = await make_series_orders(int(series), datetime.fromisoformat(now), 28)
    print(made)
    await Tortoise.close_connections()

asyncio.run(main())
"""
CREATE = """
mutation($input: CreateOrderSeriesInput!) {
  createOrderSeries(input: $input) { series { id } errors { field code message } }
}
"""


async def test_two_processes_make_each_visit_once(
    api: Api, settings: Settings, backend: str
) -> None:
    if backend != "postgres":
        pytest.skip("real processes share a PostgreSQL database")
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    daily = series_input(
        client.id, client.address_ids[0], recurrence={"frequency": "DAILY"}, startDate="2031-01-01"
    )
    created = await api.ok(CREATE, {"input": daily}, owner.access)
    series_id = created["createOrderSeries"]["series"]["id"]
    pk = decode_id(series_id, "OrderSeries")
    now = datetime(2031, 1, 1, tzinfo=UTC).isoformat()
    args = [settings.database_url, str(settings.data_dir), TEST_SECRET, str(pk), now]
    children = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            ROUND,
            *args,
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    # Both connected, then "go" to both at once (a fixed start time 3 s ahead waited longer
    # than the children need, and a child slower than that would have started late).
    for child in children:
        assert child.stdout is not None
        assert child.stderr is not None
        ready = await asyncio.wait_for(child.stdout.readline(), 120)
        if ready != b"ready\n":
            child.kill()
            pytest.fail((ready + await child.stderr.read()).decode()[-2000:])
    outputs = await asyncio.wait_for(
        asyncio.gather(*(child.communicate(b"go\n") for child in children)), 120
    )
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err.decode()[-2000:]
    made = [int(out.decode().split()[-1]) for out, _ in outputs]
    assert sum(made) == 29, made  # 1 January to 29 January, each once across both
    print(f"two processes at once made {made} orders of the series' 29 visits")

    orders = await series_orders(api, owner, series_id)
    days = sorted(o["deadline"][:10] for o in orders)
    first = datetime(2031, 1, 1)
    assert days == [(first + timedelta(days=n)).date().isoformat() for n in range(29)]
    # The company's numbers stay without gaps or duplicates (losers' numbers rolled back).
    assert sorted(o["number"] for o in orders) == list(range(1, 30))
