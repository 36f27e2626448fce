"""The `series-page` scenario's data: recurring order series, which datagen makes none of.

For the read scenarios' company only, and only once (skipped when it has series): 600 series
created over the last two years, about 29 hours apart, every fourth sharing its time with the
one before (the page's order, newest first, then breaks the tie on the id). Each choice takes
its own modulus of the series' number, so that the kinds do not go together: weekly 3 in 7,
monthly and daily 2 in 7 each, one in four every second or third period, weekly ones on one or
two weekdays, monthly ones on a day 1 to 31; one in six ends on a date and one in six after a
number of visits. Each is one client's at its own address, seven in eight with a contractor,
and the responsible member goes round the staff tree seven series at a time, so that the staff
head's team holds 7 in 20 of them. Visits start between 07:00 and 17:45, one in ten at :30
seconds (the API then writes the seconds); one in five has ended (`ended_at`, `last_date`).

`made_until` is far ahead on every row: the series round (resolvers/series_round.py) picks up
the series whose `made_until` is null or behind its horizon, and would otherwise make their
orders, and write, while the bench measures. Made inside PostgreSQL in one statement.
"""

from __future__ import annotations

from datetime import date
from typing import Any

SERIES = 600
DAYS = 730
MADE_UNTIL = date(2100, 1, 1)  # past any horizon: the round never picks these series up

# src: one row per series i, with its creation time and frequency; the insert reads from it.
SERIES_SQL = """
WITH staff AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM membership
    WHERE company_id = $1 AND role IN ('OWNER', 'STAFF')
), clients AS (
    SELECT array_agg(c.id ORDER BY c.id) AS ids, array_agg(a.id ORDER BY c.id) AS addresses
    FROM contact c
    CROSS JOIN LATERAL (SELECT min(id) AS id FROM address
                        WHERE contact_id = c.id AND NOT archived) a
    WHERE c.company_id = $1 AND c.kind = 'CLIENT' AND NOT c.archived AND a.id IS NOT NULL
), contractors AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM contact
    WHERE company_id = $1 AND kind = 'CONTRACTOR' AND NOT archived
), src AS (
    SELECT i, s.ids[1 + (i / 7) % cardinality(s.ids)] AS responsible,
        c.ids[1 + (i * 11) % cardinality(c.ids)] AS client,
        c.addresses[1 + (i * 11) % cardinality(c.ids)] AS address,
        CASE WHEN i % 8 <> 7 THEN k.ids[1 + (i * 17) % cardinality(k.ids)] END AS contractor,
        (ARRAY['WEEKLY', 'MONTHLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'WEEKLY', 'DAILY'])[1 + i % 7]
            AS frequency,
        now() - $3 * interval '1 day'
            + ((i - CASE WHEN i % 4 = 1 THEN 1 ELSE 0 END) * $3 * interval '1 day') / $2
            AS created,
        CASE WHEN i % 9 <> 4 THEN 1500 + (i * 37) % 40 * 250 + (i % 4) * 0.25 END AS price
    FROM generate_series(0, $2 - 1) AS i
    CROSS JOIN staff s CROSS JOIN clients c CROSS JOIN contractors k
), dated AS (
    SELECT src.*, created::date + i % 15 AS start_date,
        CASE WHEN i % 5 = 2 THEN least(now(), created + (30 + i % 200) * interval '1 day') END
            AS ended
    FROM src
)
INSERT INTO order_series (company_id, client_id, address_id, contractor_id, responsible_id,
    created_by_id, title, description, price, contractor_fee, internal_note, frequency,
    "interval", weekdays, month_day, "until", "count", start_date, visit_time,
    duration_minutes, active, ended_at, last_date, made_until, created_at, updated_at)
SELECT $1, client, address, contractor, responsible, responsible,
    initcap(lower(frequency)) || ' cleaning, site ' || i,
    'Regular cleaning at the client''s address (series ' || i || ')',
    price, CASE WHEN contractor IS NOT NULL THEN round(price * 0.6, 2) END,
    CASE WHEN i % 3 = 0 THEN 'Keys at the reception, code ' || (1000 + i) END,
    frequency, 1 + ((i / 7) % 4 = 3)::int + ((i / 7) % 8 = 7)::int,
    CASE WHEN frequency <> 'WEEKLY' THEN '[]'::jsonb
        WHEN (i / 7) % 3 = 0 THEN jsonb_build_array(1 + (i / 7) % 5, 3 + (i / 7) % 5)
        ELSE jsonb_build_array(1 + (i / 7) % 5) END,
    CASE WHEN frequency = 'MONTHLY' THEN 1 + (i * 13) % 31 END,
    CASE WHEN i % 6 = 1 THEN start_date + 365 END,
    CASE WHEN i % 6 = 4 THEN 10 + i % 40 END,
    start_date,
    to_char(time '07:00' + (i * 37) % 44 * interval '15 minutes'
        + CASE WHEN i % 10 = 9 THEN interval '30 seconds' ELSE interval '0' END, 'HH24:MI:SS'),
    30 * (1 + i % 8), ended IS NULL, ended, ended::date, $4, created,
    COALESCE(ended, created)
FROM dated
"""


async def prepare(conn: Any, company_id: int, series: int = SERIES) -> None:
    """Give the company its series, once (nothing when it has series already)."""
    if await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM order_series WHERE company_id = $1)", company_id
    ):
        return
    async with conn.transaction():
        await conn.execute(SERIES_SQL, company_id, series, DAYS, MADE_UNTIL)
    await conn.execute("VACUUM ANALYZE order_series")
