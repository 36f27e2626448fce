"""The order role matrix's model: the README's role table ("Who sees what") written out independently of
permissions/, and the queries and record-keeping the matrix test uses."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from schema.ids import parse_global_id, to_global_id
from tests.support.api import Api, Session
from tests.support.world import World

OWNER, STAFF, CLIENT, CONTRACTOR = "OWNER", "STAFF", "CLIENT", "CONTRACTOR"
STAFF_ROLES = frozenset({OWNER, STAFF})
NEW, ASSIGNED, IN_PROGRESS, DONE, CANCELLED = "NEW", "ASSIGNED", "IN_PROGRESS", "DONE", "CANCELLED"
STATUSES = (NEW, ASSIGNED, IN_PROGRESS, DONE, CANCELLED)
VISIBILITIES = ("INTERNAL", "CLIENT", "CONTRACTOR")
OK = "OK"

# The README's order status flow, written out here on purpose (not imported from permissions/).
MOVES = frozenset(
    {
        (NEW, ASSIGNED),
        (ASSIGNED, IN_PROGRESS),
        (IN_PROGRESS, DONE),
        (DONE, IN_PROGRESS),
        (NEW, CANCELLED),
        (ASSIGNED, CANCELLED),
        (IN_PROGRESS, CANCELLED),
    }
)
CONTRACTOR_MOVES = frozenset({(ASSIGNED, IN_PROGRESS), (IN_PROGRESS, DONE)})
CLIENT_MOVES = frozenset({(NEW, CANCELLED), (DONE, IN_PROGRESS)})
DISPUTE = (DONE, IN_PROGRESS)
# Comments each role sees (and may write) on the orders it sees.
ROLE_COMMENTS = {
    OWNER: frozenset(VISIBILITIES),
    STAFF: frozenset(VISIBILITIES),
    CLIENT: frozenset({"CLIENT"}),
    CONTRACTOR: frozenset({"CONTRACTOR"}),
}

MADE_UP_ORDER = to_global_id("Order", 2_000_000_000)
ERRORS = "errors { field code message }"

CONTACT_FIELDS = "id email phone addresses { id } manager { id } portalMembers { id }"
MEMBER_FIELDS = "id email manager { id } subordinates { id }"
ORDER_FIELDS = f"""id status price contractorFee internalNote rating feedback
  address {{ id }} contractor {{ id }}
  client {{ {CONTACT_FIELDS} }}
  responsible {{ {MEMBER_FIELDS} }}
  comments(first: 50) {{ totalCount edges {{ node {{ id visibility }} }} }}"""
# 50 orders a page keeps the estimated size under the server's 10,000 nodes (the world has 30;
# the totalCount check fails if it ever outgrows the page).
LIST_ORDERS = f"{{ orders(first: 50) {{ totalCount edges {{ node {{ {ORDER_FIELDS} }} }} }} }}"
NODE_ORDER = f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ {ORDER_FIELDS} }} }} }}"
LIST_ORDER_IDS = "{ orders(first: 100) { totalCount edges { node { id } } } }"
LIST_CONTACTS = """{ contacts(first: 100) { totalCount edges { node {
  id orders(first: 50) { totalCount edges { node { id } } } } } } }"""
SNAPSHOT_FIELDS = """id status title description price contractorFee internalNote rating
  feedback updatedAt completedAt address { id } client { id } contractor { id } responsible { id }
  history { from to by { id } comment }
  comments(first: 100) { totalCount edges { node { id visibility } } }"""
# Orders re-read per request when checking that refused mutations changed nothing: the 15
# aliases the server allows (15 snapshots stay under its result-size estimate too); a request
# costs about as much as two more snapshots in it (SQLite: 14 ms for 1, 49 ms for 10).
SNAPSHOTS_PER_REQUEST = 15
UPDATE_CONTACT = f"""mutation($id: ID!, $input: UpdateContactInput!) {{
  updateContact(id: $id, input: $input) {{ contact {{ id }} {ERRORS} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: UpdateOrderInput!) {{
  r: updateOrder(id: $id, input: $input) {{ order {{ id description }} {ERRORS} }} }}"""
ASSIGN = f"""mutation($id: ID!, $c: ID!, $fee: Decimal) {{
  r: assignOrder(id: $id, contractorId: $c, contractorFee: $fee) {{
    order {{ id status contractor {{ id }} }} {ERRORS} }} }}"""
SET_STATUS = f"""mutation($id: ID!, $s: OrderStatus!, $c: String) {{
  r: setOrderStatus(id: $id, status: $s, comment: $c) {{ order {{ id status }} {ERRORS} }} }}"""
ADD_COMMENT = f"""mutation($id: ID!, $b: String!, $v: CommentVisibility) {{
  r: addComment(orderId: $id, body: $b, visibility: $v) {{ comment {{ id visibility }} {ERRORS} }} }}"""
RATE = f"""mutation($id: ID!, $r: Int!, $f: String) {{
  r: rateOrder(id: $id, rating: $r, feedback: $f) {{ order {{ id rating feedback }} {ERRORS} }} }}"""

History = tuple[tuple[str | None, str, str | None, str | None], ...]


@dataclass(frozen=True)
class Viewer:
    label: str
    session: Session
    role: str
    contact: str | None  # the contact card a portal member acts for
    subtree: frozenset[str]  # staff: the member ids at or below this member

    @property
    def id(self) -> str:
        return self.session.member_id

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES


@dataclass(frozen=True)
class Attempt:
    operation: str
    query: str
    variables: dict[str, Any]
    expected: str  # OK or an ErrorCode


@dataclass(frozen=True)
class ContactFacts:
    kind: str
    email: str
    phone: str
    addresses: tuple[str, ...]
    manager: str | None
    portal: tuple[str, ...]


@dataclass(frozen=True)
class OrderState:
    """An order as the owner reads it; the model the matrix predicts from."""

    id: str
    status: str
    title: str
    description: str
    price: str | None
    fee: str | None
    note: str | None
    rating: int | None
    feedback: str | None
    address: str
    client: str
    contractor: str | None
    responsible: str
    history: History
    comments: frozenset[tuple[str, str]]  # (comment id, visibility)
    updated_at: str  # any write to the row changes it
    completed_at: str | None


# An allowed attempt's prediction from its payload.
Effect = Callable[[dict[str, Any]], OrderState]


@dataclass(frozen=True)
class Queued:
    """An attempt made, its answer not yet read (sent with others in one request)."""

    viewer: Viewer
    order: OrderState  # as it was before the attempt
    attempt: Attempt
    context: str
    variables: dict[str, Any]
    effect: OrderState | Effect | None  # an allowed attempt's prediction (None: no change)


def sees_order(v: Viewer, o: OrderState) -> bool:
    """The role table: OWNER all; STAFF responsible at or below; CLIENT its contact's; CONTRACTOR
    those assigned to its contact."""
    if v.role == OWNER:
        return True
    if v.role == STAFF:
        return o.responsible in v.subtree
    if v.role == CLIENT:
        return o.client == v.contact
    return o.contractor is not None and o.contractor == v.contact


def expected_move(v: Viewer, o: OrderState, target: str, comment: str | None) -> str:
    if not sees_order(v, o):
        return "NOT_FOUND"
    move = (o.status, target)
    if move not in MOVES:
        return "INVALID"
    if v.is_staff:
        allowed = True
    elif v.role == CONTRACTOR:
        allowed = move in CONTRACTOR_MOVES
    else:
        allowed = move in CLIENT_MOVES
    if not allowed:
        return "FORBIDDEN"
    if move == (NEW, ASSIGNED) and o.contractor is None:
        return "INVALID"
    if move == DISPUTE and v.role == CLIENT and not (comment or "").strip():
        return "INVALID"
    return OK


def kind_of(obj: str) -> str:
    """ "Order", "Comment" or "Contact" for a global id; a list's name stays as it is."""
    parsed = parse_global_id(obj)
    return f"{parsed[0]}s" if parsed else "lists"


def id_of(item: dict[str, Any] | None) -> str | None:
    return None if item is None else str(item["id"])


def comment_set(connection: dict[str, Any]) -> tuple[int, frozenset[tuple[str, str]]]:
    edges = connection["edges"]
    return connection["totalCount"], frozenset(
        (e["node"]["id"], e["node"]["visibility"]) for e in edges
    )


def state_of(node: dict[str, Any]) -> OrderState:
    count, comments = comment_set(node["comments"])
    assert count == len(comments), node["comments"]
    return OrderState(
        id=node["id"],
        status=node["status"],
        title=node["title"],
        description=node["description"],
        price=node["price"],
        fee=node["contractorFee"],
        note=node["internalNote"],
        rating=node["rating"],
        feedback=node["feedback"],
        address=node["address"]["id"],
        client=node["client"]["id"],
        contractor=id_of(node["contractor"]),
        responsible=node["responsible"]["id"],
        history=tuple((h["from"], h["to"], id_of(h["by"]), h["comment"]) for h in node["history"]),
        comments=comments,
        updated_at=node["updatedAt"],
        completed_at=node["completedAt"],
    )


@cache
def snapshots_query(count: int) -> str:
    """`count` owner's snapshots of orders `$i0`.. in one request, as `n0`.."""
    params = ", ".join(f"$i{k}: ID!" for k in range(count))
    fields = " ".join(f"n{k}: node(id: $i{k}) {{ ...S }}" for k in range(count))
    return f"query({params}) {{ {fields} }} fragment S on Order {{ {SNAPSHOT_FIELDS} }}"


@dataclass
class Matrix:
    api: Api
    world: World
    viewers: list[Viewer]
    contacts: dict[str, ContactFacts]
    manager_of: dict[str, str | None]
    email_of: dict[str, str]
    state: dict[str, OrderState] = field(default_factory=dict)
    tried: set[tuple[str, str, str]] = field(default_factory=set)
    operations: Counter[str] = field(default_factory=Counter)
    calls: int = 0
    failures: list[str] = field(default_factory=list)
    made_up: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    null_patterns: dict[str, set[frozenset[str]]] = field(default_factory=dict)
    # Refused mutations not yet checked to have changed nothing: order id -> their contexts.
    refused: dict[str, list[str]] = field(default_factory=dict)
    # An allowed mutation not yet checked: order id -> (the order predicted, context).
    written: dict[str, tuple[OrderState, str]] = field(default_factory=dict)
    queued: list[Queued] = field(default_factory=list)

    @property
    def owner(self) -> Session:
        return self.world.owner

    def count(self, v: Viewer, obj: str, operation: str) -> None:
        self.tried.add((v.label, obj, operation))
        self.operations[operation] += 1

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.failures.append(message)

    async def ok(self, query: str, variables: dict[str, Any] | None, token: str) -> dict[str, Any]:
        self.calls += 1
        return await self.api.ok(query, variables, token)

    # ------------------------------------------------------------ expectations

    def expected_contact(self, v: Viewer, contact_id: str) -> dict[str, Any]:
        facts = self.contacts[contact_id]
        card = v.is_staff or v.contact == contact_id
        return {
            "id": contact_id,
            "email": facts.email if card else None,
            "phone": facts.phone if card else None,
            "addresses": facts.addresses if card else (),
            "manager": facts.manager if card else None,
            "portalMembers": facts.portal if card else (),
        }

    def expected_member(self, v: Viewer, member_id: str) -> dict[str, Any]:
        tree = v.is_staff or v.id == member_id
        reports = tuple(sorted(m for m, boss in self.manager_of.items() if boss == member_id))
        return {
            "id": member_id,
            "email": self.email_of[member_id] if tree else None,
            "manager": self.manager_of[member_id] if tree else None,
            "subordinates": reports if tree else (),
        }

    def expected_order(self, v: Viewer, o: OrderState) -> dict[str, Any]:
        comments = frozenset(c for c in o.comments if c[1] in ROLE_COMMENTS[v.role])
        return {
            "id": o.id,
            "status": o.status,
            "price": None if v.role == CONTRACTOR else o.price,
            "contractorFee": None if v.role == CLIENT else o.fee,
            "internalNote": o.note if v.is_staff else None,
            "rating": o.rating,
            "feedback": None if v.role == CONTRACTOR else o.feedback,
            "address": o.address,
            "contractor": o.contractor,
            "client": self.expected_contact(v, o.client),
            "responsible": self.expected_member(v, o.responsible),
            "comments": (len(comments), comments),
        }

    def visible_ids(self, v: Viewer) -> set[str]:
        return {o.id for o in self.state.values() if sees_order(v, o)}

    # ------------------------------------------------------------ owner's view

    async def snapshots(self, order_ids: Sequence[str]) -> dict[str, OrderState]:
        """The orders as the owner reads them, several per request."""
        found: dict[str, OrderState] = {}
        for start in range(0, len(order_ids), SNAPSHOTS_PER_REQUEST):
            chunk = order_ids[start : start + SNAPSHOTS_PER_REQUEST]
            variables = {f"i{k}": order_id for k, order_id in enumerate(chunk)}
            data = await self.ok(snapshots_query(len(chunk)), variables, self.owner.access)
            found.update((order_id, state_of(data[f"n{k}"])) for k, order_id in enumerate(chunk))
        return found

    def pending(self, order_id: str) -> bool:
        return order_id in self.refused or order_id in self.written

    async def verify(self, order_ids: Iterable[str] | None = None) -> None:
        """Re-read the orders (all by default) mutations touched since the last look, several
        per request.

        Between two looks an order gets either refused mutations only, and must be exactly as
        before, not even `updatedAt` moved; or one allowed mutation, and must be exactly as
        predicted (`attempt` keeps the two apart, so neither can hide the other's change).
        """
        wanted = self.state if order_ids is None else order_ids
        ids = [order_id for order_id in dict.fromkeys(wanted) if self.pending(order_id)]
        for order_id, actual in (await self.snapshots(ids)).items():
            if order_id in self.written:
                expected, context = self.written.pop(order_id)
                self.judge(expected, actual, context, written=True)
            else:
                context = f"{'; '.join(self.refused.pop(order_id))} (refused)"
                self.judge(self.state[order_id], actual, context)

    def judge(
        self, expected: OrderState, actual: OrderState, context: str, *, written: bool = False
    ) -> None:
        """The order as read must be exactly as predicted.

        After a refused mutation nothing at all may differ, not even `updatedAt`; after one
        that succeeded (`written`) the times are the server's, and only checked for sense.
        """
        if written:
            self.check(
                datetime.fromisoformat(actual.updated_at)
                >= datetime.fromisoformat(expected.updated_at)
                and (actual.completed_at is not None) == (actual.status == DONE),
                f"{context}: updatedAt {actual.updated_at}, completedAt {actual.completed_at}",
            )
            expected = dataclasses.replace(
                expected, updated_at=actual.updated_at, completed_at=actual.completed_at
            )
        if actual != expected:
            diff = {
                f.name: (getattr(expected, f.name), getattr(actual, f.name))
                for f in dataclasses.fields(OrderState)
                if getattr(expected, f.name) != getattr(actual, f.name)
            }
            self.failures.append(
                f"{context}: order changed unlike predicted (expected, actual): {diff}"
            )
        self.state[expected.id] = actual  # follow reality, so one slip is reported once
