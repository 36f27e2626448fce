"""The series list compiled to one statement (schema/compiled/series.py) answers exactly what
the executor answers, for every member of the role matrix's company (the owner, two heads,
three staff, the client and contractor portal members): by client (its own, another, a
contractor's contact, another type's id, garbage) and `active`, page by page, with series that
share their creation time, money and notes each role may or may not read, weekly, monthly and
daily recurrences, visit times with and without seconds. PostgreSQL only: on SQLite nothing
compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from schema.ids import to_global_id
from tests.support.api import Api, count_statements, register
from tests.support.compiled import both, compiled_answers, walk_all
from tests.support.compiled_data import series_for
from tests.support.order_matrix_setup import setup
from tests.support.series import create_series, series_input
from tests.support.world import contact

pytestmark = pytest.mark.asyncio

LIST = """
query Series($first: Int, $after: String, $clientId: ID, $active: Boolean) {
  mine: orderSeries(first: $first, after: $after, clientId: $clientId, active: $active) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node {
      __typename id title description startDate visitTime durationMinutes active createdAt
      price contractorFee internalNote
      recurrence { __typename frequency interval weekdays monthDay until count }
      client { __typename id name email phone kind } address { id text label }
      contractor { id name phone } boss: responsible { __typename id name role }
    } }
  }
}"""
LITERAL = """{ orderSeries(first: 2, active: true) {
  totalCount edges { cursor node { title price recurrence { weekdays } } } } }"""


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


async def test_compiled_series_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await series_for(api, matrix)
    world = matrix.world
    clients: list[str | None] = [
        None,
        world.clients[0].id,
        world.clients[1].id,
        world.contractors[0].id,  # a contact, but no series' client
        world.owner.member_id,  # another type's id: nobody
        "garbage",
    ]
    viewers = {viewer.label: viewer.session for viewer in matrix.viewers}
    runs = [
        (label, LIST, {"first": 2, "clientId": c, "active": a}, who.access)
        for label, who in viewers.items()
        for c in clients
        for a in (None, True, False)
    ]
    runs += [(label, LITERAL, {}, who.access) for label, who in viewers.items()]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    assert tried > 200
    everything = await api.ok(LIST, {"first": 50}, world.owner.access)
    nodes = [e["node"] for e in everything["mine"]["edges"]]
    assert len(nodes) == everything["mine"]["totalCount"] == 8
    assert {n["visitTime"] for n in nodes} == {"09:00", "07:05:09", "23:59"}
    assert [n["active"] for n in nodes].count(False) == 1
    client = next(v.session for v in matrix.viewers if v.label == "client1.member0")
    own = await api.ok(LIST, {"first": 50}, client.access)
    shown = [e["node"] for e in own["mine"]["edges"]]
    assert {n["client"]["id"] for n in shown} == {world.clients[1].id}
    assert all(n["internalNote"] is None and n["contractorFee"] is None for n in shown)


async def test_one_statement_for_a_series_page(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await series_for(api, matrix)
    owner = matrix.world.owner
    await api.post(LIST, {"first": 5}, owner.access)  # authentication's cache warmed
    with count_statements() as counter:
        answer = await api.post(LIST, {"first": 5, "active": True}, owner.access)
    assert len(answer["data"]["mine"]["edges"]) == 5, answer
    assert [s for s in counter.statements if s.startswith("WITH visible")] == counter.statements[
        -1:
    ]
    assert len(counter.statements) <= 2, counter.statements  # plus authentication's


UNCOMPILED = [
    """{ orderSeries { edges { node { id upcoming { start } } } } }""",  # the calendar's
    """{ orderSeries { edges { node { id orders { totalCount } } } } }""",  # their own rule
    """{ orderSeries { edges { node { id client { addresses { id } } } } } }""",
    """{ orderSeries(first: 0) { totalCount } }""",
    """{ orderSeries(after: "not a cursor") { totalCount } }""",
]


async def test_uncompiled_series_documents_go_the_ordinary_way(
    api: Api, compiled: list[dict[str, Any]]
) -> None:
    owner = await register(api)
    card = await contact(api, owner, "CLIENT", "Solo Client")
    await create_series(api, owner, **series_input(card.id, card.address_ids[0]))
    for query in UNCOMPILED:
        ordinary, answer = await both(api, query, {}, owner.access)
        assert ordinary == answer, query
    assert compiled == []


NODE = """
query One($id: ID!) { one: node(id: $id) { __typename id ... on OrderSeries {
  title startDate visitTime active price contractorFee internalNote
  recurrence { frequency weekdays monthDay until count }
  client { id name phone } address { text } contractor { name } responsible { name }
} } }"""


async def test_compiled_series_nodes_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """Each series by its id, as every member: null where the list hides it (another
    company's and a made-up one too), the same fields where it shows it."""
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    made = await series_for(api, matrix)
    stranger = await register(api)
    card = await contact(api, stranger, "CLIENT", "Elsewhere")
    theirs = await create_series(api, stranger, **series_input(card.id, card.address_ids[0]))
    ids = [s["id"] for s in made] + [theirs["id"], to_global_id("OrderSeries", 2_000_000_000)]
    runs = [
        (viewer.label, NODE, {"id": pk}, viewer.session.access)
        for viewer in matrix.viewers
        for pk in ids
    ]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried == 11 * 10
    client = next(v.session for v in matrix.viewers if v.label == "client1.member0")
    seen = [(await api.ok(NODE, {"id": pk}, client.access))["one"] for pk in ids]
    assert [s is not None for s in seen] == [
        s["client"]["id"] == matrix.world.clients[1].id for s in made
    ] + [False, False]
