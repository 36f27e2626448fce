"""Every filter and sort of `orders` and `tasks` is served by an index, and
so are the dashboard's figures (it reads open orders and today's, not every order).

On PostgreSQL, with 60,000 orders over 20 companies (one built through the API, 19 by SQL)
and 21,000 tasks, each list query is sent through the API as every role, the statements it
sends are captured from Tortoise's log with their parameters, and `EXPLAIN` of each must not
scan the `order` (or `task`) table sequentially, nor read and throw away more than a few of
the company's rows. Five times as many rows make no other plans and catch no more missing
indexes, at five times the cost. The rows are made by one
`INSERT … SELECT generate_series` each; they stay in the session's scratch database, in
companies of their own, with deadlines no background job looks at.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import asyncpg
import pytest
from tortoise import connections

from config.settings import Settings
from schema.compiled import run
from tests.support.api import Api, Session, invite_and_accept, register, sql_log
from tests.support.world import contact, portal_member

pytestmark = pytest.mark.asyncio

FILLERS = 19
FILLER_ORDERS = 57_000
OWN_ORDERS = 3_000
FILLER_TASKS = 20_000
OWN_TASKS = 1_000

ORDERS = """
query($f: OrderFilter, $s: OrderSort, $after: String) {
  orders(filter: $f, sort: $s, first: 20, after: $after) {
    edges { cursor node { id client { id } address { id } contractor { id } responsible { id } } }
    totalCount
  }
}"""

TASKS = """
query($f: TaskFilter) { tasks(filter: $f, first: 20) { edges { node { id } } totalCount } }
"""

# Counts only open orders and today's created / completed ones, each through an index.
DASHBOARD = "{ dashboard { openOrders overdueOrders dueToday createdToday completedToday } }"

# Columns: number, status, deadline, created, company, client, address, contractor, responsible.
INSERT_ORDERS = """
INSERT INTO "order" (number, title, description, status, deadline, source, created_at,
    updated_at, company_id, client_id, address_id, contractor_id, responsible_id)
SELECT 1000 + i, 'Job ' || i, 'Windows and floors', s.status,
    CASE WHEN s.status IN ('DONE', 'CANCELLED') THEN s.created + interval '2 days'
         ELSE now() + interval '30 days' + (i % 500) * interval '1 hour' END,
    'STAFF', s.created, s.created, ($1::int[])[k], ($2::int[])[j], ($3::int[])[j],
    CASE WHEN s.status <> 'NEW' THEN ($4::int[])[1 + i % array_length($4::int[], 1)] END,
    ($5::int[])[1 + i % array_length($5::int[], 1)]
FROM generate_series(1, $6) AS i,
LATERAL (SELECT 1 + i % array_length($1::int[], 1) AS k) kk,
LATERAL (SELECT CASE WHEN array_length($1::int[], 1) = 1
    THEN 1 + (i * 7) % array_length($2::int[], 1) ELSE kk.k END AS j) jj,
LATERAL (SELECT now() - (i % 700) * interval '1 day' AS created,
    (ARRAY['NEW', 'IN_PROGRESS', 'CANCELLED', 'DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'DONE',
           'DONE'])[1 + i % 10] AS status) s
"""

INSERT_TASKS = """
INSERT INTO task (title, description, status, deadline, requires_acknowledgement, created_at,
    company_id, assignee_id, creator_id)
SELECT 'Task ' || i, '', CASE WHEN i % 5 = 0 THEN 'OPEN' ELSE 'DONE' END,
    now() + interval '30 days', false, now(), ($1::int[])[1 + i % array_length($1::int[], 1)],
    ($2::int[])[1 + i % array_length($2::int[], 1)],
    ($2::int[])[1 + (i / 3) % array_length($2::int[], 1)]
FROM generate_series(1, $3) AS i
"""


# A sort, a role or an id filter is served by an index that finds its rows, not by one that
# reads the company's orders and throws most away. Text search, statuses, `overdue` and
# deadline ranges may: the planner walks (company, deadline) expecting open orders early,
# while they sit at the end; they are still narrowed by the company, never scanned in full.
# Served by the right index, a query throws away at most 20 rows here (89 at five times the
# rows); an index missing makes it throw away 600 to 3,000 of the company's.
MAX_DISCARDED = 200


def loose(variables: dict[str, Any]) -> bool:
    criteria = variables.get("f") or {}
    return bool({"search", "status", "overdue", "deadlineFrom"} & set(criteria))


def pk(global_id: str) -> int:
    raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
    return int(raw.partition(":")[2])


class Capture(logging.Handler):
    """The statements Tortoise sends, with their parameters (it logs `query: values`)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, list[Any]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "%s: %s" and isinstance(record.args, tuple) and len(record.args) == 2:
            query, values = record.args
            if str(query).lstrip().upper().startswith(("SELECT", "WITH")):
                assert isinstance(values, list | tuple | None), values
                self.statements.append((str(query), list(values or [])))


