"""A company for the outbound-message tests: a client and a contractor reached outside the
app (e-mail, phone), each with one portal member, an order booked with a visit, price, fee
and an internal note; and reading the messages made about an order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models import OutboundMessage
from schema.ids import parse_global_id
from tests.support.api import Api, Session, register, unique_email
from tests.support.world import ContactCard, create_order, portal_member
from tests.test_visits_booking import at

PRICE, FEE, NOTE = "4321.00", "1234.00", "Secret staff note 77"
CREATE_CONTACT = """
mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id addresses { id } } errors { field code message } }
}
"""


@dataclass
class Setup:
    owner: Session
    client: ContactCard
    contractor: ContactCard
    client_email: str
    contractor_email: str

    @property
    def company_pk(self) -> int:
        return pk(self.owner.company_id)


def pk(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return int(parsed[1])


async def contact(api: Api, who: Session, kind: str, name: str, **extra: Any) -> ContactCard:
    data = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": kind,
                "legalForm": "PERSON",
                "name": name,
                "addresses": [{"text": f"{name} street 5", "details": "Gate code 42"}],
                **extra,
            }
        },
        who.access,
    )
    payload = data["createContact"]
    assert payload["errors"] == [], payload["errors"]
    return ContactCard(payload["contact"]["id"], [a["id"] for a in payload["contact"]["addresses"]])


async def setup(api: Api, members: bool = False) -> Setup:
    owner = await register(api)
    client_email, contractor_email = unique_email("client"), unique_email("fixer")
    client = await contact(
        api, owner, "CLIENT", "Anna Client", email=client_email, phone="+7 916 123-45-67"
    )
    contractor = await contact(
        api, owner, "CONTRACTOR", "Ivan Fixer", email=contractor_email, phone="+79161112233"
    )
    if members:
        await portal_member(api, owner, client, "Client Member")
        await portal_member(api, owner, contractor, "Fixer Member")
    return Setup(owner, client, contractor, client_email, contractor_email)


async def booked_order(api: Api, s: Setup, **fields: Any) -> dict[str, Any]:
    terms: dict[str, Any] = {
        "clientId": s.client.id,
        "addressId": s.client.address_ids[0],
        "contractorId": s.contractor.id,
        "price": PRICE,
        "contractorFee": FEE,
        "internalNote": NOTE,
        "description": "Fix the tap in the kitchen",
        "visitStart": at(10),
        "visitEnd": at(12),
        "deadline": None,
    }
    return await create_order(api, s.owner, **{**terms, **fields})


async def messages(order_id: str, **where: Any) -> list[OutboundMessage]:
    return list(await OutboundMessage.filter(order_id=pk(order_id), **where).order_by("id"))
