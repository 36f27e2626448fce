"""A member's own channels per kind (setNotificationPreferences, Member.notificationPreferences)
and who reads what the service sent outside the app (Order.outbound, node(id)): staff who see
the order; portal members, another company and an API token get nothing."""

from __future__ import annotations

from typing import Any

import pytest

from models import Membership, OutboundMessage
from schema.ids import to_global_id
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.outbound import booked_order, pk, setup

pytestmark = pytest.mark.asyncio

SET = """mutation($p: [NotificationPreferenceInput!]!) {
  setNotificationPreferences(preferences: $p) {
    member { id notificationPreferences { kind channels } } errors { field code message } } }"""
MEMBER = """query($id: ID!) { node(id: $id) { ... on Member {
  id notificationPreferences { kind channels } } } }"""
ORDER = """query($id: ID!) { node(id: $id) { ... on Order {
  id outbound { id kind channel to text status error createdAt sentAt } } } }"""
MESSAGE = """query($id: ID!) { node(id: $id) { ... on OutboundMessage { id to status } } }"""
PAGE = """query($n: Int) { orders(first: $n) { edges { node {
  id outbound { id channel to status } } } } }"""


async def choose(api: Api, who: Session, prefs: list[dict[str, Any]]) -> dict[str, Any]:
    data = await api.ok(SET, {"p": prefs}, who.access)
    payload: dict[str, Any] = data["setNotificationPreferences"]
    return payload


async def test_a_portal_member_chooses_its_channels_and_only_it_reads_them(api: Api) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    chosen = [
        {"kind": "ORDER_ASSIGNED", "channels": ["EMAIL", "SMS"]},
        {"kind": "VISIT_REMINDER", "channels": ["IN_APP"]},
        {"kind": "ORDER_COMMENTED", "channels": []},
    ]
    payload = await choose(api, fixer, chosen)
    assert payload["errors"] == []
    assert payload["member"]["notificationPreferences"] == chosen
    own = await api.ok(MEMBER, {"id": fixer.member_id}, fixer.access)
    assert own["node"]["notificationPreferences"] == chosen
    # The owner sees the member, not its choice; nor does a colleague of the same contact.
    by_owner = await api.ok(MEMBER, {"id": fixer.member_id}, s.owner.access)
    assert by_owner["node"] == {"id": fixer.member_id, "notificationPreferences": None}
    # Choosing again replaces the whole list; an empty list goes back to the defaults.
    payload = await choose(api, fixer, [{"kind": "ORDER_OVERDUE", "channels": ["TELEGRAM"]}])
    assert payload["member"]["notificationPreferences"] == [
        {"kind": "ORDER_OVERDUE", "channels": ["TELEGRAM"]}
    ]
    payload = await choose(api, fixer, [])
    assert payload["member"]["notificationPreferences"] == []
    member = await Membership.get(id=pk(fixer.member_id))
    assert member.notification_preferences is None
    # Staff choose for themselves too, staff kinds included.
    staff = await invite_and_accept(api, s.owner, "Staff Sam")
    payload = await choose(api, staff, [{"kind": "TASK_OVERDUE", "channels": ["EMAIL"]}])
    assert payload["errors"] == []


@pytest.mark.parametrize(
    ("prefs", "field"),
    [
        (
            [
                {"kind": "ORDER_ASSIGNED", "channels": ["EMAIL"]},
                {"kind": "ORDER_ASSIGNED", "channels": []},
            ],
            ["preferences", "1", "kind"],
        ),
        (
            [{"kind": "ORDER_OVERDUE", "channels": ["SMS", "SMS"]}],
            ["preferences", "0", "channels", "1"],
        ),
        ([{"kind": "TASK_ASSIGNED", "channels": ["EMAIL"]}], ["preferences", "0", "kind"]),
    ],
)
async def test_a_wrong_choice_is_refused_and_nothing_is_stored(
    api: Api, prefs: list[dict[str, Any]], field: list[str]
) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    before = [{"kind": "ORDER_ASSIGNED", "channels": ["SMS"]}]
    assert (await choose(api, fixer, before))["errors"] == []
    payload = await choose(api, fixer, [*prefs])
    assert payload["member"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("INVALID", field)]
    member = await Membership.get(id=pk(fixer.member_id))
    assert member.notification_preferences == before
    # Staff may not ask for rating requests: they rate nothing.
    rating = [{"kind": "RATING_REQUESTED", "channels": ["EMAIL"]}]
    refused = await choose(api, s.owner, rating)
    assert refused["errors"][0]["code"] == "INVALID"


async def test_order_outbound_is_for_staff_who_see_the_order_only(api: Api) -> None:
    s = await setup(api, members=True)
    order = await booked_order(api, s)
    data = await api.ok(ORDER, {"id": order["id"]}, s.owner.access)
    listed = data["node"]["outbound"]
    assert {(m["channel"], m["to"], m["status"]) for m in listed} == {
        ("EMAIL", s.contractor_email, "PENDING"),
        ("EMAIL", s.client_email, "PENDING"),
    }
    assert all(m["sentAt"] is None and m["error"] is None for m in listed)
    for member in (s.client.members[0], s.contractor.members[0]):
        seen = await api.ok(ORDER, {"id": order["id"]}, member.access)
        assert seen["node"] == {"id": order["id"], "outbound": None}
        one = await api.ok(MESSAGE, {"id": listed[0]["id"]}, member.access)
        assert one["node"] is None
    # node(id) of a message: staff who see the order; another company's owner sees nothing.
    one = await api.ok(MESSAGE, {"id": listed[0]["id"]}, s.owner.access)
    assert one["node"]["id"] == listed[0]["id"]
    stranger = await register(api)
    assert (await api.ok(MESSAGE, {"id": listed[0]["id"]}, stranger.access))["node"] is None
    assert (await api.ok(ORDER, {"id": order["id"]}, stranger.access))["node"] is None
    # A STAFF member who does not see the order (not responsible, not above) sees neither.
    outsider = await invite_and_accept(api, s.owner, "Other Staff")
    assert (await api.ok(MESSAGE, {"id": listed[0]["id"]}, outsider.access))["node"] is None
    missing = to_global_id("OutboundMessage", 10**12)
    assert (await api.ok(MESSAGE, {"id": missing}, s.owner.access))["node"] is None


async def test_a_page_of_orders_with_outbound_costs_the_same_statements_for_2_or_12(
    api: Api,
) -> None:
    s = await setup(api)
    for _ in range(2):
        await booked_order(api, s, allowOverlap=True)

    async def statements(n: int) -> tuple[int, int]:
        with count_statements() as counter:
            data = await api.ok(PAGE, {"n": n}, s.owner.access)
        edges = data["orders"]["edges"]
        assert all(len(e["node"]["outbound"]) == 2 for e in edges)
        return len(counter.statements), len(edges)

    few = await statements(2)
    for _ in range(10):
        await booked_order(api, s, allowOverlap=True)
    many = await statements(12)
    assert (few[1], many[1]) == (2, 12)
    assert few[0] == many[0], (few, many)
    rows = await OutboundMessage.filter(company_id=s.company_pk).count()
    print(f"\norders(first: 12) with outbound ({rows} messages): {many[0]} statements")
