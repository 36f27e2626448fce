"""The role matrix of credentials: every member of a generated company, and
API tokens, try to mint every kind of credential for every kind of target.

Expectations come from the README's role table (tests/support/credential_matrix.py), never from
permissions/. Allowed credentials must work (the token acts as its member, with that member's
reach; the invitation makes the member asked for); refused ones must leave nothing behind (the
OWNER's lists of tokens and invitations hold exactly the allowed ones, and no invitation mail
went out for a refused one). Mismatches are collected and reported together.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest

from models import OutboxEmail
from tests.support.api import ACCEPT, PASSWORD, Api, Session, register, unique_email
from tests.support.api_tokens import issue
from tests.support.credential_matrix import (
    CLIENT,
    CONTRACTOR,
    CREATE_TOKEN,
    INVITE_CONTACT,
    INVITE_MEMBER,
    ME,
    OK,
    ORDER_COUNT,
    OWNER,
    STAFF,
    Minter,
    Target,
    expected_portal_invitation,
    expected_staff_invitation,
    expected_token,
    issued_ids,
    outcome,
)
from tests.support.world import World, build_world, contact

pytestmark = pytest.mark.asyncio


@dataclass
class Run:
    api: Api
    world: World
    tokens: set[str] = field(default_factory=set)  # the API tokens that must be listed
    invitations: set[str] = field(default_factory=set)  # the invitations that must be listed
    refused_emails: list[str] = field(default_factory=list)
    tried: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, outcome)
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.failures.append(message)


def subtrees(world: World) -> dict[str, frozenset[str]]:
    """The world's tree (tests/support/world.py), written out: who is at or below whom."""
    owner, heads, staff = world.owner, world.heads, world.staff
    head0 = {heads[0].member_id, staff[0].member_id, staff[1].member_id}
    head1 = {heads[1].member_id, staff[2].member_id}
    tree = {owner.member_id: frozenset(head0 | head1 | {owner.member_id})}
    tree |= {heads[0].member_id: frozenset(head0), heads[1].member_id: frozenset(head1)}
    tree |= {s.member_id: frozenset({s.member_id}) for s in staff}
    return tree


async def minters(api: Api, world: World) -> list[Minter]:
    tree = subtrees(world)
    staff_side = [("owner", world.owner, OWNER)]
    staff_side += [(f"head{i}", s, STAFF) for i, s in enumerate(world.heads)]
    staff_side += [(f"staff{i}", s, STAFF) for i, s in enumerate(world.staff)]
    found = [
        Minter(label, s.access, role, s.member_id, tree[s.member_id])
        for label, s, role in staff_side
    ]
    for role, cards in ((CLIENT, world.clients), (CONTRACTOR, world.contractors)):
        for c, card in enumerate(cards):
            found += [
                Minter(f"{role.lower()}{c}.member{k}", s.access, role, s.member_id, frozenset())
                for k, s in enumerate(card.members)
            ]
    # API tokens: writable ones of the OWNER, of a head and of a contractor, and a read-only one.
    contractor = world.contractors[0].members[0]
    for label, who, role, holder, writable in (
        ("owner's writable token", world.owner, OWNER, world.owner, True),
        ("owner's read-only token", world.owner, OWNER, world.owner, False),
        ("head0's writable token", world.heads[0], STAFF, world.heads[0], True),
        ("contractor0's writable token", world.owner, CONTRACTOR, contractor, True),
    ):
        fields: dict[str, Any] = {"readOnly": not writable, "memberId": holder.member_id}
        token = await issue(api, who, name=label, **fields)
        found.append(
            Minter(
                label,
                token.token,
                role,
                holder.member_id,
                tree.get(holder.member_id, frozenset()),
                True,
            )
        )
    return found


def member_targets(world: World, stranger: Session) -> list[Target]:
    targets = [Target("itself (memberId left out)", STAFF, None)]
    targets += [Target("owner", STAFF, world.owner.member_id)]
    targets += [Target(f"head{i}", STAFF, s.member_id) for i, s in enumerate(world.heads)]
    targets += [Target(f"staff{i}", STAFF, s.member_id) for i, s in enumerate(world.staff)]
    for role, cards in ((CLIENT, world.clients), (CONTRACTOR, world.contractors)):
        for c, card in enumerate(cards):
            targets += [
                Target(f"{role.lower()}{c}.member{k}", role, s.member_id, card.id)
                for k, s in enumerate(card.members)
            ]
    return [*targets, Target("another company's owner", STAFF, stranger.member_id, stranger=True)]


async def try_token(run: Run, m: Minter, t: Target) -> None:
    expected = expected_token(m, t)
    member = {} if t.member_id is None else {"memberId": t.member_id}
    body = await run.api.post(
        CREATE_TOKEN, {"input": {"name": "matrix", "readOnly": False, **member}}, m.token
    )
    got, payload = outcome(body)
    run.tried["createApiToken", got] += 1
    context = f"{m.label} mints an API token for {t.label}"
    run.check(got == expected, f"{context}: {got} {body}, expected {expected}")
    if got != OK or payload is None:
        run.check(payload is None or payload["token"] is None, f"{context}: a token with errors")
        return
    run.tokens.add(payload["apiToken"]["id"])
    holder = t.member_id or m.member_id
    me = (await run.api.ok(ME, token=payload["token"]))["me"]
    run.check(me["id"] == holder, f"{context}: the token acts as {me['id']}, not {holder}")
    # The same reach as the holder's own login: the same orders.
    own = (
        m.token
        if holder == m.member_id
        else next(s.access for s in run.world.members() if s.member_id == holder)
    )
    as_token = (await run.api.ok(ORDER_COUNT, token=payload["token"]))["orders"]["totalCount"]
    as_holder = (await run.api.ok(ORDER_COUNT, token=own))["orders"]["totalCount"]
    run.check(as_token == as_holder, f"{context}: {as_token} orders, the holder {as_holder}")


