"""The few GraphQL calls the benchmarks make to set up what they measure: a company with a
client and a contractor (each with a portal login) and an order, and a photo upload's
multipart parts. The benchmarks' own copy, so that they stand apart from tests/ (the import
contracts in pyproject.toml keep it so)."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

import httpx

PASSWORD = "correct horse battery"
PREFLIGHT = {"Apollo-Require-Preflight": "true"}  # the CSRF header multipart requests need
AUTH = "accessToken member { id } errors { field message code }"
REGISTER = f"mutation($input: RegisterInput!) {{ register(input: $input) {{ {AUTH} }} }}"
ACCEPT = (
    f"mutation($input: AcceptInvitationInput!) {{ acceptInvitation(input: $input) {{ {AUTH} }} }}"
)
CREATE_CONTACT = """mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id addresses { id } } errors { field code message } }
}"""
INVITE_CONTACT = """mutation($c: ID!, $e: String) {
  inviteContact(contactId: $c, email: $e) { token errors { field code message } }
}"""
CREATE_ORDER = """mutation($input: CreateOrderInput!) {
  createOrder(input: $input) { order { id } errors { field code message } }
}"""
SET_STATUS = """mutation($id: ID!, $s: OrderStatus!) {
  setOrderStatus(id: $id, status: $s) { order { id } errors { field code message } }
}"""
UPLOAD = """mutation($o: ID!, $f: Upload!, $k: PhotoKind, $c: String) {
  uploadOrderPhoto(orderId: $o, file: $f, kind: $k, caption: $c) {
    photo { id } errors { field code message } } }"""

_serial = itertools.count(1)


class SetupFailed(RuntimeError):
    pass


@dataclass
class Member:
    access: str
    member_id: str


@dataclass
class Card:
    id: str
    address_ids: list[str]


@dataclass
class Api:
    http: httpx.AsyncClient

    async def ok(
        self, query: str, variables: dict[str, Any], token: str | None = None
    ) -> dict[str, Any]:
        """The answer's `data`, its one root field's payload without errors."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        body: dict[str, Any] = response.json()
        if body.get("errors"):
            raise SetupFailed(body["errors"])
        (payload,) = body["data"].values()
        if payload.get("errors"):
            raise SetupFailed(payload["errors"])
        result: dict[str, Any] = payload
        return result


def email(prefix: str) -> str:
    return f"bench.{prefix}{next(_serial)}@example.test"


async def register(api: Api, company: str) -> Member:
    payload = await api.ok(
        REGISTER,
        {
            "input": {
                "companyName": company,
                "name": "Olga Owner",
                "email": email("owner"),
                "password": PASSWORD,
            }
        },
    )
    return Member(payload["accessToken"], payload["member"]["id"])


async def contact(api: Api, owner: Member, kind: str, name: str) -> Card:
    addresses = [{"text": f"{name}, street 1"}]
    payload = await api.ok(
        CREATE_CONTACT,
        {"input": {"kind": kind, "legalForm": "PERSON", "name": name, "addresses": addresses}},
        owner.access,
    )
    card = payload["contact"]
    return Card(card["id"], [a["id"] for a in card["addresses"]])


async def portal_member(api: Api, owner: Member, card: Card, name: str) -> Member:
    invited = await api.ok(INVITE_CONTACT, {"c": card.id, "e": email("portal")}, owner.access)
    accepted = {"token": invited["token"], "name": name, "password": PASSWORD}
    payload = await api.ok(ACCEPT, {"input": accepted})
    return Member(payload["accessToken"], payload["member"]["id"])


async def create_order(api: Api, owner: Member, deadline: str, **fields: Any) -> str:
    order = {"title": "Clean", "deadline": deadline, **fields}
    payload = await api.ok(CREATE_ORDER, {"input": order}, owner.access)
    order_id: str = payload["order"]["id"]
    return order_id


async def move(api: Api, who: Member, order_id: str, status: str) -> None:
    _ = await api.ok(SET_STATUS, {"id": order_id, "s": status}, who.access)


def multipart_parts(order_id: str) -> dict[str, str]:
    """The `operations` and `map` parts of an upload of file part "0" to the order."""
    operations = {"query": UPLOAD, "variables": {"o": order_id, "f": None, "k": None, "c": None}}
    return {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})}
