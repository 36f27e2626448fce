"""The README's "first week" steps (tests/test_readme.py runs them): what each block's answer
says, the CSV block sent as the file it is, and what the text says happened after."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from models import CLOSED_STATUSES as CLOSED
from models import Membership, Order, Role
from resolvers.contact_import_columns import COLUMNS
from servicedesk.devtools import demo_data as d
from tests.support.api import LOGIN, Api

README = Path(__file__).resolve().parent.parent.parent / "README.md"
Data = dict[str, Any]


def contractors_imported(data: Data) -> None:
    imported = data["importContacts"]
    assert imported["errors"] == []
    assert (imported["rows"], imported["created"], imported["updated"]) == (3, 2, 0)
    assert [(e["row"], e["column"]) for e in imported["rowErrors"]] == [(4, "email")]


def imported_again(data: Data) -> None:
    imported = data["importContacts"]
    assert (imported["rows"], imported["created"], imported["unchanged"]) == (3, 0, 2)


def dispatcher_invited(data: Data) -> None:
    invited = data["inviteMember"]
    assert invited["errors"] == []
    assert invited["inviteUrl"].startswith("https://desk.example.test/invite/")
    assert invited["invitation"]["role"] == "STAFF"


def gleb_left(data: Data) -> None:
    assert data["deactivateMember"] == {
        "member": {"name": "Gleb Dispatcher", "active": False},
        "errors": [],
    }


def readme_file(language: str) -> bytes:
    """The README's one ```<language> block, as the reader saves it."""
    blocks: list[str] = re.findall(rf"```{language}\n(.*?)```", README.read_text(), re.S)
    [text] = blocks
    return text.encode()


async def upload(api: Api, text: str, content: bytes, token: str | None) -> Data:
    """The block with its one `Upload` variable filled by `content`, as the README's curl
    line sends it."""
    response = await api.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": text, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": ("contractors.csv", content, "text/csv")},
        headers={"Apollo-Require-Preflight": "true", "Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    data: Data = body["data"]
    return data


async def first_week_followed(api: Api) -> None:
    """What the first-week text says happened: the link opens the invitation page, Gleb can
    no longer log in and Boris has his open orders, the import table names every column."""
    owner = await Membership.get(user__email=d.OWNER_EMAIL, role=Role.OWNER)
    invitation = await api.http.get(
        "/invite/" + "x" * 43  # the page is the same for any well-formed token
    )
    assert invitation.status_code == 200
    refused = await api.ok(LOGIN, {"email": d.GLEB, "password": d.PASSWORD})
    assert refused["login"]["errors"][0]["code"] == "FORBIDDEN"
    gleb = await Membership.get(user__email=d.GLEB, company_id=owner.company_id)
    assert not await Order.filter(responsible_id=gleb.id).exclude(status__in=CLOSED).exists()
    table = README.read_text().split("## The first week", 1)[1].split("```", 1)[0]
    for column, words in COLUMNS.items():
        assert f"| `{column}`" in table, column
        assert all(word in table for word in words), column


def late_work_escalated(data: Data) -> None:
    """Boris, Gleb's manager, heard the kitchen order (two days overdue) stays late."""
    told = [edge["node"] for edge in data["notifications"]["edges"]]
    escalated = {n["order"]["title"] for n in told if n["kind"] == "ORDER_ESCALATED"}
    assert "Kitchen deep clean" in escalated
    [text] = [
        n["text"]
        for n in told
        if n["kind"] == "ORDER_ESCALATED" and n["order"]["title"] == "Kitchen deep clean"
    ]
    assert "Gleb Dispatcher" in text


def fixit_reached(data: Data) -> None:
    """FixIt Team has no login: its booking went out by e-mail, waiting for SMTP_URL."""
    [order] = [edge["node"] for edge in data["orders"]["edges"]]
    assert order["number"] == 7
    to_fixit = [m for m in order["outbound"] if m["to"] == "team@fixit.test"]
    assert [(m["kind"], m["channel"], m["status"]) for m in to_fixit] == [
        ("ORDER_ASSIGNED", "EMAIL", "PENDING")
    ]


def readme_receiver_is_the_tested_one() -> None:
    """The README's webhook receiver is tests/support/webhook_example_receiver.py, which
    tests/test_webhook_example.py runs against the service."""
    example = Path(__file__).resolve().parent / "webhook_example_receiver.py"
    assert readme_file("python").decode() == example.read_text()
