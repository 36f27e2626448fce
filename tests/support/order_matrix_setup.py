"""The order role matrix's world: the generated company (tests/support/world.py) with contact
details set and some orders rated, its members as viewers, and the owner's baseline of every
order checked against the world's facts; and the matrix's batched requests and its report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from tests.support.api import Api
from tests.support.graphql_batch import combine
from tests.support.order_matrix import (
    CLIENT,
    CONTRACTOR,
    DONE,
    OWNER,
    RATE,
    STAFF,
    UPDATE_CONTACT,
    VISIBILITIES,
    ContactFacts,
    Matrix,
    Viewer,
    kind_of,
)
from tests.support.world import build_world


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
            email, phone = f"{kind.lower()}{c}@contacts.test", f"+7900000000{c}"
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
    baseline = await matrix.snapshots(list(world.orders))
    for order_id, facts in world.orders.items():
        o = baseline[order_id]
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


def batched(calls: Sequence[tuple[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """`combine` (tests/support/graphql_batch.py): the matrix sends the same few sequences of
    queries hundreds of times, and it builds each one's document once."""
    return combine(calls)


def report(m: Matrix, backend: str, world_seconds: float, matrix_seconds: float) -> str:
    """The matrix's size as tried (members x objects x operations), for messages and `-s`."""
    members = {member for member, _, _ in m.tried}
    objects = Counter(kind_of(obj) for obj in {obj for _, obj, _ in m.tried})
    operations = {op for _, _, op in m.tried}
    size = (
        f"role matrix on {backend}: {len(members)} members x {sum(objects.values())} objects "
        f"({', '.join(f'{n} {kind}' for kind, n in sorted(objects.items()))}) x "
        f"{len(operations)} operations: {len(m.tried)} distinct (member, object, operation) "
        f"triples tried, {m.operations.total()} checks run, {m.calls} requests; "
        f"world {world_seconds:.1f} s, matrix {matrix_seconds:.1f} s"
    )
    print(f"\n{size}\n  operations: {dict(sorted(m.operations.items()))}")
    return size
