"""Tortoise's INSERT building: a multi-row INSERT ... RETURNING built with the connection's
own query builder and placeholders, as Tortoise builds its INSERTs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.router import router

from compat.tortoise import model_meta

_inserts: dict[tuple[str, type[Model], int, tuple[str, ...]], tuple[str, tuple[str, ...]]] = {}
_CACHED_INSERT_ROWS = 64  # a longer INSERT is built when needed, not kept


def _insert_sql(
    db: BaseDBAsyncClient, model: type[Model], rows: int, returning: tuple[str, ...]
) -> tuple[str, tuple[str, ...]]:
    """The multi-row INSERT of `rows` rows of `model` RETURNING the `returning` columns, built
    by the connection's own query builder and placeholders as Tortoise builds its INSERTs, and
    the fields whose values it takes per row (every stored one but a generated id)."""
    key = (db.capabilities.dialect, model, rows, returning)
    cached = _inserts.get(key)
    if cached is not None:
        return cached
    meta = model_meta(model)
    fields = tuple(
        name for name in meta.fields_db_projection if not meta.fields_map[name].generated
    )
    executor = db.executor_class(model=model, db=db)
    query = db.query_class.into(meta.basetable).columns(
        *(meta.fields_db_projection[name] for name in fields)
    )
    width = len(fields)
    for row in range(rows):
        query = query.insert(*(executor.parameter(row * width + i) for i in range(width)))
    query = query.returning(*returning)  # type: ignore[operator]
    built = (str(query), fields)
    if rows <= _CACHED_INSERT_ROWS:
        _inserts[key] = built
    return built


async def insert_returning_rows(
    instances: Sequence[Model], returning: tuple[str, ...]
) -> list[dict[str, Any]]:
    """`bulk_create(instances)` as one INSERT ... RETURNING (SQLite 3.35+ and PostgreSQL):
    the returned columns of each new row, in the order given. Values are converted as
    bulk_create converts them; the instances themselves are left as they were (no ids set)."""
    if not instances:
        return []
    model = type(instances[0])
    db: BaseDBAsyncClient = router.db_for_write(model) or model_meta(model).db
    meta = model_meta(model)
    sql, fields = _insert_sql(db, model, len(instances), returning)
    values = [
        meta.fields_map[name].to_db_value(getattr(instance, name), instance)
        for instance in instances
        for name in fields
    ]
    rows: list[dict[str, Any]] = await db.execute_query_dict(sql, values)
    return rows


__all__ = ["insert_returning_rows"]
