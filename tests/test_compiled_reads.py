"""Reads compiled to one statement (schema/compiled/) answer exactly what the executor
answers: every document below, for every member of the role matrix's company (owner, heads,
staff, client and contractor members), is sent with the compiled path on and off, and the two
response bodies must be equal, errors included. PostgreSQL only: on SQLite nothing compiles.
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise import connections

from models import Role
from permissions import contacts as contact_rules
from permissions import orders as order_rules
from permissions.actor import Actor
from tests.support import photos
from tests.support import world as world_support
from tests.support.api import Api, count_statements, register
from tests.support.compiled import both, compiled_answers, drawn, drawn_differences, walk
from tests.support.graphql_batch import combine
from tests.support.order_matrix import Matrix
from tests.support.order_matrix_setup import setup

pytestmark = pytest.mark.asyncio

FULL = """
query Full($first: Int, $after: String, $sort: OrderSort) {
  list: orders(first: $first, after: $after, sort: $sort) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node {
      __typename id number title description status deadline source createdAt updatedAt
      completedAt visitStart visitEnd rating overdue price fee: contractorFee internalNote
      feedback
      client { __typename id name kind legalForm createdAt archived email phone telegram taxId
        notes }
      address { __typename id label text details archived }
      contractor { __typename id name kind legalForm createdAt archived email phone telegram
        taxId notes }
      responsible { __typename id name role title active }
    } }
  }
}"""

PAGE = """
query OrdersPage($first: Int, $after: String, $sort: OrderSort) {
  orders(first: $first, after: $after, sort: $sort) {
    edges { cursor node {
      id number title status deadline overdue price
      client { id name } address { id text } contractor { id name } responsible { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

LITERAL = """{ orders(first: 3, sort: NUMBER_DESC) {
  totalCount edges { node { contractorFee internalNote } } } }"""
FILTERED = """
query Filtered($first: Int, $after: String, $sort: OrderSort, $filter: OrderFilter) {
  orders(first: $first, after: $after, sort: $sort, filter: $filter) {
    totalCount edges { cursor node { id number status price client { id } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
NODE = """
query Node($id: ID!) {
  order: node(id: $id) {
    __typename
    ... on Order {
      id number title status deadline overdue price fee: contractorFee internalNote feedback
      client { __typename id name email } address { id text }
      contractor { id name phone } responsible { id name }
    }
  }
}"""
# An order's lists: a page of comments (one of each visibility on every order: a client or
# contractor sees one, staff three), photos, history, with their members.
DETAIL = """
query Detail($id: ID!) {
  node(id: $id) {
    ... on Order {
      id
      comments(first: 2) {
        __typename totalCount
        pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
        edges { __typename cursor node {
          __typename id body visibility createdAt author { __typename id name role title active }
        } }
      }
      all: comments { edges { node { id Author: author { id } author { name } } } }
      photos { __typename id kind caption contentType width height size createdAt
        uploadedBy { id name } }
      history { __typename from to at comment by { id name role } }
    }
  }
}"""
# A filter of literals and variables: the executor's coercion reads both.
FILTER_LITERAL = """query($c: ID, $s: [OrderStatus!]) {
  orders(first: 4, filter: {clientId: $c, status: $s, overdue: false,
    deadlineFrom: "2001-01-01T03:00:00+03:00", deadlineTo: "2199-01-01T00:00:00Z"}) {
    totalCount edges { node { id status contractor { id } } } } }"""
# Pages of 3 and 4 walk every cursor as pages of 1 did, at a third of the requests (pages of 1
# were two thirds of this module's 32 s).
SORTS = [
    *((None, first) for first in (None, 4, 100)),
    *(
        (sort, first)
        for sort in ("DEADLINE_DESC", "CREATED_DESC", "NUMBER_DESC")
        for first in (None, 3)
    ),
]

UNCOMPILED = [
    """{ orders(first: 5) { edges { node { id responsible { email } } } } }""",  # no SQL form
    """{ orders(first: 5) { edges { node { id comments(after: "WzFd") { totalCount } } } } }""",
    """{ orders(first: 5) { edges { node { id photos { url } } } } }""",  # signed per request
    """{ orders(first: 5) { edges { node { id outbound { id } } } } }""",  # another list
    """{ orders(first: 5) { totalCount } me { name } }""",  # a second root field
    """{ orders(first: 5, filter: {search: "a"}) { totalCount } }""",  # a search
    # Filters the executor refuses with its error: a bound out of range, visitTo first, a
    # bound without an offset, a status that is none.
    """{ orders(filter: {deadlineFrom: "1990-01-01T00:00:00Z"}) { totalCount } }""",
    """{ orders(filter: {visitFrom: "2030-01-02T00:00:00Z", visitTo: "2030-01-01T00:00:00Z"})
      { totalCount } }""",
    """{ orders(filter: {deadlineTo: "2030-01-01T00:00:00"}) { totalCount } }""",
    """{ orders(filter: {status: [NOPE]}) { totalCount } }""",
    """{ orders(first: 5) { edges { node { ...F } } } } fragment F on Order { id }""",
    """{ orders(first: 5) { edges { node { id @include(if: true) } } } }""",
    """{ node(id: "T3JkZXI6MQ") { id } }""",  # no fragment on Order
    """{ node(id: "T3JkZXI6MQ") { ... on Contact { name } } }""",
    """{ node(id: "T3JkZXI6MQ") { ... on Order { id } ... on Order { number } } }""",
]


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


async def test_compiled_answers_equal_the_executor_for_every_role(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await book_visits(api, matrix)
    node_ids = [*list(matrix.world.orders)[3::9], await other_company_order(api)]
    for n, order_id in enumerate(node_ids[:2] * 2):  # two on the first, two on the second
        payload = await photos.upload(
            api, matrix.world.owner.access, order_id, photos.picture(), caption=f"photo {n}"
        )
        assert payload["errors"] == [], payload
    assert {viewer.label for viewer in matrix.viewers} >= SAMPLE
    differences: list[str] = []
    tried = 0
    for viewer in matrix.viewers:
        documents: list[tuple[str, dict[str, Any]]] = [
            *(
                (query, {"first": first, "sort": sort})
                for query, (sort, first) in itertools.product((FULL, PAGE), SORTS)
            ),
            (PAGE, {"first": 5, "sort": "VISIT_ASC"}),  # from the booked orders to the rest
            (LITERAL, {}),
            *((NODE, {"id": order_id}) for order_id in node_ids),
            *((DETAIL, {"id": order_id}) for order_id in node_ids),
        ]
        if viewer.label in SAMPLE:  # filters: a member of each kind
            documents += [(FILTERED, variables) for variables in filtered_pages(matrix)]
            documents += [(FILTER_LITERAL, v) for v in literal_filters(matrix)]
        if viewer is matrix.viewers[0]:
            documents += [(NODE, {"id": made_up}) for made_up in MADE_UP_IDS]
        for query, variables in documents:
            sent, found = await walk(api, query, variables, viewer.session.access)
            tried += sent
            if found:
                differences.append(f"{viewer.label} {variables}: {found}")
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    assert len(matrix.viewers) == 11


HOUR = timedelta(hours=1)
BOOK = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { errors { code message } } }"""


async def book_visits(api: Api, matrix: Matrix) -> None:
    """Visits on every fourth order (pairs at one start: the id decides between them), so
    VISIT_ASC pages cross from the booked orders to the rest, in one request."""
    calls = []
    for n, order_id in enumerate(list(matrix.world.orders)[::4]):
        start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1 + n // 2)
        window = {"visitStart": start.isoformat(), "visitEnd": (start + HOUR).isoformat()}
        calls.append((BOOK, {"id": order_id, "input": {**window, "allowOverlap": True}}))
    query, variables = combine(calls)
    data = await api.ok(query, variables, matrix.world.owner.access)
    assert all(data[f"r{k}"]["errors"] == [] for k in range(len(calls))), data


def global_id(type_name: str, pk: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


# Ids `node` answers null for without a query (malformed, a type it does not know, a pk out of
# range or not digits) and an Order's that no row has: null both ways.
# Filters are read for one member of each kind (the row filter is every member's above).
SAMPLE = {"owner", "head1", "staff2", "client1.member0", "contractor0.member0"}
MADE_UP_IDS = [
    global_id("Order", "2147483647"),
    global_id("Order", "2147483648"),
    global_id("Nothing", "1"),
    "!!not base64",
]


async def other_company_order(api: Api) -> str:
    """An order of another company: a real row, hidden from every member of the matrix's."""
    owner = await register(api)
    client = await world_support.contact(api, owner, "CLIENT", "Elsewhere")
    order = await world_support.create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0]
    )
    return str(order["id"])


def filtered_pages(matrix: Matrix) -> list[dict[str, Any]]:
    """Every compiled filter field, each shape of it, ids of other types and malformed ones
    (a filter that matches nothing, both ways), in pages of 4 (the owner's walk) or 20, in
    each compiled sort."""
    world = matrix.world
    client, contractor = world.clients[0].id, world.contractors[1].id
    head, staff = world.heads[0].member_id, world.staff[2].member_id
    filters: list[dict[str, Any]] = [
        {"status": ["DONE", "NEW", "DONE"]},
        {"status": [], "overdue": True},
        {"overdue": False, "clientId": client},
        {"contractorId": contractor, "status": ["ASSIGNED", "IN_PROGRESS"]},
        {"responsibleId": head, "deadlineFrom": "2001-01-01T00:00:00-05:00"},
        {"responsibleId": staff, "deadlineTo": "2199-12-31T00:00:00Z", "search": " "},
        {"clientId": contractor, "contractorId": "not an id"},  # a contact, not a client's
        {"responsibleId": client},  # a Contact's id where a Member's is asked: NO_ROW
        {"seriesId": global_id("OrderSeries", "1"), "search": None},
        {"visitFrom": "2001-01-01T00:00:00Z", "visitTo": "2199-01-01T00:00:00+01:00"},  # 9
        {"clientId": global_id("Contact", "99999999999"), "deadlineTo": "2001-01-01T00:00:00Z"},
    ]
    # VISIT_ASC with a visit range: visit_page's booked part alone; with statuses: both parts.
    sorts = [None, "NUMBER_DESC", "VISIT_ASC"]
    return [
        {
            "filter": f,
            "first": 4 if i < 2 or i == 9 else None,
            "sort": "VISIT_ASC" if i == 9 else sorts[i % 3],
        }
        for i, f in enumerate(filters)
    ]


def literal_filters(matrix: Matrix) -> list[dict[str, Any]]:
    clients = matrix.world.clients
    return [{"c": clients[0].id, "s": ["DONE", "NEW"]}, {"c": clients[1].id, "s": None}]


async def test_uncompiled_documents_go_the_ordinary_way(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    matrix = await setup(api)
    token = matrix.viewers[0].session.access
    required = "query($first: Int!) { orders(first: $first) { totalCount } }"
    refused: list[tuple[str, dict[str, Any]]] = [
        (PAGE, {"first": 2, "after": "not a cursor"}),
        (PAGE, {"first": -1}),
        (PAGE, {"first": 2.5}),
        (PAGE, {"first": 2**31}),
        (PAGE, {"first": "2"}),
        (PAGE, {"first": 2, "sort": "VISIT_ASC", "after": ""}),  # visit_page: malformed
        (PAGE, {"first": 2, "sort": "VISIT_ASC", "after": "WzAsIDFd"}),  # [0, 1]
        (PAGE, {"first": 2, "sort": "VISIT_ASC", "after": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwIiwgMV0"}),
        (PAGE, {"first": 2, "sort": "NOT_A_SORT"}),
        (
            PAGE,
            {
                "first": 2,
                "sort": "NUMBER_DESC",
                "after": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgMV0",
            },
        ),
        (required, {}),
        (NODE, {"id": matrix.world.clients[0].id}),  # another type: `{}` or null by its rules
        (NODE, {"id": 5}),  # an Int for an ID
    ]
    for query, variables in [*((q, {}) for q in UNCOMPILED), *refused]:
        ordinary, answer = await both(api, query, variables, token)
        assert ordinary == answer
    assert compiled == []
    _, answer = await both(api, PAGE, {"first": 2}, token)
    assert len(compiled) == (1 if backend == "postgres" else 0)  # SQLite: never compiled
    assert answer["data"]["orders"]["edges"]


async def test_one_statement_for_a_compiled_page(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    counts = {}
    for viewer in matrix.viewers[:4]:  # owner, heads, staff: the team filter's subquery
        token = viewer.session.access
        await api.post(FULL, {"first": 50}, token)  # authentication's cache warmed
        with count_statements() as counter:
            await api.post(FULL, {"first": 50}, token)
        counts[viewer.label] = [s for s in counter.statements if s.startswith("WITH visible")]
        assert len(counts[viewer.label]) == 1, counter.statements
        assert len(counter.statements) <= 2, counter.statements  # plus authentication's
    # A filter's values are parameters: two clients, one statement of that shape, one text.
    token = matrix.viewers[0].session.access
    texts = set()
    for client in matrix.world.clients:
        variables = {"filter": {"clientId": client.id, "status": ["NEW", "DONE"]}}
        with count_statements() as counter:
            answer = await api.post(FILTERED, variables, token)
        assert answer["data"]["orders"]["edges"], answer
        # The log's line: the text, then `: [the parameters]`.
        texts |= {s.rsplit(": [", 1)[0] for s in counter.statements if s.startswith("WITH visible")}
    assert len(texts) == 1, texts
    assert "NEW" not in texts.pop()


ROLES = [Role.OWNER, Role.STAFF, Role.CLIENT, Role.CONTRACTOR]


async def test_field_rules_sql_forms_agree_with_their_python_forms(api: Api, backend: str) -> None:
    """Every rule with an SQL form, for every role, contact and party of an order: the SQL
    form evaluated by PostgreSQL equals the Python form."""
    if backend != "postgres":
        pytest.skip("the SQL forms are PostgreSQL's")
    db = connections.get("default")
    mismatches: list[tuple[object, ...]] = []
    for check, form in contact_rules.SQL_FORMS.items():
        for role, contact, card in itertools.product(ROLES, (None, 1, 2), (1, 2)):
            actor = Actor(1, 1, 1, role, "/1/", contact, None)
            sql = form(actor)
            condition = sql.sql.format(*(f"${i + 1}" for i in range(len(sql.values))), row="c")
            rows = await db.execute_query_dict(
                f"SELECT ({condition}) AS yes FROM (SELECT {card}::int AS id) c", list(sql.values)
            )
            if rows[0]["yes"] is not check(actor, card):
                mismatches.append((check.__name__, role, contact, card))
    for check, form in order_rules.SQL_FORMS.items():
        for role, contact, client, contractor in itertools.product(
            ROLES, (None, 1, 2), (1, 2), (None, 1, 2)
        ):
            actor = Actor(1, 1, 1, role, "/1/", contact, None)
            order = order_rules.OrderKeys(1, client, contractor, "/1/")
            sql = form(actor)
            condition = sql.sql.format(*(f"${i + 1}" for i in range(len(sql.values))), row="o")
            rows = await db.execute_query_dict(
                f"SELECT ({condition}) AS yes FROM (SELECT {client}::int AS client_id, "
                f"{'NULL' if contractor is None else contractor}::int AS contractor_id) o",
                list(sql.values),
            )
            if rows[0]["yes"] is not check(actor, order):
                mismatches.append((check.__name__, role, contact, client, contractor))
    assert mismatches == []


# The compiled subset of the schema, as hypothesis-graphql generates documents from it (the
# real schema's types and fields, fewer of them).
SUBSET = """
scalar DateTime
scalar Decimal
enum OrderStatus { NEW ASSIGNED IN_PROGRESS DONE CANCELLED }
enum Channel { STAFF PORTAL EMAIL TELEGRAM WEBCHAT API }
enum ContactKind { CLIENT CONTRACTOR }
enum LegalForm { PERSON ORGANIZATION }
enum Role { OWNER STAFF CLIENT CONTRACTOR }
enum OrderSort { DEADLINE_ASC DEADLINE_DESC CREATED_DESC NUMBER_DESC VISIT_ASC }
input OrderFilter {
  status: [OrderStatus!] overdue: Boolean clientId: ID contractorId: ID responsibleId: ID
  deadlineFrom: DateTime deadlineTo: DateTime search: String seriesId: ID visitFrom: DateTime
  visitTo: DateTime
}
input ContactFilter { kind: ContactKind search: String skill: String archived: Boolean }
type Query {
  orders(first: Int, after: String, sort: OrderSort, filter: OrderFilter): OrderConnection!
  contacts(first: Int, after: String, filter: ContactFilter): ContactConnection!
}
type ContactConnection { edges: [ContactEdge!]! pageInfo: PageInfo! totalCount: Int! }
type ContactEdge { cursor: String! node: Contact! }
type OrderConnection { edges: [OrderEdge!]! pageInfo: PageInfo! totalCount: Int! }
type OrderEdge { cursor: String! node: Order! }
type PageInfo {
  hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String
}
type Order {
  id: ID! number: Int! title: String! description: String! status: OrderStatus!
  deadline: DateTime! source: Channel! createdAt: DateTime! updatedAt: DateTime!
  completedAt: DateTime visitStart: DateTime visitEnd: DateTime rating: Int overdue: Boolean!
  price: Decimal contractorFee: Decimal internalNote: String feedback: String
  client: Contact! address: Address! contractor: Contact responsible: Member!
}
type Contact {
  id: ID! name: String! kind: ContactKind! legalForm: LegalForm! createdAt: DateTime!
  archived: Boolean! email: String phone: String telegram: String taxId: String notes: String
  addresses: [Address!]!
}
type Address { id: ID! label: String text: String! details: String archived: Boolean! }
type Member { id: ID! name: String! role: Role! title: String active: Boolean! }
"""


def generated_documents(count: int) -> list[str]:
    """`count` documents of the compiled subset, drawn by hypothesis-graphql (derandomized:
    the same ones each run); a `first` past the page bound or negative, a random `after`, a
    search and filter bounds the executor refuses are part of what it draws (those go the
    ordinary way)."""
    from hypothesis import strategies
    from hypothesis_graphql import nodes, queries

    # Filter bounds: in range with offsets, at the range's ends, out of it, without an offset.
    moments = strategies.sampled_from(
        [
            "2001-01-01T00:00:00Z",
            "2030-06-01T12:30:00.5+05:30",
            "2199-12-31T23:59:59-01:00",
            "2000-01-01T00:00:00+00:00",
            "1999-12-31T23:59:59Z",
            "2030-01-01T00:00:00",
        ]
    ).map(nodes.String)

    strategy = queries(SUBSET, allow_x00=False, custom_scalars={"DateTime": moments})
    return [str(document) for document in drawn(strategy, count)]


async def test_generated_documents_answer_the_same_both_ways(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    # One viewer of each role (the first: the owner, a head, a client's and a contractor's
    # portal member) and a member of the head's team.
    by_role = {v.role: v for v in reversed(matrix.viewers)}
    viewers = [*by_role.values(), next(v for v in matrix.viewers if v.label == "staff0")]
    documents = generated_documents(60)
    tokens = {viewer.label: viewer.session.access for viewer in viewers}
    differences = await drawn_differences(api, documents, tokens)
    assert differences == [], f"{len(differences)}:\n" + "\n".join(differences[:5])
    print(f"generated: {len(compiled)} of {len(documents) * len(viewers)} requests compiled")
    assert len(compiled) >= len(documents) // 2, len(compiled)  # the others: bad `first`, `after`
