"""A contact's channels and language (Contact.notifyBy/locale) and its phone in E.164.

Staff set them on createContact and updateContact; IN_APP (a contact has no app), a channel
named twice and a language the catalogues lack are INVALID on their field, and a refused
update changes nothing. The default is e-mail when the contact has an address. Only staff and
the contact's own members read them: a contractor shown its order's client does not, nor a
portal member of another contact. Every phone stored (create, update, import) is E.164; one
that is no number is refused naming its field."""

from __future__ import annotations

from typing import Any

import pytest

from models import Contact
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.contact_files import imported, table_bytes
from tests.support.tasks import pk
from tests.support.world import contact, create_order, portal_member

pytestmark = pytest.mark.asyncio

FIELDS = "id name phone email notifyBy locale"
CREATE = f"""
mutation($input: CreateContactInput!) {{
  createContact(input: $input) {{ contact {{ {FIELDS} }} errors {{ field code message }} }}
}}
"""
UPDATE = f"""
mutation($id: ID!, $input: UpdateContactInput!) {{
  updateContact(id: $id, input: $input) {{ contact {{ {FIELDS} }} errors {{ field code message }} }}
}}
"""
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on Contact {{ {FIELDS} }} }} }}"
LIST = "{ contacts(first: 50) { edges { node { name notifyBy locale } } } }"
ORDER_CLIENT = """
query($id: ID!) { node(id: $id) { ... on Order { client { name notifyBy locale phone } } } }
"""


