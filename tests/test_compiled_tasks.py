"""The tasks list compiled to one statement (schema/compiled/tasks.py) answers exactly what
the executor answers, for every member of the role matrix's company (the owner, two heads,
three staff, the portal members who see no tasks): every scope, status list and `overdue`,
page by page, with deadlines that tie and microseconds that come and go. PostgreSQL only: on
SQLite nothing compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from schema.ids import to_global_id
from tests.support.api import Api, count_statements, register
from tests.support.compiled import both, compiled_answers, node_differences, walk_all
from tests.support.compiled_data import tasks_for
from tests.support.order_matrix_setup import setup
from tests.support.tasks import (
    CREATE_TASK,
    in_hours,
)

pytestmark = pytest.mark.asyncio

LIST = """
query Tasks($first: Int, $after: String, $filter: TaskFilter) {
  mine: tasks(first: $first, after: $after, filter: $filter) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node {
      __typename id title description status deadline overdue requiresAcknowledgement
      acknowledgedAt createdAt completedAt
      assignee { __typename id name role title active } boss: creator { id name }
    } }
  }
}"""
LITERAL = """{ tasks(first: 2, filter: {scope: TEAM, status: [OPEN, DONE], overdue: false}) {
  totalCount edges { cursor node { title overdue } } } }"""
FILTERS: list[dict[str, Any] | None] = [
    None,
    {},
    {"scope": "MINE"},
    {"scope": "TEAM"},
    {"scope": "CREATED"},
    {"status": ["OPEN"]},
    {"status": ["DONE", "CANCELLED", "DONE"]},  # repeated: the same rows
    {"status": []},
    {"overdue": True},
    {"overdue": False},
    {"scope": "TEAM", "status": ["OPEN"], "overdue": True},
    {"scope": None, "status": None, "overdue": None},
]


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


async def test_compiled_tasks_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    owner, head, _ = await tasks_for(api, matrix)
    viewers = {viewer.label: viewer.session for viewer in matrix.viewers}
    runs = [
        (label, LIST, {"first": 2, "filter": f}, who.access)
        for label, who in viewers.items()
        for f in FILTERS
    ]
    runs += [(label, LITERAL, {}, who.access) for label, who in viewers.items()]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    assert tried > 200
    everything = await api.ok(LIST, {"first": 100}, owner.access)
    assert everything["mine"]["totalCount"] == 15  # ten tasks and an announcement to five
    overdue = await api.ok(LIST, {"filter": {"overdue": True}}, head.access)
    assert [e["node"]["overdue"] for e in overdue["mine"]["edges"]] == [True, True]
    portal = [v.session for v in matrix.viewers if v.label.startswith(("client", "contr"))]
    assert len(portal) == 5
    for who in portal:  # portal members see no task, compiled or not
        seen = await api.ok(LIST, {"first": 100}, who.access)
        assert seen["mine"] == {**seen["mine"], "totalCount": 0, "edges": []}


async def test_one_statement_for_a_task_page(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    staff = await tasks_for(api, matrix)
    await api.post(LIST, {"first": 5}, staff[0].access)  # authentication's cache warmed
    texts = set()
    for who in staff:
        with count_statements() as counter:
            answer = await api.post(LIST, {"first": 5, "filter": {"scope": "TEAM"}}, who.access)
        assert answer["data"]["mine"]["edges"], answer
        found = [s for s in counter.statements if s.startswith("WITH visible")]
        assert len(found) == 1, counter.statements
        assert len(counter.statements) <= 2, counter.statements  # plus authentication's
        texts.add(found[0].rsplit(": [", 1)[0])
    assert len(texts) == 2, texts  # the owner's rule, and the one staff statement for both


UNCOMPILED = [
    """{ tasks { edges { node { id order { id } } } } }""",  # its own visibility rule
    """{ tasks { edges { node { id assignee { email } } } } }""",
    """{ tasks(first: 0) { totalCount } }""",
    """{ tasks(after: "not a cursor") { totalCount } }""",
    """{ tasks(filter: {scope: NOPE}) { totalCount } }""",
]


async def test_uncompiled_task_documents_go_the_ordinary_way(
    api: Api, compiled: list[dict[str, Any]]
) -> None:
    owner = (await register(api)).access
    await api.ok(CREATE_TASK, {"input": {"title": "one", "deadline": in_hours(3)}}, owner)
    for query in UNCOMPILED:
        ordinary, answer = await both(api, query, {}, owner)
        assert ordinary == answer, query
    assert compiled == []


NODE = """
query One($id: ID!) { one: node(id: $id) { id __typename ... on Task {
  title status deadline overdue acknowledgedAt assignee { id name } creator { name }
} } }"""


async def test_compiled_task_nodes_equal_the_executor_for_every_viewer(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """Each task by its id, as every member: null where the list hides it (from portal
    members, from staff off its branch, another company's, a made-up one)."""
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    owner, head, _ = await tasks_for(api, matrix)
    listed = await api.ok(LIST, {"first": 100}, owner.access)
    ids = [e["node"]["id"] for e in listed["mine"]["edges"]]
    stranger = (await register(api)).access
    theirs = await api.ok(CREATE_TASK, {"input": {"title": "x", "deadline": in_hours(3)}}, stranger)
    ids += [theirs["createTask"]["task"]["id"], to_global_id("Task", 2_000_000_000)]
    viewers = {viewer.label: viewer.session.access for viewer in matrix.viewers}
    compiled.clear()
    tried, differences = await node_differences(api, NODE, ids, viewers)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried == 11 * 17
    seen = [(await api.ok(NODE, {"id": pk}, head.access))["one"] for pk in ids]
    assert 0 < sum(s is not None for s in seen) < 15  # not head1's branch
    client = next(v.session for v in matrix.viewers if v.label == "client0.member0")
    assert [(await api.ok(NODE, {"id": pk}, client.access))["one"] for pk in ids] == [None] * 17
