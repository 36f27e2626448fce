"""The raw baseline's and PostGraphile's twins of the read scenarios other than the orders
pages (bench/contenders.py has those): what each contender is sent for the API's i-th
request, and the facts of each answer that must agree before anything is measured.

The inbox's and the suggestions' twins are bench/twins_inbox.py's and bench/twins_suggest.py's.
The raw twins are bench/raw_reads.py's statements; the peer's are documents in PostGraphile's
names, with the staff head's team asked for as a filter (it has no rules of its own). A twin
that cannot compute a figure leaves it out and says so (`peer_leaves_out`): PostGraphile's
filters cannot compare two columns (an order completed on time, overdue work) and its
aggregates have no mean of a difference of two columns (completion hours).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

Body = Callable[[int, int], dict[str, Any]]
Facts = dict[str, Any]


@dataclass(frozen=True)
class Twin:
    raw_path: str  # bench/raw_reads.py's route
    raw_body: Body
    peer_body: Body
    api_facts: Callable[[dict[str, Any]], Facts]
    raw_facts: Callable[[dict[str, Any]], Facts]
    peer_facts: Callable[[dict[str, Any]], Facts]
    empty: tuple[str, ...] = ()  # answer texts that mean "nothing found": a failure
    peer_leaves_out: str = ""
    # The peer answers for every candidate where the API answers its pick of them (the
    # suggestions): only the facts the API's answer holds are compared.
    peer_candidates: bool = False


def plain(value: str | int | None) -> int | None:
    """A global id's pk (plain ids as they are)."""
    if value is None or isinstance(value, int):
        return value
    padded = value + "=" * (-len(value) % 4)
    return int(base64.urlsafe_b64decode(padded).decode().split(":", 1)[1])


def disagreement(api: Facts, rival: Facts) -> str | None:
    """The first fact of the kinds the rival computes that differs from the API's (a missing
    count is 0: a group without work is not a row), or None."""
    kinds = {key.rsplit(".", 1)[-1] for key in rival}
    for key in sorted(set(api) | set(rival)):
        if key.rsplit(".", 1)[-1] in kinds and not _same(api.get(key, 0), rival.get(key, 0)):
            return f"{key}: API {api.get(key, 0)!r}, rival {rival.get(key, 0)!r}"
    if not rival:
        return "the rival answered nothing"
    return None


def _same(mine: Any, theirs: Any) -> bool:
    """Equal; means (floats, rounded to 2 places by both) within rounding."""
    if isinstance(mine, float) or isinstance(theirs, float):
        return mine is not None and theirs is not None and abs(mine - theirs) <= 0.011
    return bool(mine == theirs)


def fixed(
    route: str,
    variables: dict[str, Any],
    document: str,
    api: Callable[[dict[str, Any]], Facts],
    raw: Callable[[dict[str, Any]], Facts],
    peer: Callable[[dict[str, Any]], Facts],
    empty: tuple[str, ...] = (),
    peer_leaves_out: str = "",
) -> Twin:
    """A twin whose every request is the same: raw is sent `variables`, the peer `document`
    with them."""
    request = {"query": document, "variables": variables}
    return Twin(
        route, lambda w, i: variables, lambda w, i: request, api, raw, peer, empty, peer_leaves_out
    )


# --- order-detail -------------------------------------------------------------------------

PEER_DETAIL = """
query OrderDetail($id: Int!) {
  order: orderById(id: $id) {
    id number title description status deadline price contractorFee internalNote
    client: contactByClientId { id name phone } address: addressByAddressId { id text details }
    contractor: contactByContractorId { id name } responsible: membershipByResponsibleId { id name }
    comments: commentsByOrderId(first: 20, orderBy: ID_ASC) { nodes {
      id body visibility createdAt author: membershipByAuthorId { id name } } }
    photos: photosByOrderId(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes {
      id kind caption width height createdAt } }
    history: orderStatusChangesByOrderId(orderBy: ID_ASC) { nodes {
      from: fromStatus to: toStatus at comment by: membershipByById { id name } } }
  }
}"""


