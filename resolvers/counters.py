"""Per-company counters (order numbers, event numbers) without gaps or duplicates."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import F

from models import EventCounter, OrderCounter


async def take_next(counter: type[OrderCounter] | type[EventCounter], company_id: int) -> int:
    """The company's next value; call inside the transaction that uses it.

    The UPDATE locks the counter row until commit (a rollback gives the value back), so
    concurrent transactions get consecutive values in commit order.
    """
    column = "last_number" if counter is OrderCounter else "last_seq"
    updated = await counter.filter(company_id=company_id).update(**{column: F(column) + 1})
    if not updated:
        first: dict[str, Any] = {"company_id": company_id, column: 1}
        _ = await counter.create(**first)
        return 1
    row = await counter.get(company_id=company_id)
    return int(getattr(row, column))
