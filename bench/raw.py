"""The raw baseline: the orders page as plain Starlette + asyncpg + JSON, no GraphQL, no ORM.

`GET /orders?company=1&path=/1/7/` (or `client=ID`, `contractor=ID`) returns the first 50
visible orders by deadline with their client, address and contractor, the same rows the
GraphQL `orders-page` scenarios read. It checks no token: it is the ceiling, not a rival.
The other read scenarios' twins are bench/raw_reads.py's (POST /detail, /contacts, /dashboard,
/report, /schedule, /tasks, /inbox, /series, and bench/raw_suggest.py's /suggest). Run as
`uvicorn bench.raw:create_app --factory` with `DATABASE_URL` set.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import raw_reads

PAGE = """
SELECT o.id, o.number, o.title, o.status, o.deadline, o.price,
       c.id AS client_id, c.name AS client_name, a.id AS address_id, a.text AS address_text,
       k.id AS contractor_id, k.name AS contractor_name, m.id AS responsible_id,
       m.name AS responsible_name
FROM "order" o
JOIN contact c ON c.id = o.client_id
JOIN address a ON a.id = o.address_id
JOIN membership m ON m.id = o.responsible_id
LEFT JOIN contact k ON k.id = o.contractor_id
WHERE o.company_id = $1 AND {where}
ORDER BY o.deadline, o.id
LIMIT 50
"""

WHERE = {
    # As the API asks it (permissions/orders.py): `+ 0` keeps the planner on the company's
    # (deadline, id) index instead of sorting every order of the team.
    "path": "o.responsible_id + 0 IN "
    "(SELECT t.id FROM membership t WHERE t.company_id = $1 AND t.path LIKE $2 || '%')",
    "client": "o.client_id = $2",
    "contractor": "o.contractor_id = $2",
}


def _order(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "number": row["number"],
        "title": row["title"],
        "status": row["status"],
        "deadline": row["deadline"].isoformat(),
        "price": None if row["price"] is None else str(row["price"]),
        "client": {"id": row["client_id"], "name": row["client_name"]},
        "address": {"id": row["address_id"], "text": row["address_text"]},
        "contractor": None
        if row["contractor_id"] is None
        else {"id": row["contractor_id"], "name": row["contractor_name"]},
        "responsible": {"id": row["responsible_id"], "name": row["responsible_name"]},
    }


def create_app() -> Starlette:
    pool: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        url = os.environ["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
        # JIT off, as the API's sessions have it (servicedesk/db.py).
        pool["pool"] = await asyncpg.create_pool(
            url, min_size=2, max_size=10, server_settings={"jit": "off"}
        )
        try:
            yield
        finally:
            await pool["pool"].close()

    async def orders(request: Request) -> Response:
        company = int(request.query_params["company"])
        key = next(k for k in WHERE if k in request.query_params)
        text = request.query_params[key]
        value: Any = text if key == "path" else int(text)
        rows = await pool["pool"].fetch(PAGE.format(where=WHERE[key]), company, value)
        body = json.dumps({"data": {"orders": [_order(r) for r in rows]}})
        return Response(body, media_type="application/json")

    twins = [
        Route(path, handler, methods=["POST"]) for path, handler in raw_reads.routes(pool).items()
    ]
    return Starlette(routes=[Route("/orders", orders), *twins], lifespan=lifespan)
