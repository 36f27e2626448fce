"""ORDER_ESCALATED and CONVERSATION_UNANSWERED: counted in the company's working hours (a
Friday-evening deadline escalates on Monday morning), one level at a time up the tree to the
owner and never beyond, once per level however many rounds run at once, re-armed by a moved
deadline or a newer message, stopped by a closed order or an answer; in the recipient's
language and the company's zone. Rounds run the deadline watch at a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models import Conversation, DeliveryChannel, DeliveryStatus, OutboundMessage
from resolvers.escalation import escalate
from servicedesk.devtools import demo_data as d
from servicedesk.devtools.demo import ensure_demo
from tests.support.api import LOGIN, Api, Session, count_statements
from tests.support.escalation import WEEKDAYS_8_TO_20, configure, rounds, update_order
from tests.support.inbox import ASSIGN, REPLY, arrive, build_inbox, gid
from tests.support.notifications import Cast, cast, inbox, told
from tests.support.outbound import pk
from tests.support.world import create_order, move

pytestmark = pytest.mark.asyncio

MSK = ZoneInfo("Europe/Moscow")
ESCALATED = "ORDER_ESCALATED"
UNANSWERED = "CONVERSATION_UNANSWERED"
CHOOSE = """mutation($p: [NotificationPreferenceInput!]!) {
  setNotificationPreferences(preferences: $p) { errors { code field } } }"""


def msk(day: int, hour: int, minute: int = 0) -> datetime:
    """January 2031 in Moscow: the 3rd is a Friday, the 6th a Monday."""
    return datetime(2031, 1, day, hour, minute, tzinfo=MSK)


async def overdue_order(api: Api, c: Cast, due: datetime, responsible: str) -> dict[str, Any]:
    return await create_order(
        api,
        c.owner,
        clientId=c.client.id,
        addressId=c.client.address_ids[0],
        responsibleId=responsible,
        deadline=due.isoformat(),
    )


async def test_a_friday_evening_deadline_escalates_on_monday_one_level_at_a_time(
    api: Api,
) -> None:
    c = await cast(api)
    await configure(
        api,
        c.owner,
        timezone="Europe/Moscow",
        workingHours=WEEKDAYS_8_TO_20,
        overdueEscalationMinutes=90,
    )
    order = await overdue_order(api, c, msk(3, 19), c.staff.member_id)  # owner > head > staff
    near_top = await overdue_order(api, c, msk(3, 19), c.head.member_id)
    at_top = await overdue_order(api, c, msk(3, 19), c.owner.member_id)
    everyone = c.members()
    # 60 working minutes on Friday (19:00-20:00), then none until Monday 08:00.
    for moment in (msk(3, 20, 29), msk(3, 23), msk(4, 12), msk(5, 19), msk(6, 8, 29)):
        await rounds(c.company_pk, moment)
        assert await told(api, everyone, ESCALATED) == {}, moment
    await rounds(c.company_pk, msk(6, 8, 31))
    assert await told(api, everyone, ESCALATED, order["id"]) == {"head": 1}
    assert await told(api, everyone, ESCALATED, near_top["id"]) == {"owner": 1}
    await rounds(c.company_pk, msk(6, 9, 59))  # 179 working minutes: level 2 not yet
    assert await told(api, everyone, ESCALATED, order["id"]) == {"head": 1}
    await rounds(c.company_pk, msk(6, 10, 1))
    assert await told(api, everyone, ESCALATED, order["id"]) == {"head": 1, "owner": 1}
    # Nobody above the owner: later rounds say nothing more about any of them.
    for moment in (msk(6, 18), msk(7, 12), msk(20, 12)):
        await rounds(c.company_pk, moment)
    assert await told(api, everyone, ESCALATED, order["id"]) == {"head": 1, "owner": 1}
    assert await told(api, everyone, ESCALATED, near_top["id"]) == {"owner": 1}
    assert await told(api, everyone, ESCALATED, at_top["id"]) == {}
    # The text: the order as a manager sees it, the deadline in the company's zone.
    [note] = [n for n in await inbox(api, c.head) if n["kind"] == ESCALATED]
    assert note["order"]["id"] == order["id"]
    assert note["text"] == (
        f'Order #{order["number"]} "Clean" is still overdue: it was due 3 January 2031, 19:00. '
        "Staff is responsible for it."
    )


async def test_a_moved_deadline_rearms_and_a_cancelled_order_stops(api: Api) -> None:
    c = await cast(api)
    await configure(  # always working
        api, c.owner, locale="ru", timezone="Europe/Moscow", overdueEscalationMinutes=60
    )
    due = datetime(2031, 3, 3, 9, tzinfo=MSK)
    moved = await overdue_order(api, c, due, c.staff.member_id)
    stopped = await overdue_order(api, c, due, c.staff.member_id)
    everyone = c.members()
    await rounds(c.company_pk, due + timedelta(minutes=61))
    for order in (moved, stopped):
        assert await told(api, everyone, ESCALATED, order["id"]) == {"head": 1}
    [note, *_] = [n for n in await inbox(api, c.head) if n["kind"] == ESCALATED]
    assert note["text"].startswith(f"Заказ №{note['order']['number']} «Clean» всё ещё просрочен")
    assert "3 марта 2031 г., 09:00" in note["text"]  # noqa: RUF001
    later = due + timedelta(days=1)
    await update_order(api, c.owner, moved["id"], deadline=later.isoformat())
    await move(api, c.owner, stopped["id"], "CANCELLED")
    await rounds(c.company_pk, due + timedelta(hours=3))  # the old deadline's level 2 is gone
    assert await told(api, everyone, ESCALATED, moved["id"]) == {"head": 1}
    await rounds(c.company_pk, later + timedelta(minutes=61))  # level 1 again, for the new one
    assert await told(api, everyone, ESCALATED, moved["id"]) == {"head": 2}
    await rounds(c.company_pk, later + timedelta(minutes=121))
    assert await told(api, everyone, ESCALATED, moved["id"]) == {"head": 2, "owner": 1}
    assert await told(api, everyone, ESCALATED, stopped["id"]) == {"head": 1}


async def test_without_the_setting_nothing_escalates(api: Api) -> None:
    c = await cast(api)
    order = await overdue_order(api, c, msk(3, 19), c.staff.member_id)
    await rounds(c.company_pk, msk(20, 12))
    assert await told(api, c.members(), ESCALATED, order["id"]) == {}


async def test_an_unanswered_message_goes_to_the_assignee_then_up_and_an_answer_stops_it(
    api: Api,
) -> None:
    box = await build_inbox(api)  # owner > head > staff; other under the owner
    await configure(api, box.owner, unansweredEscalationMinutes=30)
    recorded = await arrive(box.company, "Is anyone there?", sender_name="Dina")
    chat = gid("Conversation", recorded.conversation.id)
    await api.ok(ASSIGN, {"c": chat, "m": box.staff.member_id}, box.owner.access)
    since = (await Conversation.get(id=recorded.conversation.id)).last_message_at
    people = {"owner": box.owner, "head": box.head, "staff": box.staff, "other": box.other}

    async def heard() -> dict[str, int]:
        return await told(api, people, UNANSWERED)

    await rounds(box.company, since + timedelta(minutes=29))
    assert await heard() == {}
    await rounds(box.company, since + timedelta(minutes=31))
    assert await heard() == {"staff": 1}
    await rounds(box.company, since + timedelta(minutes=61))
    assert await heard() == {"staff": 1, "head": 1}
    await rounds(box.company, since + timedelta(minutes=91))
    assert await heard() == {"staff": 1, "head": 1, "owner": 1}
    await rounds(box.company, since + timedelta(hours=9))
    assert await heard() == {"staff": 1, "head": 1, "owner": 1}
    [note] = [n for n in await inbox(api, box.staff) if n["kind"] == UNANSWERED]
    assert note["text"].startswith("A message from Dina has waited for an answer since ")
    # A newer message re-arms it; an answer stops it.
    newer = await arrive(box.company, "Hello?", sender_name="Dina")
    again = newer.conversation.last_message_at
    await rounds(box.company, again + timedelta(minutes=31))
    assert await heard() == {"staff": 2, "head": 1, "owner": 1}
    data = await api.ok(REPLY, {"c": chat, "b": "On our way"}, box.staff.access)
    assert data["replyToConversation"]["errors"] == []
    await rounds(box.company, again + timedelta(hours=5))
    assert await heard() == {"staff": 2, "head": 1, "owner": 1}


async def test_an_unassigned_message_goes_to_the_owner_only(api: Api) -> None:
    box = await build_inbox(api)
    await configure(api, box.owner, unansweredEscalationMinutes=30)
    recorded = await arrive(box.company, "Help", key="chat-2")
    since = recorded.conversation.last_message_at
    people = {"owner": box.owner, "head": box.head, "staff": box.staff, "other": box.other}
    await rounds(box.company, since + timedelta(minutes=31))
    assert await told(api, people, UNANSWERED) == {"owner": 1}
    await rounds(box.company, since + timedelta(hours=9))
    assert await told(api, people, UNANSWERED) == {"owner": 1}


async def choose(api: Api, who: Session, kind: str, channels: list[str]) -> None:
    data = await api.ok(CHOOSE, {"p": [{"kind": kind, "channels": channels}]}, who.access)
    assert data["setNotificationPreferences"]["errors"] == []


def sent(rows: list[OutboundMessage]) -> list[tuple[int | None, DeliveryChannel, str, str]]:
    return [(r.member_id, r.channel, r.to, r.status) for r in rows]


async def test_a_managers_own_channels_carry_its_escalations(api: Api) -> None:
    """setNotificationPreferences holds for escalations too: the head chose e-mail and
    Telegram, not the app (no chat tied: FAILED saying so); the owner the app and e-mail;
    each once however many rounds run."""
    c = await cast(api)
    await configure(api, c.owner, overdueEscalationMinutes=60)
    await choose(api, c.head, ESCALATED, ["EMAIL", "TELEGRAM"])
    await choose(api, c.owner, ESCALATED, ["IN_APP", "EMAIL"])
    due = datetime(2031, 3, 3, 9, tzinfo=UTC)
    order = await overdue_order(api, c, due, c.staff.member_id)
    for minutes in (61, 121, 200):
        await rounds(c.company_pk, due + timedelta(minutes=minutes))
    assert await told(api, c.members(), ESCALATED, order["id"]) == {"owner": 1}
    rows = await OutboundMessage.filter(order_id=pk(order["id"])).order_by("id")
    head, owner = pk(c.head.member_id), pk(c.owner.member_id)
    assert sent(rows) == [
        (head, DeliveryChannel.EMAIL, c.head.email, DeliveryStatus.PENDING),
        (head, DeliveryChannel.TELEGRAM, "", DeliveryStatus.FAILED),
        (owner, DeliveryChannel.EMAIL, c.owner.email, DeliveryStatus.PENDING),
    ]
    assert {r.kind.value for r in rows} == {ESCALATED}
    assert rows[0].subject == f"Order #{order['number']} is still overdue"
    assert rows[0].text.endswith("Staff is responsible for it.")
    assert rows[1].error == "no Telegram chat: send the person a createTelegramLink link"


async def test_an_assignee_who_chose_e_mail_hears_of_an_unanswered_message_there(
    api: Api,
) -> None:
    box = await build_inbox(api)
    await configure(api, box.owner, unansweredEscalationMinutes=30)
    await choose(api, box.staff, UNANSWERED, ["EMAIL"])
    recorded = await arrive(box.company, "Anyone?", sender_name="Dina")
    chat = gid("Conversation", recorded.conversation.id)
    await api.ok(ASSIGN, {"c": chat, "m": box.staff.member_id}, box.owner.access)
    since = (await Conversation.get(id=recorded.conversation.id)).last_message_at
    people = {"owner": box.owner, "head": box.head, "staff": box.staff}
    await rounds(box.company, since + timedelta(minutes=31))
    await rounds(box.company, since + timedelta(minutes=61))
    assert await told(api, people, UNANSWERED) == {"head": 1}
    rows = await OutboundMessage.filter(member_id=pk(box.staff.member_id))
    assert sent(rows) == [
        (pk(box.staff.member_id), DeliveryChannel.EMAIL, box.staff.email, DeliveryStatus.PENDING)
    ]
    assert (rows[0].order_id, rows[0].subject) == (None, "A message from Dina waits for an answer")


async def test_the_demo_shows_an_overdue_order_escalated(api: Api) -> None:
    """`make demo`: Kitchen deep clean is two days overdue (at least six working hours);
    its responsible Gleb reports to Boris, who was told once."""
    _ = await ensure_demo(datetime.now(UTC))
    data = await api.ok(LOGIN, {"email": d.BORIS, "password": d.PASSWORD})
    boris = Session(data["login"]["accessToken"], "", "", d.BORIS)
    escalated = [n for n in await inbox(api, boris) if n["kind"] == ESCALATED]
    assert [n["text"].split('"')[1] for n in escalated].count("Kitchen deep clean") == 1
    assert "Gleb Dispatcher is responsible for it." in escalated[0]["text"]


async def test_a_round_costs_four_statements_per_step_and_four_when_idle(api: Api) -> None:
    c = await cast(api)
    await configure(api, c.owner, overdueEscalationMinutes=60)
    due = datetime(2031, 3, 3, 9, tzinfo=UTC)
    for _ in range(20):
        await overdue_order(api, c, due, c.staff.member_id)
    with count_statements() as idle:
        assert await escalate(due, companies=[c.company_pk]) == 0
    with count_statements() as busy:
        assert await escalate(due + timedelta(minutes=61), companies=[c.company_pk]) == 20
    with count_statements() as done:
        assert await escalate(due + timedelta(minutes=62), companies=[c.company_pk]) == 0
    # Idle: the companies of each of the three features, and the due orders; then per order:
    # the claim, the order with its responsible, the manager, the notification; and the
    # publish (read the unpublished, mark them).
    assert len(idle.statements) == 4
    assert len(busy.statements) == 4 + 4 * 20 + 2
    assert len(done.statements) == 4
