"""Bench data: N companies at the case study's size, built inside PostgreSQL.

Each company: a staff tree of 20 (the owner, 3 heads, 16 staff under them), 1,000 clients
with one address each, 700 contractors, two years of orders at 50 a day (36,500) with their
status history, two comments each and a completion photo row on every third finished order,
about 5 tasks a day, and a client and a contractor portal member. The bulky rows are made by
`INSERT … SELECT generate_series(…)` on the server (no rows cross the wire), so 100 companies
take minutes, not hours. Everything is deterministic, so figures compare across runs.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

CLIENTS = 1000
CONTRACTORS = 700
ORDERS_PER_DAY = 50
DAYS = 730
TASKS_PER_DAY = 5
HEADS = 3
STAFF_PER_HEAD = 5  # 1 owner + 3 heads + 16 staff = 20 (the first head has one more)
PASSWORD = "bench-password"


@dataclass(frozen=True, slots=True)
class Login:
    """A member the load driver acts as, with a session row for its access token."""

    role: str
    membership_id: int
    company_id: int
    session_id: str
    path: str
    contact_id: int | None


async def is_empty(conn: Any) -> bool:
    return bool(await conn.fetchval('SELECT NOT EXISTS (SELECT 1 FROM "order")'))


async def build(conn: Any, companies: int, say: Any) -> None:
    """Build `companies` companies, one transaction each, then VACUUM ANALYZE: without it (a
    server with autovacuum off, or before it runs) the GIN indexes' pending lists and an
    unset visibility map made a contact search's statement 3-5 ms instead of 0.7 (100
    companies, EXPLAIN ANALYZE)."""
    from argon2 import PasswordHasher

    password_hash = PasswordHasher(memory_cost=1024).hash(PASSWORD)
    started = time.monotonic()
    for n in range(1, companies + 1):
        async with conn.transaction():
            await _company(conn, n, password_hash)
        say(f"company {n}/{companies} built ({time.monotonic() - started:.0f} s)")
    await conn.execute("VACUUM ANALYZE")


async def _member(
    conn: Any,
    company: int,
    n: int,
    k: int,
    role: str,
    manager: tuple[int, str] | None,
    password_hash: str,
    contact_id: int | None = None,
) -> tuple[int, str]:
    user = await conn.fetchval(
        "INSERT INTO user_login (email, password_hash, created_at) VALUES ($1, $2, now()) "
        "RETURNING id",
        f"c{n}-m{k}@bench.test",
        password_hash,
    )
    member = await conn.fetchval(
        "INSERT INTO membership (role, name, path, created_at, company_id, contact_id, "
        "manager_id, user_id) VALUES ($1, $2, '', now(), $3, $4, $5, $6) RETURNING id",
        role,
        f"{role.title()} {k}",
        company,
        contact_id,
        None if manager is None else manager[0],
        user,
    )
    path = f"{'/' if manager is None else manager[1]}{member}/"
    await conn.execute("UPDATE membership SET path = $1 WHERE id = $2", path, member)
    await conn.execute(
        "INSERT INTO session (id, created_at, membership_id) VALUES ($1, now(), $2)",
        uuid.uuid4(),
        member,
    )
    return member, path


async def _company(conn: Any, n: int, password_hash: str) -> None:
    company = await conn.fetchval(
        "INSERT INTO company (name, timezone, created_at) VALUES ($1, 'Europe/Moscow', now()) "
        "RETURNING id",
        f"Bench Company {n}",
    )
    owner = await _member(conn, company, n, 0, "OWNER", None, password_hash)
    staff = [owner]
    for h in range(HEADS):
        head = await _member(conn, company, n, len(staff), "STAFF", owner, password_hash)
        staff.append(head)
        for _ in range(STAFF_PER_HEAD + (1 if h == 0 else 0)):
            staff.append(await _member(conn, company, n, len(staff), "STAFF", head, password_hash))
    staff_ids = [m for m, _ in staff]
    clients = await _contacts(conn, company, "CLIENT", CLIENTS, staff_ids)
    contractors = await _contacts(conn, company, "CONTRACTOR", CONTRACTORS, staff_ids)
    addresses = await conn.fetchval(
        "WITH a AS (INSERT INTO address (label, text, details, created_at, company_id, "
        "contact_id) SELECT 'Home', 'Moscow, Tverskaya ' || c.id || ', flat ' || (c.id % 90), "
        "'door code ' || (c.id % 1000), now(), $1, c.id FROM unnest($2::int[]) AS c(id) "
        "RETURNING id, contact_id) SELECT array_agg(id ORDER BY contact_id) FROM a",
        company,
        clients,
    )
    await _member(conn, company, n, 100, "CLIENT", None, password_hash, clients[0])
    await _member(conn, company, n, 101, "CONTRACTOR", None, password_hash, contractors[0])
    await _orders(conn, company, clients, addresses, contractors, staff_ids)
    await _tasks(conn, company, staff_ids)
    for sql in SETTLED_SQL:
        await conn.execute(sql, company)


async def _contacts(conn: Any, company: int, kind: str, count: int, staff: list[int]) -> list[int]:
    ids: list[int] = await conn.fetchval(
        "WITH c AS (INSERT INTO contact (kind, legal_form, name, email, phone, manager_id, "
        "created_at, company_id) SELECT $2::text, CASE WHEN i % 4 = 0 THEN 'ORGANIZATION' "
        "ELSE 'PERSON' END, initcap($2::text) || ' ' || left(md5(i::text || $2::text), 8) || ' ' || i, "
        "lower($2::text) || i || '@example.test', '+7 900 ' || lpad(i::text, 7, '0'), "
        "($4::int[])[1 + i % array_length($4::int[], 1)], now(), $1 "
        "FROM generate_series(1, $3) AS i RETURNING id) SELECT array_agg(id ORDER BY id) FROM c",
        company,
        kind,
        count,
        staff,
    )
    return ids


# Orders: i = 0 .. 36,499 over two years up to now; the last fortnight is still open, older
# ones are DONE (1 in 20 CANCELLED). Clients, contractors and the responsible rotate.
ORDERS_SQL = """
INSERT INTO "order" (number, title, description, status, deadline, source, price,
    contractor_fee, internal_note, rating, feedback, created_at, updated_at, completed_at,
    cancelled_at, address_id, client_id, company_id, contractor_id, created_by_id,
    responsible_id)