def _detail_facts(order: dict[str, Any] | None, nodes: Callable[[Any], list[Any]]) -> Facts:
    if order is None:
        return {}
    facts: Facts = {"order.id": plain(order["id"]), "order.status": order["status"]}
    facts["order.title"] = order["title"]
    for key in ("client", "address", "contractor", "responsible"):
        facts[f"{key}.id"] = plain((order.get(key) or {}).get("id"))
    facts["comments.ids"] = [plain(c["id"]) for c in nodes(order["comments"])]
    facts["comments.authors"] = [plain(c["author"]["id"]) for c in nodes(order["comments"])]
    facts["photos.ids"] = [plain(p["id"]) for p in nodes(order["photos"])]
    facts["history.steps"] = [(h["from"], h["to"]) for h in nodes(order["history"])]
    return facts


def _edges(connection: dict[str, Any]) -> list[Any]:
    return [edge["node"] for edge in connection["edges"]]


def page_of(connection: dict[str, Any]) -> tuple[list[Any], bool]:
    """A GraphQL connection's nodes and whether there are more."""
    return _edges(connection), bool(connection["pageInfo"]["hasNextPage"])


def _nodes(connection: Any) -> list[Any]:
    return list(connection["nodes"]) if isinstance(connection, dict) else list(connection)


def detail(company: int, path: str, orders: list[int]) -> Twin:
    def order(i: int) -> int:
        return orders[i % len(orders)]

    def api(answer: dict[str, Any]) -> Facts:
        node = answer["data"]["node"]
        if node is not None:
            node = node | {"comments": {"nodes": _edges(node["comments"])}}
        return _detail_facts(node, _nodes)

    return Twin(
        "/detail",
        lambda w, i: {"company": company, "path": path, "id": order(i)},
        lambda w, i: {"query": PEER_DETAIL, "variables": {"id": order(i)}},
        api,
        lambda answer: _detail_facts(answer["data"]["order"], _nodes),
        lambda answer: _detail_facts(answer["data"]["order"], _nodes),
        empty=('"order": null', '"order":null'),
    )


# --- contact-search -----------------------------------------------------------------------

PEER_CONTACTS = """
query ContactSearch($company: Int!, $search: String!) {
  allContacts(first: 20, orderBy: [NAME_ASC, ID_ASC],
              condition: {companyId: $company, archived: false},
              filter: {or: [{name: {includesInsensitive: $search}},
                            {email: {includesInsensitive: $search}},
                            {phone: {includes: $search}},
                            {addressesByContactId: {some: {archived: {equalTo: false},
                                                           text: {includesInsensitive: $search}}}}]}) {
    nodes { id kind name email phone
      addresses: addressesByContactId(condition: {archived: false}, orderBy: ID_ASC) {
        nodes { id text } } }
  }
}"""


def _contact_facts(contacts: list[dict[str, Any]]) -> Facts:
    return {
        "contacts.ids": [plain(c["id"]) for c in contacts],
        "contacts.addresses": [[plain(a["id"]) for a in _nodes(c["addresses"])] for c in contacts],
    }


def contacts(company: int, search: Callable[[int], str]) -> Twin:
    return Twin(
        "/contacts",
        lambda w, i: {"company": company, "search": search(i)},
        lambda w, i: {
            "query": PEER_CONTACTS,
            "variables": {"company": company, "search": search(i)},
        },
        lambda answer: _contact_facts(_edges(answer["data"]["contacts"])),
        lambda answer: _contact_facts(answer["data"]["contacts"]),
        lambda answer: _contact_facts(answer["data"]["allContacts"]["nodes"]),
    )


# --- dashboard ----------------------------------------------------------------------------

