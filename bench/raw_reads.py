"""The raw baseline's twins of the read scenarios other than the orders pages (bench/raw.py
serves them): each one hand-written statement, the answer's JSON built by PostgreSQL, over
the same rows the API's scenario reads for a staff head (its team: the responsible member's
path under the head's). No token, no field rules: the ceiling, not a rival. `/suggest`, the
ranking, is bench/raw_suggest.py's.

Each route takes a POST of JSON (`company`, `path` and the scenario's variables) and answers
`{"data": {...}}` with plain ids, which bench/twins.py compares with the API's answer.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from bench import raw_suggest

# The team: as the API asks it (permissions/orders.py), `+ 0` keeping the planner on the
# order's own index.
TEAM = (
    "o.responsible_id + 0 IN "
    "(SELECT t.id FROM membership t WHERE t.company_id = $1 AND t.path LIKE $2 || '%')"
)

DETAIL = f"""
SELECT json_build_object(
  'id', o.id, 'number', o.number, 'title', o.title, 'description', o.description,
  'status', o.status, 'deadline', o.deadline, 'price', o.price,
  'contractorFee', o.contractor_fee, 'internalNote', o.internal_note,
  'client', json_build_object('id', c.id, 'name', c.name, 'phone', c.phone),
  'address', json_build_object('id', a.id, 'text', a.text, 'details', a.details),
  'contractor', CASE WHEN k.id IS NOT NULL THEN json_build_object('id', k.id, 'name', k.name) END,
  'responsible', json_build_object('id', m.id, 'name', m.name),
  'comments', COALESCE((
    SELECT json_agg(json_build_object('id', x.id, 'body', x.body, 'visibility', x.visibility,
      'createdAt', x.created_at, 'author', json_build_object('id', u.id, 'name', u.name))
      ORDER BY x.id)
    FROM (SELECT * FROM comment WHERE order_id = o.id ORDER BY id LIMIT 20) x
    JOIN membership u ON u.id = x.author_id), '[]'),
  'photos', COALESCE((
    SELECT json_agg(json_build_object('id', p.id, 'kind', p.kind, 'caption', p.caption,
      'width', p.width, 'height', p.height, 'createdAt', p.created_at)
      ORDER BY p.created_at, p.id)
    FROM photo p WHERE p.order_id = o.id), '[]'),
  'history', COALESCE((
    SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status, 'at', h.at,
      'comment', h.comment, 'by', CASE WHEN b.id IS NOT NULL
        THEN json_build_object('id', b.id, 'name', b.name) END) ORDER BY h.id)
    FROM order_status_change h LEFT JOIN membership b ON b.id = h.by_id
    WHERE h.order_id = o.id), '[]'))::text
FROM "order" o
JOIN contact c ON c.id = o.client_id
JOIN address a ON a.id = o.address_id
JOIN membership m ON m.id = o.responsible_id
LEFT JOIN contact k ON k.id = o.contractor_id
WHERE o.id = $3 AND o.company_id = $1 AND {TEAM}
"""

# Staff see the company's whole book; the search as the API's (resolvers/contacts.py): in
# the name, e-mail or phone, or the text of one of its active addresses, each a SELECT of
# its own so that PostgreSQL answers it from the trigram indexes (models/search_indexes.py).
CONTACTS = """
SELECT COALESCE(json_agg(json_build_object('id', c.id, 'kind', c.kind, 'name', c.name,
  'email', c.email, 'phone', c.phone, 'addresses', COALESCE((
    SELECT json_agg(json_build_object('id', a.id, 'text', a.text) ORDER BY a.id)
    FROM address a WHERE a.contact_id = c.id AND NOT a.archived), '[]'))
  ORDER BY c.name, c.id), '[]')::text
