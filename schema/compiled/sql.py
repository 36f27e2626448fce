"""What every compiled statement is made of: parameters whose values come from the request
(the actor's, the filter's, the cursor's, each stood for by a marker while Tortoise builds the
rows' SQL), values written as the executor writes them (DateTime as `isoformat`, Decimal as
`str`, global ids as schema/ids.py), field rules as SQL (`guarded`), and the paged statement
around the rows (`paged`, `page_info`). The orders' statement is order_sql.py's, the contacts'
contacts.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from compat.tortoise import like_infix, model_meta
from models import Role
from permissions.actor import Actor
from permissions.field_rules import FIELD_RULES, FieldRule
from schema.compiled.columns import BOOL, DATE, DATETIME, DECIMAL, INT, JSON, TEXT, TIME, Party
from schema.compiled.node_fields import SQL_FORMS
from schema.compiled.selection import Out

MARK = 8_000_000_000_000_000
# Actor values a statement reads, each stood for by its marker while Tortoise builds it.
MARKED = ("membership_id", "user_id", "company_id", "contact_id")
PATH_MARK = f"/{MARK + 9}/"
# The other markers of request values, each its own range, so that no two can meet in one
# statement: the orders' filter ids (filters.py, one each from here), the node's id, the
# inbox's assignee and the series' client.
FILTER_ID_MARK = MARK + 10
NODE_ID_MARK = MARK + 20
ASSIGNEE_MARK = MARK + 30
CLIENT_MARK = MARK + 31
PATHS = re.compile(r"[0-9/]+")  # no LIKE wildcard or escape: the marker's text is replaced
# A writer of one of object_sql's `special` fields.
Writer = Callable[[Out], str]


@dataclass(frozen=True, slots=True)
class Param:
    """Where a parameter's value comes from: `actor` (an Actor attribute), `path` (the text
    with the actor's path in place of the marker), `now`, `cursor` (index into the decoded
    cursor's values), `filter` (a key of the request's filter values), `like` (such a value in a
    LIKE pattern, as Tortoise's __icontains binds it) or `value` (a constant)."""

    source: str
    value: Any = None


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Param, ...]


def marker_actor(role: Role, has_contact: bool) -> Actor:
    return Actor(
        membership_id=MARK,
        user_id=MARK + 1,
        company_id=MARK + 2,
        role=role,
        path=PATH_MARK,
        contact_id=MARK + 3 if has_contact else None,
        session_id=None,
    )


def param_of(value: Any, marks: dict[tuple[type, Any], str] | None = None) -> Param:
    hashable = isinstance(value, int | str | datetime)
    mark = (marks or {}).get((type(value), value)) if hashable else None
    if mark is not None:
        return Param("now") if mark == "now" else Param("filter", mark)
    if type(value) is int and MARK <= value < MARK + len(MARKED):
        return Param("actor", MARKED[value - MARK])
    if isinstance(value, str) and PATH_MARK in value:
        return Param("path", value)
    return Param("value", value)


class Params:
    def __init__(self, inner: list[Param]) -> None:
        self.params = list(inner)

    def add(self, param: Param) -> str:
        self.params.append(param)
        return f"${len(self.params)}"


