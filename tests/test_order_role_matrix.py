"""The order role matrix: every member of a generated company, every order, every way in.

The expectations are computed here, from the facts of the world (who reports to whom, which
client and contractor each order has) and the README's role table and status flow ("Who sees
what"), never from the application's own rules. Every comparison is exact (sets,
whole values, whole error payloads), so loosening any single rule of the table fails it.

The test collects every mismatch and fails once at the end, with the matrix size (members x
objects x operations actually tried) in the message; `pytest -s` prints the size as well.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pytest

from tests.support.api import Api
from tests.support.graphql_batch import MAX_BATCH, combine
from tests.support.order_matrix import (
    ADD_COMMENT,
    ASSIGN,
    ASSIGNED,
    CLIENT,
    CONTRACTOR,
    DONE,
    IN_PROGRESS,
    LIST_CONTACTS,
    LIST_ORDER_IDS,
    LIST_ORDERS,
    MADE_UP_ORDER,
    MOVES,
    NEW,
    NODE_ORDER,
    OK,
    OWNER,
    RATE,
    ROLE_COMMENTS,
    SET_STATUS,
    STAFF,
    STATUSES,
    UPDATE,
    UPDATE_CONTACT,
    VISIBILITIES,
    Attempt,
    ContactFacts,
    Matrix,
    OrderState,
    Queued,
    Viewer,
    expected_move,
    kind_of,
    normal_order,
    sees_order,
)
from tests.support.world import build_world

pytestmark = pytest.mark.asyncio

# Whole orders read per request: 10 stay under the server's estimated result size.
ORDERS_PER_REQUEST = 10


async def setup(api: Api) -> Matrix:
    world = await build_world(api)
    owner, heads, staff = world.owner, world.heads, world.staff
    manager_of: dict[str, str | None] = {
        owner.member_id: None,
        heads[0].member_id: owner.member_id,
        heads[1].member_id: owner.member_id,
        staff[0].member_id: heads[0].member_id,
        staff[1].member_id: heads[0].member_id,
        staff[2].member_id: heads[1].member_id,
    }

    def subtree(member_id: str) -> frozenset[str]:
        below: set[str] = set()
        for m in manager_of:
            walk: str | None = m
            while walk is not None:
                if walk == member_id:
                    below.add(m)
                    break
                walk = manager_of[walk]
        return frozenset(below)

    viewers = [Viewer("owner", owner, OWNER, None, subtree(owner.member_id))]
    viewers += [
        Viewer(f"head{i}", s, STAFF, None, subtree(s.member_id)) for i, s in enumerate(heads)
    ]
    viewers += [
        Viewer(f"staff{i}", s, STAFF, None, subtree(s.member_id)) for i, s in enumerate(staff)
    ]
    for kind, cards in ((CLIENT, world.clients), (CONTRACTOR, world.contractors)):
        for c, card in enumerate(cards):
            viewers += [
                Viewer(f"{kind.lower()}{c}.member{m}", s, kind, card.id, frozenset())
                for m, s in enumerate(card.members)
            ]
    assert len(viewers) == len(world.members()) == 11

    # Contact details to tell "hidden" from "empty": every card gets an e-mail and a phone,
    # and the second client a manager too (the first has heads[0] from the world).
    managers = {world.clients[0].id: heads[0].member_id, world.clients[1].id: staff[2].member_id}
    contacts: dict[str, ContactFacts] = {}
    for kind, cards in ((CLIENT, world.clients), (CONTRACTOR, world.contractors)):
        for c, card in enumerate(cards):
            email, phone = f"{kind.lower()}{c}@contacts.test", f"+7 900 000 0{c}"
            manager = managers.get(card.id)
            data = await api.ok(
                UPDATE_CONTACT,
                {"id": card.id, "input": {"email": email, "phone": phone, "managerId": manager}},
                owner.access,
            )
            assert data["updateContact"]["errors"] == [], data
            contacts[card.id] = ContactFacts(
                kind,
                email,
                phone,
                tuple(sorted(card.address_ids)),
                manager,
                tuple(sorted(m.member_id for m in card.members)),
            )

    matrix = Matrix(
        api,
        world,
        viewers,
        contacts,
        manager_of,
        {v.id: v.session.email for v in viewers},
    )
    # Some DONE orders rated by their client, so that rating and feedback are not null.
    done = [oid for oid, facts in world.orders.items() if facts["status"] == DONE]
    rated = 0
    for k, order_id in enumerate(done[:4]):
        card = next(c for c in world.clients if c.id == world.orders[order_id]["client"])
        rater = card.members[k % len(card.members)]
        data = await api.ok(RATE, {"id": order_id, "r": 2 + k, "f": f"feedback {k}"}, rater.access)
        assert data["r"]["errors"] == [], data
        rated += 1
    assert rated == 4

    # The baseline, read as the owner, must match the world's facts before anything else.
    for order_id, facts in world.orders.items():
        o = await matrix.snapshot(order_id)
        client = contacts[facts["client"]]
        assert (o.status, o.client, o.contractor, o.responsible) == (
            facts["status"],
            facts["client"],
            facts["contractor"],
            facts["responsible"],
        )
        assert (o.price, o.fee, o.note) == ("1500.00", "900.00", "door code 1234")
        assert o.address in client.addresses
        assert sorted(c[1] for c in o.comments) == sorted(VISIBILITIES)
        k = done.index(order_id) if order_id in done else 99
        rating, feedback = (2 + k, f"feedback {k}") if k < 4 else (None, None)
        assert (o.rating, o.feedback) == (rating, feedback)
        matrix.state[order_id] = o
    return matrix


# ---------------------------------------------------------------- reads


async def read_orders(m: Matrix, v: Viewer) -> None:
    visible = m.visible_ids(v)
    listed = (await m.ok(LIST_ORDERS, None, v.session.access))["orders"]
    m.count(v, "orders", "orders(first: 100)")
    got = {e["node"]["id"]: normal_order(e["node"]) for e in listed["edges"]}
    m.check(
        set(got) == visible and listed["totalCount"] == len(visible),
        f"{v.label}: orders() gave {len(got)} (totalCount {listed['totalCount']}), expected "
        f"{len(visible)}; extra {sorted(set(got) - visible)}, missing {sorted(visible - set(got))}",
    )
    nodes = await orders_by_node(m, v, list(m.state))
    for o in m.state.values():
        node = nodes[o.id]
        m.count(v, o.id, "node")
        if o.id not in visible:
            m.check(node is None, f"{v.label}: node({o.id}) of a hidden order is {node}")
            continue
        if node is None:
            m.failures.append(f"{v.label}: node({o.id}) of a visible order is null")
            continue
        for op in ("fields", "client", "responsible", "comments"):
            m.count(v, o.id, op)
        actual, expected = normal_order(node), m.expected_order(v, o)
        m.check(
            actual == expected,
            f"{v.label} on order {o.id} ({o.status}): "
            + str(
                {k: (expected[k], actual.get(k)) for k in expected if expected[k] != actual.get(k)}
            ),
        )
        if o.id in got:
            m.check(got[o.id] == actual, f"{v.label}: order {o.id} differs in list and node")
        nulls = frozenset(
            k
            for k in ("price", "contractorFee", "internalNote", "rating", "feedback")
            if node[k] is None
        )
        m.null_patterns.setdefault(v.role, set()).add(nulls)


async def orders_by_node(m: Matrix, v: Viewer, ids: Sequence[str]) -> dict[str, Any]:
    """`node(id) { ... on Order }` for each id, several a request."""
    found: dict[str, Any] = {}
    for start in range(0, len(ids), ORDERS_PER_REQUEST):
        chunk = ids[start : start + ORDERS_PER_REQUEST]
        query, variables = combine([(NODE_ORDER, {"id": order_id}) for order_id in chunk])
        data = await m.ok(query, variables, v.session.access)
        found.update((order_id, data[f"r{k}"]) for k, order_id in enumerate(chunk))
    return found


async def nodes_exist(m: Matrix, v: Viewer, ids: Sequence[str]) -> dict[str, bool]:
    """`node(id) { id }` for many ids, 15 aliases a request."""
    found: dict[str, bool] = {}
    for start in range(0, len(ids), 15):
        chunk = ids[start : start + 15]
        params = ", ".join(f"$i{k}: ID!" for k in range(len(chunk)))
        fields = " ".join(f"n{k}: node(id: $i{k}) {{ id }}" for k in range(len(chunk)))
        data = await m.ok(
            f"query({params}) {{ {fields} }}",
            {f"i{k}": node_id for k, node_id in enumerate(chunk)},
            v.session.access,
        )
        for k, node_id in enumerate(chunk):
            node = data[f"n{k}"]
            found[node_id] = node is not None
            if node is not None and node["id"] != node_id:
                m.failures.append(f"{v.label}: node({node_id}) answered {node}")
    return found


async def read_comments(m: Matrix, v: Viewer) -> None:
    comments = [(o, c) for o in m.state.values() for c in sorted(o.comments)]
    found = await nodes_exist(m, v, [c[0] for _, c in comments])
    for o, (comment_id, visibility) in comments:
        m.count(v, comment_id, "node")
        expected = sees_order(v, o) and visibility in ROLE_COMMENTS[v.role]
        m.check(
            found[comment_id] == expected,
            f"{v.label}: node(comment {visibility} of order {o.id} {o.status}) "
            f"{'visible' if found[comment_id] else 'null'}, expected {'visible' if expected else 'null'}",
        )


async def read_contacts(m: Matrix, v: Viewer) -> None:
    expected = {c for c in m.contacts if v.is_staff or c == v.contact}
    data = (await m.ok(LIST_CONTACTS, None, v.session.access))["contacts"]
    m.count(v, "contacts", "contacts(first: 100)")
    listed = {e["node"]["id"]: e["node"]["orders"] for e in data["edges"]}
    m.check(
        set(listed) == expected and data["totalCount"] == len(expected),
        f"{v.label}: contacts() gave {sorted(listed)} ({data['totalCount']}), expected {sorted(expected)}",
    )
    visible = m.visible_ids(v)
    for contact_id, orders in listed.items():
        m.count(v, contact_id, "Contact.orders")
        column = "client" if m.contacts[contact_id].kind == CLIENT else "contractor"
        own = {
            o.id for o in m.state.values() if getattr(o, column) == contact_id and o.id in visible
        }
        got = {e["node"]["id"] for e in orders["edges"]}
        m.check(
            got == own and orders["totalCount"] == len(own),
            f"{v.label}: Contact.orders of {contact_id} gave {len(got)}, expected {len(own)}",
        )
    found = await nodes_exist(m, v, sorted(m.contacts))
    for contact_id in m.contacts:
        m.count(v, contact_id, "node")
        m.check(
            found[contact_id] == (contact_id in expected),
            f"{v.label}: node(contact {contact_id}) visible={found[contact_id]}",
        )


# ---------------------------------------------------------------- mutations


Effect = Callable[[dict[str, Any]], OrderState]


async def attempt(
    m: Matrix, v: Viewer, o: OrderState, a: Attempt, effect: OrderState | Effect | None = None
) -> None:
    """Run one mutation on one order; check its answer and the order after it (as the owner).

    A refused attempt must leave the order exactly as it was; an allowed one must change it
    exactly as `effect` (a state, or a function of the payload) predicts, or not at all without
    one. Attempts expected to be refused are queued and sent several to a request, in the same
    order (`send_queued`), and checked to have changed nothing before the next allowed one
    (`Matrix.verify_refusals`).
    """
    m.count(v, o.id, a.operation)
    context = f"{v.label} {a.operation} on order {o.id} ({o.status})"
    variables = {"id": o.id, **a.variables}
    if m.queued and m.queued[0].viewer != v:
        await send_queued(m)
    if a.expected != OK:
        m.queued.append(Queued(v, o.id, a, context, variables))
        return
    await send_queued(m)
    await m.verify_refusals([o.id])
    data = await m.ok(a.query, variables, v.session.access)
    payload: dict[str, Any] = data["r"]
    if await answer(m, Queued(v, o.id, a, context, variables), payload) != OK:
        m.refusal(o.id, context)
    else:
        after = effect(payload) if callable(effect) else effect
        await m.compare(o if after is None else after, context, written=True)


async def send_queued(m: Matrix) -> None:
    """Send the queued attempts (one viewer's), up to MAX_BATCH a request, and check each answer."""
    while m.queued:
        batch, m.queued = m.queued[:MAX_BATCH], m.queued[MAX_BATCH:]
        query, variables = combine([(q.attempt.query, q.variables) for q in batch])
        data = await m.ok(query, variables, batch[0].viewer.session.access)
        for k, q in enumerate(batch):
            await answer(m, q, data[f"r{k}"])
            m.refusal(q.order_id, q.context)


async def answer(m: Matrix, q: Queued, payload: dict[str, Any]) -> str:
    """Check a mutation's payload against the expected outcome; the outcome."""
    v, a, context = q.viewer, q.attempt, q.context
    errors = payload["errors"]
    outcome: str = errors[0]["code"] if errors else OK
    if outcome != a.expected:
        m.failures.append(f"{context}: answered {outcome} {errors}, expected {a.expected}")
    if a.expected == "NOT_FOUND" and outcome == "NOT_FOUND":
        key = (v.label, a.operation)
        if key not in m.made_up:
            made_up = {**a.variables, "id": MADE_UP_ORDER}
            m.made_up[key] = (await m.ok(a.query, made_up, v.session.access))["r"]
        m.check(
            payload == m.made_up[key],
            f"{context}: a hidden order answers {payload}, a made-up id {m.made_up[key]}",
        )
    if outcome != OK:
        m.check(len(errors) == 1 and not any(payload.get(k) for k in ("order", "comment")), context)
    return outcome


def with_comment(o: OrderState, payload: dict[str, Any], visibility: str) -> OrderState:
    """The order with the comment just written, with the visibility asked for (the owner's
    re-read shows the visibility actually stored)."""
    return dataclasses.replace(o, comments=o.comments | {(payload["comment"]["id"], visibility)})


def other_contractor(m: Matrix, o: OrderState) -> str:
    first, second = (c.id for c in m.world.contractors)
    return second if o.contractor == first else first


async def refusals_and_harmless(m: Matrix, v: Viewer, o: OrderState) -> None:
    """Phase A: every mutation on every order, except the ones that move an order on (they
    are allowed; phase B makes them). What succeeds here changes no visibility."""
    visible = sees_order(v, o)
    role_code = "NOT_FOUND" if not visible else "FORBIDDEN"

    # updateOrder: staff only.
    if visible and v.is_staff:
        text = f"edited by {v.label}"
        edit = Attempt("updateOrder", UPDATE, {"input": {"description": text}}, OK)
        await attempt(m, v, o, edit, dataclasses.replace(o, description=text))
    else:
        leak = {"description": "leak", "price": "1.00", "internalNote": "leak"}
        await attempt(m, v, o, Attempt("updateOrder", UPDATE, {"input": leak}, role_code))
    o = m.state[o.id]

    # assignOrder: staff, on open orders; the same contractor again changes nothing.
    if visible and v.is_staff and o.status in (ASSIGNED, IN_PROGRESS):
        same = {"c": o.contractor, "fee": o.fee}
        await attempt(m, v, o, Attempt("assignOrder", ASSIGN, same, OK))
    elif not (visible and v.is_staff and o.status == NEW):  # NEW: phase B assigns it
        code = "INVALID" if visible and v.is_staff else role_code
        moved = {"c": other_contractor(m, o), "fee": "1.00"}
        await attempt(m, v, o, Attempt("assignOrder", ASSIGN, moved, code))
    o = m.state[o.id]

    # setOrderStatus: every target; the allowed moves wait for phase B.
    for target in STATUSES:
        expected = expected_move(v, o, target, "because")
        if expected != OK:
            variables = {"s": target, "c": "because"}
            await attempt(
                m, v, o, Attempt(f"setOrderStatus {target}", SET_STATUS, variables, expected)
            )
    if visible and v.role == CLIENT and o.status == DONE:  # a dispute needs a comment
        no_comment = Attempt(
            "setOrderStatus IN_PROGRESS, no comment",
            SET_STATUS,
            {"s": IN_PROGRESS, "c": " "},
            "INVALID",
        )
        await attempt(m, v, o, no_comment)
    o = m.state[o.id]

    # addComment: each visibility.
    for visibility in VISIBILITIES:
        expected = (
            "NOT_FOUND"
            if not visible
            else OK
            if visibility in ROLE_COMMENTS[v.role]
            else "FORBIDDEN"
        )
        body = {"b": f"{v.label} writes {visibility}", "v": visibility}
        comment = Attempt(f"addComment {visibility}", ADD_COMMENT, body, expected)
        await attempt(m, v, o, comment, partial(with_comment, o, visibility=visibility))
        o = m.state[o.id]

    # rateOrder: the order's client, DONE orders only.
    if not visible:
        expected = "NOT_FOUND"
    elif v.role != CLIENT:
        expected = "FORBIDDEN"
    else:
        expected = OK if o.status == DONE else "INVALID"
    if expected == OK:
        rating, words = o.rating or 4, o.feedback or f"fine, says {v.label}"
        rate = Attempt("rateOrder", RATE, {"r": rating, "f": words}, OK)
        await attempt(m, v, o, rate, dataclasses.replace(o, rating=rating, feedback=words))
    else:
        await attempt(m, v, o, Attempt("rateOrder", RATE, {"r": 1, "f": "leak"}, expected))


async def moves_forward(m: Matrix, v: Viewer) -> None:
    """Phase B: each allowed move (and staff's assignment of a NEW order), made once by each
    member on the first order it sees where the move applies, and its effect checked."""
    for move in sorted(MOVES | {(NEW, "assign")}):
        for o in list(m.state.values()):
            if o.status != move[0]:
                continue
            if move[1] == "assign":
                if not (sees_order(v, o) and v.is_staff):
                    continue
                contractor = m.world.contractors[0].id
                a = Attempt("assignOrder NEW", ASSIGN, {"c": contractor, "fee": "750.00"}, OK)
                after = dataclasses.replace(
                    o,
                    status=ASSIGNED,
                    contractor=contractor,
                    fee="750.00",
                    history=(*o.history, (NEW, ASSIGNED, v.id, None)),
                )
            else:
                comment = f"{v.label} moves it"
                if expected_move(v, o, move[1], comment) != OK:
                    continue
                a = Attempt(
                    f"setOrderStatus {move[1]}", SET_STATUS, {"s": move[1], "c": comment}, OK
                )
                after = dataclasses.replace(
                    o, status=move[1], history=(*o.history, (o.status, move[1], v.id, comment))
                )
            await attempt(m, v, o, a, after)
            break


async def test_order_role_matrix(api: Api, backend: str) -> None:
    started = time.perf_counter()
    m = await setup(api)
    built = time.perf_counter()

    for v in m.viewers:
        await read_orders(m, v)
        await read_comments(m, v)
        await read_contacts(m, v)
    # The null fields seen, per role: what the role may not see, plus rating and feedback of
    # the orders nobody rated (the world has both kinds, so neither case goes untested).
    hidden = {
        OWNER: set(),
        STAFF: set(),
        CLIENT: {"contractorFee", "internalNote"},
        CONTRACTOR: {"price", "internalNote", "feedback"},
    }
    patterns = {
        role: {frozenset(h), frozenset(h | {"rating", "feedback"})} for role, h in hidden.items()
    }
    m.check(m.null_patterns == patterns, f"null fields per role: {m.null_patterns}")

    for v in m.viewers:
        for order_id in list(m.state):
            await refusals_and_harmless(m, v, m.state[order_id])
        await send_queued(m)
        await m.verify_refusals()
    # Portal members first, then staff from the leaves up, so that each finds work to move.
    for v in sorted(m.viewers, key=lambda v: (v.is_staff, len(v.subtree))):
        await moves_forward(m, v)
    await send_queued(m)
    await m.verify_refusals()
    # After all that, everyone's list still matches the model.
    for v in m.viewers:
        listed = (await m.ok(LIST_ORDER_IDS, None, v.session.access))["orders"]
        m.count(v, "orders", "orders(first: 100) after the mutations")
        ids = {e["node"]["id"] for e in listed["edges"]}
        visible = m.visible_ids(v)
        m.check(
            ids == visible and listed["totalCount"] == len(visible),
            f"{v.label}: after the mutations orders() gave {len(ids)}, expected {len(visible)}",
        )

    members = {member for member, _, _ in m.tried}
    objects = Counter(kind_of(obj) for obj in {obj for _, obj, _ in m.tried})
    operations = {op for _, _, op in m.tried}
    size = (
        f"role matrix on {backend}: {len(members)} members x {sum(objects.values())} objects "
        f"({', '.join(f'{n} {kind}' for kind, n in sorted(objects.items()))}) x "
        f"{len(operations)} operations: {len(m.tried)} distinct (member, object, operation) "
        f"triples tried, {m.operations.total()} checks run, {m.calls} requests; "
        f"world {built - started:.1f} s, matrix {time.perf_counter() - built:.1f} s"
    )
    print(f"\n{size}\n  operations: {dict(sorted(m.operations.items()))}")
    assert not m.failures, f"{len(m.failures)} failures in the {size}:\n" + "\n".join(
        m.failures[:60]
    )