FROM (
  SELECT * FROM contact c
  WHERE c.company_id = $1 AND NOT c.archived AND c.id IN (
    SELECT n.id FROM contact n WHERE n.company_id = $1 AND (
      upper(n.name::varchar) LIKE '%' || upper($2) || '%'
      OR upper(n.email::varchar) LIKE '%' || upper($2) || '%'
      OR upper(n.phone::varchar) LIKE '%' || upper($2) || '%')
    UNION ALL
    SELECT a.contact_id FROM address a WHERE a.company_id = $1 AND NOT a.archived
      AND upper(a.text::varchar) LIKE '%' || upper($2) || '%')
  ORDER BY c.name, c.id LIMIT 20
) c
"""

OPEN = "o.status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS')"
# The company's day holding now(), in its time zone.
DAY = "(SELECT date_trunc('day', now() AT TIME ZONE z.timezone) AT TIME ZONE z.timezone AS s, (date_trunc('day', now() AT TIME ZONE z.timezone) + interval '1 day') AT TIME ZONE z.timezone AS e FROM company z WHERE z.id = $1) d"

DASHBOARD = f"""
SELECT json_build_object(
  'openOrders', count(*) FILTER (WHERE {OPEN}),
  'overdueOrders', count(*) FILTER (WHERE {OPEN} AND o.deadline < now()),
  'dueToday', count(*) FILTER (WHERE {OPEN} AND o.deadline >= d.s AND o.deadline < d.e),
  'createdToday', count(*) FILTER (WHERE o.created_at >= d.s AND o.created_at < d.e),
  'completedToday', count(*) FILTER (WHERE o.completed_at >= d.s AND o.completed_at < d.e),
  'openTasks', (SELECT count(*) FROM task t JOIN membership g ON g.id = t.assignee_id
                WHERE t.company_id = $1 AND t.status = 'OPEN' AND g.path LIKE $2 || '%'),
  'overdueTasks', (SELECT count(*) FROM task t JOIN membership g ON g.id = t.assignee_id
                   WHERE t.company_id = $1 AND t.status = 'OPEN' AND t.deadline < now()
                   AND g.path LIKE $2 || '%'))::text
FROM {DAY}
LEFT JOIN "order" o ON o.company_id = $1 AND {TEAM} AND ({OPEN}
  OR (o.created_at >= d.s AND o.created_at < d.e)
  OR (o.completed_at >= d.s AND o.completed_at < d.e))
GROUP BY d.s, d.e
"""

# By contractor over [$3, $4), open work judged at min($4, now()): resolvers/reports.py's
# figures, written once for this one grouping. The team as an array of its members' ids: with
# TEAM's subquery the planner ran the orders' index scans once per member (27.5 ms at 100
# companies; 6.5 ms this way, 3.1 ms at 2 companies).
TEAM_IDS = (
    "o.responsible_id = ANY(ARRAY("
    "SELECT t.id FROM membership t WHERE t.company_id = $1 AND t.path LIKE $2 || '%'))"
)
DONE_IN = "o.completed_at >= $3 AND o.completed_at < $4"
REPORT = f"""
SELECT COALESCE(json_agg(json_build_object('key', r.key, 'label', COALESCE(k.name, 'No contractor'),
  'created', r.created, 'completed', r.completed, 'completedOnTime', r.on_time,
  'overdue', r.overdue, 'cancelled', r.cancelled, 'averageCompletionHours', r.hours)
  ORDER BY r.key IS NULL, lower(k.name), r.key), '[]')::text
FROM (
  SELECT o.contractor_id AS key,
    count(*) FILTER (WHERE o.created_at >= $3 AND o.created_at < $4) AS created,
    count(*) FILTER (WHERE {DONE_IN}) AS completed,
    count(*) FILTER (WHERE {DONE_IN} AND o.completed_at <= o.deadline) AS on_time,
    count(*) FILTER (WHERE ({DONE_IN} AND o.completed_at > o.deadline) OR (
      o.deadline < least($4, now()) AND o.created_at < least($4, now())
      AND (o.completed_at IS NULL OR o.completed_at >= least($4, now()))
      AND (o.cancelled_at IS NULL OR o.cancelled_at >= least($4, now())))) AS overdue,
    count(*) FILTER (WHERE o.cancelled_at >= $3 AND o.cancelled_at < $4) AS cancelled,
    round((avg(EXTRACT(EPOCH FROM (o.completed_at - o.created_at)) / 3600.0)
      FILTER (WHERE {DONE_IN}))::numeric, 2) AS hours
  FROM "order" o
  WHERE o.company_id = $1 AND {TEAM_IDS} AND (
    (o.created_at >= $3 AND o.created_at < $4) OR ({DONE_IN})
    OR (o.cancelled_at >= $3 AND o.cancelled_at < $4)
    OR (o.created_at < least($4, now()) AND (o.completed_at IS NULL
        OR o.completed_at >= least($4, now()))
        AND (o.cancelled_at IS NULL OR o.cancelled_at >= least($4, now()))
        AND o.deadline < least($4, now())))
  GROUP BY o.contractor_id
) r LEFT JOIN contact k ON k.id = r.key
"""


# The schedule: the team's booked visits overlapping [$3, $4), soonest first, 50 of them.
SCHEDULE = """
SELECT COALESCE(json_agg(json_build_object('id', o.id, 'number', o.number, 'title', o.title,
  'status', o.status, 'visitStart', o.visit_start, 'visitEnd', o.visit_end,
  'client', json_build_object('id', c.id, 'name', c.name),
  'address', json_build_object('id', a.id, 'text', a.text),
  'contractor', CASE WHEN k.id IS NOT NULL THEN json_build_object('id', k.id, 'name', k.name) END,
  'responsible', json_build_object('id', m.id, 'name', m.name))
  ORDER BY o.visit_start, o.id), '[]')::text
