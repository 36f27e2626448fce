"""updateCompany and the company's settings: who may change them, who reads the escalation
settings, and bad input refused with its field and nothing stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.api_tokens import codes, issue
from tests.support.world import contact, portal_member

pytestmark = pytest.mark.asyncio

SETTINGS = """
  id name timezone locale
  workingHours { weekday start end }
  escalation { overdueMinutes unansweredMinutes visitReminderHours }
"""
UPDATE = f"""
mutation($input: CompanySettingsInput!) {{
  updateCompany(input: $input) {{ company {{ {SETTINGS} }} errors {{ field code message }} }}
}}
"""
MY_COMPANY = f"query {{ me {{ company {{ {SETTINGS} }} }} }}"
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on Company {{ {SETTINGS} }} }} }}"

WEEKDAYS = [
    {"weekday": 1, "start": "09:00", "end": "13:00"},
    {"weekday": 1, "start": "13:00", "end": "18:00"},  # back to back: no overlap
    {"weekday": 6, "start": "10:00:30", "end": "14:00"},
]
FULL = {
    "name": "Chistota",
    "timezone": "Europe/Berlin",
    "locale": "RU",
    # Given out of order: answered sorted by weekday and start.
    "workingHours": [WEEKDAYS[2], WEEKDAYS[1], WEEKDAYS[0]],
    "overdueEscalationMinutes": 60,
    "unansweredEscalationMinutes": 15,
    "visitReminderHours": 24,
}


@dataclass
class Company:
    owner: Session
    staff: Session
    client: Session
    contractor: Session

    def everyone(self) -> dict[str, Session]:
        return {
            "OWNER": self.owner,
            "STAFF": self.staff,
            "CLIENT": self.client,
            "CONTRACTOR": self.contractor,
        }


async def company(api: Api) -> Company:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff Member")
    client = await contact(api, owner, "CLIENT", "Anna Client")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey Contractor")
    return Company(
        owner,
        staff,
        await portal_member(api, owner, client, "Anna Portal"),
        await portal_member(api, owner, contractor, "Sergey Portal"),
    )


async def update(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    data = await api.ok(UPDATE, {"input": fields}, who.access)
    payload: dict[str, Any] = data["updateCompany"]
    return payload


async def settings_seen_by(api: Api, who: Session) -> dict[str, Any]:
    data = await api.ok(MY_COMPANY, token=who.access)
    seen: dict[str, Any] = data["me"]["company"]
    return seen


async def test_the_owner_changes_every_setting(api: Api, backend: str) -> None:
    people = await company(api)
    payload = await update(api, people.owner, **FULL)
    assert payload["errors"] == []
    expected = {
        "name": "Chistota",
        "timezone": "Europe/Berlin",
        "locale": "ru",
        "workingHours": [
            {"weekday": 1, "start": "09:00", "end": "13:00"},
            {"weekday": 1, "start": "13:00", "end": "18:00"},
            {"weekday": 6, "start": "10:00:30", "end": "14:00"},
        ],
        "escalation": {"overdueMinutes": 60, "unansweredMinutes": 15, "visitReminderHours": 24},
    }
    assert {k: v for k, v in payload["company"].items() if k != "id"} == expected
    assert {k: v for k, v in (await settings_seen_by(api, people.owner)).items() if k != "id"} == (
        expected
    )


async def test_fields_left_out_are_kept_and_null_turns_an_escalation_off(
    api: Api, backend: str
) -> None:
    people = await company(api)
    await update(api, people.owner, **FULL)
    payload = await update(api, people.owner, locale="en", overdueEscalationMinutes=None)
    assert payload["errors"] == []
    seen = await settings_seen_by(api, people.owner)
    assert seen["locale"] == "en"
    assert seen["name"] == "Chistota"
    assert len(seen["workingHours"]) == 3
    assert seen["escalation"] == {
        "overdueMinutes": None,
        "unansweredMinutes": 15,
        "visitReminderHours": 24,
    }
    # An empty list: always working.
    await update(api, people.owner, workingHours=[])
    assert (await settings_seen_by(api, people.owner))["workingHours"] == []


@pytest.mark.parametrize("role", ["STAFF", "CLIENT", "CONTRACTOR"])
async def test_no_one_but_the_owner_changes_the_settings(api: Api, backend: str, role: str) -> None:
    people = await company(api)
    await update(api, people.owner, **FULL)
    before = await settings_seen_by(api, people.owner)
    payload = await update(
        api, people.everyone()[role], name="Taken over", locale="en", workingHours=[]
    )
    assert payload["company"] is None
    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert await settings_seen_by(api, people.owner) == before


async def test_an_api_token_of_the_owner_that_is_read_only_changes_nothing(
    api: Api, backend: str
) -> None:
    people = await company(api)
    token = await issue(api, people.owner, readOnly=True)
    before = await settings_seen_by(api, people.owner)
    body = await api.post(UPDATE, {"input": {"name": "Renamed"}}, token.token)
    assert codes(body) == ["FORBIDDEN"]
    assert await settings_seen_by(api, people.owner) == before


@pytest.mark.parametrize(
    ("role", "sees_escalation"),
    [("OWNER", True), ("STAFF", True), ("CLIENT", False), ("CONTRACTOR", False)],
)
async def test_escalation_settings_are_the_staffs(
    api: Api, backend: str, role: str, sees_escalation: bool
) -> None:
    people = await company(api)
    await update(api, people.owner, **FULL)
    seen = await settings_seen_by(api, people.everyone()[role])
    # Hours and language concern everyone: a client books within them.
    assert seen["locale"] == "ru"
    assert len(seen["workingHours"]) == 3
    if sees_escalation:
        assert seen["escalation"]["overdueMinutes"] == 60
    else:
        assert seen["escalation"] is None


async def test_another_company_cannot_read_the_settings(api: Api, backend: str) -> None:
    people = await company(api)
    await update(api, people.owner, **FULL)
    company_id = (await settings_seen_by(api, people.owner))["id"]
    stranger = await register(api)
    data = await api.ok(NODE, {"id": company_id}, stranger.access)
    assert data["node"] is None
    # Its own updateCompany touches its own company only.
    assert (await update(api, stranger, name="Mine"))["errors"] == []
    assert (await settings_seen_by(api, people.owner))["name"] == "Chistota"


def hours(*entries: tuple[int, str, str]) -> list[dict[str, Any]]:
    return [{"weekday": d, "start": s, "end": e} for d, s, e in entries]


BAD_INPUT = [
    ({"timezone": "Mars/Olympus"}, ["input", "timezone"]),
    ({"timezone": None}, ["input", "timezone"]),
    ({"locale": "de"}, ["input", "locale"]),
    ({"locale": None}, ["input", "locale"]),
    ({"name": "   "}, ["input", "name"]),
    ({"name": "x" * 201}, ["input", "name"]),
    (
        {"workingHours": hours((2, "09:00", "13:00"), (2, "12:00", "17:00"))},
        ["input", "workingHours", "1", "start"],
    ),
    ({"workingHours": hours((8, "09:00", "13:00"))}, ["input", "workingHours", "0", "weekday"]),
    ({"workingHours": hours((0, "09:00", "13:00"))}, ["input", "workingHours", "0", "weekday"]),
    ({"workingHours": hours((1, "25:00", "26:00"))}, ["input", "workingHours", "0", "start"]),
    ({"workingHours": hours((1, "09:00", "9 pm"))}, ["input", "workingHours", "0", "end"]),
    ({"workingHours": hours((1, "18:00", "09:00"))}, ["input", "workingHours", "0", "end"]),
    ({"workingHours": None}, ["input", "workingHours"]),
    ({"overdueEscalationMinutes": 0}, ["input", "overdueEscalationMinutes"]),
    ({"unansweredEscalationMinutes": -5}, ["input", "unansweredEscalationMinutes"]),
    ({"visitReminderHours": 24 * 8}, ["input", "visitReminderHours"]),
]


@pytest.mark.parametrize(("bad", "field"), BAD_INPUT, ids=[str(b) for b, _ in BAD_INPUT])
async def test_bad_input_names_its_field_and_stores_nothing(
    api: Api, backend: str, bad: dict[str, Any], field: list[str]
) -> None:
    owner = await register(api)
    await update(api, owner, **FULL)
    before = await settings_seen_by(api, owner)
    # Good fields sent with the bad one are not stored either.
    payload = await update(api, owner, **{"name": "Half done", "visitReminderHours": 2, **bad})
    assert payload["company"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, "INVALID")]
    assert await settings_seen_by(api, owner) == before


async def test_a_time_that_is_no_string_is_a_graphql_error(api: Api, backend: str) -> None:
    owner = await register(api)
    body = await api.post(
        UPDATE,
        {"input": {"workingHours": [{"weekday": 1, "start": 900, "end": "10:00"}]}},
        owner.access,
    )
    assert body.get("data") is None
    assert "Time" in body["errors"][0]["message"]
