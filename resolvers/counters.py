"""Per-company counters (order numbers, event numbers) without gaps or duplicates."""

from __future__ import annotations

from typing import Any

from tortoise import connections

from compat.tortoise import model_meta
from models import EventCounter, OrderCounter


async def take_next(
    counter: type[OrderCounter] | type[EventCounter], company_id: int, count: int = 1
) -> int:
    """The company's next value; call inside the transaction that uses it.

    The UPDATE locks the counter row until commit (a rollback gives the value back), so
    concurrent transactions get consecutive values in commit order. It returns the new value
    itself (`RETURNING`, PostgreSQL and SQLite ≥ 3.35): one statement, not an UPDATE and a
    SELECT (createOrder takes two counters). With `count`, the last of that many consecutive
    values (a leaver's hand-over numbers all its events at once).
    """
    column = "last_number" if counter is OrderCounter else "last_seq"
    db = connections.get("default")  # the transaction's connection inside `in_transaction`
    step, company = ("$1", "$2") if db.capabilities.dialect == "postgres" else ("?", "?")
    table = model_meta(counter).db_table
    sql = f'UPDATE "{table}" SET "{column}" = "{column}" + {step} WHERE "company_id" = {company} '
    # execute_query_dict: Tortoise's execute_query drops the rows of an UPDATE on asyncpg.
    rows = await db.execute_query_dict(f'{sql}RETURNING "{column}"', [count, company_id])
    if not rows:
        first: dict[str, Any] = {"company_id": company_id, column: count}
        _ = await counter.create(**first)
        return count
    return int(rows[0][column])
