"""aerich's SQLite dialect refuses a changed column comment (`set_comment` raises), while
SQLite keeps no column comments to change: Tortoise writes them into CREATE TABLE as SQL
comments only. A new value of an enum field changes its comment (the choices are listed
there), so without this no enum could grow in the SQLite history."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aerich.ddl.sqlite import SqliteDDL


@contextmanager
def sqlite_comments_unchanged() -> Iterator[None]:
    """While inside, a comment change in the SQLite history writes no statement."""
    refusing = SqliteDDL.set_comment

    def nothing(self: SqliteDDL, model: Any, field_describe: dict[str, Any]) -> str:
        return ""

    SqliteDDL.set_comment = nothing  # type: ignore[method-assign]
    try:
        yield
    finally:
        SqliteDDL.set_comment = refusing  # type: ignore[method-assign]
