"""Who sees what so far, tested from the side that must NOT see it.

Portal members (CLIENT, CONTRACTOR) are invited from contact cards in a later issue; here
they are created directly in the database and then log in through the API as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from models import Contact, ContactKind, LegalForm, Membership, Role
from tests.support.api import (
    Api,
    Session,
    count_statements,
    invite_and_accept,
    register,
)
from tests.support.portal import portal_member

pytestmark = pytest.mark.asyncio

CONTACT_FIELDS = "id name email phone telegram taxId notes addresses { text }"


@dataclass
class World:
    owner: Session
    staff: Session
    client: Session
    contractor: Session
    client_contact_id: str
    other_contact_id: str


async def world(api: Api) -> World:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff Member")
    company_id = (await Membership.get(user__email=owner.email)).company_id

    async def contact(name: str, kind: ContactKind) -> Contact:
        return await Contact.create(
            company_id=company_id,
            kind=kind,
            legal_form=LegalForm.PERSON,
            name=name,
            email=f"{name.lower()}@c.test",
            phone="+7 900",
            telegram="@x",
            tax_id="77",
            notes="n",
        )

    client_card = await contact("Client", ContactKind.CLIENT)
    contractor_card = await contact("Contractor", ContactKind.CONTRACTOR)
    _ = await contact("Other", ContactKind.CLIENT)
    client = await portal_member(api, company_id, client_card, Role.CLIENT)
    contractor = await portal_member(api, company_id, contractor_card, Role.CONTRACTOR)
    ids = await api.ok("{ contacts { edges { node { id name } } } }", token=owner.access)
    by_name = {e["node"]["name"]: e["node"]["id"] for e in ids["contacts"]["edges"]}
    return World(owner, staff, client, contractor, by_name["Client"], by_name["Other"])


async def node(api: Api, who: Session, node_id: str, fields: str = "id") -> Any:
    data = await api.ok(
        f"query($id: ID!) {{ node(id: $id) {{ {fields} }} }}", {"id": node_id}, who.access
    )
    return data["node"]


async def test_portal_members_see_no_members_list(api: Api) -> None:
    w = await world(api)
    for who in (w.client, w.contractor):
        data = await api.ok(
            "{ members { totalCount edges { node { id } } } invitations { id } }", token=who.access
        )
        assert data == {"members": {"totalCount": 0, "edges": []}, "invitations": []}
        assert await node(api, who, w.staff.member_id) is None
        assert await node(api, who, w.owner.member_id) is None


async def test_portal_members_see_only_their_own_card(api: Api) -> None:
    w = await world(api)
    data = await api.ok("{ contacts { edges { node { name } } } }", token=w.client.access)
    assert data["contacts"]["edges"] == [{"node": {"name": "Client"}}]
    data = await api.ok("{ contacts { edges { node { name } } } }", token=w.contractor.access)
    assert data["contacts"]["edges"] == [{"node": {"name": "Contractor"}}]
    assert await node(api, w.client, w.other_contact_id) is None
    assert await node(api, w.contractor, w.client_contact_id) is None
    own = await node(api, w.client, w.client_contact_id, "... on Contact { email phone notes }")
    assert own == {"email": "client@c.test", "phone": "+7 900", "notes": "n"}


async def test_portal_members_cannot_edit_contacts_or_invite(api: Api) -> None:
    w = await world(api)
    for who in (w.client, w.contractor):
        data = await api.ok(
            """mutation($id: ID!) {
                 updateContact(id: $id, input: {name: "Hacked"}) { errors { code } }
                 inviteMember(input: {email: "x@y.test"}) { errors { code } }
                 createContact(input: {kind: CLIENT, legalForm: PERSON, name: "X"}) { errors { code } }
               }""",
            {"id": w.client_contact_id},
            who.access,
        )
        assert data["updateContact"]["errors"][0]["code"] in {"FORBIDDEN", "NOT_FOUND"}
        assert data["inviteMember"]["errors"] == [{"code": "FORBIDDEN"}]
        assert data["createContact"]["errors"] == [{"code": "FORBIDDEN"}]
    card = await node(api, w.owner, w.client_contact_id, "... on Contact { name }")
    assert card == {"name": "Client"}


async def test_member_email_is_hidden_from_others_but_shown_to_self(api: Api) -> None:
    w = await world(api)
    me = await api.ok(
        "{ me { email role contact { name } manager { id } } }", token=w.client.access
    )
    assert me["me"] == {
        "email": w.client.email,
        "role": "CLIENT",
        "contact": {"name": "Client"},
        "manager": None,
    }
    # Staff see the portal member's e-mail through its contact card; the member itself too.
    seen = await node(
        api, w.staff, w.client_contact_id, "... on Contact { portalMembers { email } }"
    )
    assert seen == {"portalMembers": [{"email": w.client.email}]}


async def test_staff_see_everyone_and_every_detail(api: Api) -> None:
    w = await world(api)
    data = await api.ok("{ members { totalCount } contacts { totalCount } }", token=w.staff.access)
    assert data == {"members": {"totalCount": 4}, "contacts": {"totalCount": 3}}
    card = await node(api, w.staff, w.other_contact_id, "... on Contact { email taxId }")
    assert card == {"email": "other@c.test", "taxId": "77"}


async def test_members_list_costs_a_bounded_number_of_statements(api: Api) -> None:
    owner = await register(api)
    query = """{ members(first: 100) { totalCount edges { node {
        name email manager { name email } subordinates { name } company { name } contact { name }
    } } } }"""

    async def statements() -> int:
        with count_statements() as counter:
            await api.ok(query, token=owner.access)
        return len(counter.statements)

    head = await invite_and_accept(api, owner, "Head")
    await invite_and_accept(api, head, "Worker")
    few = await statements()
    for i in range(6):
        await invite_and_accept(api, head, f"Worker {i}")
    assert await statements() == few
    assert few <= 8
