"""A UNION ALL of Tortoise queries as one term, for `field__in=`: Tortoise's own `union()`
adds its model columns to each SELECT and cannot stand inside an IN."""

from __future__ import annotations

from typing import Any

from pypika_tortoise.context import SqlContext
from pypika_tortoise.terms import Term
from tortoise.queryset import ValuesQuery


class UnionAll(Term):
    """`(SELECT … UNION ALL SELECT …)`, each SELECT one column; the placeholders numbered
    in the enclosing statement's order, as Tortoise's `Subquery` numbers them.

    Why not an OR of two `IN (subquery)`: PostgreSQL can answer each SELECT from its own
    index and join the few ids it finds, where the OR makes it test every row of the outer
    table against both (a company's 1,700 contacts: 1.9 -> 0.5 ms)."""

    def __init__(self, *queries: ValuesQuery[Any]) -> None:
        super().__init__()
        self.queries = queries

    def get_sql(self, ctx: SqlContext) -> str:
        # Unparenthesised members: SQLite refuses `(SELECT …) UNION ALL (SELECT …)`.
        inner = ctx.copy(subquery=False)
        parts = []
        for query in self.queries:
            query._choose_db_if_not_chosen()
            query._make_query()
            parts.append(query.query.get_parameterized_sql(inner)[0])
        return "(" + " UNION ALL ".join(parts) + ")"
