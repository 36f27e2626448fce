"""The raw baseline's twin of `suggest-contractors`: resolvers/suggestions.py's ranking in one
statement, its JSON built by PostgreSQL (POST `/suggest`, served by bench/raw.py).

The product reads the figures of every contractor in one statement (resolvers/suggestion_sql.py)
and ranks them in Python: free, skilled, distance, rating and load scored by its formula, ties
to the lower id. Here the same figures are read the same way (each grouping MATERIALIZED, for
the reason that module gives) and ranked in SQL, down to the five asked for:

- free: no other non-cancelled visit of the contractor overlaps the order's, and the visit lies
  in its working hours (its own, else the company's, in the company's zone). "Lies in" is
  checked per distinct hours as covered time: the pieces of the local days the visit touches
  are summed where they overlap it and must add up to its length. A weekday's intervals never
  overlap (domain/working_hours.py checks them), so this is domain.free_slots.is_free's
  "the merged working time within the visit is the visit" without the merge.
- distance: the haversine of domain/distance.py, with its radius, term for term.
- rating: the mean rounded to 2 places before it is scored, as the product does.

What cannot agree to the last digit: PostgreSQL rounds a mean that ends in an exact 5 at the
third place (3.125) away from zero and Python the float's binary value to even (3.12), which
moves a score by 0.0375; and both scores are rounded to 4 places from floats computed in two
runtimes. bench/twins_suggest.py therefore compares scores, distances and ratings within
rounding; the five ids and their order must be the same.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

# $1 company, $2 the head's path, $3 the order, $4 the skills asked (as stored: lower case),
# $5 how many. The order must be one the head's team is responsible for (the API's NOT_FOUND
# is an empty answer here). A visit lasts at most 24 hours (domain/visits.py's MAX_VISIT),
# which bounds the overlapping visits' index range as the product bounds it.
SUGGEST = """
WITH target AS MATERIALIZED (
  SELECT o.id, o.visit_start AS vs, o.visit_end AS ve, a.latitude AS lat, a.longitude AS lon,
    z.timezone, z.working_hours AS company_hours
  FROM "order" o JOIN address a ON a.id = o.address_id JOIN company z ON z.id = o.company_id
  WHERE o.id = $3 AND o.company_id = $1 AND o.responsible_id IN
    (SELECT t.id FROM membership t WHERE t.company_id = $1 AND t.path LIKE $2 || '%')
), contractors AS MATERIALIZED (
  SELECT c.id, c.name, c.working_hours FROM contact c
  WHERE c.company_id = $1 AND c.kind = 'CONTRACTOR' AND NOT c.archived
), figures AS MATERIALIZED (
  SELECT o.contractor_id AS id,
    count(*) FILTER (WHERE o.status IN ('ASSIGNED', 'IN_PROGRESS')) AS open_orders,
    avg(o.rating) FILTER (WHERE o.status = 'DONE') AS rating
  FROM "order" o
  WHERE o.company_id = $1 AND o.status IN ('ASSIGNED', 'IN_PROGRESS', 'DONE')
    AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id
), busy AS MATERIALIZED (
  SELECT o.contractor_id AS id, count(*) AS n FROM "order" o, target t
  WHERE o.company_id = $1 AND o.visit_start > t.vs - interval '24 hours'
    AND o.visit_start < t.ve AND o.visit_end > t.vs AND o.status <> 'CANCELLED'
    AND o.id <> t.id AND o.contractor_id IS NOT NULL
  GROUP BY o.contractor_id
), skilled AS MATERIALIZED (
  SELECT s.contact_id AS id, count(*) AS n FROM contact_skill s
  WHERE s.company_id = $1 AND s.skill = ANY($4::text[])
  GROUP BY s.contact_id
), near AS MATERIALIZED (
  SELECT a.contact_id AS id, min(2 * 6371.0088 * asin(least(1.0, sqrt(
    sin((radians(a.latitude) - radians(t.lat)) / 2) ^ 2
    + cos(radians(t.lat)) * cos(radians(a.latitude))
      * sin(radians(a.longitude - t.lon) / 2) ^ 2)))) AS km
  FROM address a, target t
  WHERE a.company_id = $1 AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
    AND NOT a.archived AND a.contact_id IN (SELECT id FROM contractors)
  GROUP BY a.contact_id
), hours AS MATERIALIZED (
  SELECT h.hours, t.vs IS NULL OR jsonb_array_length(e.hours) = 0 OR COALESCE((
    SELECT sum(EXTRACT(EPOCH FROM least(p.e, t.ve) - greatest(p.s, t.vs)))
    FROM generate_series((t.vs AT TIME ZONE t.timezone)::date,
                         (t.ve AT TIME ZONE t.timezone)::date, interval '1 day') d(day),
      jsonb_array_elements(e.hours) w,
      LATERAL (SELECT (d.day::date + (w->>'start')::time) AT TIME ZONE t.timezone AS s,
                      (d.day::date + (w->>'end')::time) AT TIME ZONE t.timezone AS e) p
    WHERE (w->>'weekday')::int = EXTRACT(ISODOW FROM d.day) AND p.s < t.ve AND p.e > t.vs
  ), 0) = EXTRACT(EPOCH FROM t.ve - t.vs) AS within
  FROM (SELECT DISTINCT working_hours AS hours FROM contractors) h CROSS JOIN target t
  CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_array_length(h.hours) > 0 THEN h.hours
                                  ELSE t.company_hours END AS hours) e
), ranked AS (
  SELECT c.id, c.name, COALESCE(b.n, 0) = 0 AND h.within AS free,
    COALESCE(s.n, 0) = cardinality($4::text[]) AS skilled, n.km,
    COALESCE(f.open_orders, 0) AS open_orders, round(f.rating, 2) AS rating
  FROM contractors c
  JOIN hours h ON h.hours = c.working_hours
  LEFT JOIN figures f ON f.id = c.id
  LEFT JOIN busy b ON b.id = c.id
  LEFT JOIN skilled s ON s.id = c.id
  LEFT JOIN near n ON n.id = c.id
), scored AS (
  SELECT r.*, round((100 * r.free::int + 50 * r.skilled::int
    + COALESCE(20 / (1 + r.km / 5), 0) + 15 * (COALESCE(r.rating, 3) - 1) / 4
    + 10.0 / (1 + r.open_orders))::numeric, 4) AS score
  FROM ranked r
  ORDER BY score DESC, r.id LIMIT $5
)
SELECT COALESCE(json_agg(json_build_object(
  'contractor', json_build_object('id', r.id, 'name', r.name), 'score', r.score,
  'free', r.free, 'skilled', r.skilled, 'distanceKm', round(r.km::numeric, 3),
  'openOrders', r.open_orders, 'averageRating', r.rating) ORDER BY r.score DESC, r.id), '[]')::text
FROM scored r
"""

Fetch = Callable[..., Awaitable[str | None]]
Handler = Callable[[Request], Awaitable[Response]]


def route(fetch: Fetch, answer: Callable[[str, str | None], Response]) -> Handler:
    """POST `/suggest` with `company`, `path`, `order`, `skills` and `first`."""

    async def suggest(request: Request) -> Response:
        body = json.loads(await request.body())
        found = await fetch(
            SUGGEST, body["company"], body["path"], body["order"], body["skills"], body["first"]
        )
        return answer("suggestContractors", found)

    return suggest
