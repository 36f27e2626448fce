"""The README's tour, run as written: every ```graphql block of README.md, against the demo
company (servicedesk/devtools/demo.py), as the login the text names, through the real app over HTTP
(the subscription over a WebSocket), with the answers the text describes checked.

A block's operation name says how it runs (`TOUR`); a README block without an entry here, or
an entry without a block, fails the test, so the README cannot drift from what works.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import graphql
import pytest
from starlette.applications import Starlette

from models import Membership, Order, Role, User
from schema.ids import to_global_id
from servicedesk.devtools import demo_data as d
from servicedesk.devtools.demo import ensure_demo
from tests.support.api import LOGIN, Api
from tests.support.ws import client, joined, member_of, socket

pytestmark = pytest.mark.asyncio

README = Path(__file__).resolve().parent.parent / "README.md"
Data = dict[str, Any]


@dataclass(frozen=True)
class Block:
    name: str
    kind: str  # query, mutation, subscription
    text: str


def readme_blocks() -> list[Block]:
    blocks = []
    for text in re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S):
        operations = [
            o
            for o in graphql.parse(text).definitions
            if isinstance(o, graphql.OperationDefinitionNode)
        ]
        assert len(operations) == 1, f"one operation per block:\n{text}"
        [operation] = operations
        assert operation.name is not None, f"name the operation; TOUR runs it by name:\n{text}"
        blocks.append(Block(operation.name.value, operation.operation.value, text))
    return blocks


def nodes(connection: Data) -> list[Data]:
    return [edge["node"] for edge in connection["edges"]]


def visibilities(orders: list[Data]) -> set[str]:
    return {c["visibility"] for o in orders for c in nodes(o["comments"])}


# ----------------------------------------------------------------- what the text promises


def logged_in(role: str, name: str) -> Callable[[Data], None]:
    def check(data: Data) -> None:
        login = data["login"]
        assert login["errors"] == []
        assert login["accessToken"]
        if "member" in login:
            assert login["member"]["role"] == role
            assert login["member"]["name"] == name
            assert login["member"]["company"]["name"] == d.COMPANY

    return check


def owner_sees(data: Data) -> None:
    orders = nodes(data["orders"])
    assert data["orders"]["totalCount"] == 7
    assert [o["number"] for o in orders] == [6, 3, 2, 1, 4, 7, 5]  # soonest deadline first
    assert {o["number"] for o in orders if o["overdue"]} == {3, 6}
    assert {o["status"] for o in orders} == {"NEW", "ASSIGNED", "IN_PROGRESS", "DONE", "CANCELLED"}
    assert all(o["price"] and o["contractorFee"] for o in orders)
    assert {o["number"] for o in orders if o["internalNote"]} == {2, 3}
    assert visibilities(orders) == {"INTERNAL", "CLIENT", "CONTRACTOR"}


def client_sees(data: Data) -> None:
    orders = nodes(data["orders"])
    assert data["orders"]["totalCount"] == 3
    assert {o["number"] for o in orders} == {1, 4, 6}
    assert {o["client"]["email"] for o in orders} == {d.ANNA}
    assert all(o["price"] and o["contractorFee"] is None for o in orders)
    assert all(o["internalNote"] is None for o in orders)
    assert visibilities(orders) == {"CLIENT"}


def contractor_sees(data: Data) -> None:
    orders = nodes(data["orders"])
    assert data["orders"]["totalCount"] == 4
    assert {o["number"] for o in orders} == {2, 3, 4, 6}
    assert all(o["client"]["name"] and o["client"]["email"] is None for o in orders)
    assert all(o["address"]["text"] for o in orders)
    assert all(o["price"] is None and o["contractorFee"] for o in orders)
    assert all(o["internalNote"] is None for o in orders)
    assert visibilities(orders) == {"CONTRACTOR"}


def team(data: Data) -> None:
    me = data["me"]
    assert (me["name"], me["role"]) == (d.OWNER_NAME, "OWNER")
    tree = {h["name"]: [s["name"] for s in h["subordinates"]] for h in me["subordinates"]}
    assert tree == {"Boris Head": ["Gleb Dispatcher"], "Vera Head": ["Dina Dispatcher"]}


def stories(data: Data) -> None:
    [carpet] = nodes(data["carpet"])
    assert (carpet["number"], carpet["status"], carpet["rating"]) == (4, "DONE", 5)
    assert [h["to"] for h in carpet["history"]] == ["NEW", "ASSIGNED", "IN_PROGRESS", "DONE"]
    assert [p["kind"] for p in carpet["photos"]] == ["BEFORE", "COMPLETION"]
    [boiler] = nodes(data["boiler"])
    assert (boiler["number"], boiler["status"]) == (7, "IN_PROGRESS")
    reopened = boiler["history"][-1]
    assert (reopened["from"], reopened["to"]) == ("DONE", "IN_PROGRESS")
    assert reopened["by"]["name"] == "Romashka LLC"
    assert reopened["comment"] == "The boiler leaks again."
    assert [p["kind"] for p in boiler["photos"]] == ["ISSUE"]


def figures(data: Data) -> None:
    assert data["dashboard"]["openOrders"] == 5
    assert data["dashboard"]["overdueOrders"] == 2
    rows = {row["label"]: row for row in data["orderReport"]}
    sergey = rows["Sergey Cleaner"]
    assert (sergey["created"], sergey["completed"], sergey["completedOnTime"]) == (4, 1, 1)
    assert (sergey["overdue"], sergey["averageRating"]) == (2, 5.0)
    assert rows["FixIt Team"]["created"] == 1
    assert rows["No contractor"]["cancelled"] == 1


def tasks_and_templates(data: Data) -> None:
    tasks = nodes(data["tasks"])
    assert data["tasks"]["totalCount"] == 9
    assert [t["title"] for t in tasks if t["overdue"]] == [d.TASKS[1][2]]
    plain_done = [t for t in tasks if t["status"] == "DONE" and not t["requiresAcknowledgement"]]
    assert [t["title"] for t in plain_done] == [d.DONE_TASK[1]]
    notices = [t for t in tasks if t["requiresAcknowledgement"]]
    assert len(notices) == 4
    assert [t["assignee"]["name"] for t in notices if t["acknowledgedAt"]] == ["Boris Head"]
    names = {t["name"] for t in data["templates"]}
    assert names == {"Standard apartment cleaning", "Boiler service"}  # not Gleb's "Call back"


def inbox(data: Data) -> None:
    conversations = {c["channel"]: c for c in nodes(data["conversations"])}
    assert data["conversations"]["totalCount"] == 3
    assert set(conversations) == {"EMAIL", "TELEGRAM", "WEBCHAT"}
    mail = conversations["EMAIL"]
    assert (mail["contact"]["name"], mail["assignee"]["name"]) == ("Anna Petrova", "Boris Head")
    assert mail["firstResponseSeconds"] is not None
    assert mail["lastMessage"]["direction"] == "OUTBOUND"
    assert mail["lastMessage"]["deliveryStatus"] == "PENDING"
    newcomer = conversations["TELEGRAM"]
    assert (newcomer["contact"], newcomer["assignee"]) == (None, None)
    assert newcomer["firstResponseSeconds"] is None
    assert conversations["WEBCHAT"]["assignee"]["name"] == "Vera Head"


def notified(data: Data) -> None:
    told = nodes(data["notifications"])
    assigned = {n["order"]["number"] for n in told if n["kind"] == "ORDER_ASSIGNED"}
    assert assigned == {2, 3, 4, 6}
    assert {n["order"]["number"] for n in told} <= {2, 3, 4, 6}


def started(data: Data) -> None:
    assert data["setOrderStatus"] == {"order": {"number": 2, "status": "IN_PROGRESS"}, "errors": []}


def token_issued(data: Data) -> None:
    payload = data["createApiToken"]
    assert payload["errors"] == []
    assert payload["token"].startswith("sd_")


@dataclass(frozen=True)
class Run:
    login: str | None  # the e-mail whose token the Headers tab holds; None: none yet
    check: Callable[[Data], None]


TOUR: dict[str, list[Run]] = {
    "LogIn": [Run(None, logged_in("OWNER", d.OWNER_NAME))],
    "WhatISee": [
        Run(d.OWNER_EMAIL, owner_sees),
        Run(d.ANNA, client_sees),
        Run(d.SERGEY, contractor_sees),
    ],
    "Team": [Run(d.OWNER_EMAIL, team)],
    "OrderStories": [Run(d.OWNER_EMAIL, stories)],
    "HowAreWeDoing": [Run(d.OWNER_EMAIL, figures)],
    "TasksAndTemplates": [Run(d.OWNER_EMAIL, tasks_and_templates)],
    "Inbox": [Run(d.OWNER_EMAIL, inbox)],
    "LogInAsClient": [Run(None, logged_in("CLIENT", "Anna Petrova"))],
    "LogInAsContractor": [Run(None, logged_in("CONTRACTOR", "Sergey Cleaner"))],
    "MyNotifications": [Run(d.SERGEY, notified)],
    "StartWork": [Run(d.SERGEY, started)],
    "IssuePartnerToken": [Run(d.OWNER_EMAIL, token_issued)],
}
# A subscription: who watches, the block the text runs meanwhile, and the event it shows.
WATCH = {"WatchOrders": (d.OWNER_EMAIL, "StartWork")}


async def test_the_readme_tour_runs_as_written(app: Starlette, api: Api) -> None:
    blocks = readme_blocks()
    assert {b.name for b in blocks} == set(TOUR) | set(WATCH)
    _ = await ensure_demo(datetime.now(UTC))
    fill = await placeholders()
    tokens = {email: await log_in(api, email) for run in TOUR.values() for email in logins(run)}
    by_name = {b.name: b for b in blocks}
    done: set[str] = set()

    async def run(block: Block) -> None:
        text = re.sub(r'"<([^>"]+)>"', lambda m: f'"{fill[m.group(1)]}"', block.text)
        for step in TOUR[block.name]:
            token = tokens[step.login] if step.login else None
            step.check(await api.ok(text, token=token))
        done.add(block.name)

    for block in blocks:
        if block.name in done:
            continue
        if block.kind != "subscription":
            await run(block)
            continue
        watcher, meanwhile = WATCH[block.name]
        async with client(app) as http, socket(http, tokens[watcher]) as sock:
            op = await sock.subscribe(block.text)
            await joined(member_of(tokens[watcher]))
            await run(by_name[meanwhile])
            event = (await sock.data(op))["orderEvents"]
        assert event == {
            "kind": "STATUS_CHANGED",
            "actor": {"name": "Sergey Cleaner"},
            "order": {"number": 2, "title": d.ORDERS[1].title, "status": "IN_PROGRESS"},
        }
    assert done == set(TOUR)
    await thumbnails_open(api)


def logins(runs: list[Run]) -> list[str]:
    return [r.login for r in runs if r.login is not None]


async def log_in(api: Api, email: str) -> str:
    data = await api.ok(LOGIN, {"email": email, "password": d.PASSWORD})
    assert data["login"]["errors"] == []
    token: str = data["login"]["accessToken"]
    return token


async def placeholders() -> dict[str, str]:
    """What a reader pastes in place of each `"<…>"` of the README."""
    owner = await Membership.get(user__email=d.OWNER_EMAIL, role=Role.OWNER)
    order_2 = await Order.get(company_id=owner.company_id, number=2)
    sergey = await User.get(email=d.SERGEY)
    member = await Membership.get(user_id=sergey.id, company_id=owner.company_id)
    return {
        "id of order 2": to_global_id("Order", order_2.id),
        "member id": to_global_id("Member", member.id),
    }


async def thumbnails_open(api: Api) -> None:
    """ "A `thumbnailUrl` opens in the browser": the signed links answer with the image."""
    token = await log_in(api, d.OWNER_EMAIL)
    query = '{ orders(filter: {search: "Carpet"}, first: 1) { edges { node { photos { thumbnailUrl } } } } }'
    [order] = nodes((await api.ok(query, token=token))["orders"])
    for photo in order["photos"]:
        link = urlsplit(photo["thumbnailUrl"])
        response = await api.http.get(f"{link.path}?{link.query}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/jpeg"