OPEN = '["NEW", "ASSIGNED", "IN_PROGRESS"]'
TEAM = "membershipByResponsibleId: {path: {startsWith: $path}}"
PEER_DASHBOARD = f"""
query Dashboard($company: Int!, $path: String!, $now: Datetime!, $start: Datetime!,
                $end: Datetime!) {{
  openOrders: allOrders(condition: {{companyId: $company}},
    filter: {{{TEAM}, status: {{in: {OPEN}}}}}) {{ totalCount }}
  overdueOrders: allOrders(condition: {{companyId: $company}},
    filter: {{{TEAM}, status: {{in: {OPEN}}}, deadline: {{lessThan: $now}}}}) {{ totalCount }}
  dueToday: allOrders(condition: {{companyId: $company}}, filter: {{{TEAM}, status: {{in: {OPEN}}},
    deadline: {{greaterThanOrEqualTo: $start, lessThan: $end}}}}) {{ totalCount }}
  createdToday: allOrders(condition: {{companyId: $company}}, filter: {{{TEAM},
    createdAt: {{greaterThanOrEqualTo: $start, lessThan: $end}}}}) {{ totalCount }}
  completedToday: allOrders(condition: {{companyId: $company}}, filter: {{{TEAM},
    completedAt: {{greaterThanOrEqualTo: $start, lessThan: $end}}}}) {{ totalCount }}
  openTasks: allTasks(condition: {{companyId: $company, status: "OPEN"}},
    filter: {{membershipByAssigneeId: {{path: {{startsWith: $path}}}}}}) {{ totalCount }}
  overdueTasks: allTasks(condition: {{companyId: $company, status: "OPEN"}},
    filter: {{membershipByAssigneeId: {{path: {{startsWith: $path}}}},
              deadline: {{lessThan: $now}}}}) {{ totalCount }}
}}"""
FIGURES = (
    *("openOrders", "overdueOrders", "dueToday", "createdToday", "completedToday"),
    *("openTasks", "overdueTasks"),
)


def dashboard(company: int, path: str, today: tuple[datetime, datetime]) -> Twin:
    """`today`: the company's day, [start, end) in UTC, as the API counts it now."""
    variables = {"company": company, "path": path}
    variables |= {"start": today[0].isoformat(), "end": today[1].isoformat()}

    def peer_body(w: int, i: int) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        return {"query": PEER_DASHBOARD, "variables": variables | {"now": now}}

    def facts(figures: dict[str, Any]) -> Facts:
        return {f"dashboard.{k}": int(v) for k, v in figures.items() if k in FIGURES}

    return Twin(
        "/dashboard",
        lambda w, i: {"company": company, "path": path},
        peer_body,
        lambda answer: facts(answer["data"]["dashboard"]),
        lambda answer: facts(answer["data"]["dashboard"]),
        lambda answer: facts({k: v["totalCount"] for k, v in answer["data"].items()}),
    )


# --- order-report -------------------------------------------------------------------------

REPORTED = ("created", "completed", "cancelled")


def _peer_report() -> str:
    """Each figure PostGraphile can count, grouped by contractor, and its orders without one
    (pg-aggregates' `keys` cannot hold a null key)."""
    parts = []
    for figure, column in zip(REPORTED, ("createdAt", "completedAt", "cancelledAt"), strict=True):
        where = f"{TEAM}, {column}: {{greaterThanOrEqualTo: $from, lessThan: $to}}"
        parts.append(
            f"{figure}: allOrders(condition: {{companyId: $company}}, filter: {{{where},"
            " contractorId: {isNull: false}}) {"
            " groupedAggregates(groupBy: [CONTRACTOR_ID]) { keys distinctCount { id } } }\n"
            f"  {figure}_none: allOrders(condition: {{companyId: $company}}, filter: {{{where},"
            " contractorId: {isNull: true}}) { totalCount }"
        )
    head = "query OrderReport($company: Int!, $path: String!, $from: Datetime!, $to: Datetime!)"
    return head + " {\n  " + "\n  ".join(parts) + "\n}"


PEER_REPORT = _peer_report()
ROW_FIGURES = (
    *REPORTED,
    *("completedOnTime", "overdue", "averageCompletionHours"),
)


