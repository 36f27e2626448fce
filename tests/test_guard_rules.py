"""The field table at work: each guarded field asks its `FieldRule` from the table, and each
`RowFilter` field loads its rows through exactly the function its entry names.

One staff member reads a company where every guarded and filtered field has something to
show. Then the table's rules are swapped for refusing ones (or the named filter for one
that lets nothing through) and the same query shows what a user would see change.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.queryset import QuerySet

import models
from permissions.actor import Actor
from permissions.field_rules import FIELD_RULES, FieldRule, RowFilter
from permissions.members import NO_ROW
from schema.ids import parse_global_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.inbox import MAKE_ORDER, arrive
from tests.support.series import create_series, series_input
from tests.support.world import ContactCard, contact, create_order, in_days, portal_member

pytestmark = pytest.mark.asyncio

APP_PACKAGES = frozenset({"permissions", "resolvers", "realtime", "schema", "channels"})

CREATE_CONTACT = """mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id addresses { id } } errors { code } } }"""
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { code } } }"""
COMMENT = """mutation($o: ID!) {
  addComment(orderId: $o, body: "Door code 1234") { comment { id } errors { code } } }"""
CONVERSATIONS = "{ conversations(first: 5) { edges { node { id } } } }"
PROFILE = """mutation($id: ID!) {
  updateContact(id: $id, input: {
    skills: ["taps"], workingHours: [{weekday: 1, start: "09:00", end: "17:00"}]
  }) { errors { code } } }"""

GUARDED = """{
  members(first: 50) { edges { node {
    email manager { id } subordinates { id } notificationPreferences { kind } } } }
  contacts(first: 50) { edges { node {
    email phone telegram taxId notes addresses { id } manager { id } portalMembers { id }
    skills workingHours { weekday } averageRating notifyBy locale } } }
  me { company { escalation { overdueMinutes } } }
  orders(first: 10) { edges { node { price contractorFee internalNote feedback outbound { id } } } }
  orderSeries(first: 50) { edges { node { price contractorFee internalNote } } }
  conversations(first: 50) { edges { node {
    messages { edges { node { author { id } } } } } } }
}"""
FILTERED = """{
  contacts(first: 50) { edges { node { orders { edges { node { id } } } } } }
  tasks(first: 50) { edges { node { order { id } } } }
  notifications(first: 50) { edges { node { order { id } task { id } conversation { id } } } }
  conversations(first: 50) { edges { node { order { id } } } }
  orders(first: 50) { edges { node {
    comments { edges { node { id } } } conversation { id } series { id } } } }
  orderSeries(first: 50) { edges { node { orders { edges { node { id } } } } } }
}"""
# The list of the root query each type is read from in the queries above.
ROOT_OF = {
    "Member": "members",
    "Contact": "contacts",
    "Order": "orders",
    "Task": "tasks",
    "Notification": "notifications",
    "Conversation": "conversations",
    "OrderSeries": "orderSeries",
}
# Nothing to show: no rating, no reply.
PREFERENCES = """mutation($p: [NotificationPreferenceInput!]!) {
  setNotificationPreferences(preferences: $p) { errors { code message } } }"""
NO_DATA = {"Order.feedback", "Message.author", "Contact.averageRating"}


@dataclass
class Company:
    owner: Session
    staff: Session  # the reader: responsible for the orders, manager of the contact


async def _company(api: Api) -> Company:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Guard Staff")
    made = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Guard Client",
                "email": "client@example.test",
                "phone": "+79160000001",
                "locale": "ru",
                "telegram": "@guard_client",
                "taxId": "7700000000",
                "notes": "Ring twice",
                "managerId": staff.member_id,
                "addresses": [{"text": "Guard street 1"}],
            }
        },
        owner.access,
    )
    client = made["createContact"]["contact"]
    card = ContactCard(client["id"], [a["id"] for a in client["addresses"]])
    await portal_member(api, owner, card, "Guard Portal")
    fixer = await contact(api, owner, "CONTRACTOR", "Guard Fixer")
    done = await api.ok(PROFILE, {"id": fixer.id}, owner.access)
    assert done["updateContact"]["errors"] == []
    order = await create_order(
        api,
        owner,
        clientId=card.id,
        addressId=card.address_ids[0],
        responsibleId=staff.member_id,
        contractorId=fixer.id,
        price="100.00",
        contractorFee="60.00",
        internalNote="Keys under the mat",
    )
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    fields = {"responsibleId": staff.member_id, "contractorId": fixer.id, "price": "90.00"}
    extra = {"contractorFee": "50.00", "internalNote": "Weekly keys", "startDate": tomorrow}
    await create_series(api, owner, **series_input(card.id, card.address_ids[0], **fields, **extra))
    done = await api.ok(COMMENT, {"o": order["id"]}, owner.access)
    assert done["addComment"]["errors"] == []
    task = {"title": "Call", "assigneeId": staff.member_id, "orderId": order["id"]}
    done = await api.ok(CREATE_TASK, {"input": {**task, "deadline": in_days(1)}}, owner.access)
    assert done["createTask"]["errors"] == []
    company = parse_global_id(owner.company_id)
    assert company is not None
    await arrive(int(company[1]), "Hello, the tap leaks", key="guard-chat")
    chat = (await api.ok(CONVERSATIONS, token=staff.access))["conversations"]["edges"][0]
    made = await api.ok(
        MAKE_ORDER,
        {
            "c": chat["node"]["id"],
            "input": {
                "clientId": card.id,
                "addressId": card.address_ids[0],
                "title": "Tap",
                "deadline": in_days(2),
            },
        },
        staff.access,
    )
    assert made["createOrderFromConversation"]["errors"] == []
    chosen = [{"kind": "ORDER_ASSIGNED", "channels": ["IN_APP", "EMAIL"]}]
    done = await api.ok(PREFERENCES, {"p": chosen}, staff.access)
    assert done["setNotificationPreferences"]["errors"] == []
    return Company(owner, staff)


