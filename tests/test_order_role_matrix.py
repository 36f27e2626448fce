"""The order role matrix, reads: every member of a generated company reads every order,
comment and contact every way in (lists, `node`, nested connections).

The expectations are computed here, from the facts of the world (who reports to whom, which
client and contractor each order has) and the README's role table ("Who sees what"), never
from the application's own rules. Every comparison is exact (sets, whole values), so loosening
any single rule of the table fails it. tests/test_order_role_matrix_writes.py tries every
mutation the same way.

The test collects every mismatch and fails once at the end, with the matrix size (members x
objects x operations actually tried) in the message; `pytest -s` prints the size as well.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from tests.support.api import Api
from tests.support.order_matrix import (
    CLIENT,
    CONTRACTOR,
    LIST_CONTACTS,
    LIST_ORDERS,
    NODE_ORDER,
    OWNER,
    ROLE_COMMENTS,
    STAFF,
    Matrix,
    Viewer,
    comment_set,
    id_of,
    sees_order,
)
from tests.support.order_matrix_setup import batched, report, setup

pytestmark = pytest.mark.asyncio

# Whole orders read per request: the 15 aliases the server allows (15 stay under its estimated
# result size too).
ORDERS_PER_REQUEST = 15


def sorted_ids(items: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(sorted(item["id"] for item in items))


def normal_order(node: dict[str, Any]) -> dict[str, Any]:
    """An order as a viewer read it, with lists made order-independent."""
    client = dict(node["client"])
    client["addresses"] = sorted_ids(client["addresses"])
    client["portalMembers"] = sorted_ids(client["portalMembers"])
    client["manager"] = id_of(client["manager"])
    responsible = dict(node["responsible"])
    responsible["manager"] = id_of(responsible["manager"])
    responsible["subordinates"] = sorted_ids(responsible["subordinates"])
    return {
        **node,
        "address": id_of(node["address"]),
        "contractor": id_of(node["contractor"]),
        "client": client,
        "responsible": responsible,
        "comments": comment_set(node["comments"]),
    }


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
        query, variables = batched([(NODE_ORDER, {"id": order_id}) for order_id in chunk])
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


async def test_order_role_matrix_reads(api: Api, backend: str) -> None:
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
    size = report(m, backend, built - started, time.perf_counter() - built)
    assert not m.failures, f"{len(m.failures)} failures in the {size}:\n" + "\n".join(
        m.failures[:60]
    )
