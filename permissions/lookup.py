"""One row by id among those a visibility rule lets the actor see: the `access_*_by_id`
functions' lookup.

The rule is given as a filter (`visible_*_filter`), so the SELECT is built once per role's
shape of it (compat.tortoise.cached_instances) instead of by Tortoise on every call: building
it was a quarter of the CPU of the role matrix's writes, which look an order up for every
attempt.
"""

from __future__ import annotations

from typing import TypeVar

from tortoise.expressions import Q
from tortoise.models import Model

from compat.tortoise import cached_instances

M = TypeVar("M", bound=Model)


async def visible_row(model: type[M], visible: Q, row_id: int | None) -> M | None:
    """The row, or None when it is missing or the rule hides it (callers answer both alike)."""
    if row_id is None:
        return None
    found = await cached_instances(model, visible & Q(id=row_id))
    return found[0] if found else None
