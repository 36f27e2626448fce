"""API tokens through HTTP and WebSocket: shown once and stored hashed, acting with their
member's rights (read-only ones refused every mutation), revoked and expired ones refused at
once (open sockets closed), `lastUsedAt` written at most once a minute, never in the logs, and
who may issue, see and revoke which."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from starlette.applications import Starlette

from models import ApiToken, Contact
from schema.ids import decode_id
from servicedesk.transport.websocket_auth import guard
from tests.support.api import Api, api_of, count_statements, register
from tests.support.api_tokens import (
    ME,
    TOKENS,
    codes,
    create_token,
    issue,
    revoke,
    token_ids,
)
from tests.support.world import (
    CREATE_CONTACT,
    SET_STATUS,
    World,
    build_world,
    contact,
    create_order,
    move,
)
from tests.support.ws import client, joined, socket

# One worker runs the module, so that its shared world is built once per backend.
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("api_tokens")]

EVENTS = "subscription { orderEvents { kind order { id contractor { id } } } }"
ORDERS = """{ orders(first: 100) { totalCount edges { node { id price contractorFee
    contractor { id } } } } }"""
NEW_CONTACT = {"input": {"kind": "CLIENT", "legalForm": "PERSON", "name": "Via token"}}


async def test_the_token_is_shown_once_and_stored_hashed(api: Api) -> None:
    owner = await register(api)
    issued = await issue(api, owner, name="Partner dispatch")
    assert issued.token.startswith("sd_")
    assert len(issued.token) > 40
    assert issued.record["readOnly"] is True  # the default
    assert issued.record["member"]["id"] == owner.member_id
    row = await ApiToken.get(id=decode_id(issued.id, "ApiToken"))
    assert row.token_hash == hashlib.sha256(issued.token.encode()).hexdigest()
    assert issued.token not in {str(value) for value in row.__dict__.values()}
    # Listed and found by id without it: no field of ApiToken holds it.
    data = await api.ok(TOKENS, token=owner.access)
    assert [token["name"] for token in data["apiTokens"]] == ["Partner dispatch"]
    assert issued.token not in str(data)
    found = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on ApiToken { name } } }",
        {"id": issued.id},
        owner.access,
    )
    assert found["node"] == {"name": "Partner dispatch"}
    # It works as a bearer token, for its member.
    me = await api.ok(ME, token=issued.token)
    assert me["me"]["id"] == owner.member_id


async def test_a_read_only_token_is_refused_every_mutation(app: Starlette, api: Api) -> None:
    owner = await register(api)
    reader = await issue(api, owner)
    # In its own company: the writable token's test makes a "Via token" contact in another.
    mine = Contact.filter(company_id=decode_id(owner.company_id, "Company"), name="Via token")
    assert (await api.ok(ME, token=reader.token))["me"]["id"] == owner.member_id
    for query, variables in (
        (CREATE_CONTACT, NEW_CONTACT),
        ("mutation($t: String!) { logout(refreshToken: $t) }", {"t": owner.refresh}),
        ('mutation { login(email: "x@example.test", password: "y") { errors { code } } }', {}),
    ):
        body = await api.post(query, variables, reader.token)
        assert body["data"] is None
        assert codes(body) == ["FORBIDDEN"]
    assert not await mine.exists()
    # Over WebSocket too: a mutation sent on the socket is refused, a subscription is not.
    async with client(app) as http, socket(http, reader.token) as sock:
        op = await sock.subscribe(CREATE_CONTACT, NEW_CONTACT)
        message = await sock.next(op)
        # Refused before execution: graphql-transport-ws's `error` message, a list of errors.
        assert message["type"] == "error"
        assert [e["extensions"]["code"] for e in message["payload"]] == ["FORBIDDEN"]
        live = await sock.subscribe(EVENTS)
        await joined(owner.member_id)
        card = await contact(api, owner, "CLIENT", "Marker")
        marker = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
        # Its first message is the marker's event: the subscription was not refused.
        await sock.marker(live, lambda d: d["orderEvents"]["order"]["id"] == marker["id"])
    assert not await mine.exists()


async def test_a_writable_token_acts_but_never_manages_tokens(api: Api) -> None:
    owner = await register(api)
    writer = await issue(api, owner, readOnly=False)
    made = await api.ok(CREATE_CONTACT, NEW_CONTACT, writer.token)
    assert made["createContact"]["errors"] == []
    for query, variables in (
        (
            "mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }",
            {"i": {"name": "child"}},
        ),
        ("mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }", {"id": writer.id}),
        (
            "mutation($c: ID!) { switchCompany(companyId: $c) { accessToken } }",
            {"c": owner.company_id},
        ),
    ):
        body = await api.post(query, variables, writer.token)
        assert codes(body) == ["FORBIDDEN"], query
    assert len(await token_ids(api, owner)) == 1
    assert await token_ids(api, writer.session()) == {writer.id}  # it may list, though


async def test_a_revoked_token_is_refused_at_once(app: Starlette, api: Api) -> None:
    owner = await register(api)
    issued = await issue(api, owner)
    async with client(app) as http, socket(http, issued.token) as sock:
        await sock.subscribe(EVENTS)
        payload = await revoke(api, owner, issued.id)
        assert payload["errors"] == []
        assert payload["token"] is None
        assert payload["apiToken"]["revokedAt"] is not None
        # This process closes the token's sockets as it revokes it, without waiting a round.
        assert await sock.closed(seconds=2) == 4401
    assert codes(await api.post(ME, token=issued.token)) == ["UNAUTHENTICATED"]
    # Revoking it again changes nothing.
    again = await revoke(api, owner, issued.id)
    assert again["apiToken"]["revokedAt"] == payload["apiToken"]["revokedAt"]


async def test_sockets_close_when_another_process_revokes_or_the_token_expires(
    app: Starlette, api: Api
) -> None:
    """A revocation made elsewhere (here: straight in the database) or an expiry is found by
    the process's revocation round; run a round now."""
    owner = await register(api)
    revoked, expiring = await issue(api, owner), await issue(api, owner)
    async with (
        client(app) as http,
        socket(http, revoked.token) as first,
        socket(http, expiring.token) as second,
    ):
        for sock in (first, second):
            await sock.subscribe(EVENTS)
        now = datetime.now(UTC)
        await ApiToken.filter(id=decode_id(revoked.id, "ApiToken")).update(revoked_at=now)
        await ApiToken.filter(id=decode_id(expiring.id, "ApiToken")).update(expires_at=now)
        await guard.check_revoked()
        assert await first.closed(seconds=2) == 4401
        assert await second.closed(seconds=2) == 4401
    assert codes(await api.post(ME, token=expiring.token)) == ["UNAUTHENTICATED"]


