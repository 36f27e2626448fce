"""The contact book: create, edit, addresses, search, pagination; staff only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Api, Session, count_statements, invite_and_accept, register

pytestmark = pytest.mark.asyncio

CREATE = """
mutation($input: CreateContactInput!) {
  createContact(input: $input) {
    contact { id name kind legalForm email phone addresses { id text label details } manager { name } }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) { contact { name email phone notes } errors { field code } }
}
"""
ADD_ADDRESS = """
mutation($c: ID!, $input: AddressInput!) {
  addAddress(contactId: $c, input: $input) { address { text details } errors { field code } }
}
"""
SEARCH = """
query($filter: ContactFilter, $first: Int, $after: String) {
  contacts(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


async def create(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    contact = {"kind": "CLIENT", "legalForm": "PERSON", **fields}
    data = await api.ok(CREATE, {"input": contact}, who.access)
    payload: dict[str, Any] = data["createContact"]
    assert payload["errors"] == [], payload["errors"]
    result: dict[str, Any] = payload["contact"]
    return result


async def test_create_contact_with_addresses(api: Api) -> None:
    owner = await register(api)
    contact = await create(
        api,
        owner,
        name="Anna Petrova",
        email=" Anna@Client.TEST ",
        phone="+7 916 000-11-22",
        managerId=owner.member_id,
        addresses=[{"text": "Moscow, Tverskaya 7", "label": "Home", "details": "flat 12"}],
    )
    assert contact["email"] == "anna@client.test"
    assert contact["manager"] == {"name": "Olga Owner"}
    assert [(a["text"], a["label"], a["details"]) for a in contact["addresses"]] == [
        ("Moscow, Tverskaya 7", "Home", "flat 12")
    ]


async def test_create_contact_rejects_bad_input_and_stores_nothing(api: Api) -> None:
    owner = await register(api)
    data = await api.ok(
        CREATE,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "X",
                "email": "nope",
                "addresses": [{"text": "Somewhere"}],
            }
        },
        owner.access,
    )
    assert data["createContact"]["errors"] == [
        {"field": ["input", "email"], "message": "Not a valid e-mail address", "code": "INVALID"}
    ]
    listed = await api.ok(SEARCH, {}, owner.access)
    assert listed["contacts"]["totalCount"] == 0


async def test_update_contact_changes_only_given_fields(api: Api) -> None:
    owner = await register(api)
    contact = await create(api, owner, name="Old Name", phone="+7 916 000-11-22", email="a@b.test")
    data = await api.ok(
        UPDATE, {"id": contact["id"], "input": {"name": "New Name", "notes": "VIP"}}, owner.access
    )
    assert data["updateContact"]["contact"] == {
        "name": "New Name",
        "email": "a@b.test",
        "phone": "+79160001122",
        "notes": "VIP",
    }
    cleared = await api.ok(UPDATE, {"id": contact["id"], "input": {"phone": None}}, owner.access)
    assert cleared["updateContact"]["contact"]["phone"] is None
    empty = await api.ok(UPDATE, {"id": contact["id"], "input": {"name": "  "}}, owner.access)
    assert empty["updateContact"]["errors"] == [{"field": ["input", "name"], "code": "INVALID"}]


async def test_add_address(api: Api) -> None:
    owner = await register(api)
    contact = await create(api, owner, name="Romashka", legalForm="ORGANIZATION")
    data = await api.ok(
        ADD_ADDRESS,
        {"c": contact["id"], "input": {"text": "Leninsky 30", "details": "floor 4"}},
        owner.access,
    )
    assert data["addAddress"]["address"] == {"text": "Leninsky 30", "details": "floor 4"}
    bad = await api.ok(
        ADD_ADDRESS, {"c": contact["id"], "input": {"text": "X", "latitude": 91.0}}, owner.access
    )
    assert bad["addAddress"]["errors"] == [{"field": ["input", "latitude"], "code": "INVALID"}]


async def test_search_matches_name_email_phone_and_address(api: Api) -> None:
    owner = await register(api)
    await create(api, owner, name="Anna Petrova", email="anna@mail.test")
    await create(api, owner, name="Boris", phone="+7 903 555-00-01")
    await create(api, owner, name="Romashka LLC", addresses=[{"text": "Leninsky prospekt 30"}])
    await create(api, owner, name="FixIt", kind="CONTRACTOR")

    async def names(**filter: Any) -> list[str]:
        data = await api.ok(SEARCH, {"filter": filter}, owner.access)
        return [e["node"]["name"] for e in data["contacts"]["edges"]]

    assert await names(search="petrova") == ["Anna Petrova"]
    assert await names(search="ANNA@MAIL") == ["Anna Petrova"]
    assert await names(search="555-00") == ["Boris"]
    assert await names(search="leninsky") == ["Romashka LLC"]
    assert await names(kind="CONTRACTOR") == ["FixIt"]
    assert await names(kind="CLIENT") == ["Anna Petrova", "Boris", "Romashka LLC"]


async def test_pagination_walks_every_contact_once(api: Api) -> None:
    owner = await register(api)
    for i in range(7):
        await create(api, owner, name=f"Client {i:02}")
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        data = await api.ok(SEARCH, {"first": 3, "after": after}, owner.access)
        page = data["contacts"]
        assert page["totalCount"] == 7
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [e["node"]["name"] for e in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [f"Client {i:02}" for i in range(7)]
    assert pages == 3


async def test_first_is_capped_at_100_and_bad_cursor_is_invalid(api: Api) -> None:
    owner = await register(api)
    await create(api, owner, name="Only")
    data = await api.ok(SEARCH, {"first": 1000}, owner.access)
    assert data["contacts"]["totalCount"] == 1
    body = await api.post(SEARCH, {"after": "!!not-a-cursor"}, owner.access)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_contact_list_costs_a_bounded_number_of_statements(api: Api) -> None:
    owner = await register(api)
    query = """{ contacts(first: 50) { totalCount edges { node {
        name email addresses { text } manager { name email } portalMembers { name } } } } }"""

    async def statements() -> int:
        with count_statements() as counter:
            await api.ok(query, token=owner.access)
        return len(counter.statements)

    await create(api, owner, name="First", managerId=owner.member_id, addresses=[{"text": "A"}])
    few = await statements()
    for i in range(12):
        await create(
            api,
            owner,
            name=f"More {i}",
            managerId=owner.member_id,
            addresses=[{"text": "B"}, {"text": "C"}],
        )
    many = await statements()
    assert many == few
    assert many <= 7


async def test_staff_see_details_other_roles_cannot_edit(api: Api) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    contact = await create(api, owner, name="Anna", email="anna@x.test")
    seen = await api.ok(SEARCH, {}, staff.access)
    assert [e["node"]["name"] for e in seen["contacts"]["edges"]] == ["Anna"]
    updated = await api.ok(
        UPDATE, {"id": contact["id"], "input": {"name": "Anna P."}}, staff.access
    )
    assert updated["updateContact"]["errors"] == []
