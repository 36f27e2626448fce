"""The named scenarios: what each request sends, as whom, and the raw baseline's twin."""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from bench import datagen, inbox, series, suggest, twins, twins_inbox, twins_series, twins_suggest
from bench.datagen import Login
from bench.servers import SECRET_KEY
from bench.twins import Twin
from resolvers.dashboard import day_bounds

ORDERS_PAGE = """
query OrdersPage($first: Int) {
  orders(first: $first) {
    edges { cursor node {
      id number title status deadline overdue price
      client { id name } address { id text } contractor { id name } responsible { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

ORDER_DETAIL = """
query OrderDetail($id: ID!) {
  node(id: $id) { ... on Order {
    id number title description status deadline price contractorFee internalNote
    client { id name phone } address { id text details } contractor { id name }
    responsible { id name }
    comments(first: 20) { edges { node { id body visibility createdAt author { id name } } } }
    photos { id kind caption width height createdAt }
    history { from to at comment by { id name } }
  } }
}"""

CONTACT_SEARCH = """
query ContactSearch($search: String) {
  contacts(filter: { search: $search }, first: 20) {
    edges { node { id kind name email phone addresses { id text } } }
  }
}"""

TASKS_PAGE = """
query TeamTasks {
  tasks(filter: { scope: TEAM }, first: 50) {
    edges { cursor node {
      id title status deadline overdue assignee { id name } creator { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# The staff head's inbox, as the web app's list asks it (Conversation has no `unanswered`
# field: it is the list's filter).
INBOX = """
query Inbox {
  conversations(filter: { status: OPEN }, first: 50) {
    edges { cursor node {
      id channel status externalName subject lastMessageAt firstResponseSeconds
      contact { id name } assignee { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# The staff head's active recurring series, newest first, as the web app's list asks them.
SERIES_PAGE = """
query SeriesPage {
  orderSeries(active: true, first: 50) {
    edges { cursor node {
      id title startDate visitTime durationMinutes active price
      recurrence { frequency interval weekdays monthDay }
      client { id name } address { id text } contractor { id name } responsible { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

SCHEDULE = """
query Schedule($from: DateTime!, $to: DateTime!) {
  orders(filter: { visitFrom: $from, visitTo: $to }, sort: VISIT_ASC, first: 50) {
    edges { cursor node {
      id number title status visitStart visitEnd
      client { id name } address { id text } contractor { id name } responsible { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

DASHBOARD = """
query Dashboard { dashboard {
  openOrders overdueOrders dueToday createdToday completedToday openTasks overdueTasks
} }"""

ORDER_REPORT = """
query OrderReport($from: DateTime!, $to: DateTime!) {
  orderReport(from: $from, to: $to, groupBy: CONTRACTOR) {
    key label created completed completedOnTime overdue cancelled averageCompletionHours
  }
}"""

CREATE_ORDER = """
mutation CreateOrder($input: CreateOrderInput!) {
  createOrder(input: $input) { order { id number status } errors { code message } }
}"""

SET_STATUS = """
mutation SetStatus($id: ID!, $status: OrderStatus!) {
  setOrderStatus(id: $id, status: $status) { order { id status } errors { code message } }
}"""


def gid(type_name: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def token(login: Login) -> str:
    """An access token for the login's session, signed as the API signs them."""
    from permissions.tokens import ALGORITHM, AUDIENCE, ISSUER

    now = datetime.now(UTC)
    claims = {
        "sub": str(login.membership_id),
        "cid": login.company_id,
        "sid": login.session_id,
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + timedelta(hours=10),
    }
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


@dataclass
class Fixtures:
    """Rows the scenarios pick from, read once from the database."""

    logins: dict[str, Login]
    detail_orders: list[int]  # finished orders the staff login sees (comments, photos)
    status_orders: list[int]  # DONE orders the staff login sees, one per worker
    clients: list[tuple[int, int]]  # (client id, its address id)
    # create-order: per concurrent client, a company's head and (client, address) pairs of it
    creators: list[tuple[Login, list[tuple[int, int]]]]
    # suggest-contractors: NEW orders the staff login sees, with their visits (bench/suggest.py)
    suggest_orders: list[tuple[int, datetime, datetime]] = field(default_factory=list)
    timezone: str = "UTC"  # the staff login's company's


# A request body from (worker, iteration).
Body = Callable[[int, int], dict[str, Any]]


@dataclass
class Scenario:
    name: str
    login: str
    body: Body
    raw: dict[str, str] | None = None  # the orders pages: the raw baseline's query string
    twin: Twin | None = None  # the other reads: the raw baseline's and the peer's twins
    # Per concurrent client: who it acts as, when not all act as `login`.
    logins: list[Login] | None = None
    read: bool = True  # a read over HTTP: driven by wrk when it is installed


def search(i: int) -> str:
    """contact-search's i-th search text: three digits, in names, phones and addresses."""
    return str(100 + i % 900)


def scenarios(fx: Fixtures) -> dict[str, Scenario]:
    staff, client, contractor = fx.logins["staff"], fx.logins["client"], fx.logins["contractor"]
    company = str(staff.company_id)
    page = {"query": ORDERS_PAGE, "variables": {"first": 50}}
    month_end = datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    month_start = (month_end - timedelta(days=1)).replace(day=1)
    period = {"from": month_start.isoformat(), "to": month_end.isoformat()}
    today = day_bounds(datetime.now(UTC), fx.timezone)
    week = {"from": today[0].isoformat(), "to": (today[0] + timedelta(days=7)).isoformat()}
    statuses: dict[int, str] = {}
    numbers = itertools.count()

    def set_status(worker: int, _: int) -> dict[str, Any]:
        # Each worker owns one DONE order and reopens / finishes it in turn (staff may).
        order = fx.status_orders[worker % len(fx.status_orders)]
        target = "DONE" if statuses.get(order) == "IN_PROGRESS" else "IN_PROGRESS"
        statuses[order] = target
        return {"query": SET_STATUS, "variables": {"id": gid("Order", order), "status": target}}

    def create_order(w: int, i: int) -> dict[str, Any]:
        clients = fx.creators[w % len(fx.creators)][1]
        client_id, address_id = clients[i % len(clients)]
        deadline = (datetime.now(UTC) + timedelta(days=2)).isoformat()
        data = {
            "clientId": gid("Contact", client_id),
            "addressId": gid("Address", address_id),
            "title": f"Bench order {next(numbers)}",
            "deadline": deadline,
        }
        return {"query": CREATE_ORDER, "variables": {"input": data}}

    all_scenarios = [
        Scenario(
            "orders-page", "staff", lambda w, i: page, {"company": company, "path": staff.path}
        ),
        Scenario(
            "orders-page-client",
            "client",
            lambda w, i: page,
            {"company": company, "client": str(client.contact_id)},
        ),
        Scenario(
            "orders-page-contractor",
            "contractor",
            lambda w, i: page,
            {"company": company, "contractor": str(contractor.contact_id)},
        ),
        Scenario(
            "order-detail",
            "staff",
            lambda w, i: {
                "query": ORDER_DETAIL,
                "variables": {"id": gid("Order", fx.detail_orders[i % len(fx.detail_orders)])},
            },
            twin=twins.detail(staff.company_id, staff.path, fx.detail_orders),
        ),
        Scenario(
            "contact-search",
            "staff",
            lambda w, i: {"query": CONTACT_SEARCH, "variables": {"search": search(i)}},
            twin=twins.contacts(staff.company_id, search),
        ),
        Scenario(
            "schedule",
            "staff",
            lambda w, i: {"query": SCHEDULE, "variables": week},
            twin=twins.schedule(staff.company_id, staff.path, week),
        ),
        Scenario(
            "tasks-page",
            "staff",
            lambda w, i: {"query": TASKS_PAGE},
            twin=twins.tasks(staff.company_id, staff.path),
        ),
        Scenario(
            "inbox",
            "staff",
            lambda w, i: {"query": INBOX},
            twin=twins_inbox.inbox(staff.company_id, staff.path),
        ),
        Scenario(
            "series-page",
            "staff",
            lambda w, i: {"query": SERIES_PAGE},
            twin=twins_series.series(staff.company_id, staff.path),
        ),
        Scenario(
            "dashboard",
            "staff",
            lambda w, i: {"query": DASHBOARD},
            twin=twins.dashboard(staff.company_id, staff.path, today),
        ),
        Scenario(
            "order-report",
            "staff",
            lambda w, i: {"query": ORDER_REPORT, "variables": period},
            twin=twins.report(staff.company_id, staff.path, period),
        ),
        Scenario(
            "create-order", "staff", create_order, logins=[c[0] for c in fx.creators], read=False
        ),
        Scenario("set-order-status", "staff", set_status, read=False),
        Scenario(
            "suggest-contractors",
            "staff",
            suggest.body(fx.suggest_orders, gid),
            twin=twins_suggest.suggest(staff.company_id, staff.path, fx.suggest_orders),
        ),
    ]
    return {s.name: s for s in all_scenarios}


NAMES = (
    "orders-page",
    "orders-page-client",
    "orders-page-contractor",
    "order-detail",
    "contact-search",
    "schedule",
    "tasks-page",
    "inbox",
    "series-page",
    "dashboard",
    "order-report",
    "create-order",
    "set-order-status",
    "suggest-contractors",
    "fanout",
    "import-contacts",
    "webhook-throughput",
)


async def fixtures(conn: Any, logins: dict[str, Login], workers: int) -> Fixtures:
    """The rows the scenarios use; create-order's concurrent clients act in other companies
    than the read scenarios, one each while there are enough: a hundred hosted companies
    take orders side by side, and one company's orders are numbered one at a time
    (resolvers/counters.py)."""
    staff = logins["staff"]
    visible = (
        'SELECT o.id FROM "order" o JOIN membership m ON m.id = o.responsible_id '
        "WHERE o.company_id = $1 AND m.path LIKE $2 || '%' AND o.status = 'DONE' "
        "AND o.number % 3 = 0 ORDER BY o.id DESC LIMIT $3"
    )
    detail = [r["id"] for r in await conn.fetch(visible, staff.company_id, staff.path, 200)]
    status = [r["id"] for r in await conn.fetch(visible, staff.company_id, staff.path, 500)]
    # Not the read scenarios' company: its pages and dashboard stay the same run to run.
    creators: list[tuple[Login, list[tuple[int, int]]]] = []
    companies = await conn.fetch(
        "SELECT id FROM company WHERE id <> $1 ORDER BY id LIMIT $2", staff.company_id, workers
    )
    for company in companies:
        head = (await datagen.logins(conn, company["id"]))["staff"]
        creators.append((head, await _clients(conn, company["id"])))
    own = await _clients(conn, staff.company_id)
    await inbox.prepare(conn, staff.company_id)
    await series.prepare(conn, staff.company_id)
    return Fixtures(
        logins,
        detail,
        status[200 : 200 + max(workers, 1)],
        own,
        creators or [(staff, own)],  # a one-company database: that company
        await suggest.prepare(conn, staff.company_id, staff.path),
        await conn.fetchval("SELECT timezone FROM company WHERE id = $1", staff.company_id),
    )


async def _clients(conn: Any, company_id: int) -> list[tuple[int, int]]:
    """(client, its first address) of 200 of the company's clients."""
    rows = await conn.fetch(
        "SELECT contact_id, min(id) AS address_id FROM address WHERE company_id = $1 "
        "GROUP BY contact_id ORDER BY contact_id LIMIT 200",
        company_id,
    )
    return [(r["contact_id"], r["address_id"]) for r in rows]
