"""No credential reaches further than its creator, end to end.

The attack: a STAFF member mints a writable API token for a CLIENT portal member, or invites a
client contact to an address it controls and accepts, then reads and acts on the client's
orders outside its own subtree, shown as the client. Each way is refused, and so are the ways
around it: a credential minted before the rule (a stored token, a pending invitation), an
invitation whose manager left the inviter's subtree before it was accepted, and credentials
minted through an API token. The whole table is tests/security/test_credential_matrix.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from starlette.applications import Starlette

from models import ApiToken, Invitation, OutboxEmail, Role
from permissions.tokens import new_api_token, new_opaque_token
from schema.ids import decode_id
from servicedesk.transport.websocket_auth import guard
from tests.support.api import ACCEPT, INVITE, LOGIN, PASSWORD, Api, api_of, unique_email
from tests.support.api_tokens import ME, codes, create_token, issue
from tests.support.credential_matrix import INVITE_CONTACT, issued_ids, outcome
from tests.support.world import World, build_world, create_order
from tests.support.ws import PROTOCOL, GraphQLSocket, client, joined, socket

# One worker runs the module, so that each shared world below is built once per backend.
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("credentials")]

ORDER = "query($id: ID!) { node(id: $id) { ... on Order { id price } } }"
EVENTS = "subscription { orderEvents { kind order { id } } }"
MOVE = """mutation($m: ID!, $to: ID!) { moveMember(memberId: $m, managerId: $to) { id } }"""


def outside_orders(world: World, kind: str, card: int, staff: int) -> list[str]:
    """Orders of a contact whose responsible member is outside `world.staff[staff]`'s subtree
    (a leaf: its subtree is itself)."""
    contact = (world.clients if kind == "CLIENT" else world.contractors)[card].id
    column = "client" if kind == "CLIENT" else "contractor"
    me = world.staff[staff].member_id
    found = [
        oid
        for oid, facts in world.orders.items()
        if facts[column] == contact and facts["responsible"] != me
    ]
    assert found
    return found


async def shared_world(app: Starlette) -> AsyncIterator[World]:
    async with api_of(app) as api:
        world = await build_world(api, comments=False)  # no test here reads a comment
    yield world


# Two worlds a module instead of one a test (seven): a build is most of each test's time.
# `untouched`: the tests that only try what must be refused, and check exactly that the
# company's tokens and invitations stayed as built, so nothing else may write in it.
# `shared`: the tests that write, each only things of its own (its own tokens, invitations
# to addresses of its own, an order of its own; head1's invitee, with staff2 moved and back)
# and none reading what another writes; no test deactivates anyone or changes an order.
untouched = pytest_asyncio.fixture(shared_world, scope="module", name="untouched")
shared = pytest_asyncio.fixture(shared_world, scope="module", name="shared")


async def read(api: Api, order_id: str, token: str) -> object:
    return (await api.ok(ORDER, {"id": order_id}, token))["node"]


@pytest.mark.parametrize("kind", ["CLIENT", "CONTRACTOR"])
async def test_staff_cannot_mint_a_token_for_a_portal_member(
    api: Api, untouched: World, kind: str
) -> None:
    world = untouched
    attacker = world.staff[2]
    card = (world.clients if kind == "CLIENT" else world.contractors)[0]
    victim = card.members[0]
    beyond = outside_orders(world, kind, 0, 2)
    assert [await read(api, oid, attacker.access) for oid in beyond] == [None] * len(beyond)

    payload = await create_token(api, attacker, memberId=victim.member_id, readOnly=False)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", "memberId"], "FORBIDDEN")
    ]
    assert payload["token"] is None
    assert payload["apiToken"] is None
    assert (await issued_ids(api, world.owner.access))[0] == set()
    # The orders beyond its subtree stay out of its reach.
    assert [await read(api, oid, attacker.access) for oid in beyond] == [None] * len(beyond)


@pytest.mark.parametrize("kind", ["CLIENT", "CONTRACTOR"])
async def test_staff_cannot_invite_a_contact_to_an_address_it_controls(
    api: Api, untouched: World, kind: str
) -> None:
    world = untouched
    attacker = world.staff[2]
    card = (world.clients if kind == "CLIENT" else world.contractors)[0]
    mine = unique_email("attacker.alias")
    body = await api.post(INVITE_CONTACT, {"c": card.id, "e": mine}, attacker.access)
    code, payload = outcome(body)
    assert code == "FORBIDDEN"
    assert payload is not None
    assert payload["token"] is None
    assert payload["invitation"] is None
    assert not await Invitation.filter(email=mine).exists()
    assert not await OutboxEmail.filter(to=mine).exists()
    # Nor with the address the card already has.
    body = await api.post(INVITE_CONTACT, {"c": card.id}, attacker.access)
    assert outcome(body)[0] == "FORBIDDEN"
    _, invitations = await issued_ids(api, world.owner.access)
    assert len(invitations) == 10  # the world's own: 5 colleagues, 5 portal members


async def test_a_token_minted_under_the_old_rule_no_longer_authenticates(
    app: Starlette, api: Api, shared: World
) -> None:
    """A token a STAFF member minted for a client before the rule (a row already stored) is
    refused over HTTP, at a socket's connection_init, and closes a socket already open."""
    world = shared
    attacker, victim = world.staff[2], world.clients[0].members[0]
    beyond = outside_orders(world, "CLIENT", 0, 2)
    assert await read(api, beyond[0], victim.access) is not None

    async def stored_token() -> str:
        token, hashed = new_api_token()
        _ = await ApiToken.create(
            company_id=decode_id(world.owner.company_id, "Company"),
            member_id=decode_id(victim.member_id, "Member"),
            created_by_id=decode_id(attacker.member_id, "Member"),
            name="old rule",
            token_hash=hashed,
            read_only=False,
        )
        return token

    old = await stored_token()
    assert codes(await api.post(ORDER, {"id": beyond[0]}, old)) == ["UNAUTHENTICATED"]
    assert codes(await api.post(ME, token=old)) == ["UNAUTHENTICATED"]
    ws: AsyncWebSocketSession
    async with client(app) as http, aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws:
        await ws.send_json(
            {"type": "connection_init", "payload": {"Authorization": f"Bearer {old}"}}
        )
        assert await GraphQLSocket(ws).closed(seconds=2) == 4401
    # One minted by the OWNER for the same client works, and keeps working.
    fine = await issue(api, world.owner, memberId=victim.member_id)
    assert (await api.ok(ME, token=fine.token))["me"]["id"] == victim.member_id
    async with client(app) as http, socket(http, fine.token) as sock:
        op = await sock.subscribe(EVENTS)
        await joined(victim.member_id)
        await guard.check_revoked()
        # Still open after the round: an order event of the client comes through (a marker
        # that nothing, such as a close, came first).
        marker = await create_order(
            api,
            world.owner,
            clientId=world.clients[0].id,
            addressId=world.clients[0].address_ids[0],
        )
        await sock.marker(op, lambda d: d["orderEvents"]["order"]["id"] == marker["id"])
    # A socket opened before its creator lost the right closes at the next revocation round.
    writer = await issue(api, world.owner, memberId=victim.member_id, readOnly=False)
    async with client(app) as http, socket(http, writer.token) as sock:
        await sock.subscribe(EVENTS)
        pk = decode_id(writer.id, "ApiToken")
        await ApiToken.filter(id=pk).update(created_by_id=decode_id(attacker.member_id, "Member"))
        await guard.check_revoked()
        assert await sock.closed(seconds=2) == 4401