async def create(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    variables = {"input": {"kind": "CLIENT", "legalForm": "PERSON", "name": "Анна", **fields}}
    payload: dict[str, Any] = (await api.ok(CREATE, variables, who.access))["createContact"]
    return payload


async def update(api: Api, who: Session, contact_id: str, **fields: Any) -> dict[str, Any]:
    data = await api.ok(UPDATE, {"id": contact_id, "input": fields}, who.access)
    payload: dict[str, Any] = data["updateContact"]
    return payload


async def read(api: Api, who: Session, contact_id: str) -> dict[str, Any] | None:
    node: dict[str, Any] | None = (await api.ok(NODE, {"id": contact_id}, who.access))["node"]
    return node


async def test_channels_and_language_round_trip_with_the_email_default(api: Api) -> None:
    owner = await register(api)
    plain = (await create(api, owner, email="anna@primer.ru"))["contact"]
    assert (plain["notifyBy"], plain["locale"]) == (["EMAIL"], None)
    silent = (await create(api, owner, name="Без почты"))["contact"]
    assert silent["notifyBy"] == []
    made = await create(
        api, owner, phone="+7 916 123-45-67", notifyBy=["SMS", "TELEGRAM"], locale="ru"
    )
    assert made["errors"] == []
    card = made["contact"]
    assert (card["notifyBy"], card["locale"], card["phone"]) == (
        ["SMS", "TELEGRAM"],
        "ru",
        "+79161234567",
    )
    changed = await update(api, owner, card["id"], notifyBy=["EMAIL"], locale=" EN ")
    assert (changed["contact"]["notifyBy"], changed["contact"]["locale"]) == (["EMAIL"], "en")
    # [] is "reach it on nothing"; null goes back to the default (e-mail once it has one).
    off = await update(api, owner, card["id"], notifyBy=[], locale=None)
    assert (off["contact"]["notifyBy"], off["contact"]["locale"]) == ([], None)
    back = await update(api, owner, card["id"], notifyBy=None, email="anna2@primer.ru")
    assert back["contact"]["notifyBy"] == ["EMAIL"]
    untouched = await update(api, owner, card["id"], name="Анна П.")
    assert untouched["contact"]["notifyBy"] == ["EMAIL"]
    stored = await Contact.get(id=pk(card["id"], "Contact"))
    assert (stored.notify_by, stored.locale) == (None, None)


async def test_in_app_a_repeated_channel_and_an_unknown_language_are_refused(api: Api) -> None:
    owner = await register(api)
    for fields, field in (
        ({"notifyBy": ["EMAIL", "IN_APP"]}, ["input", "notifyBy", "1"]),
        ({"notifyBy": ["SMS", "EMAIL", "SMS"]}, ["input", "notifyBy", "2"]),
        ({"locale": "de"}, ["input", "locale"]),
        ({"phone": "12345"}, ["input", "phone"]),
    ):
        refused = await create(api, owner, name="Отказ", **fields)
        assert refused["contact"] is None
        [error] = refused["errors"]
        assert (error["field"], error["code"]) == (field, "INVALID"), error
    assert await Contact.filter(company_id=pk(owner.company_id, "Company")).count() == 0
    card = (await create(api, owner, phone="89161234567", notifyBy=["SMS"], locale="ru"))["contact"]
    changes: list[tuple[dict[str, Any], list[str]]] = [
        ({"name": "Новое", "notifyBy": ["IN_APP"]}, ["input", "notifyBy", "0"]),
        ({"name": "Новое", "locale": "fr"}, ["input", "locale"]),
        ({"name": "Новое", "phone": "+7 900"}, ["input", "phone"]),
    ]
    for change, field in changes:
        refused = await update(api, owner, card["id"], **change)
        assert [e["field"] for e in refused["errors"]] == [field]
    assert await read(api, owner, card["id"]) == card  # nothing half-written


async def test_phones_are_stored_in_e164_and_searched_by_their_digits(api: Api) -> None:
    owner = await register(api)
    for written in ("8 (916) 123-45-67", "+7 916 123 45 67", "916 123-45-67", "+79161234567"):
        made = await create(api, owner, name=written, phone=written)
        assert made["contact"]["phone"] == "+79161234567", written
    card = (await create(api, owner, name="Лондон", phone="+44 20 7946 0958"))["contact"]
    assert card["phone"] == "+442079460958"
    moved = await update(api, owner, card["id"], phone="8-903-555-00-01")
    assert moved["contact"]["phone"] == "+79035550001"
    cleared = await update(api, owner, card["id"], phone="  ")
    assert cleared["contact"]["phone"] is None
    _ = await update(api, owner, card["id"], phone="8-903-555-00-01")
    query = "query($s: String) { contacts(filter: {search: $s}) { edges { node { name } } } }"
    for search in ("555-00", "(903) 555", "+7903555"):
        found = await api.ok(query, {"s": search}, owner.access)
        assert [e["node"]["name"] for e in found["contacts"]["edges"]] == ["Лондон"], search


async def test_an_import_stores_e164_and_refuses_a_row_with_no_number(api: Api) -> None:
    owner = await register(api)
    content = table_bytes(
        ["name", "phone"], ["Один", "8 (916) 555-44-33"], ["Два", "12345"], ["Три", ""]
    )
    result = await imported(api, owner.access, content)
    assert (result["created"], result["rows"]) == (2, 3)
    [error] = result["rowErrors"]
    assert (error["row"], error["column"]) == (3, "phone")
    assert "Not a valid phone number" in error["message"]
    company = pk(owner.company_id, "Company")
    phones = dict(await Contact.filter(company_id=company).values_list("name", "phone"))
    assert phones == {"Один": "+79165554433", "Три": None}


async def test_only_staff_and_the_contacts_own_members_read_its_channels(api: Api) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Boris Staff")
    client = await contact(api, owner, "CLIENT", "Romashka")
    other = await contact(api, owner, "CLIENT", "Lilia")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    _ = await update(api, owner, client.id, notifyBy=["SMS", "EMAIL"], locale="ru")
    own = await portal_member(api, owner, client, "Client One")
    stranger = await portal_member(api, owner, other, "Lilia Portal")
    worker = await portal_member(api, owner, contractor, "Sergey Portal")
    order = await create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0], contractorId=contractor.id
    )
    wanted = {"notifyBy": ["SMS", "EMAIL"], "locale": "ru"}
    for who in (owner, staff, own):
        card = await read(api, who, client.id)
        assert card is not None
        assert {k: card[k] for k in wanted} == wanted
    assert await read(api, stranger, client.id) is None  # another contact's member: no card
    # The contractor on the client's order sees the client's name, not its channels.
    seen = (await api.ok(ORDER_CLIENT, {"id": order["id"]}, worker.access))["node"]
    assert seen["client"] == {"name": "Romashka", "notifyBy": [], "locale": None, "phone": None}
    with count_statements() as counter:
        listed = await api.ok(LIST, token=owner.access)
    assert {"name": "Romashka", **wanted} in [e["node"] for e in listed["contacts"]["edges"]]
    assert {"name": "Lilia", "notifyBy": [], "locale": None} in [
        e["node"] for e in listed["contacts"]["edges"]
    ]
    assert len(counter.statements) <= 2, counter.statements  # the session, the page