FROM (
  SELECT * FROM "order" o
  WHERE o.company_id = $1 AND {TEAM} AND o.visit_end > $3 AND o.visit_start < $4
  ORDER BY o.visit_start, o.id LIMIT 50
) o
JOIN contact c ON c.id = o.client_id
JOIN address a ON a.id = o.address_id
JOIN membership m ON m.id = o.responsible_id
LEFT JOIN contact k ON k.id = o.contractor_id
""".replace("{TEAM}", TEAM)


# The head's team's tasks (the assignee's path under the head's), by deadline: a page of 50;
# `+ 0` as the API writes it (permissions/tasks.py's listed_tasks).
TASKS = """
SELECT COALESCE(json_agg(json_build_object('id', t.id, 'title', t.title, 'status', t.status,
  'deadline', t.deadline, 'overdue', t.status = 'OPEN' AND t.deadline < now(),
  'assignee', json_build_object('id', a.id, 'name', a.name),
  'creator', json_build_object('id', c.id, 'name', c.name))
  ORDER BY t.deadline, t.id), '[]')::text
FROM (
  SELECT * FROM task t
  WHERE t.company_id = $1 AND t.assignee_id + 0 IN
    (SELECT m.id FROM membership m WHERE m.company_id = $1 AND m.path LIKE $2 || '%')
  ORDER BY t.deadline, t.id LIMIT 50
) t
JOIN membership a ON a.id = t.assignee_id
JOIN membership c ON c.id = t.creator_id
"""


# The head's inbox (permissions/conversations.py): the company's OPEN conversations that are
# unassigned or assigned to its team, as the API asks it (the assignee joined, its path under
# the head's), newest first; 51 read, so that `hasNextPage` is known, 50 answered.
INBOX = """
SELECT json_build_object('hasNextPage', count(*) > 50, 'nodes', COALESCE(json_agg(
  json_build_object('id', n.id, 'channel', n.channel, 'status', n.status,
    'externalName', COALESCE(NULLIF(n.external_name, ''), n.external_key),
    'subject', n.subject, 'lastMessageAt', n.last_message_at,
    'firstResponseSeconds', CASE WHEN n.first_response_at IS NULL OR n.first_inbound_at IS NULL
      THEN NULL ELSE GREATEST(0, trunc(EXTRACT(EPOCH FROM
        n.first_response_at - n.first_inbound_at)))::bigint END,
    'contact', CASE WHEN c.id IS NOT NULL THEN json_build_object('id', c.id, 'name', c.name) END,
    'assignee', CASE WHEN m.id IS NOT NULL THEN json_build_object('id', m.id, 'name', m.name) END)
  ORDER BY n.last_message_at DESC, n.id DESC) FILTER (WHERE n.rank <= 50), '[]'))::text