SELECT i + 1, 'Cleaning job ' || (i + 1), 'Windows, floors and the kitchen, ' || i % 97,
    s.status, s.created + interval '2 days', 'STAFF', 1000 + i % 5000, 600 + i % 3000,
    CASE WHEN i % 3 = 0 THEN 'note ' || i END,
    CASE WHEN s.status = 'DONE' AND i % 2 = 0 THEN 1 + i % 5 END,
    CASE WHEN s.status = 'DONE' AND i % 4 = 0 THEN 'fine' END,
    s.created, s.created, CASE WHEN s.status = 'DONE' THEN s.created + interval '1 day' END,
    CASE WHEN s.status = 'CANCELLED' THEN s.created + interval '1 hour' END,
    ($2::int[])[1 + (i * 7) % $7], ($3::int[])[1 + (i * 7) % $7], $1,
    CASE WHEN s.status <> 'NEW' THEN ($4::int[])[1 + (i * 13) % $8] END,
    ($5::int[])[1 + i % $9], ($5::int[])[1 + i % $9]
FROM generate_series(0, $6 - 1) AS i,
LATERAL (SELECT now() - interval '730 days' + (i * interval '730 days') / $6 AS created) t,
LATERAL (SELECT t.created, CASE
    WHEN t.created > now() - interval '14 days' THEN
        (ARRAY['NEW', 'ASSIGNED', 'IN_PROGRESS', 'DONE'])[1 + i % 4]
    WHEN i % 20 = 0 THEN 'CANCELLED' ELSE 'DONE' END AS status) s
"""

HISTORY_SQL = """
INSERT INTO order_status_change (from_status, to_status, at, by_id, order_id)
SELECT (ARRAY[NULL, 'NEW', 'ASSIGNED', 'IN_PROGRESS'])[k],
    CASE WHEN o.status = 'CANCELLED' AND k = 2 THEN 'CANCELLED'
         ELSE (ARRAY['NEW', 'ASSIGNED', 'IN_PROGRESS', 'DONE'])[k] END,
    o.created_at + (k - 1) * interval '3 hours', o.responsible_id, o.id
FROM "order" o, generate_series(1, 4) AS k
WHERE o.company_id = $1 AND k <= CASE o.status WHEN 'NEW' THEN 1 WHEN 'ASSIGNED' THEN 2
    WHEN 'IN_PROGRESS' THEN 3 WHEN 'CANCELLED' THEN 2 ELSE 4 END
"""

COMMENTS_SQL = """
INSERT INTO comment (body, visibility, created_at, author_id, company_id, order_id)
SELECT CASE k WHEN 1 THEN 'Called the client, all agreed' ELSE 'Keys at the concierge' END,
    CASE k WHEN 1 THEN 'INTERNAL' ELSE 'CLIENT' END, o.created_at + k * interval '1 hour',
    o.responsible_id, $1, o.id
