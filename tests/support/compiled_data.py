"""Data the compiled-read differentials share: tasks and series across the role matrix's
company, made through the API the way their members make them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models import OrderSeries, Task
from schema.ids import decode_id
from tests.support.api import Api, Session
from tests.support.order_matrix import Matrix
from tests.support.series import END_SERIES, create_series, series_input
from tests.support.tasks import ACKNOWLEDGE, ANNOUNCE, COMPLETE, in_hours, new_task, pk


async def tasks_for(api: Api, matrix: Matrix) -> tuple[Session, Session, Session]:
    """Tasks across the tree (the owner, head0, staff0 below it, head1 beside it): some
    overdue, done, cancelled by hand, an announcement acknowledged by one of those it went
    to, deadlines that tie (the id orders them) and deadlines with and without microseconds.
    Returns the owner, head0 and staff0."""
    world = matrix.world
    o, h, w, p = world.owner, world.heads[0], world.staff[0], world.heads[1]
    tie = in_hours(30)
    made = []
    for n, (creator, assignee) in enumerate(
        [(o, o), (o, h), (o, w), (h, h), (h, w), (w, w), (p, p), (o, p), (h, w), (o, w)]
    ):
        deadline = tie if n % 3 == 0 else in_hours(2 + n)
        made.append(
            await new_task(
                api,
                creator,
                title=f"t{n} «{creator.email.split('@')[0][:6]}»",
                description="line\nbreak" if n % 2 else "",
                assigneeId=assignee.member_id,
                deadline=deadline,
            )
        )
    late = [pk(made[i]["id"], "Task") for i in (1, 2, 4)]
    past = (datetime.now(UTC) - timedelta(hours=3)).replace(microsecond=0)
    await Task.filter(id__in=late).update(deadline=past)
    done = await api.ok(COMPLETE, {"id": made[2]["id"]}, h.access)
    assert done["completeTask"]["errors"] == []
    await Task.filter(id=pk(made[5]["id"], "Task")).update(status="CANCELLED")
    announced = await api.ok(
        ANNOUNCE,
        {
            "input": {
                "title": "read me",
                "description": "",
                "deadline": in_hours(5),
                "audience": "SUBTREE",
            }
        },
        o.access,
    )
    assert announced["announce"]["errors"] == [], announced
    mine = [x for x in announced["announce"]["tasks"] if x["assignee"]["id"] == h.member_id]
    acknowledged = await api.ok(ACKNOWLEDGE, {"id": mine[0]["id"]}, h.access)
    assert acknowledged["acknowledgeTask"]["errors"] == []
    return o, h, w


async def series_for(api: Api, matrix: Matrix) -> list[dict[str, Any]]:
    """Eight series across the tree and both clients, made by staff and by a client's portal
    member (no staff terms), one ended, two sharing their creation time (the id orders
    them), starting years ahead so that no orders are made."""
    world = matrix.world
    o, (h0, h1), (s0, _, s2) = world.owner, world.heads, world.staff
    c0, c1 = world.clients
    k0, k1 = world.contractors
    weekly = {"frequency": "WEEKLY", "interval": 2, "weekdays": [5, 1]}
    monthly = {"frequency": "MONTHLY", "monthDay": 31, "count": 12}
    daily = {"frequency": "DAILY", "until": "2031-01-31"}
    specs: list[tuple[Session, Any, dict[str, Any]]] = [
        (o, c0, {"contractorId": k0.id, "price": "1500.00", "contractorFee": "900.50"}),
        (o, c1, {"responsibleId": h1.member_id, "internalNote": "key at «desk»"}),
        (h0, c0, {"responsibleId": s0.member_id, "recurrence": monthly, "visitTime": "07:05:09"}),
        (h0, c1, {"contractorId": k1.id, "price": "0.10", "recurrence": daily}),
        (h1, c0, {"responsibleId": s2.member_id, "contractorFee": "12", "recurrence": weekly}),
        (s2, c1, {"contractorId": k0.id, "description": "line\nbreak", "visitTime": "23:59"}),
        (c0.members[0], c0, {"recurrence": weekly}),
        (o, c1, {"contractorId": k1.id, "internalNote": "", "durationMinutes": 45}),
    ]
    made = []
    for n, (who, card, extra) in enumerate(specs):
        fields = series_input(card.id, card.address_ids[n % 2], **extra)
        fields["title"] = f"s{n} «{card.id[-4:]}»"
        fields["startDate"] = f"203{n % 3}-0{n % 9 + 1}-1{n}"
        if who is c0.members[0]:
            del fields["clientId"]  # a client's own
        made.append(await create_series(api, who, **fields))
    ended = await api.ok(END_SERIES, {"id": made[3]["id"], "last": None}, o.access)
    assert ended["endOrderSeries"]["errors"] == [], ended
    same = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    tied = [decode_id(made[i]["id"], "OrderSeries") for i in (1, 4)]
    await OrderSeries.filter(id__in=tied).update(created_at=same)
    return made
