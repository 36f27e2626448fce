"""Nothing of company A is reachable with a token of company B: by id, list, search or mutation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.api import INVITE, Api, Session, invite_and_accept, register, unique_email

pytestmark = pytest.mark.asyncio


@dataclass
class CompanyA:
    owner: Session
    staff: Session
    contact_id: str
    address_id: str
    invitation_id: str


async def company_a(api: Api) -> CompanyA:
    owner = await register(api, company="Alpha Cleaning")
    staff = await invite_and_accept(api, owner, "Alpha Staff")
    data = await api.ok(
        """mutation($input: CreateContactInput!) { createContact(input: $input) {
            contact { id addresses { id } } errors { code } } }""",
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Alpha Client",
                "email": "alpha-client@x.test",
                "addresses": [{"text": "Alpha street 1"}],
            }
        },
        owner.access,
    )
    contact = data["createContact"]["contact"]
    invited = await api.ok(INVITE, {"input": {"email": unique_email()}}, owner.access)
    return CompanyA(
        owner,
        staff,
        contact["id"],
        contact["addresses"][0]["id"],
        invited["inviteMember"]["invitation"]["id"],
    )


async def test_nodes_of_another_company_are_null(api: Api) -> None:
    a = await company_a(api)
    b = await register(api, company="Beta Repairs")
    ids = [
        a.owner.member_id,
        a.staff.member_id,
        a.owner.company_id,
        a.contact_id,
        a.address_id,
        a.invitation_id,
    ]
    for node_id in ids:
        data = await api.ok("query($id: ID!) { node(id: $id) { id } }", {"id": node_id}, b.access)
        assert data["node"] is None, node_id
        # The same ids are visible inside company A.
        own = await api.ok(
            "query($id: ID!) { node(id: $id) { id } }", {"id": node_id}, a.owner.access
        )
        assert own["node"] == {"id": node_id}


async def test_lists_and_searches_show_nothing_of_another_company(api: Api) -> None:
    a = await company_a(api)
    b = await register(api, company="Beta Repairs")
    data = await api.ok(
        """{ members { totalCount edges { node { name } } }
             contacts(filter: {search: "Alpha"}) { totalCount }
             invitations { email } }""",
        token=b.access,
    )
    assert data["members"]["totalCount"] == 1
    assert data["members"]["edges"] == [{"node": {"name": "Olga Owner"}}]
    assert data["contacts"]["totalCount"] == 0
    assert data["invitations"] == []
    searched = await api.ok('{ members(search: "Alpha") { totalCount } }', token=b.access)
    assert searched["members"]["totalCount"] == 0
    assert a.owner.company_id != b.company_id


async def test_mutations_on_another_companys_objects_are_not_found(api: Api) -> None:
    a = await company_a(api)
    b = await register(api, company="Beta Repairs")

    async def errors(query: str, variables: dict[str, Any]) -> Any:
        data = await api.ok(query, variables, b.access)
        return next(iter(data.values()))["errors"]

    not_found = [{"code": "NOT_FOUND"}]
    assert (
        await errors(
            'mutation($id: ID!) { updateContact(id: $id, input: {name: "Stolen"}) { errors { code } } }',
            {"id": a.contact_id},
        )
        == not_found
    )
    assert (
        await errors(
            'mutation($id: ID!) { addAddress(contactId: $id, input: {text: "x"}) { errors { code } } }',
            {"id": a.contact_id},
        )
        == not_found
    )
    assert (
        await errors(
            'mutation($m: ID!) { inviteMember(input: {email: "x@y.test", managerId: $m}) { errors { code } } }',
            {"m": a.staff.member_id},
        )
        == not_found
    )
    assert (
        await errors(
            """mutation($m: ID!) { createContact(input: {kind: CLIENT, legalForm: PERSON, name: "x",
            managerId: $m}) { errors { code } } }""",
            {"m": a.staff.member_id},
        )
        == not_found
    )
    moved = await api.post(
        "mutation($m: ID!, $to: ID!) { moveMember(memberId: $m, managerId: $to) { id } }",
        {"m": a.staff.member_id, "to": b.member_id},
        b.access,
    )
    assert moved["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # Company A's data is untouched.
    contact = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Contact { name addresses { text } } } }",
        {"id": a.contact_id},
        a.owner.access,
    )
    assert contact["node"] == {"name": "Alpha Client", "addresses": [{"text": "Alpha street 1"}]}


async def test_a_forged_id_of_another_type_is_absent(api: Api) -> None:
    a = await company_a(api)
    # A Contact id passed where a Member id is expected must not resolve to member #n.
    data = await api.ok(
        'mutation($m: ID!) { inviteMember(input: {email: "x@y.test", managerId: $m}) { errors { code } } }',
        {"m": a.contact_id},
        a.owner.access,
    )
    assert data["inviteMember"]["errors"] == [{"code": "NOT_FOUND"}]
    assert (await api.ok('{ node(id: "garbage") { id } }', token=a.owner.access))["node"] is None