def iso(column: str) -> str:
    """`datetime.isoformat()` of a UTC timestamptz: microseconds only when not zero."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (
        f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', {utc})"
        f" = {utc} THEN '' ELSE to_char({utc}, '.US') END || '+00:00')"
    )


def b64(text: str) -> str:
    """URL-safe base64 without padding, as schema/ids.py and the cursors write it."""
    return f"rtrim(translate(encode(convert_to({text}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')"


def global_id(type_name: str, pk: str) -> str:
    return b64(f"('{type_name}:' || {pk})")


def column_value(alias: str, column: str, kind: str) -> str:
    ref = f'{alias}."{column}"'
    if kind == DATETIME:
        return iso(ref)
    if kind == DECIMAL:
        return f"{ref}::text"
    if kind == DATE:
        return f"to_char({ref}, 'YYYY-MM-DD')"
    if kind == TIME:
        # schema/scalars.py's Time: "HH:MM", with ":SS" when the seconds are not zero.
        clock = f"{ref}::time"
        return (
            f"to_char({clock}, CASE WHEN floor(date_part('second', {clock})) = 0 "
            "THEN 'HH24:MI' ELSE 'HH24:MI:SS' END)"
        )
    assert kind in (TEXT, INT, BOOL, JSON)  # JSON: stored as the executor writes it
    return ref


def json_object(pairs: list[tuple[str, str]]) -> str:
    return "json_build_object(" + ", ".join(f"{literal(k)}, {v}" for k, v in pairs) + ")"


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def guarded(
    out: Out, expression: str, actor: Actor, params: Params, row: str = "o", otherwise: str = ""
) -> str:
    """The field's value where its rule's SQL form lets the actor read it (on the row of the
    object it belongs to), else null (or `otherwise`: a list's guard answers an empty one)."""
    if out.rule is None:
        return expression
    rule = FIELD_RULES[out.rule]
    assert isinstance(rule, FieldRule)
    check = SQL_FORMS[rule.check](actor)
    values = [params.add(param_of(v)) for v in check.values]
    condition = check.sql.format(*values, row=row)
    fallback = f" ELSE {otherwise}" if otherwise else ""
    return f"CASE WHEN {condition} THEN {expression}{fallback} END"


def object_sql(
    fields: tuple[Out, ...],
    type_name: str,
    alias: str,
    columns: dict[str, tuple[str, str]],
    actor: Actor,
    params: Params,
    special: Mapping[str, Callable[[Out], str]] | None = None,
) -> str:
    """An object of row `alias` with the selected `fields`: `__typename`, its global `id`,
    `special` fields written by their function, and columns behind their field rules."""
    pairs: list[tuple[str, str]] = []
    for f in fields:
        if f.name == "__typename":
            pairs.append((f.key, literal(type_name)))
        elif special and f.name in special:
            pairs.append((f.key, special[f.name](f)))
        elif f.name == "id":
            pairs.append((f.key, global_id(type_name, f"{alias}.id")))
        else:
            value = column_value(alias, *columns[f.name])
            pairs.append((f.key, guarded(f, value, actor, params, alias)))
    return json_object(pairs)


def related_object(
    out: Out,
    type_name: str,
    table: str,
    columns: dict[str, tuple[str, str]],
    key: str,
    actor: Actor,
    params: Params,
) -> str:
    """The object of the `table` row that column `key` of the list's row `n` points to, with
    `out`'s fields (null without one): one index lookup per row of a page."""
    inner = object_sql(out.fields, type_name, "r", columns, actor, params)
    return f'(SELECT {inner} FROM "{table}" r WHERE r.id = n."{key}")'


def related(parties: Mapping[str, Party], actor: Actor, params: Params) -> dict[str, Writer]:
    """A writer of each party's object (`related_object`), for object_sql's `special`."""

    def writer(party: Party) -> Writer:
        type_name, model, columns, key = party
        table = model_meta(model).db_table
        return lambda out: related_object(out, type_name, table, columns, key, actor, params)

    return {name: writer(party) for name, party in parties.items()}


def page_info(info: Out, cursor_of: Callable[[str], str], size: int, has_after: bool) -> str:
    """pageInfo over the `page` and `shown` CTEs; `cursor_of(row)` writes a row's cursor."""
    values = {
        "__typename": "'PageInfo'",
        "hasNextPage": f"((SELECT count(*) FROM page) > {size})",
        "hasPreviousPage": "TRUE" if has_after else "FALSE",
        "startCursor": f"(SELECT {cursor_of('s')} FROM shown s ORDER BY s.position LIMIT 1)",
        "endCursor": f"(SELECT {cursor_of('s')} FROM shown s ORDER BY s.position DESC LIMIT 1)",
    }
    return json_object([(out.key, values[out.name]) for out in info.fields])


def marked_elsewhere(param: Param) -> bool:
    """A constant that carries a marker in another form (Tortoise rewrote an actor value):
    no statement, rather than one bound to the marker."""
    return param.source == "value" and str(MARK)[:8] in str(param.value)


def paged(
    inner: str,
    columns: str,
    where: str,
    order: str,
    size: int,
    root_key: str,
    body: list[tuple[str, str]],
) -> str:
    """The statement over the rows of `inner` (`visible`): the page's rows past the cursor
    (`where`) in `order`, one more than `size` (`page`: is there a next?), the `size` shown
    with their positions (`shown`), and the response's object of `body` under `root_key`."""
    return (
        f"WITH visible AS NOT MATERIALIZED ({inner}), "
        f"page AS MATERIALIZED (SELECT {columns} FROM visible v {where} "
        f"ORDER BY {order} LIMIT {size + 1}), "
        f"shown AS MATERIALIZED (SELECT {columns}, row_number() OVER (ORDER BY {order}) "
        f"AS position FROM page v ORDER BY {order} LIMIT {size}) "
        f"SELECT {json_object([(root_key, json_object(body))])}::text AS answer"
    )


def bind(
    statement: Statement,
    actor: Actor,
    now: Any,
    after: list[Any],
    filter_values: dict[str, Any] | None = None,
) -> list[Any]:
    sources: dict[str, Callable[[Param], Any]] = {
        "filter": lambda p: (filter_values or {})[p.value],
        "actor": lambda p: getattr(actor, p.value),
        "path": lambda p: p.value.replace(PATH_MARK, actor.path),
        "now": lambda p: now,
        "cursor": lambda p: after[p.value],
        "value": lambda p: p.value,
        "like": lambda p: like_infix((filter_values or {})[p.value]),
    }
    return [sources[p.source](p) for p in statement.params]
