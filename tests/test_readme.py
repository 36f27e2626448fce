"""The README's tour, run as written: every ```graphql block of README.md, against the demo
company (servicedesk/devtools/demo.py), as the login the text names, through the real app over HTTP
(the subscription over a WebSocket), with the answers the text describes checked.

A block's operation name says how it runs (`TOUR`); a README block without an entry here, or
an entry without a block, fails the test, so the README cannot drift from what works.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
from servicedesk.devtools.demo_schedule import (
    SERIES,
    VISIT_ORDER,
    ZONE,
    at,
    tomorrow,
    visit_tomorrow,
)
from tests.support.api import LOGIN, Api
from tests.support.readme_first_week import (
    contractors_imported,
    dispatcher_invited,
    first_week_followed,
    fixit_reached,
    gleb_left,
    imported_again,
    late_work_escalated,
    readme_file,
    readme_receiver_is_the_tested_one,
    upload,
)
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
    # The seven one-off orders, then those the series made ahead (8 on), all on one page.
    assert data["orders"]["totalCount"] == len(orders) >= 7 + 6
    one_off = [o["number"] for o in orders if o["number"] <= 7]
    assert one_off == [6, 3, 2, 1, 4, 7, 5]  # soonest deadline first
    made = [o for o in orders if o["number"] > 7]
    assert sorted(o["number"] for o in made) == list(range(8, len(orders) + 1))
    assert all(o["status"] == "ASSIGNED" and not o["overdue"] for o in made)
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
    assert data["orders"]["totalCount"] == len(orders)
    assert {o["number"] for o in orders if o["number"] <= 7} == {2, 3, 4, 6}
    assert {o["title"] for o in orders if o["number"] > 7} == {SERIES[0].title}
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
    rows = {row["label"]: row for row in data["orderReport"]}
    sergey, fixit = rows["Sergey Cleaner"], rows["FixIt Team"]
    made = sergey["created"] - 4 + fixit["created"] - 1  # the series' orders, all open
    assert sergey["created"] - 4 >= 6
    assert data["dashboard"]["openOrders"] == 5 + made
    assert data["dashboard"]["overdueOrders"] == 2
    assert (sergey["completed"], sergey["completedOnTime"]) == (1, 1)
    assert (sergey["overdue"], sergey["averageRating"]) == (2, 5.0)
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
    assert {number for number in assigned if number <= 7} == {2, 3, 4, 6}
    assert len(assigned) > 4  # and the weekly series' orders, made for him
    assert {n["order"]["number"] for n in told} - assigned <= {2, 3, 4, 6}


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def sergeys_day(data: Data) -> None:
    [order] = nodes(data["orders"])
    start, end = visit_tomorrow(datetime.now(UTC))
    assert (order["number"], order["title"]) == (3, VISIT_ORDER)
    assert (instant(order["visitStart"]), instant(order["visitEnd"])) == (start, end)
    shown = instant(order["visitStart"])  # in UTC: 07:00 is 10:00 in Moscow
    assert (shown.utcoffset(), shown.hour) == (timedelta(0), 7)
    assert order["contractor"]["name"] == "Sergey Cleaner"


def sergey_free(data: Data) -> None:
    """His hours of tomorrow's weekday, less the visit from 10:00 to 12:00."""
    day = tomorrow(datetime.now(UTC))
    sergey = next(c for c in d.CONTACTS if c.name == "Sergey Cleaner")
    [(opens, closes)] = [(s, e) for weekday, s, e in sergey.hours if weekday == day.isoweekday()]
    expected = [(at(day, opens), at(day, "10:00")), (at(day, "12:00"), at(day, closes))]
    slots = [(instant(slot["start"]), instant(slot["end"])) for slot in data["freeSlots"]]
    assert slots == [(start, end) for start, end in expected if start < end]


def windows_suggested(data: Data) -> None:
    first, *rest = data["suggestContractors"]
    assert first["contractor"] == {"name": "Sergey Cleaner", "skills": ["windows", "offices"]}
    assert (first["free"], first["skilled"], first["averageRating"]) == (True, True, 5.0)
    assert 2 < first["distanceKm"] < 3
    [fixit] = [s for s in rest if s["contractor"]["name"] == "FixIt Team"]
    assert (fixit["skilled"], fixit["contractor"]["skills"]) == (
        False,
        ["deep cleaning", "carpets"],
    )


