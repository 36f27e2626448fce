from __future__ import annotations

import pytest

from tests.support.api import Api
from tests.support.world import build_world

pytestmark = pytest.mark.asyncio


async def test_world_builds(api: Api) -> None:
    world = await build_world(api)
    assert len(world.orders) == 30
    data = await api.ok(
        """{ orders(first: 100) { totalCount edges { node { number status overdue client { name }
            address { text } contractor { name } responsible { name } price contractorFee internalNote
            comments(first: 5) { totalCount edges { node { body visibility author { name } } } }
            history { from to by { name } } photos { id } } } } }""",
        token=world.owner.access,
    )
    assert data["orders"]["totalCount"] == 30
    print(data["orders"]["edges"][0])
