"""MESSAGE_RECEIVED follows each member's setNotificationPreferences like every other kind
(no choice: in the app; IN_APP: the row and its push; EMAIL/TELEGRAM/SMS: an OutboundMessage
each; empty: nothing), and copies outside the app coalesce as the rows do: a chatty visitor
leaves one unread row and one copy per member, not one per message. Through the real app (a
website chat's visitor), on both databases; statements bounded whatever the number of
members who chose, and those of members without a choice unchanged."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from models import Notification, NotificationKind, OutboundMessage
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.outbound import pk
from tests.support.webchat import REPLY, client_at, configure, send, visitor_token, webchats
from tests.test_notification_preferences import choose

pytestmark = pytest.mark.asyncio

SHOP = "https://shop.example.test"
KIND = NotificationKind.MESSAGE_RECEIVED
NOTIFICATIONS = "{ notifications(first: 20) { edges { node { id kind conversation { id } } } } }"
MARK_READ = "mutation { markNotificationsRead }"
_addresses = itertools.count(1)


def new_address() -> str:
    """A client address of this module's own: no other test's chat starts count against it."""
    n = next(_addresses)
    return f"203.0.{n // 250}.{n % 250 + 1}"


async def unread(member: Session) -> int:
    return await Notification.filter(member_id=pk(member.member_id), kind=KIND).count()


async def copies(member: Session) -> list[tuple[str, str, str]]:
    rows = await OutboundMessage.filter(member_id=pk(member.member_id), kind=KIND).order_by("id")
    return [(str(m.channel), m.to, str(m.status)) for m in rows]


async def says(http: httpx.AsyncClient, token: str, body: str) -> None:
    assert (await send(http, token, body, SHOP))["errors"] == []


async def test_each_staff_member_hears_of_a_chat_as_it_chose_once_per_unread(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    vera = await invite_and_accept(api, owner, "Staff Vera")
    sam = await invite_and_accept(api, owner, "Staff Sam")
    boris = await invite_and_accept(api, owner, "Staff Boris")
    for who, channels in (
        (owner, ["EMAIL", "TELEGRAM"]),  # outside the app only
        (vera, ["IN_APP", "SMS"]),
        (sam, []),  # not at all
    ):  # Boris makes no choice for the kind (another kind's choice changes nothing)
        assert (await choose(api, who, [{"kind": "MESSAGE_RECEIVED", "channels": channels}]))[
            "errors"
        ] == []
    assert (await choose(api, boris, [{"kind": "ORDER_CREATED", "channels": []}]))["errors"] == []
    key = await configure(api, owner, SHOP)
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        await says(http, token, "Is the vase insured?")
        mailed = [("EMAIL", owner.email, "PENDING"), ("TELEGRAM", "", "FAILED")]
        texted = [("SMS", "", "FAILED")]  # staff have no contact's phone: says so
        assert await copies(owner) == mailed
        assert await copies(vera) == texted
        assert await copies(sam) == await copies(boris) == []
        assert (await unread(owner), await unread(vera), await unread(sam)) == (0, 1, 0)
        assert await unread(boris) == 1
        for nobody in (owner, sam):  # no row, so nothing is pushed or listed
            shown = await api.ok(NOTIFICATIONS, token=nobody.access)
            assert shown["notifications"]["edges"] == []
        [email] = await OutboundMessage.filter(member_id=pk(owner.member_id), channel="EMAIL")
        assert "Is the vase insured?" in email.text
        # A chatty visitor: Vera's unread row is re-used, so no second SMS; the owner is told
        # once per unanswered run.
        for body in ("Hello?", "Anyone there?", "It is a blue vase", "From 1850"):
            await says(http, token, body)
        assert await copies(owner) == mailed
        assert await copies(vera) == texted
        assert (await unread(vera), await unread(boris)) == (1, 1)
        # An answer ends the run: the next message tells the owner again; Vera, whose row is
        # still unread, hears nothing new until she has read it.
        [chat] = await webchats(api, owner)
        replied = await api.ok(REPLY, {"c": chat["id"], "b": "Yes, fully."}, boris.access)
        assert replied["replyToConversation"]["errors"] == []
        await says(http, token, "Thanks! And the frame?")
        assert await copies(owner) == mailed * 2
        assert await copies(vera) == texted
        await api.ok(MARK_READ, token=vera.access)
        await says(http, token, "Hello again?")
        assert await copies(vera) == texted * 2
        assert await unread(vera) == 2
        assert await copies(owner) == mailed * 2  # no answer since: the same run
        assert await copies(sam) == await copies(boris) == []


async def arrival_cost(app: Starlette, api: Api, choosers: int, chosen: list[str] | None) -> Any:
    """Statements of a chat's first message and of a second, unanswered one, with `choosers`
    staff members choosing `chosen` for the kind (None: no choice) beside the owner."""
    owner = await register(api)
    for i in range(choosers):
        member = await invite_and_accept(api, owner, f"Staff {i}")
        if chosen is not None:
            prefs = [{"kind": "MESSAGE_RECEIVED", "channels": chosen}]
            assert (await choose(api, member, prefs))["errors"] == []
    key = await configure(api, owner, SHOP)
    costs: list[int] = []
    async with client_at(app, new_address()) as http:
        token = await visitor_token(http, key, SHOP)
        for body in ("First", "Second"):
            with count_statements() as counter:
                await says(http, token, body)
            costs.append(len(counter.statements))
    return tuple(costs)


async def test_choices_cost_bounded_statements_and_none_cost_as_before(
    app: Starlette, api: Api
) -> None:
    # Nobody chose: the recipients' SELECT, coalesce's SELECT, then the INSERT (first) or the
    # UPDATE (second): as before the choices were read, whatever the number of members.
    plain = [await arrival_cost(app, api, n, None) for n in (1, 4)]
    assert plain[0] == plain[1], plain
    # In the app and outside it: the copies' INSERT with a new row only.
    both = [await arrival_cost(app, api, n, ["IN_APP", "EMAIL", "SMS"]) for n in (1, 4)]
    assert both[0] == both[1], both
    assert both[0] == (plain[0][0] + 1, plain[0][1]), (both, plain)
    # Outside the app only: no row, the message before (one SELECT) and the copies' INSERT
    # at the start of a run, the SELECT alone after.
    outside = [await arrival_cost(app, api, n, ["EMAIL", "TELEGRAM"]) for n in (1, 4)]
    assert outside[0] == outside[1], outside
    assert outside[0][0] <= plain[0][0] + 2, (outside, plain)
    assert outside[0][1] <= plain[0][1] + 1, (outside, plain)
    print(f"statements (first, second message): none {plain} both {both} outside {outside}")
