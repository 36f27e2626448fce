"""Keyset pagination for Relay connections: a page costs one statement, a total one more."""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from tortoise import connections
from tortoise.expressions import Q
from tortoise.fields import (
    BigIntField,
    CharField,
    DatetimeField,
    IntField,
    SmallIntField,
    TextField,
)
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesQuery

from compat.tortoise import model_meta, prepared_sql
from domain.errors import invalid
from resolvers import json_input

M = TypeVar("M", bound=Model)

DEFAULT_PAGE = 20
# The order of the lists of contacts and members (and their loaders): by name, the id last
# since a keyset page needs a unique field at the end.
BY_NAME = ("name", "id")
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
    """Base64 of the values' JSON, text as UTF-8 rather than escaped: PostgreSQL's
    `to_json` writes text so too, and the compiled reads build cursors with it."""
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    text = json.dumps(plain, ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, model: type[Model], fields: Sequence[str]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json_input.loads(raw)
        if not isinstance(values, list) or len(values) != len(fields):
            raise ValueError
        return [_typed(model, name, value) for name, value in zip(fields, values, strict=True)]
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError):
        raise invalid("Malformed cursor", "after") from None


def _typed(model: type[Model], name: str, value: Any) -> Any:
    """A cursor value as the field's type, within what its column holds (a cursor is client
    input: a naive or year-9999 date, a number past the column or a NUL would make the
    database fail). Dates travel as ISO strings with their offset."""
    field = model_meta(model).fields_map[name]
    if isinstance(field, DatetimeField) and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError
        return moment.astimezone(UTC)  # OverflowError past year 9999
    if isinstance(field, IntField) and type(value) is int:
        bits = (
            64 if isinstance(field, BigIntField) else 16 if isinstance(field, SmallIntField) else 32
        )
        if -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
            return value
    if isinstance(field, CharField | TextField) and isinstance(value, str) and "\x00" not in value:
        _ = value.encode()  # UnicodeEncodeError (a ValueError) for a lone surrogate
        return value
    raise ValueError


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
    query: QuerySet[M],
    order: Sequence[str],
    first: int | None,
    after: str | None,
    relations: Sequence[str] = (),
) -> Page[M]:
    """One page of `query` in `order`, which must end with a unique field (the id), with the
    related rows of `relations` joined in."""
    size = page_size(first)
    names = [spec.lstrip("-") for spec in order]
    page_query = query.select_related(*relations) if relations else query
    if after:
        page_query = page_query.filter(_after(order, decode_cursor(after, query.model, names)))
    rows = list(await page_query.order_by(*order).limit(size + 1)) if size else []
    has_next = len(rows) > size
    rows = rows[:size]
    cursors = [_encode([getattr(row, name) for name in names]) for row in rows]

    async def count() -> int:
        return await query.count()

    return Page(rows, cursors, has_next, bool(after), count)


def _parameterized(query: ValuesQuery[Any]) -> tuple[str, list[Any]]:
    """The query's SQL with placeholders, and their values. Tortoise's `sql(params_inline=True)`
    leaves a subquery's placeholders in (the staff visibility filter has one) and writes the
    rest into the text; placeholders need neither."""
    return prepared_sql(query)


@dataclass(frozen=True, slots=True)
class ParentPage(Generic[M]):
    rows: list[M]
    cursors: list[str]
    has_next: bool


async def pages_per_parent(
    query: QuerySet[M],
    parent: str,
    order: Sequence[str],
    first: int | None,
    after: str | None,
) -> dict[int, ParentPage[M]]:
    """One page of `query` for each value of `parent` (e.g. comments per order).

    Two statements for any number of parents: the ids ranked by ROW_NUMBER() over a
    partition per parent (the filter of `query`, visibility included, is its inner query),
    then the rows. `order` must end with the id.
    """
    size = page_size(first)
    names = [spec.lstrip("-") for spec in order]
    if after:
        query = query.filter(_after(order, decode_cursor(after, query.model, names)))
    columns = list(dict.fromkeys(["id", parent, *names]))
    ranking = ", ".join(
        f'"{spec.lstrip("-")}" {"DESC" if spec[0] == "-" else "ASC"}' for spec in order
    )
    inner, params = _parameterized(query.values(*columns))
    sql = (
        f'SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "{parent}" '
        f'ORDER BY {ranking}) AS "position" FROM ({inner}) '
        f'AS "base") AS "ranked" WHERE "position" <= {size + 1}'
    )
    db = connections.get("default")
    ids = [row["id"] for row in await db.execute_query_dict(sql, params)]
    groups: dict[int, list[M]] = defaultdict(list)
    if ids and size:
        for row in await query.model.filter(id__in=ids).order_by(*order):
            groups[getattr(row, parent)].append(row)
    pages: dict[int, ParentPage[M]] = {}
    for key, rows in groups.items():
        shown = rows[:size]
        cursors = [_encode([getattr(row, name) for name in names]) for row in shown]
        pages[key] = ParentPage(shown, cursors, len(rows) > size)
    return pages