async def test_a_pending_portal_invitation_from_staff_cannot_be_accepted(
    api: Api, shared: World
) -> None:
    """An invitation a STAFF member sent a contact before the rule: accepting makes no login."""
    world = shared
    attacker, card = world.staff[2], world.clients[0]
    mine = unique_email("attacker.alias")
    token, hashed = new_opaque_token()
    _ = await Invitation.create(
        company_id=decode_id(world.owner.company_id, "Company"),
        email=mine,
        role=Role.CLIENT,
        name="Alias",
        invited_by_id=decode_id(attacker.member_id, "Member"),
        contact_id=decode_id(card.id, "Contact"),
        token_hash=hashed,
        expires_at=datetime.now(UTC) + timedelta(days=3),
    )
    data = await api.ok(ACCEPT, {"input": {"token": token, "name": "Alias", "password": PASSWORD}})
    accepted = data["acceptInvitation"]
    assert accepted["accessToken"] is None
    assert [(e["field"], e["code"]) for e in accepted["errors"]] == [
        (["input", "token"], "FORBIDDEN")
    ]
    login = await api.ok(LOGIN, {"email": mine, "password": PASSWORD})
    assert [e["code"] for e in login["login"]["errors"]] == ["INVALID_CREDENTIALS"]
    # The invitation stays unused: the OWNER sees it pending, and may cancel or resend it.
    assert (await Invitation.get(email=mine)).accepted_at is None


async def test_an_invitation_is_checked_again_when_accepted(api: Api, shared: World) -> None:
    """head1 invites someone under staff2; the OWNER then moves staff2 under head0. The
    newcomer would join outside head1's subtree: refused. Had the inviter moved along with its
    manager, the invitation would still hold."""
    world = shared
    head0, head1, staff2 = world.heads[0], world.heads[1], world.staff[2]
    email = unique_email("newcomer")
    sent = await api.ok(
        INVITE, {"input": {"email": email, "managerId": staff2.member_id}}, head1.access
    )
    assert sent["inviteMember"]["errors"] == []
    moved = await api.ok(MOVE, {"m": staff2.member_id, "to": head0.member_id}, world.owner.access)
    assert moved["moveMember"]["id"] == staff2.member_id
    accept = {
        "input": {"token": sent["inviteMember"]["token"], "name": "New", "password": PASSWORD}
    }
    refused = (await api.ok(ACCEPT, accept))["acceptInvitation"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        (["input", "token"], "FORBIDDEN")
    ]
    assert refused["accessToken"] is None
    # Moved back, the same link works: the rule is the tree as it is at acceptance.
    _ = await api.ok(MOVE, {"m": staff2.member_id, "to": head1.member_id}, world.owner.access)
    joined = (await api.ok(ACCEPT, accept))["acceptInvitation"]
    assert joined["errors"] == []
    me = await api.ok("{ me { manager { id } } }", token=joined["accessToken"])
    assert me["me"]["manager"] == {"id": staff2.member_id}


async def test_an_api_token_mints_no_invitation(api: Api, shared: World) -> None:
    """A leaked writable token could otherwise outlive its revocation through the login an
    invitation makes."""
    world = shared
    writer = await issue(api, world.owner, readOnly=False)
    email = unique_email("through.token")
    for query, variables in (
        (INVITE, {"input": {"email": email}}),
        (INVITE_CONTACT, {"c": world.clients[1].id, "e": email}),
    ):
        body = await api.post(query, variables, writer.token)
        assert codes(body) == ["FORBIDDEN"], query
    assert not await Invitation.filter(email=email).exists()
    assert not await OutboxEmail.filter(to=email).exists()