def _shown(value: Any) -> bool:
    if isinstance(value, dict) and "edges" in value:
        return bool(value["edges"])
    return value not in (None, [])


def _nodes(data: dict[str, Any], type_name: str) -> list[dict[str, Any]] | None:
    connection = data.get(ROOT_OF[type_name])
    return None if connection is None else [edge["node"] for edge in connection["edges"]]


async def _seen(api: Api, query: str, who: Session, keys: set[str]) -> dict[str, bool | None]:
    """For each `Type.field`: shown on some object (True), on none (False), or no object of
    the type was listed (None)."""
    data = await api.ok(query, token=who.access)
    messages = [
        edge["node"]
        for chat in data.get("conversations", {}).get("edges", [])
        for edge in chat["node"].get("messages", {}).get("edges", [])
    ]
    seen: dict[str, bool | None] = {}
    for key in keys:
        type_name, field = key.split(".")
        nodes: list[Any] | None
        if type_name == "Message":
            nodes = messages
        elif type_name == "Company":
            nodes = [data["me"]["company"]] if "me" in data else None
        else:
            nodes = _nodes(data, type_name)
        seen[key] = None if not nodes else any(_shown(node[field]) for node in nodes)
    return seen


def _keys(kind: type) -> set[str]:
    return {key for key, access in FIELD_RULES.items() if isinstance(access, kind)}


async def test_each_guarded_field_asks_its_own_table_rule(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staff see every guarded field; with the table's rules refusing, they see none, and
    each rule was asked about the object it reads."""
    company = await _company(api)
    guarded = _keys(FieldRule)
    before = await _seen(api, GUARDED, company.staff, guarded)
    assert {key for key, shown in before.items() if not shown} == NO_DATA

    asked: dict[str, set[type]] = {}

    def refusing(key: str) -> Callable[..., bool]:
        def check(actor: Actor | None, subject: Any = None) -> bool:
            asked.setdefault(key, set()).add(type(subject))
            return False

        return check

    for key in guarded:
        rule = FIELD_RULES[key]
        assert isinstance(rule, FieldRule)
        replacement = FieldRule(refusing(key), rule.reads, rule.for_visitors)
        monkeypatch.setitem(FIELD_RULES, key, replacement)
    after = await _seen(api, GUARDED, company.staff, guarded)
    assert after == dict.fromkeys(guarded, False)
    assert set(asked) == guarded
    for key, types in asked.items():
        rule = FIELD_RULES[key]
        assert isinstance(rule, FieldRule)
        row = {models.OrderSeries if key.startswith("OrderSeries.") else models.Order}
        subjects = {"row": row, "user_id": {int}, "pk": {int}, None: {type(None)}}
        assert types == subjects[rule.reads], key


def _deny_everywhere(monkeypatch: pytest.MonkeyPatch, function: Callable[[Actor], Any]) -> None:
    """Wherever the app bound `function`, a version of it that lets nothing through."""

    def nothing(actor: Actor) -> Any:
        allowed = function(actor)
        return allowed.filter(id=NO_ROW) if isinstance(allowed, QuerySet) else ()

    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] not in APP_PACKAGES:
            continue
        for attribute, value in list(vars(module).items()):
            if value is function:
                monkeypatch.setattr(module, attribute, nothing)


async def test_each_row_filter_field_loads_through_exactly_its_named_function(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Denying the named filter empties its fields and no other: the field's rows depend on
    that function, and on no other filter of the table."""
    company = await _company(api)
    filtered = {key: access for key, access in FIELD_RULES.items() if isinstance(access, RowFilter)}
    before = await _seen(api, FILTERED, company.staff, set(filtered))
    assert before == dict.fromkeys(filtered, True)
    for function in {access.function for access in filtered.values()}:
        with monkeypatch.context() as patch:
            _deny_everywhere(patch, function)
            after = await _seen(api, FILTERED, company.staff, set(filtered))
        emptied = {key for key, shown in after.items() if shown is False}
        mine = {key for key, access in filtered.items() if access.function is function}
        assert emptied == mine, function.__qualname__