FROM (
  SELECT n.*, row_number() OVER (ORDER BY n.last_message_at DESC, n.id DESC) AS rank
  FROM (
    SELECT n.* FROM conversation n LEFT JOIN membership t ON t.id = n.assignee_id
    WHERE n.company_id = $1 AND (n.assignee_id IS NULL OR t.path LIKE $2 || '%')
      AND n.status = 'OPEN'
    ORDER BY n.last_message_at DESC, n.id DESC LIMIT 51
  ) n
) n
LEFT JOIN contact c ON c.id = n.contact_id
LEFT JOIN membership m ON m.id = n.assignee_id
"""


# The head's active series (permissions/series.py: the orders' rule, as the API asks it: the
# responsible member joined, its path under the head's), newest first; 51 read, so that
# `hasNextPage` is known, 50 answered. The visit time as stored ("HH:MM:SS").
SERIES = """
SELECT json_build_object('hasNextPage', count(*) > 50, 'nodes', COALESCE(json_agg(
  json_build_object('id', s.id, 'title', s.title, 'startDate', s.start_date,
    'visitTime', s.visit_time, 'durationMinutes', s.duration_minutes, 'active', s.active,
    'price', s.price,
    'recurrence', json_build_object('frequency', s.frequency, 'interval', s.interval,
      'weekdays', s.weekdays, 'monthDay', s.month_day),
    'client', json_build_object('id', c.id, 'name', c.name),
    'address', json_build_object('id', a.id, 'text', a.text),
    'contractor', CASE WHEN k.id IS NOT NULL THEN json_build_object('id', k.id, 'name', k.name) END,
    'responsible', json_build_object('id', m.id, 'name', m.name))
  ORDER BY s.created_at DESC, s.id DESC) FILTER (WHERE s.rank <= 50), '[]'))::text
FROM (
  SELECT s.*, row_number() OVER (ORDER BY s.created_at DESC, s.id DESC) AS rank
  FROM (
    SELECT s.* FROM order_series s JOIN membership t ON t.id = s.responsible_id
    WHERE s.company_id = $1 AND t.path LIKE $2 || '%' AND s.active
    ORDER BY s.created_at DESC, s.id DESC LIMIT 51
  ) s
) s
JOIN contact c ON c.id = s.client_id
JOIN address a ON a.id = s.address_id
JOIN membership m ON m.id = s.responsible_id
LEFT JOIN contact k ON k.id = s.contractor_id
"""


def _answer(key: str, text: str | None) -> Response:
    body = '{"data": {"%s": %s}}' % (key, text or "null")  # noqa: UP031 (JSON braces)
    return Response(body, media_type="application/json")


def routes(pool: dict[str, Any]) -> dict[str, Any]:
    """The POST handlers by path, reading the app's asyncpg pool from `pool["pool"]`."""

    async def fetch(statement: str, *values: Any) -> str | None:
        text: str | None = await pool["pool"].fetchval(statement, *values)
        return text

    async def detail(request: Request) -> Response:
        body = json.loads(await request.body())
        found = await fetch(DETAIL, body["company"], body["path"], body["id"])
        return _answer("order", found)

    async def contacts(request: Request) -> Response:
        body = json.loads(await request.body())
        return _answer("contacts", await fetch(CONTACTS, body["company"], body["search"]))

    async def dashboard(request: Request) -> Response:
        body = json.loads(await request.body())
        return _answer("dashboard", await fetch(DASHBOARD, body["company"], body["path"]))

    async def report(request: Request) -> Response:
        body = json.loads(await request.body())
        period = [datetime.fromisoformat(body[k]) for k in ("from", "to")]
        found = await fetch(REPORT, body["company"], body["path"], *period)
        return _answer("orderReport", found)

    async def schedule(request: Request) -> Response:
        body = json.loads(await request.body())
        window = [datetime.fromisoformat(body[k]) for k in ("from", "to")]
        found = await fetch(SCHEDULE, body["company"], body["path"], *window)
        return _answer("orders", found)

    async def tasks(request: Request) -> Response:
        body = json.loads(await request.body())
        return _answer("tasks", await fetch(TASKS, body["company"], body["path"]))

    async def inbox(request: Request) -> Response:
        body = json.loads(await request.body())
        return _answer("conversations", await fetch(INBOX, body["company"], body["path"]))

    async def series(request: Request) -> Response:
        body = json.loads(await request.body())
        return _answer("orderSeries", await fetch(SERIES, body["company"], body["path"]))

    return {
        "/tasks": tasks,
        "/inbox": inbox,
        "/series": series,
        "/suggest": raw_suggest.route(fetch, _answer),
        "/detail": detail,
        "/contacts": contacts,
        "/dashboard": dashboard,
        "/report": report,
        "/schedule": schedule,
    }
