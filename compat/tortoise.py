"""Tortoise ORM's private names: a model's metadata (table, fields, columns), building a
query's SQL without running it, and reading a database URL into the connection dict its
`credentials` can be extended in."""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.config_generator import expand_db_url as expand_db_url
from tortoise.models import MetaInfo, Model
from tortoise.queryset import ValuesQuery


def model_meta(model: type[Model] | Model) -> MetaInfo:
    """The model's `_meta`: `db_table`, `fields_map`, `fields_db_projection`…"""
    return model._meta


def prepared_sql(query: ValuesQuery[Any]) -> tuple[str, list[Any]]:
    """The query's SQL with placeholders, and their values, as Tortoise would run it."""
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return sql, list(params)


__all__ = ["expand_db_url", "model_meta", "prepared_sql"]