def regular_work(data: Data) -> None:
    series = {s["title"]: s for s in nodes(data["orderSeries"])}
    assert set(series) == {spec.title for spec in SERIES}
    weekly, monthly = series[SERIES[0].title], series[SERIES[1].title]
    assert weekly["contractor"]["name"] == "Sergey Cleaner"
    assert weekly["recurrence"] == {"frequency": "WEEKLY", "weekdays": [1, 4], "monthDay": None}
    assert monthly["contractor"]["name"] == "FixIt Team"
    assert monthly["recurrence"] == {"frequency": "MONTHLY", "weekdays": [], "monthDay": 31}
    for one, clock, minutes in ((weekly, "09:00", 120), (monthly, "10:00", 180)):
        assert (one["visitTime"], one["durationMinutes"]) == (clock, minutes)
        assert len(one["upcoming"]) == 4
        for slot in one["upcoming"]:
            start = instant(slot["start"])
            assert instant(slot["end"]) - start == timedelta(minutes=minutes)
            assert start.astimezone(ZONE).strftime("%H:%M") == clock
    weekdays = {instant(s["start"]).astimezone(ZONE).isoweekday() for s in weekly["upcoming"]}
    assert weekdays == {1, 4}
    days = [instant(s["start"]).astimezone(ZONE).date() for s in monthly["upcoming"]]
    assert all(day.day == monthrange(day.year, day.month)[1] for day in days)  # the last day
    assert min(day.day for day in days) < 31  # three months in a row have a short one
    made = nodes(weekly["orders"])
    assert weekly["orders"]["totalCount"] == len(made) >= 6
    assert all(o["status"] == "ASSIGNED" and o["number"] > 7 for o in made)


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
    "TomorrowsSchedule": [Run(d.SERGEY, sergeys_day)],
    "SergeyFreeTomorrow": [Run(d.SERGEY, sergey_free)],
    "WhoWashesWindows": [Run(d.OWNER_EMAIL, windows_suggested)],
    "RegularWork": [Run(d.OWNER_EMAIL, regular_work)],
    # The README's CSV block is the file; the second run is the "same file again".
    "ImportContractors": [
        Run(d.OWNER_EMAIL, contractors_imported),
        Run(d.OWNER_EMAIL, imported_again),
    ],
    "InviteDispatcher": [Run(d.OWNER_EMAIL, dispatcher_invited)],
    "GlebLeaves": [Run(d.OWNER_EMAIL, gleb_left)],
    "LateWorkEscalated": [Run(d.BORIS, late_work_escalated)],
    "WhatReachedFixIt": [Run(d.OWNER_EMAIL, fixit_reached)],
}
# Blocks sent as the README says, as a multipart request with the README's file.
UPLOADS = {"ImportContractors": "csv"}
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
            if block.name in UPLOADS:
                step.check(await upload(api, text, readme_file(UPLOADS[block.name]), token))
                continue
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
    await first_week_followed(api)
    readme_receiver_is_the_tested_one()


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
    order_3 = await Order.get(company_id=owner.company_id, number=3)
    sergey = await User.get(email=d.SERGEY)
    member = await Membership.get(user_id=sergey.id, company_id=owner.company_id)
    boris = await Membership.get(user__email=d.BORIS, company_id=owner.company_id)
    gleb = await Membership.get(user__email=d.GLEB, company_id=owner.company_id)
    day = tomorrow(datetime.now(UTC))
    return {
        "id of order 2": to_global_id("Order", order_2.id),
        "id of order 3": to_global_id("Order", order_3.id),
        "member id": to_global_id("Member", member.id),
        "Boris's member id": to_global_id("Member", boris.id),
        "Gleb's member id": to_global_id("Member", gleb.id),
        "Sergey's contact id": to_global_id("Contact", member.contact_id or 0),
        "tomorrow 00:00 Moscow": at(day, "00:00").isoformat(),
        "the day after 00:00 Moscow": at(day + timedelta(days=1), "00:00").isoformat(),
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
