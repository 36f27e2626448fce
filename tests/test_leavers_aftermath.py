"""What a leaver no longer gets once deactivated, from the other side: notifications of its
contact's orders (the colleague still hears), a switch into that company, and the invitations
it sent (a newcomer never joins under a leaver)."""

from __future__ import annotations

import pytest

from models import Notification
from schema.ids import decode_id
from tests.support.api import ACCEPT, INVITE, PASSWORD, Api, invite_and_accept, register
from tests.support.leavers import deactivate, login, refusal
from tests.support.world import contact, create_order, move, portal_member

pytestmark = pytest.mark.asyncio

SWITCH = """mutation($c: ID!) {
  switchCompany(companyId: $c) { accessToken errors { field code message } }
}"""


async def test_a_deactivated_portal_member_hears_nothing_its_colleague_does(api: Api) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Romashka LLC", "ORGANIZATION")
    leaving = await portal_member(api, owner, client, "Client Leaving")
    staying = await portal_member(api, owner, client, "Client Staying")
    assert (await deactivate(api, owner, leaving.member_id))["errors"] == []
    order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    await move(api, owner, order["id"], "CANCELLED")
    heard = {
        m: await Notification.filter(member_id=decode_id(m, "Member")).count()
        for m in (leaving.member_id, staying.member_id)
    }
    assert heard[staying.member_id] >= 1
    assert heard[leaving.member_id] == 0


async def test_no_switch_into_the_company_that_deactivated_one(api: Api) -> None:
    first, second = await register(api), await register(api)
    leaver = await invite_and_accept(api, first, "Dina Two Jobs")
    _ = await invite_and_accept(api, second, "Dina Two Jobs", email=leaver.email)
    assert (await deactivate(api, first, leaver.member_id))["errors"] == []
    there = await login(api, leaver.email)  # lands in the company that still has her
    assert there["errors"] == []
    assert there["member"]["company"]["id"] == second.company_id
    data = await api.ok(SWITCH, {"c": first.company_id}, there["accessToken"])
    assert data["switchCompany"]["accessToken"] is None
    assert refusal(data["switchCompany"]) == [(["companyId"], "FORBIDDEN")]


async def test_a_leavers_invitation_lapses(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Boris Head")
    invited = await api.ok(INVITE, {"input": {"email": "newcomer@example.test"}}, head.access)
    token = invited["inviteMember"]["token"]
    assert token
    assert (await deactivate(api, owner, head.member_id))["errors"] == []
    data = await api.ok(ACCEPT, {"input": {"token": token, "name": "New", "password": PASSWORD}})
    accepted = data["acceptInvitation"]
    assert accepted["accessToken"] is None
    assert refusal(accepted) == [(["input", "token"], "NOT_FOUND")]