async def accept(run: Run, token: str, email: str) -> dict[str, Any]:
    data = await run.api.ok(
        ACCEPT, {"input": {"token": token, "name": "Newcomer", "password": PASSWORD}}
    )
    accepted: dict[str, Any] = data["acceptInvitation"]
    run.check(accepted["errors"] == [], f"accepting {email}: {accepted['errors']}")
    return (
        (await run.api.ok(ME, token=accepted["accessToken"]))["me"]
        if accepted["accessToken"]
        else {}
    )


async def try_staff_invitation(run: Run, m: Minter, manager: Target) -> None:
    expected = expected_staff_invitation(m, manager)
    email = unique_email("matrix.staff")
    chosen = {} if manager.member_id is None else {"managerId": manager.member_id}
    body = await run.api.post(INVITE_MEMBER, {"input": {"email": email, **chosen}}, m.token)
    got, payload = outcome(body)
    run.tried["inviteMember", got] += 1
    context = f"{m.label} invites a STAFF member under {manager.label}"
    run.check(got == expected, f"{context}: {got} {body}, expected {expected}")
    if got != OK or payload is None:
        run.refused_emails.append(email)
        return
    run.invitations.add(payload["invitation"]["id"])
    me = await accept(run, payload["token"], email)
    boss = manager.member_id or m.member_id
    run.check(
        me.get("role") == STAFF and (me.get("manager") or {}).get("id") == boss,
        f"{context}: joined as {me}",
    )


async def try_portal_invitation(run: Run, m: Minter, card: Target) -> None:
    expected = expected_portal_invitation(m, card)
    email = unique_email("matrix.portal")
    body = await run.api.post(INVITE_CONTACT, {"c": card.contact_id, "e": email}, m.token)
    got, payload = outcome(body)
    run.tried["inviteContact", got] += 1
    context = f"{m.label} invites {card.label} to its portal"
    run.check(got == expected, f"{context}: {got} {body}, expected {expected}")
    if got != OK or payload is None:
        run.refused_emails.append(email)
        return
    run.invitations.add(payload["invitation"]["id"])
    me = await accept(run, payload["token"], email)
    run.check(
        me.get("role") == card.role and (me.get("contact") or {}).get("id") == card.contact_id,
        f"{context}: joined as {me}",
    )


async def test_credentials_minted_by_each_role(api: Api, backend: str) -> None:
    started = time.perf_counter()
    world = await build_world(api, comments=False)
    stranger = await register(api)
    elsewhere = await contact(api, stranger, "CLIENT", "Elsewhere Client")
    run = Run(api, world)
    tokens_before, invitations_before = await issued_ids(api, world.owner.access)
    everyone = await minters(api, world)
    run.tokens = (await issued_ids(api, world.owner.access))[0]
    run.invitations = set(invitations_before)
    assert len(tokens_before) == 0
    assert len(run.tokens) == 4

    members = member_targets(world, stranger)
    managers = [t for t in members if t.role == STAFF] + [
        t for t in members if t.role in (CLIENT, CONTRACTOR)
    ][:1]
    cards = [
        Target(f"{role.lower()}{c}", role, None, card.id)
        for role, cards in ((CLIENT, world.clients), (CONTRACTOR, world.contractors))
        for c, card in enumerate(cards)
    ] + [Target("another company's client", CLIENT, None, elsewhere.id, stranger=True)]

    for m in everyone:
        for t in members:
            await try_token(run, m, t)
        for manager in managers:
            await try_staff_invitation(run, m, manager)
        for card in cards:
            await try_portal_invitation(run, m, card)

    # Refused attempts stored nothing and mailed nothing.
    tokens, invitations = await issued_ids(api, world.owner.access)
    run.check(tokens == run.tokens, f"tokens listed {len(tokens)}, expected {len(run.tokens)}")
    run.check(
        invitations == run.invitations,
        f"invitations listed {len(invitations)}, expected {len(run.invitations)}",
    )
    mailed = await OutboxEmail.filter(to__in=run.refused_emails).count()
    run.check(mailed == 0, f"{mailed} invitation mails sent for refused invitations")

    outcomes = Counter(code for (_, code) in run.tried.elements())
    size = (
        f"credential matrix on {backend}: {len(everyone)} minters x ({len(members)} token "
        f"holders + {len(managers)} managers + {len(cards)} contacts) = "
        f"{run.tried.total()} attempts, outcomes {dict(sorted(outcomes.items()))}, "
        f"{time.perf_counter() - started:.1f} s"
    )
    print(f"\n{size}\n  per kind: {dict(sorted(run.tried.items()))}")
    assert not run.failures, f"{len(run.failures)} failures in the {size}:\n" + "\n".join(
        run.failures[:60]
    )
    # Every kind of outcome the table has was met, so no rule went untested.
    assert {"OK", "FORBIDDEN", "NOT_FOUND", "INVALID"} <= set(outcomes)