FROM "order" o, generate_series(1, 2) AS k WHERE o.company_id = $1
"""

PHOTOS_SQL = """
INSERT INTO photo (kind, caption, storage_key, thumbnail_key, content_type, width, height,
    size, created_at, company_id, order_id, uploaded_by_id)
SELECT 'COMPLETION', 'done', 'bench/' || o.id, 'bench/' || o.id || '-t', 'image/jpeg', 1600,
    1200, 250000, o.completed_at, $1, o.id, o.responsible_id
FROM "order" o WHERE o.company_id = $1 AND o.status = 'DONE' AND o.number % 3 = 0
"""

TASKS_SQL = """
INSERT INTO task (title, description, status, deadline, requires_acknowledgement,
    created_at, completed_at, assignee_id, company_id, creator_id)
SELECT 'Task ' || i, '', CASE WHEN t.created > now() - interval '7 days' THEN 'OPEN'
    ELSE 'DONE' END, t.created + interval '3 days', false, t.created,
    CASE WHEN t.created <= now() - interval '7 days' THEN t.created + interval '1 day' END,
    ($2::int[])[1 + i % $4], $1, ($2::int[])[1 + (i / 7) % $4]
FROM generate_series(0, $3 - 1) AS i,
LATERAL (SELECT now() - interval '730 days' + (i * interval '730 days') / $3 AS created) t
"""

# A live system has already told of every deadline that passed before the benchmark: without
# this the deadline watch spends the run on thousands of old orders (9 statements each).
SETTLED_SQL = (
    """UPDATE "order" SET due_soon_for = deadline,
        overdue_for = CASE WHEN deadline < now() THEN deadline END
    WHERE company_id = $1 AND status NOT IN ('DONE', 'CANCELLED')
        AND deadline < now() + interval '1 day'""",
    "UPDATE task SET overdue_for = deadline "
    "WHERE company_id = $1 AND status = 'OPEN' AND deadline < now()",
)


async def _orders(
    conn: Any,
    company: int,
    clients: list[int],
    addresses: list[int],
    contractors: list[int],
    staff: list[int],
) -> None:
    total = ORDERS_PER_DAY * DAYS
    await conn.execute(
        ORDERS_SQL,
        company,
        addresses,
        clients,
        contractors,
        staff,
        total,
        len(clients),
        len(contractors),
        len(staff),
    )
    await conn.execute(
        "INSERT INTO order_counter (company_id, last_number) VALUES ($1, $2)", company, total
    )
    for sql in (HISTORY_SQL, COMMENTS_SQL, PHOTOS_SQL):
        await conn.execute(sql, company)


async def _tasks(conn: Any, company: int, staff: list[int]) -> None:
    await conn.execute(TASKS_SQL, company, staff, TASKS_PER_DAY * DAYS, len(staff))


async def logins(conn: Any, company: int) -> dict[str, Login]:
    """The members the scenarios act as: the owner, the first head (a subtree of 6), the
    client and the contractor portal members."""
    rows = await conn.fetch(
        "SELECT m.id, m.role, m.path, m.contact_id, s.id AS sid FROM membership m "
        "JOIN session s ON s.membership_id = m.id WHERE m.company_id = $1 ORDER BY m.id",
        company,
    )
    found: dict[str, Login] = {}
    for row in rows:
        role = row["role"]
        key = {"OWNER": "owner", "CLIENT": "client", "CONTRACTOR": "contractor"}.get(role)
        if key is None and row["path"].count("/") == 3:
            key = "staff"
        if key and key not in found:
            found[key] = Login(
                role, row["id"], company, str(row["sid"]), row["path"], row["contact_id"]
            )
    return found


# create-order's orders, titled "Bench order N": removed after the scenario, so that every run
# reads the same data (each run adds thousands of open orders that dashboards count).
FORGET_SQL = (
    "DELETE FROM notification WHERE order_id IN "
    "(SELECT id FROM \"order\" WHERE title LIKE 'Bench order %')",
    "DELETE FROM order_event WHERE order_id IN "
    "(SELECT id FROM \"order\" WHERE title LIKE 'Bench order %')",
    "DELETE FROM \"order\" WHERE title LIKE 'Bench order %'",
)


async def forget_created_orders(conn: Any) -> None:
    async with conn.transaction():
        for sql in FORGET_SQL:
            await conn.execute(sql)
