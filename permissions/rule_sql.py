"""What a field rule's SQL form is: a condition on the guarded object's row, for reads
compiled to one statement (schema/compiled/). Each form sits next to its rule's Python form
(`SQL_FORMS` of permissions/orders.py and permissions/contacts.py), and a test evaluates both
on every role and party; a rule without an SQL form is never compiled."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SqlCheck:
    """A condition on the row aliased `{row}`; `{0}`, `{1}`… stand for `values` (the actor's),
    which the caller binds as parameters. Its text depends only on the actor's role and
    whether it has a contact, so a statement built from it serves every actor of that shape."""

    sql: str
    values: tuple[int, ...] = ()

    @classmethod
    def equals(cls, column: str, value: int | None) -> SqlCheck:
        """`row.<column> == value` as Python compares it: None equals NULL only."""
        if value is None:
            return cls(f"{{row}}.{column} IS NULL")
        return cls(f"{{row}}.{column} IS NOT DISTINCT FROM {{0}}", (value,))


YES = SqlCheck("TRUE")
NO = SqlCheck("FALSE")