async def test_expiry(api: Api) -> None:
    owner = await register(api)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    payload = await create_token(api, owner, expiresAt=past)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", "expiresAt"], "INVALID")
    ]
    soon = await issue(api, owner, expiresAt=(datetime.now(UTC) + timedelta(hours=1)).isoformat())
    assert (await api.ok(ME, token=soon.token))["me"]["id"] == owner.member_id
    await ApiToken.filter(id=decode_id(soon.id, "ApiToken")).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    assert codes(await api.post(ME, token=soon.token)) == ["UNAUTHENTICATED"]


@pytest_asyncio.fixture(scope="module")
async def shared(app: Starlette) -> AsyncIterator[World]:
    """One world for the two tests that write nothing the other reads: the contractor's one
    cancels two orders and issues a token for contractors[1]; who-may-issue reads no order
    and lists no token. (Who-may-see lists the tokens: a world of its own.) A build is most
    of each one's time. No comments: none of them reads one."""
    async with api_of(app) as api:
        world = await build_world(api, comments=False)
    yield world


async def test_a_contractor_token_sees_exactly_that_contractor_s_orders(
    app: Starlette, api: Api, shared: World
) -> None:
    world = shared
    firm = world.contractors[1]
    member = firm.members[0]
    partner = await issue(api, world.owner, name="FixIt dispatch", memberId=member.member_id)
    assert partner.record["member"] == {"id": member.member_id, "role": "CONTRACTOR"}
    mine = {oid for oid, facts in world.orders.items() if facts["contractor"] == firm.id}
    assert mine
    assert len(mine) < len(world.orders)
    data = await api.ok(ORDERS, token=partner.token)
    nodes = [edge["node"] for edge in data["orders"]["edges"]]
    assert {node["id"] for node in nodes} == mine
    assert data["orders"]["totalCount"] == len(mine)
    # With a contractor's field rules: its fee, never the client's price.
    assert {(node["price"], node["contractorFee"]) for node in nodes} == {(None, "900.00")}
    # Live: it hears its own orders' events and nothing of the others.
    other = next(oid for oid, f in world.orders.items() if f["contractor"] not in (firm.id, None))
    own = next(oid for oid in mine if world.orders[oid]["status"] == "ASSIGNED")
    async with client(app) as http, socket(http, partner.token) as sock:
        op = await sock.subscribe(EVENTS)
        await joined(member.member_id)
        await move(api, world.owner, other, "CANCELLED")
        await move(api, world.owner, own, "CANCELLED")
        # The first event is its own order's: a marker that nothing of the other came first.
        event = (await sock.data(op))["orderEvents"]
        assert (event["order"]["id"], event["order"]["contractor"]["id"]) == (own, firm.id)
    # A read-only partner token cannot move the work it sees.
    body = await api.post(SET_STATUS, {"id": own, "s": "IN_PROGRESS"}, partner.token)
    assert codes(body) == ["FORBIDDEN"]