def captured() -> AbstractContextManager[Capture]:
    return sql_log(Capture())


def scans(plan: Any, tables: set[str]) -> list[tuple[str, str, int]]:
    """(table, node type, rows the node read and threw away) of each scan of `tables`."""
    found: list[tuple[str, str, int]] = []
    if isinstance(plan, dict):
        if plan.get("Relation Name") in tables:
            removed = int(plan.get("Rows Removed by Filter", 0)) * int(plan.get("Actual Loops", 1))
            found.append((str(plan["Relation Name"]), str(plan["Node Type"]), removed))
        for value in plan.values():
            found += scans(value, tables)
    elif isinstance(plan, list):
        for value in plan:
            found += scans(value, tables)
    return found


async def fill(conn: Any, owner: Session, members: list[int], own: dict[str, list[int]]) -> None:
    tag = secrets.token_hex(4)
    fillers = await conn.fetchval(
        "WITH c AS (INSERT INTO company (name, timezone, created_at) SELECT 'Filler ' || g, "
        "'UTC', now() FROM generate_series(1, $1) g RETURNING id) "
        "SELECT array_agg(id ORDER BY id) FROM c",
        FILLERS,
    )
    await conn.execute(
        "INSERT INTO user_login (email, password_hash, created_at) SELECT 'filler-' || c || "
        "'-' || $2 || '@example.test', 'x', now() FROM unnest($1::int[]) c",
        fillers,
        tag,
    )
    await conn.execute(
        "INSERT INTO membership (role, name, path, created_at, company_id, user_id) "
        "SELECT 'OWNER', 'Owner', '/', now(), c, u.id FROM unnest($1::int[]) c "
        "JOIN user_login u ON u.email = 'filler-' || c || '-' || $2 || '@example.test'",
        fillers,
        tag,
    )
    await conn.execute(
        "INSERT INTO contact (kind, legal_form, name, created_at, company_id) "
        "SELECT 'CLIENT', 'PERSON', 'Filler client', now(), c FROM unnest($1::int[]) c",
        fillers,
    )
    await conn.execute(
        "INSERT INTO address (text, created_at, company_id, contact_id) "
        "SELECT 'Somewhere', now(), company_id, id FROM contact WHERE company_id = ANY($1)",
        fillers,
    )
    rows = await conn.fetch(
        "SELECT c.company_id, c.id AS client, a.id AS address, m.id AS member "
        "FROM contact c JOIN address a ON a.contact_id = c.id "
        "JOIN membership m ON m.company_id = c.company_id "
        "WHERE c.company_id = ANY($1) ORDER BY c.company_id",
        fillers,
    )
    columns = [[r[k] for r in rows] for k in ("company_id", "client", "address", "member")]
    companies, clients, addresses, owners = columns
    await conn.execute(INSERT_ORDERS, companies, clients, addresses, clients, owners, FILLER_ORDERS)
    company = pk(owner.company_id)
    await conn.execute(
        INSERT_ORDERS,
        [company],
        own["clients"],
        own["addresses"],
        own["contractors"],
        members,
        OWN_ORDERS,
    )
    await conn.execute(INSERT_TASKS, companies, owners, FILLER_TASKS)
    await conn.execute(INSERT_TASKS, [company], members, OWN_TASKS)
    await conn.execute("ANALYZE")


@contextmanager
def compiled_reads(on: bool) -> Iterator[None]:
    was = run.SWITCH.enabled
    run.SWITCH.enabled = on
    try:
        yield
    finally:
        run.SWITCH.enabled = was


async def explain(
    api: Api,
    conn: asyncpg.Connection,
    queries: list[tuple[Session, str, dict[str, Any]]],
    failures: list[str],
) -> int:
    """Send each query; EXPLAIN each statement it sent that reads orders or tasks, adding what
    scans them sequentially or reads many rows in vain to `failures`; how many were explained."""
    explained = 0
    for who, query, variables in queries:
        with captured() as capture:
            await api.ok(query, variables, who.access)
        for sql, values in capture.statements:
            if '"order"' not in sql and '"task"' not in sql:
                continue
            explained += 1
            explain = f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}"
            plan = json.loads(await conn.fetchval(explain, *values))
            for table, node, removed in scans(plan, {"order", "task"}):
                if node == "Seq Scan":
                    failures.append(f"{table} scanned for {variables}: {sql[:300]}")
                elif removed > MAX_DISCARDED and not loose(variables):
                    failures.append(f"{removed} {table} rows read in vain for {variables}")
    return explained


