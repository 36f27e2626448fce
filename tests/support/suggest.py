"""A company to plan visits in: contractors with addresses, hours, skills, booked visits and
ratings, for the freeSlots and suggestContractors tests.

The company, its contacts and orders are made through the API. The settings this issue's
other mutations set (the company's zone and hours, a contractor's hours and skills, an
order's visit, a rating on a DONE order) are written to the rows directly, so that these
tests depend on nothing but the two queries under test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from models import Company, Contact, ContactSkill, Order, OrderStatus
from schema.ids import decode_id
from tests.support.api import Api, Session, register, unique
from tests.support.world import CREATE_CONTACT, create_order

FREE_SLOTS = """
query($c: ID!, $from: DateTime!, $to: DateTime!, $m: Int) {
  freeSlots(contractorId: $c, from: $from, to: $to, minutes: $m) { start end }
}"""

SUGGEST = """
query($o: ID!, $s: [String!], $first: Int) {
  suggestContractors(orderId: $o, skills: $s, first: $first) {
    contractor { id name }
    score free skilled distanceKm openOrders averageRating
  }
}"""

EVERY_DAY = [(day, time(9), time(17)) for day in range(1, 8)]


def hours_json(hours: list[tuple[int, time, time]]) -> list[dict[str, int | str]]:
    return [
        {"weekday": day, "start": start.isoformat(), "end": end.isoformat()}
        for day, start, end in hours
    ]


@dataclass
class Planner:
    """A company (its owner's session) and its client with one address."""

    owner: Session
    company_pk: int
    client_id: str
    address_id: str
    contractors: dict[str, str] = field(default_factory=dict)  # name -> global id


async def planner(
    api: Api,
    timezone: str,
    hours: list[tuple[int, time, time]],
    at: tuple[float, float] | None = (52.52, 13.405),
) -> Planner:
    owner = await register(api)
    company_pk = decode_id(owner.company_id, "Company")
    await Company.filter(id=company_pk).update(timezone=timezone, working_hours=hours_json(hours))
    client = await new_contact(api, owner, "CLIENT", unique("Client "), at)
    return Planner(owner, company_pk, client[0], client[1])


async def new_contact(
    api: Api, owner: Session, kind: str, name: str, at: tuple[float, float] | None
) -> tuple[str, str]:
    """(contact id, address id) of a new contact with one address, at `at` if given."""
    address: dict[str, Any] = {"text": f"{name}, street 1"}
    if at is not None:
        address |= {"latitude": at[0], "longitude": at[1]}
    data = await api.ok(
        CREATE_CONTACT,
        {"input": {"kind": kind, "legalForm": "PERSON", "name": name, "addresses": [address]}},
        owner.access,
    )
    payload = data["createContact"]
    assert payload["errors"] == [], payload["errors"]
    return payload["contact"]["id"], payload["contact"]["addresses"][0]["id"]


async def contractor(
    api: Api,
    p: Planner,
    name: str,
    at: tuple[float, float] | None = None,
    skills: tuple[str, ...] = (),
    hours: list[tuple[int, time, time]] | None = None,
) -> str:
    contractor_id, _ = await new_contact(api, p.owner, "CONTRACTOR", name, at)
    pk = decode_id(contractor_id, "Contact")
    if hours is not None:
        await Contact.filter(id=pk).update(working_hours=hours_json(hours))
    for skill in skills:
        _ = await ContactSkill.create(company_id=p.company_pk, contact_id=pk, skill=skill)
    p.contractors[name] = contractor_id
    return contractor_id


async def order(
    api: Api,
    p: Planner,
    contractor_id: str | None = None,
    visit: tuple[datetime, datetime] | None = None,
    status: OrderStatus | None = None,
    rating: int | None = None,
) -> str:
    """An order of the planner's client, booked with the contractor, then given the visit,
    status and rating as rows (see the module docstring)."""
    fields: dict[str, Any] = {"clientId": p.client_id, "addressId": p.address_id}
    if contractor_id is not None:
        fields["contractorId"] = contractor_id
    made = await create_order(api, p.owner, **fields)
    changes: dict[str, Any] = {}
    if visit is not None:
        changes |= {"visit_start": visit[0], "visit_end": visit[1]}
    if status is not None:
        changes["status"] = status
    if rating is not None:
        changes["rating"] = rating
    if changes:
        await Order.filter(id=decode_id(made["id"], "Order")).update(**changes)
    order_id: str = made["id"]
    return order_id
