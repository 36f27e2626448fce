"""Keyset pagination for Relay connections: a page costs one statement, a total one more."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from permissions.errors import invalid

M = TypeVar("M", bound=Model)

DEFAULT_PAGE = 20
MAX_PAGE = 100


@dataclass(frozen=True, slots=True)
class Page(Generic[M]):
    rows: list[M]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    count: Callable[[], Awaitable[int]]


def page_size(first: int | None) -> int:
    """`first` defaults to 20 and is capped at 100."""
    if first is None:
        return DEFAULT_PAGE
    if first < 0:
        raise invalid("first must not be negative", "first")
    return min(first, MAX_PAGE)


def _encode(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, fields: Sequence[str]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise invalid("Malformed cursor", "after") from None
    if not isinstance(values, list) or len(values) != len(fields):
        raise invalid("Malformed cursor", "after")
    return list(values)


def _after(order: Sequence[str], values: list[Any]) -> Q:
    """Rows strictly after `values` in `order` (fields prefixed with - sort descending)."""
    clauses: list[Q] = []
    for i, spec in enumerate(order):
        name = spec.lstrip("-")
        op = "lt" if spec.startswith("-") else "gt"
        equal = {order[j].lstrip("-"): values[j] for j in range(i)}
        clauses.append(Q(**equal, **{f"{name}__{op}": values[i]}))
    return Q(*clauses, join_type="OR")


async def paginate(
    query: QuerySet[M], order: Sequence[str], first: int | None, after: str | None
) -> Page[M]:
    """One page of `query` in `order`, which must end with a unique field (the id)."""
    size = page_size(first)
    names = [spec.lstrip("-") for spec in order]
    page_query = query
    if after:
        page_query = page_query.filter(_after(order, _decode(after, names)))
    rows = list(await page_query.order_by(*order).limit(size + 1)) if size else []
    has_next = len(rows) > size
    rows = rows[:size]
    cursors = [_encode([getattr(row, name) for name in names]) for row in rows]

    async def count() -> int:
        return await query.count()

    return Page(rows, cursors, has_next, bool(after), count)
