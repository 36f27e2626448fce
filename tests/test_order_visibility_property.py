""" "Who may see this order" is written once and used twice: as the query filter
`visible_orders(actor)` (and `listed_orders(actor)`, its form for pages) and as the
in-memory check `can_see_order(actor, OrderKeys)` that realtime applies to events. On generated org trees, contacts, orders and actors of every role
both give exactly the same orders; for the members of the tree both also equal what the tree
itself says (the member and everyone below it), computed by walking parents, not by paths.

Rows go straight into the database (a fresh pair of companies per example): the property is
about the two functions, not about the API that normally builds the rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from models import (
    Address,
    Channel,
    Company,
    Contact,
    ContactKind,
    LegalForm,
    Membership,
    Order,
    OrderStatus,
    Role,
    User,
)
from permissions.actor import Actor
from permissions.orders import OrderKeys, can_see_order, listed_orders, visible_orders

pytestmark = pytest.mark.asyncio

COMPANIES = 2


@dataclass(frozen=True)
class CompanySpec:
    parents: tuple[int, ...]  # parents[k] is the manager (a node index) of node k + 1
    labels: tuple[int, ...]  # one path label per node; small numbers, so "/1/" vs "/12/"
    clients: int
    contractors: int

    @property
    def paths(self) -> list[str]:
        paths = [f"/{self.labels[0]}/"]
        for k, parent in enumerate(self.parents, start=1):
            paths.append(f"{paths[parent]}{self.labels[k]}/")
        return paths

    def at_or_below(self, node: int) -> set[int]:
        """The node and everyone below it, by walking managers (no paths involved)."""
        below: set[int] = set()
        for k in range(len(self.labels)):
            walk: int | None = k
            while walk is not None:
                if walk == node:
                    below.add(k)
                    break
                walk = None if walk == 0 else self.parents[walk - 1]
        return below


@dataclass(frozen=True)
class OrderSpec:
    company: int
    responsible: int  # a node of the company's tree
    client: int
    contractor: int | None
    status: OrderStatus


@dataclass(frozen=True)
class ActorSpec:
    """A random actor: any role with any path and any contact, of any company or none."""

    company: int | None  # None: a company with no rows here
    role: Role
    path: tuple[int, ...]  # a path made of labels (may or may not be a member's)
    contact: tuple[ContactKind, int, int] | None  # (kind, company, index)


@dataclass(frozen=True)
class WorldSpec:
    companies: tuple[CompanySpec, ...]
    orders: tuple[OrderSpec, ...]
    actors: tuple[ActorSpec, ...]


@st.composite
def company_specs(draw: st.DrawFn) -> CompanySpec:
    size = draw(st.integers(1, 9))
    parents = tuple(draw(st.integers(0, k)) for k in range(size - 1))
    labels = draw(st.lists(st.integers(1, 40), min_size=size, max_size=size, unique=True))
    return CompanySpec(parents, tuple(labels), draw(st.integers(1, 3)), draw(st.integers(1, 3)))


@st.composite
def worlds(draw: st.DrawFn) -> WorldSpec:
    companies = tuple(draw(company_specs()) for _ in range(COMPANIES))

    @st.composite
    def order(draw: st.DrawFn) -> OrderSpec:
        company = draw(st.integers(0, COMPANIES - 1))
        spec = companies[company]
        return OrderSpec(
            company,
            draw(st.integers(0, len(spec.labels) - 1)),
            draw(st.integers(0, spec.clients - 1)),
            draw(st.none() | st.integers(0, spec.contractors - 1)),
            draw(st.sampled_from(OrderStatus)),
        )

    @st.composite
    def actor(draw: st.DrawFn) -> ActorSpec:
        company = draw(st.none() | st.integers(0, COMPANIES - 1))
        spec = companies[company if company is not None else 0]
        node = draw(st.integers(0, len(spec.labels) - 1))
        tree_path = tuple(int(p) for p in spec.paths[node].strip("/").split("/"))
        path = draw(st.just(tree_path) | st.lists(st.integers(1, 40), min_size=1, max_size=4))
        contact = draw(
            st.none()
            | st.tuples(
                st.sampled_from(ContactKind), st.integers(0, COMPANIES - 1), st.integers(0, 2)
            )
        )
        return ActorSpec(company, draw(st.sampled_from(Role)), tuple(path), contact)

    orders = draw(st.lists(order(), max_size=30))
    actors = draw(st.lists(actor(), max_size=8))
    return WorldSpec(companies, tuple(orders), tuple(actors))


@dataclass
class Inserted:
    company_ids: list[int]
    member_ids: list[list[int]]  # per company, per node
    contact_ids: dict[tuple[ContactKind, int, int], int]  # (kind, company, index) -> id
    keys: dict[int, OrderKeys]  # order id -> its keys, read back from the rows
    order_ids: list[int]  # the id of each generated order, in the order of the specs


async def insert(world: WorldSpec) -> Inserted:
    tag = uuid.uuid4().hex[:12]
    companies = [await Company.create(name=f"Property {tag} {c}") for c in range(COMPANIES)]
    company_ids = [c.id for c in companies]
    emails = [
        f"p{tag}.{c}.{k}@property.test"
        for c, spec in enumerate(world.companies)
        for k in range(len(spec.labels))
    ]
    await User.bulk_create([User(email=e, password_hash="-") for e in emails])
    user_ids = dict(await User.filter(email__in=emails).values_list("email", "id"))
    members = [
        Membership(
            company_id=company_ids[c],
            user_id=user_ids[f"p{tag}.{c}.{k}@property.test"],
            role=Role.OWNER if k == 0 else Role.STAFF,
            name=f"Node {k}",
            path=path,
        )
        for c, spec in enumerate(world.companies)
        for k, path in enumerate(spec.paths)
    ]
    await Membership.bulk_create(members)
    member_ids: list[list[int]] = []
    for c, spec in enumerate(world.companies):
        by_path = dict(await Membership.filter(company_id=company_ids[c]).values_list("path", "id"))
        member_ids.append([by_path[p] for p in spec.paths])
    contacts = [
        Contact(
            company_id=company_ids[c],
            kind=kind,
            legal_form=LegalForm.PERSON,
            name=f"{kind} {i}",
        )
        for c, spec in enumerate(world.companies)
        for kind, count in (
            (ContactKind.CLIENT, spec.clients),
            (ContactKind.CONTRACTOR, spec.contractors),
        )
        for i in range(count)
    ]
    await Contact.bulk_create(contacts)
    contact_ids: dict[tuple[ContactKind, int, int], int] = {}
    for c in range(COMPANIES):
        rows = await Contact.filter(company_id=company_ids[c]).values_list("id", "kind", "name")
        for contact_id, kind, name in rows:
            contact_ids[(ContactKind(kind), c, int(name.rsplit(" ", 1)[1]))] = contact_id
    client_keys = [k for k in contact_ids if k[0] == ContactKind.CLIENT]
    await Address.bulk_create(
        [
            Address(company_id=company_ids[k[1]], contact_id=contact_ids[k], text="Street 1")
            for k in client_keys
        ]
    )
    address_of = dict(
        await Address.filter(company_id__in=company_ids).values_list("contact_id", "id")
    )
    deadline = datetime.now(UTC) + timedelta(days=1)
    orders = []
    for number, o in enumerate(world.orders, start=1):
        client = contact_ids[(ContactKind.CLIENT, o.company, o.client)]
        contractor = (
            None
            if o.contractor is None
            else contact_ids[(ContactKind.CONTRACTOR, o.company, o.contractor)]
        )
        orders.append(
            Order(
                company_id=company_ids[o.company],
                number=number,
                title="Order",
                status=o.status,
                deadline=deadline,
                source=Channel.STAFF,
                client_id=client,
                address_id=address_of[client],
                contractor_id=contractor,
                responsible_id=member_ids[o.company][o.responsible],
            )
        )
    await Order.bulk_create(orders)
    paths = dict(await Membership.filter(company_id__in=company_ids).values_list("id", "path"))
    rows = await Order.filter(company_id__in=company_ids).values_list(
        "id", "number", "company_id", "client_id", "contractor_id", "responsible_id"
    )
    keys = {
        order_id: OrderKeys(company, client, contractor, paths[responsible])
        for order_id, _, company, client, contractor, responsible in rows
    }
    by_number = {number: order_id for order_id, number, *_ in rows}
    order_ids = [by_number[number] for number in range(1, len(world.orders) + 1)]
    return Inserted(company_ids, member_ids, contact_ids, keys, order_ids)


def actor(company_id: int, role: Role, path: str, contact_id: int | None, n: int) -> Actor:
    return Actor(
        membership_id=n,
        user_id=n,
        company_id=company_id,
        role=role,
        path=path,
        contact_id=contact_id,
        session_id=None,
    )


async def agree(rows: Inserted, who: Actor, expected: set[int] | None = None) -> None:
    ids: list[Any] = await visible_orders(who).values_list("id", flat=True)
    by_query = {int(order_id) for order_id in ids}
    in_memory = {order_id for order_id, keys in rows.keys.items() if can_see_order(who, keys)}
    assert by_query == in_memory, (who, sorted(by_query ^ in_memory))
    listed: list[Any] = await listed_orders(who).values_list("id", flat=True)
    assert {int(order_id) for order_id in listed} == in_memory, who
    if expected is not None:
        assert in_memory == expected, (who, sorted(in_memory ^ expected))


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds())
async def test_query_filter_and_in_memory_check_agree(app: Starlette, world: WorldSpec) -> None:
    rows = await insert(world)
    keyed = list(zip(world.orders, rows.order_ids, strict=True))
    foreign = max(rows.company_ids) + 1_000_000
    n = 0
    # Every member of every tree, as STAFF (and the root as OWNER), with the tree's answer.
    for c, spec in enumerate(world.companies):
        company_id = rows.company_ids[c]
        every = {order_id for o, order_id in keyed if o.company == c}
        for node, path in enumerate(spec.paths):
            below = spec.at_or_below(node)
            mine = {order_id for o, order_id in keyed if o.company == c and o.responsible in below}
            n += 1
            await agree(rows, actor(company_id, Role.STAFF, path, None, n), mine)
        await agree(rows, actor(company_id, Role.OWNER, spec.paths[0], None, n), every)
        # Every contact's portal member, and portal members without a contact.
        for (kind, contact_company, index), contact_id in rows.contact_ids.items():
            role = Role.CLIENT if kind == ContactKind.CLIENT else Role.CONTRACTOR
            column = "client" if kind == ContactKind.CLIENT else "contractor"
            own = {
                order_id
                for o, order_id in keyed
                if o.company == c == contact_company and getattr(o, column) == index
            }
            n += 1
            await agree(rows, actor(company_id, role, f"/p{n}/", contact_id, n), own)
        for role in (Role.CLIENT, Role.CONTRACTOR):
            await agree(rows, actor(company_id, role, "/0/", None, n), set())
    # Random actors: any role, path, contact and company; the two must still agree.
    for random in world.actors:
        company_id = foreign if random.company is None else rows.company_ids[random.company]
        card = None if random.contact is None else rows.contact_ids.get(random.contact)
        path = "/" + "".join(f"{label}/" for label in random.path)
        n += 1
        await agree(rows, actor(company_id, random.role, path, card, n))


async def test_a_contractor_member_without_a_card_sees_no_fee_of_an_order_without_contractor() -> (
    None
):
    """Both unset is not a match: `None == None` once let such a member read the fee (and act
    as the contractor) on every order without a contractor, in both forms of the rule."""
    from permissions.orders import can_act_as_contractor, can_see_contractor_fee
    from permissions.orders import can_see_contractor_fee_in_sql as fee_in_sql
    from permissions.rule_sql import NO

    who = actor(1, Role.CONTRACTOR, "/1/", None, 1)
    unassigned = OrderKeys(company_id=1, client_id=5, contractor_id=None, responsible_path="/1/")
    assert not can_act_as_contractor(who, unassigned)
    assert not can_see_contractor_fee(who, unassigned)
    assert fee_in_sql(who) == NO