async def test_last_used_at_is_written_at_most_once_a_minute(api: Api) -> None:
    owner = await register(api)
    issued = await issue(api, owner)
    pk = decode_id(issued.id, "ApiToken")
    assert issued.record["lastUsedAt"] is None
    with count_statements() as session:
        _ = await api.ok(ME, token=owner.access)
    with count_statements() as first:
        _ = await api.ok(ME, token=issued.token)
    used = (await ApiToken.get(id=pk)).last_used_at
    assert used is not None
    with count_statements() as second:
        _ = await api.ok(ME, token=issued.token)
    assert (await ApiToken.get(id=pk)).last_used_at == used
    # One statement to authenticate, as with a session; the first use writes `lastUsedAt`.
    assert len(second.statements) == len(session.statements)
    assert len(first.statements) == len(session.statements) + 1
    assert first.statements[1].upper().startswith("UPDATE")
    await ApiToken.filter(id=pk).update(last_used_at=used - timedelta(minutes=2))
    _ = await api.ok(ME, token=issued.token)
    assert (await ApiToken.get(id=pk)).last_used_at > used  # type: ignore[operator]
    listed = await api.ok(TOKENS, token=owner.access)
    assert listed["apiTokens"][0]["lastUsedAt"] is not None


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.lines.append(repr(record.args))


@contextmanager
def all_logs() -> Iterator[list[str]]:
    """Every log record of every logger, at DEBUG (Tortoise's statements included)."""
    root = logging.getLogger()
    handler = _Everything()
    levels = {
        name: logging.getLogger(name).level for name in ("", "tortoise", "tortoise.db_client")
    }
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    root.addHandler(handler)
    try:
        yield handler.lines
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


async def test_a_token_is_never_in_the_logs(app: Starlette, api: Api) -> None:
    """Issued, used over HTTP and WebSocket, for the CSV report, failing and revoked."""
    owner = await register(api)
    with all_logs() as lines:
        writer = await issue(api, owner, readOnly=False)
        _ = await api.ok(ME, token=writer.token)
        _ = await api.post("{ nope }", token=writer.token)
        client_card = await contact(api, writer.session(), "CLIENT", "Anna")
        _ = await create_order(
            api, writer.session(), clientId=client_card.id, addressId=client_card.address_ids[0]
        )
        report = await api.http.get(
            "/reports/orders.csv",
            params={"from": "2025-01-01", "to": "2025-02-01", "groupBy": "DAY"},
            headers={"Authorization": f"Bearer {writer.token}"},
        )
        assert report.status_code == 200
        async with client(app) as http, socket(http, writer.token) as sock:
            await sock.subscribe(EVENTS)
            _ = await revoke(api, owner, writer.id)
            assert await sock.closed(seconds=2) == 4401
        _ = await api.post(ME, token=writer.token)
    assert any("api_token" in line for line in lines)  # the capture did see the work
    assert not [line for line in lines if writer.token in line]
    assert not [line for line in lines if writer.token[3:] in line]