def _report_facts(rows: list[dict[str, Any]]) -> Facts:
    facts: Facts = {}
    for row in rows:
        key = plain(row["key"]) or "none"
        facts |= {f"{key}.{figure}": row[figure] for figure in ROW_FIGURES}
    return facts


def _peer_report_facts(answer: dict[str, Any]) -> Facts:
    facts: Facts = {}
    for figure in REPORTED:
        for group in answer["data"][figure]["groupedAggregates"]:
            facts[f"{int(group['keys'][0])}.{figure}"] = int(group["distinctCount"]["id"])
        facts[f"none.{figure}"] = answer["data"][f"{figure}_none"]["totalCount"]
    return facts


def report(company: int, path: str, period: dict[str, str]) -> Twin:
    return fixed(
        "/report",
        {"company": company, "path": path} | period,
        PEER_REPORT,
        lambda answer: _report_facts(answer["data"]["orderReport"]),
        lambda answer: _report_facts(answer["data"]["orderReport"]),
        _peer_report_facts,
        peer_leaves_out="completedOnTime, overdue and averageCompletionHours",
    )


# --- schedule -----------------------------------------------------------------------------

PEER_SCHEDULE = """
query Schedule($company: Int!, $path: String!, $from: Datetime!, $to: Datetime!) {
  allOrders(first: 50, orderBy: [VISIT_START_ASC, ID_ASC], condition: {companyId: $company},
            filter: {TEAM_FILTER, visitEnd: {greaterThan: $from}, visitStart: {lessThan: $to}}) {
    nodes { id number title status visitStart visitEnd
      client: contactByClientId { id name } address: addressByAddressId { id text }
      contractor: contactByContractorId { id name }
      responsible: membershipByResponsibleId { id name } }
  }
}""".replace("TEAM_FILTER", TEAM)


def _schedule_facts(orders: list[dict[str, Any]]) -> Facts:
    nested = ("client", "address", "contractor", "responsible")
    return {
        "orders.ids": [plain(o["id"]) for o in orders],
        "orders.nested": [[plain((o.get(k) or {}).get("id")) for k in nested] for o in orders],
        "orders.visits": [o["visitStart"][:19] for o in orders],
    }


def schedule(company: int, path: str, window: dict[str, str]) -> Twin:
    return fixed(
        "/schedule",
        {"company": company, "path": path} | window,
        PEER_SCHEDULE,
        lambda answer: _schedule_facts(_edges(answer["data"]["orders"])),
        lambda answer: _schedule_facts(answer["data"]["orders"]),
        lambda answer: _schedule_facts(answer["data"]["allOrders"]["nodes"]),
        empty=('"orders": []', '"orders":[]'),
    )


# --- tasks-page ---------------------------------------------------------------------------

PEER_TASKS = """
query Tasks($company: Int!, $path: String!) {
  allTasks(first: 50, orderBy: [DEADLINE_ASC, ID_ASC], condition: {companyId: $company},
           filter: {membershipByAssigneeId: {path: {startsWith: $path}}}) {
    nodes { id title status deadline
      assignee: membershipByAssigneeId { id name } creator: membershipByCreatorId { id name } }
  }
}"""


def _task_facts(tasks: list[dict[str, Any]]) -> Facts:
    return {
        "tasks.ids": [plain(t["id"]) for t in tasks],
        "tasks.people": [[plain(t[k]["id"]) for k in ("assignee", "creator")] for t in tasks],
        "tasks.status": [t["status"] for t in tasks],
    }


def tasks(company: int, path: str) -> Twin:
    return fixed(
        "/tasks",
        {"company": company, "path": path},
        PEER_TASKS,
        lambda answer: _task_facts(_edges(answer["data"]["tasks"])),
        lambda answer: _task_facts(answer["data"]["tasks"]),
        lambda answer: _task_facts(answer["data"]["allTasks"]["nodes"]),
        empty=('"tasks": []', '"tasks":[]'),
    )
