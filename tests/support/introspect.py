"""Read a database's schema into plain data, so that two databases can be compared with `==`.

The result maps each table to its columns (type, nullability, default, ...), indexes (unique
ones included), foreign keys or constraints, and comments (PostgreSQL's); names that the database makes up
by itself (SQLite's automatic indexes) are replaced by what they index. Tables listed in
`ignore` (aerich's own) and everything that belongs to them are left out.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import asyncpg

Schema = dict[str, Any]

SQLITE_PREFIX = "sqlite://"


def sqlite_path(url: str) -> str:
    if not url.startswith(SQLITE_PREFIX):
        raise ValueError(f"not a sqlite:// URL: {url!r}")
    return url[len(SQLITE_PREFIX) :].split("?", 1)[0]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def schema_of(url: str, ignore: frozenset[str] = frozenset()) -> Schema:
    """The schema of the database at `url` (sqlite:// or postgres://)."""
    if url.startswith(SQLITE_PREFIX):
        return sqlite_schema(sqlite_path(url), ignore)
    return await postgres_schema(url, ignore)


def sqlite_schema(path: str, ignore: frozenset[str] = frozenset()) -> Schema:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _sqlite_schema(conn, ignore)
    finally:
        conn.close()


def _sqlite_schema(conn: sqlite3.Connection, ignore: frozenset[str]) -> Schema:
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    index_sql = {name: sql for kind, name, _, sql in objects if kind == "index"}
    tables: Schema = {}
    for kind, name, _, sql in objects:
        if kind != "table" or name.startswith("sqlite_") or name in ignore:
            continue
        quoted = _quote(name)
        columns = {
            col_name: {
                "type": col_type,
                "not_null": bool(not_null),
                "default": default,
                "primary_key_position": pk,
                "hidden": hidden,
            }
            for _, col_name, col_type, not_null, default, pk, hidden in conn.execute(
                f"PRAGMA table_xinfo({quoted})"
            )
        }
        indexes: Schema = {}
        for _, index_name, unique, origin, partial in conn.execute(f"PRAGMA index_list({quoted})"):
            keys = [
                (col, bool(desc), coll)
                for _, _, col, desc, coll, key in conn.execute(
                    f"PRAGMA index_xinfo({_quote(index_name)})"
                )
                if key
            ]
            automatic = index_name.startswith("sqlite_autoindex_")
            label = (
                f"(automatic {origin}: {', '.join(k[0] for k in keys)})"
                if automatic
                else index_name
            )
            indexes[label] = {
                "unique": bool(unique),
                "origin": origin,
                "partial": bool(partial),
                "columns": keys,
                "sql": None if automatic else index_sql.get(index_name),
            }
        foreign_keys: dict[int, list[tuple[Any, ...]]] = {}
        for fk_id, _, target, source, to, on_update, on_delete, match in conn.execute(
            f"PRAGMA foreign_key_list({quoted})"
        ):
            foreign_keys.setdefault(fk_id, []).append(
                (source, target, to, on_update, on_delete, match)
            )
        tables[name] = {
            "columns": columns,
            "indexes": indexes,
            "foreign_keys": sorted(foreign_keys.values()),
            "autoincrement": "AUTOINCREMENT" in sql.upper(),
            "without_rowid": bool(re.search(r"WITHOUT\s+ROWID\s*$", sql, re.IGNORECASE)),
            # No comments: SQLite keeps them only as text inside CREATE TABLE, which no
            # statement short of rebuilding the table changes and no query reads (an enum's
            # new value changes its column's; compat/aerich.py). PostgreSQL's are compared.
        }
    others = sorted(
        (kind, name, table)
        for kind, name, table, _ in objects
        if kind not in ("table", "index") and table not in ignore
    )
    return {"tables": tables, "other_objects": others}


_PG_TABLES = """
SELECT c.oid, c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
"""

_PG_COLUMNS = """
SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
       a.attidentity AS identity, a.attgenerated AS generated,
       col_description(a.attrelid, a.attnum) AS comment,
       (SELECT collname FROM pg_collation WHERE oid = a.attcollation
            AND a.attcollation <> (SELECT typcollation FROM pg_type WHERE oid = a.atttypid))
           AS collation
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
"""

_PG_INDEXES = """
SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
       x.indisunique AS unique, x.indisprimary AS primary,
       obj_description(x.indexrelid, 'pg_class') AS comment
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = $1
"""

_PG_CONSTRAINTS = """
SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition,
       condeferrable AS deferrable, condeferred AS deferred
FROM pg_constraint WHERE conrelid = $1
"""

_PG_SEQUENCES = """
SELECT s.relname AS name, t.relname AS owner, format_type(q.seqtypid, NULL) AS type,
       q.seqstart AS start, q.seqincrement AS increment
FROM pg_class s
JOIN pg_namespace n ON n.oid = s.relnamespace
JOIN pg_sequence q ON q.seqrelid = s.oid
LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class t ON t.oid = d.refobjid
WHERE n.nspname = 'public' AND s.relkind = 'S'
"""

_PG_OTHER = """
SELECT 'type' AS kind, t.typname AS name FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm')
UNION ALL
SELECT 'function', p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public'
UNION ALL
SELECT 'trigger', tg.tgname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND NOT tg.tgisinternal
UNION ALL
SELECT 'extension', e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql'
"""


async def postgres_schema(url: str, ignore: frozenset[str] = frozenset()) -> Schema:
    conn = await asyncpg.connect(url, timeout=10)
    try:
        return await _postgres_schema(conn, ignore)
    finally:
        await conn.close()


async def _postgres_schema(conn: asyncpg.Connection, ignore: frozenset[str]) -> Schema:
    tables: Schema = {}
    for table in await conn.fetch(_PG_TABLES):
        if table["name"] in ignore:
            continue
        oid = table["oid"]
        columns = {
            row["name"]: {k: v for k, v in row.items() if k != "name"}
            for row in await conn.fetch(_PG_COLUMNS, oid)
        }
        indexes = {
            row["name"]: {k: v for k, v in row.items() if k != "name"}
            for row in await conn.fetch(_PG_INDEXES, oid)
        }
        constraints = {
            row["name"]: {k: v for k, v in row.items() if k != "name"}
            for row in await conn.fetch(_PG_CONSTRAINTS, oid)
        }
        tables[table["name"]] = {
            "kind": table["kind"],
            "comment": table["comment"],
            "columns": columns,
            "indexes": indexes,
            "constraints": constraints,
        }
    sequences = {
        row["name"]: {k: v for k, v in row.items() if k != "name"}
        for row in await conn.fetch(_PG_SEQUENCES)
        if row["owner"] not in ignore
    }
    others = sorted((row["kind"], row["name"]) for row in await conn.fetch(_PG_OTHER))
    return {"tables": tables, "sequences": sequences, "other_objects": others}