async def test_who_may_issue_tokens_for_whom(api: Api, shared: World) -> None:
    world = shared
    owner, head, worker = world.owner, world.heads[0], world.staff[0]
    contractor = world.contractors[0].members[0]
    client_member = world.clients[1].members[0]
    # Staff issue for themselves; the owner also for portal members (permissions/credentials.py).
    for who, member in (
        (owner, None),
        (owner, contractor.member_id),
        (owner, client_member.member_id),
        (head, head.member_id),
        (worker, None),
    ):
        _ = await issue(api, who, **({"memberId": member} if member else {}))
    # Never for another staff member or the owner, above, below or beside; a STAFF member never
    # for a portal member, whose orders reach beyond its subtree.
    for who, member in (
        (owner, head.member_id),
        (head, worker.member_id),
        (head, owner.member_id),
        (worker, world.heads[1].member_id),
        (head, contractor.member_id),
        (worker, client_member.member_id),
    ):
        payload = await create_token(api, who, memberId=member)
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            (["input", "memberId"], "FORBIDDEN")
        ]
        assert payload["token"] is None
    # Portal members issue none, not even for themselves.
    for who in (contractor, client_member):
        for fields in ({}, {"memberId": who.member_id}):
            payload = await create_token(api, who, **fields)
            assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    # A member of another company is not found, like one that does not exist.
    stranger = await register(api)
    for member in (stranger.member_id, "bm9wZQ"):
        payload = await create_token(api, owner, memberId=member)
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            (["input", "memberId"], "NOT_FOUND")
        ]


async def _tokens_of(world: World, api: Api) -> dict[str, str]:
    heads, staff = world.heads, world.staff
    contractor = world.contractors[0].members[0]
    return {
        "head0": (await issue(api, heads[0])).id,
        "staff0": (await issue(api, staff[0])).id,  # below heads[0]
        "head1": (await issue(api, heads[1])).id,
        "staff2": (await issue(api, staff[2])).id,  # below heads[1]
        "owner for contractor": (await issue(api, world.owner, memberId=contractor.member_id)).id,
    }


async def test_who_may_see_and_revoke_which_tokens(api: Api) -> None:
    world = await build_world(api, comments=False)
    t = await _tokens_of(world, api)
    contractor = world.contractors[0].members[0]
    assert await token_ids(api, world.owner) == set(t.values())
    assert await token_ids(api, world.heads[0]) == {t["head0"], t["staff0"]}
    assert await token_ids(api, world.staff[0]) == {t["staff0"]}
    assert await token_ids(api, world.heads[1]) == {t["head1"], t["staff2"]}
    # The contractor sees the tokens that act as it; others' portal members see none.
    assert await token_ids(api, contractor) == {t["owner for contractor"]}
    assert await token_ids(api, world.contractors[1].members[0]) == set()
    assert await token_ids(api, world.clients[0].members[0]) == set()
    # Refused from the side that must not: NOT_FOUND, as for a token that never existed.
    for who, name in (
        (world.staff[0], "head0"),
        (world.heads[1], "head0"),
        (world.heads[0], "head1"),
        (world.contractors[1].members[0], "owner for contractor"),
        (world.clients[0].members[0], "staff0"),
    ):
        payload = await revoke(api, who, t[name])
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(["id"], "NOT_FOUND")]
    pks = {decode_id(i, "ApiToken"): name for name, i in t.items()}

    async def revoked() -> set[str]:
        rows = await ApiToken.filter(revoked_at__not_isnull=True, id__in=list(pks))
        return {pks[row.id] for row in rows}

    assert await revoked() == set()
    # A manager revokes what its team issued; a contractor what acts as it.
    assert (await revoke(api, world.heads[0], t["staff0"]))["errors"] == []
    assert (await revoke(api, contractor, t["owner for contractor"]))["errors"] == []
    assert (await revoke(api, world.owner, t["head1"]))["errors"] == []
    assert await revoked() == {"staff0", "owner for contractor", "head1"}
    # A node of a token is visible exactly where the list shows it.
    found = await api.ok(
        "query($id: ID!) { node(id: $id) { id } }", {"id": t["head0"]}, world.heads[1].access
    )
    assert found["node"] is None
