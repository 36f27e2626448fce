"""Shared pieces of the corrections tests (tests/test_corrections_addresses.py and
tests/test_contacts_archive.py): the mutations, and a world of one client with an order
in every state and a contractor with a portal member."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.api import Api, Session, register
from tests.support.world import ContactCard, contact, create_order, move, portal_member

ERRORS = "errors { field code message }"
ADDRESS = "id text label details latitude longitude archived"
UPDATE_ADDRESS = f"""
mutation($id: ID!, $input: AddressInput!) {{
  updateAddress(id: $id, input: $input) {{ address {{ {ADDRESS} }} {ERRORS} }}
}}"""
ARCHIVE_ADDRESS = f"""
mutation($id: ID!) {{ archiveAddress(id: $id) {{ address {{ {ADDRESS} }} {ERRORS} }} }}"""
ARCHIVE_CONTACT = f"""
mutation($id: ID!) {{ archiveContact(id: $id) {{ contact {{ id name archived }} {ERRORS} }} }}"""
RESTORE_CONTACT = f"""
mutation($id: ID!) {{ restoreContact(id: $id) {{ contact {{ id name archived }} {ERRORS} }} }}"""
ORDER_ADDRESS = """
query($id: ID!) { node(id: $id) { ... on Order { status address { id text archived } } } }"""
CONTACT_ADDRESSES = """
query($id: ID!) { node(id: $id) { ... on Contact { archived addresses { id text archived } } } }"""
UPDATE_ORDER = f"""
mutation($id: ID!, $input: UpdateOrderInput!) {{
  updateOrder(id: $id, input: $input) {{ order {{ id }} {ERRORS} }}
}}"""
CREATE_ORDER = f"""
mutation($input: CreateOrderInput!) {{ createOrder(input: $input) {{ order {{ id }} {ERRORS} }} }}"""


async def call(
    api: Api, who: Session, query: str, variables: dict[str, Any], name: str
) -> dict[str, Any]:
    """The payload of mutation `name`."""
    data = await api.ok(query, variables, who.access)
    payload: dict[str, Any] = data[name]
    return payload


async def refused(
    api: Api, who: Session, query: str, variables: dict[str, Any], name: str
) -> dict[str, Any]:
    """The one error of a refused mutation (its payload's object null)."""
    payload = await call(api, who, query, variables, name)
    assert [v for k, v in payload.items() if k != "errors"] == [None], payload
    assert len(payload["errors"]) == 1, payload
    error: dict[str, Any] = payload["errors"][0]
    return error


@dataclass
class Book:
    owner: Session
    client: ContactCard
    contractor: ContactCard
    client_portal: Session
    contractor_portal: Session
    orders: dict[str, str]  # status -> order id, all at client.address_ids[0]


async def book(api: Api) -> Book:
    """A company with a client (two addresses) whose orders at its first address are in
    every status, and a contractor; each with a portal member."""
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna Petrova")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey Cleaner")
    client_portal = await portal_member(api, owner, client, "Anna Portal")
    contractor_portal = await portal_member(api, owner, contractor, "Sergey Portal")
    paths = {
        "NEW": [],
        "IN_PROGRESS": ["IN_PROGRESS"],
        "DONE": ["IN_PROGRESS", "DONE"],
        "CANCELLED": ["CANCELLED"],
    }
    orders = {}
    for status, path in paths.items():
        order = await create_order(
            api,
            owner,
            clientId=client.id,
            addressId=client.address_ids[0],
            **({"contractorId": contractor.id} if path and path[0] != "CANCELLED" else {}),
        )
        for step in path:
            await move(api, owner, order["id"], step)
        orders[status] = order["id"]
    return Book(owner, client, contractor, client_portal, contractor_portal, orders)
