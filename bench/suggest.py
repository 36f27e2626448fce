"""The `suggest-contractors` scenario's data: what datagen's contractors lack for a ranking.

Datagen's 700 contractors of a company have no address, skill or visit. For the read
scenarios' company only (the statement reads one company's rows), and only once (each step
skips rows that have what it adds): an address with coordinates per contractor, spread over
about 40 km of Moscow; skills ("windows" for every third, "floors" for every other);
coordinates on the clients' addresses; working hours for the company; and a two-hour visit on
every open order, so that the busy check has visits to find. The orders asked about are the
staff login's NEW orders, which now have visits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

SKILLS = ("windows",)  # asked for on every request

QUERY = """
query Suggest($orderId: ID!, $skills: [String!]) {
  suggestContractors(orderId: $orderId, skills: $skills, first: 5) {
    contractor { id name } score free skilled distanceKm openOrders averageRating
  }
}"""

STEPS = (
    # One address with coordinates per contractor.
    """INSERT INTO address (label, text, created_at, company_id, contact_id, latitude, longitude)
    SELECT 'Base', 'Moscow, base of ' || c.id, now(), c.company_id, c.id,
        55.55 + (c.id % 97) * 0.004, 37.35 + (c.id % 89) * 0.006
    FROM contact c WHERE c.company_id = $1 AND c.kind = 'CONTRACTOR'
        AND NOT EXISTS (SELECT 1 FROM address a WHERE a.contact_id = c.id)""",
    """INSERT INTO contact_skill (company_id, contact_id, skill)
    SELECT c.company_id, c.id, s.skill FROM contact c,
        (VALUES ('windows', 3), ('floors', 2)) AS s(skill, every)
    WHERE c.company_id = $1 AND c.kind = 'CONTRACTOR' AND c.id % s.every = 0
    ON CONFLICT DO NOTHING""",
    """UPDATE address SET latitude = 55.55 + (id % 97) * 0.004,
        longitude = 37.35 + (id % 89) * 0.006
    WHERE company_id = $1 AND latitude IS NULL""",
    """UPDATE company SET working_hours = (SELECT jsonb_agg(jsonb_build_object(
        'weekday', d, 'start', '08:00:00', 'end', '20:00:00')) FROM generate_series(1, 7) d)
    WHERE id = $1 AND working_hours::text = '[]'""",
    """UPDATE "order" SET visit_start = date_trunc('hour', deadline) - interval '3 hours',
        visit_end = date_trunc('hour', deadline) - interval '1 hour'
    WHERE company_id = $1 AND status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS')
        AND visit_start IS NULL""",
)


async def prepare(
    conn: Any, company_id: int, staff_path: str
) -> list[tuple[int, datetime, datetime]]:
    """Add what the ranking needs (once), then the NEW orders with visits the staff login
    sees, to ask about in turn, with their visits (the peer's twin sends the window)."""
    async with conn.transaction():
        for sql in STEPS:
            await conn.execute(sql, company_id)
    # Its updates leave dead rows; VACUUM skips the pages still all-visible (datagen.build).
    await conn.execute('VACUUM ANALYZE address, contact_skill, company, "order"')
    rows = await conn.fetch(
        'SELECT o.id, o.visit_start, o.visit_end FROM "order" o '
        "JOIN membership m ON m.id = o.responsible_id "
        "WHERE o.company_id = $1 AND m.path LIKE $2 || '%' AND o.status = 'NEW' "
        "AND o.visit_start IS NOT NULL ORDER BY o.id LIMIT 50",
        company_id,
        staff_path,
    )
    return [(row["id"], row["visit_start"], row["visit_end"]) for row in rows]


def body(orders: Sequence[tuple[int, datetime, datetime]], gid: Any) -> Any:
    """Request i asks about order i (round robin), for the skill "windows"."""

    def make(_: int, i: int) -> dict[str, Any]:
        order = gid("Order", orders[i % len(orders)][0])
        return {"query": QUERY, "variables": {"orderId": order, "skills": list(SKILLS)}}

    return make
