"""Leavers: who may deactivate whom (and who may not), what stops at once (login, refresh,
access and API tokens), reactivation, and that new work never goes to a deactivated member.
The hand-over of work: tests/test_leavers_handover.py; sockets: tests/test_leavers_sockets.py."""

from __future__ import annotations

import pytest

from models import Membership
from models import Session as SessionRow
from schema.ids import decode_id
from tests.support.api import LOGIN, Api, Session, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.leavers import (
    ME,
    REFRESH,
    codes,
    deactivate,
    login,
    membership,
    reactivate,
    refusal,
)
from tests.support.world import build_world, create_order, in_days

pytestmark = pytest.mark.asyncio

MEMBERS = "{ members(first: 50) { edges { node { id active } } } }"
CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { field code message } }
}"""


async def test_who_may_not_deactivate(api: Api) -> None:
    world = await build_world(api, comments=False)
    stranger = await register(api)
    leaver = world.staff[0]  # under heads[0]
    portal = world.clients[0].members[0]
    cases = [
        # Another company's owner, and a staff member not above: as if it did not exist.
        (stranger, leaver.member_id, [(["memberId"], "NOT_FOUND")]),
        (world.heads[1], leaver.member_id, [(["memberId"], "NOT_FOUND")]),
        (world.staff[1], leaver.member_id, [(["memberId"], "NOT_FOUND")]),
        (world.heads[0], "TWVtYmVyOjA=", [(["memberId"], "NOT_FOUND")]),
        # Oneself; the owner (out of a head's reach, and refused to the owner itself).
        (leaver, leaver.member_id, [(["memberId"], "FORBIDDEN")]),
        (world.heads[0], world.owner.member_id, [(["memberId"], "NOT_FOUND")]),
        (world.owner, world.owner.member_id, [(["memberId"], "FORBIDDEN")]),
        # A portal member calling; a head for a portal member of a client it manages: only
        # whoever may give that member a login (the owner) may take it away.
        (portal, leaver.member_id, [(None, "FORBIDDEN")]),
        (world.heads[0], portal.member_id, [(["memberId"], "NOT_FOUND")]),
    ]
    for caller, target, expected in cases:
        payload = await deactivate(api, caller, target)
        assert payload["member"] is None
        assert refusal(payload) == expected, (caller.email, target)
    assert all(m.active for m in await Membership.filter(company_id=await company(world.owner)))
    assert (await api.ok(ME, token=leaver.access))["me"]["id"] == leaver.member_id


async def test_a_bad_successor_names_reassign_to_id_and_writes_nothing(api: Api) -> None:
    world = await build_world(api, comments=False)
    head, leaver = world.heads[0], world.staff[0]
    gone = world.staff[1]
    assert (await deactivate(api, head, gone.member_id))["errors"] == []
    portal = world.clients[0].members[0]
    for successor, code in (
        (gone.member_id, "INVALID"),  # deactivated
        (portal.member_id, "NOT_FOUND"),  # not staff
        (leaver.member_id, "INVALID"),  # the leaver itself
        (world.heads[1].member_id, "INVALID"),  # not below the caller
        (world.owner.member_id, "INVALID"),
    ):
        payload = await deactivate(api, head, leaver.member_id, successor)
        assert refusal(payload) == [(["reassignToId"], code)], successor
    row = await membership(leaver.member_id)
    assert row.active
    assert row.deactivated_at is None
    assert await SessionRow.filter(membership_id=row.id, revoked_at=None).exists()


async def test_a_leaver_is_shut_out_at_once_and_back_when_reactivated(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head Anna")
    leaver = await invite_and_accept(api, head, "Staff Boris")
    token = await issue(api, leaver)  # its own API token
    assert (await api.ok(ME, token=token.token))["me"]["id"] == leaver.member_id
    payload = await deactivate(api, head, leaver.member_id)
    assert payload["errors"] == []
    assert payload["member"]["active"] is False
    # Access token, API token and refresh token: refused at once.
    assert codes(await api.post(ME, token=leaver.access)) == ["UNAUTHENTICATED"]
    assert codes(await api.post(ME, token=token.token)) == ["UNAUTHENTICATED"]
    refreshed = (await api.ok(REFRESH, {"t": leaver.refresh}))["refreshSession"]
    assert refreshed["accessToken"] is None
    assert refreshed["errors"]
    # Login: a wrong password learns nothing new; the right one is told.
    wrong = await api.ok(LOGIN, {"email": leaver.email, "password": "not the password"})
    assert [e["code"] for e in wrong["login"]["errors"]] == ["INVALID_CREDENTIALS"]
    refused = await login(api, leaver.email)
    assert refused["accessToken"] is None
    assert [(e["code"], "deactivated" in e["message"]) for e in refused["errors"]] == [
        ("FORBIDDEN", True)
    ]
    # Still listed, as inactive, so that its history makes sense.
    listed = (await api.ok(MEMBERS, token=owner.access))["members"]["edges"]
    assert {n["node"]["id"]: n["node"]["active"] for n in listed}[leaver.member_id] is False
    # Deactivating twice is refused; reactivating brings its login and tokens back.
    again = await deactivate(api, owner, leaver.member_id)
    assert refusal(again) == [(["memberId"], "INVALID")]
    back = await reactivate(api, head, leaver.member_id)
    assert back["errors"] == []
    assert back["member"]["active"] is True
    assert (await membership(leaver.member_id)).deactivated_at is None
    relogged = await login(api, leaver.email)
    assert relogged["errors"] == []
    assert (await api.ok(ME, token=relogged["accessToken"]))["me"]["id"] == leaver.member_id
    assert (await api.ok(ME, token=token.token))["me"]["id"] == leaver.member_id
    # The old session stays revoked.
    assert codes(await api.post(ME, token=leaver.access)) == ["UNAUTHENTICATED"]
    assert refusal(await reactivate(api, head, leaver.member_id)) == [(["memberId"], "INVALID")]


async def test_reactivation_follows_the_same_rule(api: Api) -> None:
    world = await build_world(api, comments=False)
    leaver = world.staff[0]
    assert (await deactivate(api, world.owner, leaver.member_id))["errors"] == []
    for caller, expected in (
        (world.heads[1], [(["memberId"], "NOT_FOUND")]),
        (world.clients[0].members[0], [(None, "FORBIDDEN")]),
        (await register(api), [(["memberId"], "NOT_FOUND")]),
    ):
        assert refusal(await reactivate(api, caller, leaver.member_id)) == expected
    assert not (await membership(leaver.member_id)).active


async def test_another_company_still_logs_in(api: Api) -> None:
    first = await register(api)
    leaver = await invite_and_accept(api, first, "Staff Boris")
    second = await register(api, email=leaver.email)  # the same login, a company of its own
    assert second.member_id != leaver.member_id
    assert (await deactivate(api, first, leaver.member_id))["errors"] == []
    logged = await login(api, leaver.email)
    assert logged["errors"] == []
    assert logged["member"]["id"] == second.member_id
    there = await login(api, leaver.email, leaver.company_id)
    assert [e["code"] for e in there["errors"]] == ["FORBIDDEN"]
    # Its session in the other company is untouched.
    assert (await api.ok(ME, token=second.access))["me"]["id"] == second.member_id


async def test_one_portal_member_leaves_the_other_keeps_access(api: Api) -> None:
    world = await build_world(api, comments=False)
    leaving, staying = world.clients[0].members
    payload = await deactivate(api, world.owner, leaving.member_id)
    assert payload["errors"] == []
    assert payload["member"]["active"] is False
    orders = "{ orders(first: 50) { totalCount } }"
    assert codes(await api.post(orders, token=leaving.access)) == ["UNAUTHENTICATED"]
    assert (await api.ok(orders, token=staying.access))["orders"]["totalCount"] > 0
    assert (await membership(staying.member_id)).active


async def test_new_work_never_goes_to_a_deactivated_member(api: Api) -> None:
    world = await build_world(api, comments=False)
    leaver = world.staff[0]
    assert (await deactivate(api, world.owner, leaver.member_id))["errors"] == []
    client = world.clients[1]
    made = await api.post(
        """mutation($input: CreateOrderInput!) {
          createOrder(input: $input) { order { id } errors { field code } } }""",
        {
            "input": {
                "title": "Clean",
                "deadline": in_days(2),
                "clientId": client.id,
                "addressId": client.address_ids[0],
                "responsibleId": leaver.member_id,
            }
        },
        world.heads[0].access,
    )
    assert made["data"]["createOrder"]["errors"] == [
        {"field": ["input", "responsibleId"], "code": "INVALID"}
    ]
    task = await api.ok(
        CREATE_TASK,
        {
            "input": {
                "title": "Call",
                "deadline": in_days(2),
                "assigneeId": leaver.member_id,
            }
        },
        world.heads[0].access,
    )
    assert [e["field"] for e in task["createTask"]["errors"]] == [["input", "assigneeId"]]
    # An ordinary order still goes to an active colleague.
    assert await create_order(
        api, world.heads[0], clientId=client.id, addressId=client.address_ids[0]
    )


async def company(session: Session) -> int:
    return (await Membership.get(id=decode_id(session.member_id, "Member"))).company_id