async def test_no_list_query_scans_orders_or_tasks_sequentially(
    api: Api, backend: str, settings: Settings
) -> None:
    if backend != "postgres":
        pytest.skip("query plans are PostgreSQL's")
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    staff = await invite_and_accept(api, head, "Staff")
    client = await contact(api, owner, "CLIENT", "Plan Client")
    contractor = await contact(api, owner, "CONTRACTOR", "Plan Contractor")
    client_member = await portal_member(api, owner, client, "Plan Client Member")
    contractor_member = await portal_member(api, owner, contractor, "Plan Contractor Member")
    members = [pk(s.member_id) for s in (owner, head, staff)]
    conn = await asyncpg.connect(settings.database_url.replace("postgres://", "postgresql://"))
    try:
        company = pk(owner.company_id)
        more = await conn.fetch(
            "WITH c AS (INSERT INTO contact (kind, legal_form, name, created_at, company_id) "
            "SELECT k, 'PERSON', k || ' ' || g, now(), $1 FROM generate_series(1, 300) g, "
            "LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 'CONTRACTOR' ELSE 'CLIENT' END AS k) kk "
            "RETURNING id, kind) SELECT id, kind FROM c ORDER BY id",
            company,
        )
        clients = [pk(client.id)] + [r["id"] for r in more if r["kind"] == "CLIENT"]
        addresses = await conn.fetch(
            "WITH a AS (INSERT INTO address (text, created_at, company_id, contact_id) "
            "SELECT 'Street ' || c, now(), $1, c FROM unnest($2::int[]) c RETURNING id, "
            "contact_id) SELECT id, contact_id FROM a",
            company,
            clients[1:],
        )
        by_client = {r["contact_id"]: r["id"] for r in addresses} | {
            clients[0]: pk(client.address_ids[0])
        }
        own = {
            "clients": clients,
            "addresses": [by_client[c] for c in clients],
            "contractors": [pk(contractor.id)]
            + [r["id"] for r in more if r["kind"] == "CONTRACTOR"],
        }
        await fill(conn, owner, members, own)

        first = await api.ok(ORDERS, {}, owner.access)
        after = first["orders"]["edges"][-1]["cursor"]
        order_variables: list[dict[str, Any]] = [
            {},
            {"after": after},
            *({"s": s} for s in ("DEADLINE_DESC", "CREATED_DESC", "NUMBER_DESC")),
            {"f": {"status": ["NEW", "IN_PROGRESS"]}},
            {"f": {"overdue": True}},
            {"f": {"overdue": False}},
            {"f": {"clientId": client.id}},
            {"f": {"contractorId": contractor.id}},
            {"f": {"responsibleId": staff.member_id}},
            {"f": {"deadlineFrom": "2026-01-01T00:00:00Z", "deadlineTo": "2026-02-01T00:00:00Z"}},
            {"f": {"search": "Job 1234"}},
            {"f": {"search": "#1042"}},
        ]
        queries = [
            (who, ORDERS, v)
            for who in (owner, head, client_member, contractor_member)
            for v in order_variables
        ]
        queries += [
            (who, TASKS, {"f": f})
            for who in (owner, head)
            for f in (
                {},
                {"scope": "MINE"},
                {"scope": "TEAM"},
                {"scope": "CREATED"},
                {"status": ["OPEN"]},
                {"overdue": True},
            )
        ]
        queries += [(who, DASHBOARD, {}) for who in (owner, head)]
        failures: list[str] = []
        # The executor's path: each page and its totalCount; a dashboard's orders and tasks.
        with compiled_reads(False):
            explained = await explain(api, conn, queries, failures)
        assert explained >= 2 * len(queries), explained
        # The compiled path (schema/compiled/): one statement a page of orders, count included;
        # a search, and tasks and the dashboard, stay on the executor's.
        orders = [q for q in queries if q[1] == ORDERS and "search" not in q[2].get("f", {})]
        with compiled_reads(True):
            explained = await explain(api, conn, orders, failures)
        assert explained == len(orders), explained
        assert not failures, "\n".join(failures)
    finally:
        await conn.close()


async def test_the_apps_sessions_run_without_jit(api: Api, backend: str) -> None:
    """PostgreSQL's default JIT compiled a generic plan for 1.3 s to run it for 27 ms
    (servicedesk/db.py): the app's own pool has it off."""
    if backend != "postgres":
        pytest.skip("JIT is PostgreSQL's")
    await register(api)  # a request through the app: the pool it used answers
    found = await connections.get("default").execute_query_dict("SHOW jit")
    assert found == [{"jit": "off"}]
