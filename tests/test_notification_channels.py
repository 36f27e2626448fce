"""Every in-app notification follows its member's setNotificationPreferences for the kind (no
choice: as before; IN_APP in it: the notification; EMAIL/TELEGRAM/SMS: an OutboundMessage
each; empty: nothing), and a person hears of an event once per channel: a portal member
whose contact is told of the event outside the app gets no second copy, whether by its own
choice or by the old e-mail copy to a login that is the contact's e-mail. Through the API,
on both databases; the statements stay bounded whatever the number of members told; and what
an event is said to tell outside the app (the rule's input) is what it tells, over a story."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import (
    Comment,
    Contact,
    DeliveryChannel,
    DeliveryStatus,
    Notification,
    Order,
    OrderEvent,
    OrderEventKind,
    OutboundMessage,
)
from models.mail import OutboxEmail
from resolvers import events, outbound_events
from resolvers.deadline_watch import watch_once
from resolvers.outbound_events import contacts_told, visit_told
from tests.support.api import (
    ACCEPT,
    PASSWORD,
    Api,
    Session,
    count_statements,
    invite_and_accept,
    session_of,
    unique_email,
)
from tests.support.outbound import Setup, booked_order, contact, pk, setup
from tests.support.world import ASSIGN, COMMENT, INVITE_CONTACT, move, portal_member
from tests.test_notification_preferences import choose
from tests.test_visits_booking import UPDATE, at

pytestmark = pytest.mark.asyncio


async def copies(email: str) -> int:
    """Outbox e-mail copies of notifications to `email` (its invitation left out)."""
    return await OutboxEmail.filter(to=email, subject__startswith="Order #").count()


async def notes(member: Session, order: dict[str, Any]) -> list[str]:
    rows = await Notification.filter(member_id=pk(member.member_id), order_id=pk(order["id"]))
    return sorted(str(n.kind) for n in rows)


async def outside(member: Session, order: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    rows = await OutboundMessage.filter(member_id=pk(member.member_id), order_id=pk(order["id"]))
    return {(str(m.kind), str(m.channel), m.to, str(m.status)) for m in rows}


async def test_a_staff_members_choice_decides_each_kinds_channels(api: Api) -> None:
    s = await setup(api)
    sam = await invite_and_accept(api, s.owner, "Staff Sam")
    chosen = [
        {"kind": "ORDER_CREATED", "channels": []},
        {"kind": "ORDER_STATUS_CHANGED", "channels": ["EMAIL", "TELEGRAM"]},
        {"kind": "ORDER_COMMENTED", "channels": ["IN_APP", "SMS"]},
    ]
    assert (await choose(api, s.owner, chosen))["errors"] == []
    # Sam's order: its manager, the owner, is told of each step as it chose.
    order = await booked_order(api, s, responsibleId=sam.member_id)
    await move(api, sam, order["id"], "IN_PROGRESS")
    await api.ok(COMMENT, {"o": order["id"], "b": "On my way", "v": "INTERNAL"}, sam.access)
    assert await notes(s.owner, order) == ["ORDER_COMMENTED"]  # no CREATED, no STATUS_CHANGED
    assert await outside(s.owner, order) == {
        ("ORDER_STATUS_CHANGED", "EMAIL", s.owner.email, "PENDING"),
        ("ORDER_STATUS_CHANGED", "TELEGRAM", "", "FAILED"),  # no chat tied yet: says so
        ("ORDER_COMMENTED", "SMS", "", "FAILED"),  # staff have no contact's phone
    }
    mailed = await OutboundMessage.get(
        member_id=pk(s.owner.member_id), channel=DeliveryChannel.EMAIL
    )
    assert f"Order #{order['number']}" in mailed.text
    assert "Open the service desk" in mailed.text  # the outbox copy's words
    assert mailed.subject is not None
    assert "\n" not in mailed.subject
    # No choice for a kind: as before (Sam, the responsible, is the actor: told nothing).
    assert await copies(s.owner.email) == 0


async def test_a_portal_member_with_a_choice_hears_of_its_contacts_event_once(api: Api) -> None:
    s = await setup(api, members=True)
    fixer = s.contractor.members[0]
    chosen = [
        {"kind": "ORDER_ASSIGNED", "channels": ["EMAIL"]},
        {"kind": "ORDER_STATUS_CHANGED", "channels": ["SMS"]},
    ]
    assert (await choose(api, fixer, chosen))["errors"] == []
    order = await booked_order(api, s)
    # The booking reaches the contractor outside the app: the member's e-mail is that one
    # message (resolvers.outbound), with no in-app row and no outbox copy beside it.
    assert await notes(fixer, order) == []
    (booking,) = await OutboundMessage.filter(
        member_id=pk(fixer.member_id), order_id=pk(order["id"])
    )
    assert (booking.channel, booking.to) == (DeliveryChannel.EMAIL, fixer.email)
    assert booking.text.startswith("You are booked")
    assert await copies(fixer.email) == 0
    # Work started tells the contractor nothing outside the app: the member's SMS is queued
    # here, to its contact's phone.
    await move(api, s.owner, order["id"], "IN_PROGRESS")
    assert await notes(fixer, order) == []
    assert ("ORDER_STATUS_CHANGED", "SMS", "+79161112233", "PENDING") in await outside(fixer, order)


async def contact_login(api: Api, s: Setup, email: str) -> Session:
    """A contractor's portal member whose login is the contact's own e-mail."""
    invited = await api.ok(INVITE_CONTACT, {"c": s.contractor.id, "e": email}, s.owner.access)
    assert invited["inviteContact"]["errors"] == []
    data = await api.ok(
        ACCEPT,
        {
            "input": {
                "token": invited["inviteContact"]["token"],
                "name": "Sergey",
                "password": PASSWORD,
            }
        },
    )
    return session_of(data["acceptInvitation"], email)


async def test_a_login_that_is_the_contacts_email_gets_no_second_copy(api: Api) -> None:
    s = await setup(api)
    sergey = await contact_login(api, s, s.contractor_email)
    other = await portal_member(api, s.owner, s.contractor, "Other Fixer")
    order = await booked_order(api, s)
    # Both are told in the app; the contact's booking mail reaches Sergey's address once.
    assert await notes(sergey, order) == ["ORDER_ASSIGNED"]
    assert await notes(other, order) == ["ORDER_ASSIGNED"]
    to_sergey = await OutboundMessage.filter(to=s.contractor_email, order_id=pk(order["id"]))
    assert [(m.contact_id, m.member_id) for m in to_sergey] == [(pk(s.contractor.id), None)]
    assert await copies(s.contractor_email) == 0
    # A member with a login of its own still gets the copy of its notification.
    assert await copies(other.email) == 1
    # A contact not e-mailed (its channels say so): the copy is Sergey's only mail.
    await Contact.filter(id=pk(s.contractor.id)).update(notify_by=["SMS"])
    second = await booked_order(api, s, visitStart=at(14), visitEnd=at(16))
    assert await notes(sergey, second) == ["ORDER_ASSIGNED"]
    assert await copies(s.contractor_email) == 1


async def test_choices_cost_the_same_statements_for_one_member_or_many(api: Api) -> None:
    costs: list[int] = []
    for size in (1, 4):
        s = await setup(api)
        for i in range(size):
            member = await portal_member(api, s.owner, s.client, f"Client {i}")
            prefs = [{"kind": "ORDER_STATUS_CHANGED", "channels": ["EMAIL", "TELEGRAM", "SMS"]}]
            assert (await choose(api, member, prefs))["errors"] == []
        order = await booked_order(api, s)
        with count_statements() as counter:
            await move(api, s.owner, order["id"], "IN_PROGRESS")
        costs.append(len(counter.statements))
        rows = await OutboundMessage.filter(
            order_id=pk(order["id"]), member_id__isnull=False, kind="ORDER_STATUS_CHANGED"
        )
        assert len(rows) == 3 * size
        assert {r.status for r in rows} == {DeliveryStatus.PENDING, DeliveryStatus.FAILED}
        clients = Notification.filter(order_id=pk(order["id"]), member__contact_id=pk(s.client.id))
        assert await clients.count() == 0
    assert costs[0] == costs[1], costs


async def test_what_an_event_is_said_to_tell_outside_is_what_it_tells(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """contacts_told (asked before the messages are made) and visit_told (after) agree with
    the rows resolvers.outbound_events makes, event by event, over an order's whole story:
    the once-per-channel rule leans on them."""
    seen: list[tuple[str, set[tuple[int, str]], set[tuple[int, str]]]] = []
    original = outbound_events.on_order_event_outbound

    async def checked(order: Order, event: OrderEvent, comment: Comment | None = None) -> None:
        said = await contacts_told(order, event, comment)
        last = await OutboundMessage.filter(order_id=order.id).order_by("-id").first()
        await original(order, event, comment)
        if event.kind == OrderEventKind.UPDATED:
            said = await visit_told(order, event)
        made = await OutboundMessage.filter(order_id=order.id, id__gt=last.id if last else 0)
        rows = {
            (m.contact_id, str(m.kind))
            for m in made
            if m.contact_id is not None and not (m.dedupe_key or "").startswith("off:")
        }
        seen.append((str(event.kind), {(c, str(k)) for c, k in said}, rows))

    monkeypatch.setattr(events, "on_order_event_outbound", checked)
    s = await setup(api, members=True)
    order = await booked_order(api, s)
    await api.ok(UPDATE, {"id": order["id"], "input": {"title": "Renamed"}}, s.owner.access)
    moved = {"visitStart": at(14), "visitEnd": at(15)}
    await api.ok(UPDATE, {"id": order["id"], "input": moved}, s.owner.access)
    await move(api, s.owner, order["id"], "IN_PROGRESS")
    for visibility in ("CLIENT", "INTERNAL"):
        await api.ok(COMMENT, {"o": order["id"], "b": "Hi", "v": visibility}, s.owner.access)
    client = s.client.members[0]
    await api.ok(COMMENT, {"o": order["id"], "b": "Thanks", "v": "CLIENT"}, client.access)
    await watch_once(
        datetime.now(UTC) + timedelta(days=30), timedelta(hours=1), companies=[s.company_pk]
    )
    await move(api, s.owner, order["id"], "DONE")
    await move(api, s.owner, order["id"], "IN_PROGRESS", "Not quite")
    unbooked = await booked_order(api, s, contractorId=None, visitStart=at(20), visitEnd=at(21))
    await move(api, s.owner, unbooked["id"], "CANCELLED")
    second = await booked_order(api, s, visitStart=at(22), visitEnd=at(23))
    other = await contact(api, s.owner, "CONTRACTOR", "Other Fixer", email=unique_email("o"))
    await api.ok(ASSIGN, {"id": second["id"], "c": other.id}, s.owner.access)
    await move(api, s.owner, second["id"], "CANCELLED")
    kinds = [kind for kind, _, _ in seen]
    for kind in ("CREATED", "ASSIGNED", "UPDATED", "STATUS_CHANGED", "COMMENTED", "OVERDUE"):
        assert kind in kinds, kinds
    assert sum(bool(rows) for _, _, rows in seen) == 8, seen  # booked twice, moved, reply,
    # overdue, done, reassigned, cancelled
    assert [(kind, said, rows) for kind, said, rows in seen if said != rows] == []
