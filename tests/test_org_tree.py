"""Invitations build the org tree; members move with their subtree, only within the mover's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models import Invitation
from tests.support.api import (
    ACCEPT,
    INVITE,
    PASSWORD,
    Api,
    invite_and_accept,
    register,
    unique_email,
)

pytestmark = pytest.mark.asyncio

TREE = "{ me { name manager { name } subordinates { name } } }"
MOVE = """
mutation($m: ID!, $to: ID!) { moveMember(memberId: $m, managerId: $to) { name manager { name } } }
"""


async def test_invitations_build_two_levels_of_the_tree(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Boris Head")
    worker = await invite_and_accept(api, head, "Gleb Worker")
    assert (await api.ok(TREE, token=owner.access))["me"] == {
        "name": "Olga Owner",
        "manager": None,
        "subordinates": [{"name": "Boris Head"}],
    }
    assert (await api.ok(TREE, token=head.access))["me"] == {
        "name": "Boris Head",
        "manager": {"name": "Olga Owner"},
        "subordinates": [{"name": "Gleb Worker"}],
    }
    assert (await api.ok(TREE, token=worker.access))["me"]["manager"] == {"name": "Boris Head"}


async def test_invite_with_manager_in_the_inviters_subtree(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    # The owner invites someone directly under the head.
    worker = await invite_and_accept(api, owner, "Worker", manager_id=head.member_id)
    assert (await api.ok(TREE, token=worker.access))["me"]["manager"] == {"name": "Head"}


async def test_invite_with_manager_outside_the_subtree_is_refused(api: Api) -> None:
    owner = await register(api)
    left = await invite_and_accept(api, owner, "Left")
    right = await invite_and_accept(api, owner, "Right")
    data = await api.ok(
        INVITE, {"input": {"email": unique_email(), "managerId": right.member_id}}, left.access
    )
    assert data["inviteMember"]["invitation"] is None
    assert data["inviteMember"]["errors"] == [
        {
            "field": ["input", "managerId"],
            "message": "Must be you or someone below you in the org tree",
            "code": "INVALID",
        }
    ]


async def test_invitation_works_once(api: Api) -> None:
    owner = await register(api)
    invited = await api.ok(INVITE, {"input": {"email": unique_email()}}, owner.access)
    token = invited["inviteMember"]["token"]
    assert invited["inviteMember"]["inviteUrl"] == f"https://desk.example.test/invite/{token}"
    accept = {"input": {"token": token, "name": "Once", "password": PASSWORD}}
    first = await api.ok(ACCEPT, accept)
    assert first["acceptInvitation"]["errors"] == []
    second = await api.ok(ACCEPT, accept)
    assert second["acceptInvitation"]["accessToken"] is None
    assert second["acceptInvitation"]["errors"][0]["code"] == "NOT_FOUND"


async def test_expired_invitation_is_refused(api: Api) -> None:
    owner = await register(api)
    email = unique_email()
    invited = await api.ok(INVITE, {"input": {"email": email}}, owner.access)
    await Invitation.filter(email=email).update(expires_at=datetime.now(UTC) - timedelta(minutes=1))
    data = await api.ok(
        ACCEPT,
        {
            "input": {
                "token": invited["inviteMember"]["token"],
                "name": "Late",
                "password": PASSWORD,
            }
        },
    )
    assert data["acceptInvitation"]["errors"][0]["code"] == "EXPIRED"


async def test_existing_login_must_give_its_password_to_accept(api: Api) -> None:
    elsewhere = await register(api)
    owner = await register(api)
    invited = await api.ok(INVITE, {"input": {"email": elsewhere.email}}, owner.access)
    token = invited["inviteMember"]["token"]
    wrong = await api.ok(
        ACCEPT, {"input": {"token": token, "name": "X", "password": "not the password"}}
    )
    assert wrong["acceptInvitation"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    right = await api.ok(ACCEPT, {"input": {"token": token, "name": "X", "password": PASSWORD}})
    assert right["acceptInvitation"]["errors"] == []


async def test_invitation_is_queued_as_email(api: Api) -> None:
    from models import OutboxEmail

    owner = await register(api)
    email = unique_email()
    invited = await api.ok(INVITE, {"input": {"email": email}}, owner.access)
    mail = await OutboxEmail.get(to=email)
    assert invited["inviteMember"]["inviteUrl"] in mail.body


async def test_members_and_invitations_lists(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Anna Head")
    pending = unique_email("pending")
    await api.ok(INVITE, {"input": {"email": pending}}, head.access)
    members = await api.ok(
        "{ members { totalCount edges { node { name role email } } } }", token=head.access
    )
    assert members["members"]["totalCount"] == 2
    assert [e["node"]["name"] for e in members["members"]["edges"]] == ["Anna Head", "Olga Owner"]
    assert members["members"]["edges"][1]["node"]["email"] == owner.email
    invitations = await api.ok(
        "{ invitations { email acceptedAt invitedBy { name } } }", token=owner.access
    )
    emails = [(i["email"], i["acceptedAt"] is None) for i in invitations["invitations"]]
    assert emails[0] == (pending, True)
    assert emails[1][1] is False


async def test_move_member_with_its_subtree(api: Api) -> None:
    owner = await register(api)
    left = await invite_and_accept(api, owner, "Left")
    right = await invite_and_accept(api, owner, "Right")
    worker = await invite_and_accept(api, left, "Worker")
    helper = await invite_and_accept(api, worker, "Helper")
    moved = await api.ok(MOVE, {"m": worker.member_id, "to": right.member_id}, owner.access)
    assert moved["moveMember"] == {"name": "Worker", "manager": {"name": "Right"}}
    assert (await api.ok(TREE, token=right.access))["me"]["subordinates"] == [{"name": "Worker"}]
    assert (await api.ok(TREE, token=left.access))["me"]["subordinates"] == []
    # The helper came along: it is still below the worker, now in Right's subtree.
    assert (await api.ok(TREE, token=helper.access))["me"]["manager"] == {"name": "Worker"}
    # Right now manages the helper's subtree: it may move the helper directly under itself.
    again = await api.ok(MOVE, {"m": helper.member_id, "to": right.member_id}, right.access)
    assert again["moveMember"] == {"name": "Helper", "manager": {"name": "Right"}}


async def test_move_under_own_descendant_is_refused(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    worker = await invite_and_accept(api, head, "Worker")
    body = await api.post(MOVE, {"m": head.member_id, "to": worker.member_id}, owner.access)
    assert body["data"]["moveMember"] is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_move_outside_own_subtree_is_refused(api: Api) -> None:
    owner = await register(api)
    left = await invite_and_accept(api, owner, "Left")
    right = await invite_and_accept(api, owner, "Right")
    worker = await invite_and_accept(api, right, "Worker")
    # Left may not take Right's worker, nor move itself.
    body = await api.post(MOVE, {"m": worker.member_id, "to": left.member_id}, left.access)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = await api.post(MOVE, {"m": left.member_id, "to": right.member_id}, left.access)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    tree = await api.ok(TREE, token=right.access)
    assert tree["me"]["subordinates"] == [{"name": "Worker"}]
