"""compat.tortoise.cached_rows: a whole query's SQL built once per shape, then bound
to each caller's values; never a statement that carries another caller's value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise import connections
from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import AwaitableQuery

from compat import tortoise as compat_tortoise
from compat.tortoise import Value, cached_rows
from models import Membership
from tests.support.api import Api, invite_and_accept, register

pytestmark = pytest.mark.asyncio


def _kept(key: str) -> list[Any]:
    dialect = connections.get("default").capabilities.dialect
    return [v for k, v in compat_tortoise._statements.items() if k[:3] == (dialect, "rows", key)]


async def _tortoise(query: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await query
    return rows


async def _companies(api: Api) -> list[tuple[int, str]]:
    """Two companies, the first with a head and a worker under it: (company, a path) each."""
    first, second = await register(api), await register(api)
    head = await invite_and_accept(api, first, "Head")
    _ = await invite_and_accept(api, head, "Worker")
    found = []
    for session in (head, second):
        member = await Membership.get(user__email=session.email)
        found.append((member.company_id, member.path))
    return found


async def test_each_caller_gets_its_own_values(api: Api) -> None:
    """Company ids, paths in a LIKE (with %, _ and \\ that match only themselves) and times:
    each call equals Tortoise's own answer for the same values, from one kept statement."""
    (one, head_path), (two, owner_path) = await _companies(api)

    def build(values: Sequence[Value]) -> AwaitableQuery[Any]:
        company, path, since = values
        return (
            Membership.filter(company_id=company, path__startswith=path)
            .annotate(n=Count("id", _filter=Q(created_at__gte=since)))
            .values("n")
        )

    long_ago, later = datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(days=1)
    cases = [
        (one, head_path, long_ago),  # the head and its worker
        (one, "/", long_ago),  # the whole first company
        (two, owner_path, long_ago),
        (two, owner_path, later),  # none created since
        (one, "%_\\", long_ago),  # no path holds them: nothing
    ]
    seen = []
    for values in cases * 2:
        found = await cached_rows("test.members", build, values)
        assert found == await _tortoise(build(values)), values
        seen.append(found[0]["n"])
    assert seen[:5] == [2, 3, 1, 0, 0]
    kept = _kept("test.members")
    assert len(kept) == 1
    if connections.get("default").capabilities.dialect == "postgres":
        assert kept[0] is not None  # on SQLite a time goes as text: left to Tortoise


async def test_a_value_in_another_form_is_left_to_tortoise(api: Api) -> None:
    """A builder that computes with a value (a day before a time, an id less one, a name made
    of an id) cannot have its statement kept: a statement built from markers would carry the
    first caller's result of that computation. Each call is built with its own values."""
    (one, _), (two, _) = await _companies(api)
    now = datetime.now(UTC)

    def day_before(values: Sequence[Value]) -> AwaitableQuery[Any]:
        company, since = values
        assert isinstance(since, datetime)
        return Membership.filter(company_id=company, created_at__gte=since - timedelta(days=1))

    def less_one(values: Sequence[Value]) -> AwaitableQuery[Any]:
        company = values[0]
        assert isinstance(company, int)
        return Membership.filter(company_id__in=[company - 1])

    def named(values: Sequence[Value]) -> AwaitableQuery[Any]:
        return Membership.filter(company_id=values[0], name__not=f"x{values[0]}")

    cases: list[tuple[Any, str, list[list[Value]]]] = [
        (day_before, "test.day_before", [[one, now], [one, now + timedelta(days=3)]]),
        (less_one, "test.less_one", [[one + 1], [two + 1], [one + 1]]),
        (named, "test.named", [[one], [two]]),
    ]
    for build, key, calls in cases:
        for values in calls:
            found = await cached_rows(key, build, values)
            expected = await build(values).values("id")
            assert sorted(r["id"] for r in found) == sorted(r["id"] for r in expected), key
        assert _kept(key) == [None], key
