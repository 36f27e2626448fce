"""Names and titles lose invisible and control characters (and are refused
when nothing visible is left, naming the field); free text keeps newlines and tabs only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import (
    ACCEPT,
    INVITE,
    PASSWORD,
    REGISTER,
    Api,
    Session,
    register,
    unique_email,
)
from tests.support.world import COMMENT, CREATE_CONTACT, CREATE_ORDER, contact, in_days

pytestmark = pytest.mark.asyncio

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = "\x00\x07\x1b\x7f\x85"
INVISIBLE_ONLY = [ZERO_WIDTH, BIDI, " \u3164 \u115f", CONTROLS + "\t\n"]

ORDER = """query($id: ID!) { node(id: $id) { ... on Order { title description
  address { label text } comments { edges { node { body } } } } } }"""
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { title description } errors { field code } } }"""
CREATE_TEMPLATE = """mutation($input: TemplateInput!) {
  createTemplate(input: $input) { template { name title } errors { field code } } }"""
CONTACT = "query($id: ID!) { node(id: $id) { ... on Contact { name phone notes } } }"


def payload(data: dict[str, Any], name: str) -> dict[str, Any]:
    result: dict[str, Any] = data[name]
    return result


@pytest.mark.parametrize("blank", INVISIBLE_ONLY, ids=["zero-width", "bidi", "filler", "controls"])
async def test_names_of_invisible_characters_are_invalid(api: Api, blank: str) -> None:
    email = unique_email()
    for field in ("companyName", "name"):
        registration: dict[str, object] = {
            "companyName": "Acme",
            "name": "Olga",
            "email": email,
            "password": PASSWORD,
        }
        body = await api.ok(REGISTER, {"input": {**registration, field: blank}})
        assert payload(body, "register")["errors"] == [
            {
                "field": ["input", field],
                "message": "Must not be empty (invisible characters do not count)",
                "code": "INVALID",
            }
        ]
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    for mutation, name, data, field in (
        (CREATE_CONTACT, "createContact", {"kind": "CLIENT", "legalForm": "PERSON"}, "name"),
        (CREATE_ORDER, "createOrder", {"deadline": in_days(2), "clientId": client.id}, "title"),
        (CREATE_TASK, "createTask", {"deadline": in_days(2)}, "title"),
        (
            CREATE_TEMPLATE,
            "createTemplate",
            {"kind": "ORDER", "title": "T", "description": "", "deadlineInHours": 5},
            "name",
        ),
    ):
        body = await api.ok(mutation, {"input": {**data, field: blank}}, owner.access)
        errors = payload(body, name)["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(["input", field], "INVALID")], name
    assert (await api.ok("{ orders { totalCount } }", token=owner.access))["orders"] == {
        "totalCount": 0
    }


async def test_names_lose_invisible_characters_and_are_nfc(api: Api) -> None:
    owner = await register(api, company="\u202egnp.exe")
    me = await api.ok("{ me { company { name } } }", token=owner.access)
    assert me["me"]["company"]["name"] == "gnp.exe"
    body = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Ren\u200be\u0301e\tDupont\u202e\x07",
                "phone": "+7\u200b 916 123-45-67\u202e",
                "notes": "line one\nline two\ttabbed\u202e\x07",
                "addresses": [{"text": "Street\u202e 1\nFloor 2", "label": "Ho\u200bme\n"}],
            }
        },
        owner.access,
    )
    created = payload(body, "createContact")
    assert created["errors"] == []
    card = (await api.ok(CONTACT, {"id": created["contact"]["id"]}, owner.access))["node"]
    assert card == {
        "name": "Ren\u00e9e Dupont",  # NFC: one code point for é
        "phone": "+79161234567",
        "notes": "line one\nline two\ttabbed",
    }
    address = created["contact"]["addresses"][0]["id"]
    data = await api.ok(
        CREATE_ORDER,
        {
            "input": {
                "title": "Clean\u200b the\u2028 flat\u202e",
                "description": "Bring:\r\n\t- a mop\u202e\u0007\n\u2066done\u2069",
                "deadline": in_days(2),
                "clientId": created["contact"]["id"],
                "addressId": address,
            }
        },
        owner.access,
    )
    order_id = payload(data, "createOrder")["order"]["id"]
    comment = await api.ok(
        COMMENT, {"o": order_id, "b": "The vase\u202e\x00 is\n\tbroken\x1b"}, owner.access
    )
    assert payload(comment, "addComment")["errors"] == []
    order = (await api.ok(ORDER, {"id": order_id}, owner.access))["node"]
    assert order["title"] == "Clean the flat"
    assert order["description"] == "Bring:\n\t- a mop\ndone"
    assert order["address"] == {"label": "Home", "text": "Street 1\nFloor 2"}
    assert order["comments"]["edges"][0]["node"]["body"] == "The vase is\n\tbroken"
    task = await api.ok(
        CREATE_TASK,
        {"input": {"title": "\u202ePay\u200b invoices", "deadline": in_days(1)}},
        owner.access,
    )
    assert payload(task, "createTask")["task"]["title"] == "Pay invoices"


async def test_invited_members_names_are_cleaned(api: Api) -> None:
    owner = await register(api)
    invited = await api.ok(INVITE, {"input": {"email": unique_email()}}, owner.access)
    token = payload(invited, "inviteMember")["token"]
    blank = await api.ok(
        ACCEPT, {"input": {"token": token, "name": ZERO_WIDTH, "password": PASSWORD}}
    )
    assert [e["field"] for e in payload(blank, "acceptInvitation")["errors"]] == [["input", "name"]]
    data = await api.ok(
        ACCEPT, {"input": {"token": token, "name": "Ivan\u202e\u200b Petrov", "password": PASSWORD}}
    )
    member = payload(data, "acceptInvitation")
    assert member["errors"] == []
    assert member["member"]["name"] == "Ivan Petrov"


async def test_e_mail_addresses_with_invisible_characters_are_invalid(api: Api) -> None:
    owner: Session = await register(api)
    body = await api.ok(INVITE, {"input": {"email": "ivan\u200b@example.test"}}, owner.access)
    errors = payload(body, "inviteMember")["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(["input", "email"], "INVALID")]


async def test_searches_are_cleaned_like_the_names_they_look_for(api: Api) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Ren\u00e9e Dupont")
    order = await api.ok(
        CREATE_ORDER,
        {
            "input": {
                "title": "Wash windows",
                "deadline": in_days(2),
                "clientId": client.id,
                "addressId": client.address_ids[0],
            }
        },
        owner.access,
    )
    assert payload(order, "createOrder")["errors"] == []
    for search in ("Rene\u0301e", "Ren\u200be\u0301e\u202e", "\tWash\u00ad windows\n"):
        found = await api.ok(
            """query($s: String) { orders(filter: {search: $s}) { totalCount }
              contacts(filter: {search: $s}) { totalCount } }""",
            {"s": search},
            owner.access,
        )
        assert found["orders"]["totalCount"] == 1, search
    members = await api.ok(
        'query { members(search: "Ol\\u200bga\\u0301") { totalCount } }', token=owner.access
    )
    assert members["members"]["totalCount"] == 0
    members = await api.ok(
        'query { members(search: "\\u202eOl\\u200bga") { totalCount } }', token=owner.access
    )
    assert members["members"]["totalCount"] == 1
