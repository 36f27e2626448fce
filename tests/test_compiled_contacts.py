"""The contacts list compiled to one statement (schema/compiled/contacts.py; the members list,
members.py, at the end) answers exactly what the executor answers, for every member of the
role matrix's company, with names and searches that test the cursor's JSON (non-ASCII,
quotes, backslashes, a character outside the BMP, equal names) and the LIKE pattern's
escaping (%, _ and \\ match only themselves).
PostgreSQL only: on SQLite nothing compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from schema.ids import to_global_id
from tests.support.api import Api, count_statements, register
from tests.support.compiled import (
    both,
    compiled_answers,
    drawn,
    node_differences,
    walk,
    walk_all,
)
from tests.support.order_matrix_setup import setup

pytestmark = pytest.mark.asyncio

LIST = """
query Contacts($first: Int, $after: String, $filter: ContactFilter) {
  book: contacts(first: $first, after: $after, filter: $filter) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node {
      __typename id kind legalForm name createdAt archived email phone telegram taxId notes
      addresses { __typename id label text details archived }
    } }
  }
}"""
# The bench's document: a search, 20 a page.
SEARCH = """
query ContactSearch($search: String, $after: String) {
  contacts(filter: { search: $search }, first: 20, after: $after) {
    edges { node { id kind name email phone addresses { id text } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
LITERAL = """{ contacts(first: 2, filter: {kind: CONTRACTOR, search: "co"}) {
  totalCount edges { cursor node { name } } } }"""

CREATE = """mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id addresses { id } } errors { code message } } }"""
ARCHIVE_CONTACT = """mutation($id: ID!) { archiveContact(id: $id) { errors { code } } }"""
ARCHIVE_ADDRESS = """mutation($id: ID!) { archiveAddress(id: $id) { errors { code } } }"""

# (kind, name, phone, address): names whose JSON and whose LIKE patterns need care.
TRICKY = [
    ("CLIENT", "Müller & Söhne", "+44 20 7946 0123", "Hauptstraße 5"),
    ("CLIENT", 'Quote "Q" Ltd', None, 'Dock "B"'),
    ("CONTRACTOR", "Back\\slash Co", "+44 20 7946 0456", "C:\\depot"),
    ("CONTRACTOR", "100% pure_ co", None, "Percent % lane"),
    ("CLIENT", "Ёлка", None, "Улица 1"),
    ("CLIENT", "🏠 Home Co", None, "Emoji 🏠 road"),
    ("CONTRACTOR", "Same Name", None, "Twin 1"),
    ("CONTRACTOR", "Same Name", None, "Twin 2"),
]
SEARCHES = [
    "ü",
    "%",
    "_",
    "\\",
    'q"',
    "STRASSE",
    "straße",
    "7946 0",  # a phone's digits
    "(020) 7946",
    "same",
    "  same   name ",  # cleaned as names are
    "🏠",
    "co",
    "nothing like it",
]
FILTERS: list[dict[str, Any] | None] = [
    None,
    {},
    {"kind": "CLIENT"},
    {"kind": "CONTRACTOR", "archived": False},
    {"archived": True},
    {"search": None, "skill": None},
    {"search": "", "kind": "CLIENT"},
    *({"search": text} for text in SEARCHES),
    {"search": "co", "kind": "CONTRACTOR"},
    {"search": "twin", "archived": True},
]
SAMPLE = {"owner", "staff2", "client1.member0", "contractor0.member0"}


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


async def tricky_contacts(api: Api, owner: str) -> None:
    """The contacts above, with e-mail, notes and two addresses each; the last one archived,
    and the first address of the first one (`owner`: the company's owner's token)."""
    created = []
    for n, (kind, name, phone, street) in enumerate(TRICKY):
        data = {
            "kind": kind,
            "legalForm": "ORGANIZATION" if n % 2 else "PERSON",
            "name": name,
            "phone": phone,
            "email": f"tricky{n}@example.test",
            "notes": f"note {name}",
            "taxId": f"TAX-{n}",
            "addresses": [{"text": street, "label": "main"}, {"text": f"Yard {n}"}],
        }
        answer = (await api.ok(CREATE, {"input": data}, owner))["createContact"]
        assert answer["errors"] == [], answer
        created.append(answer["contact"])
    for query, variables in (
        (ARCHIVE_CONTACT, {"id": created[-1]["id"]}),
        (ARCHIVE_ADDRESS, {"id": created[0]["addresses"][0]["id"]}),
    ):
        payload = next(iter((await api.ok(query, variables, owner)).values()))
        assert payload["errors"] == [], payload


async def test_compiled_contacts_equal_the_executor_for_every_role(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await tricky_contacts(api, matrix.world.owner.access)
    assert {viewer.label for viewer in matrix.viewers} >= SAMPLE
    runs: list[tuple[str, str, dict[str, Any], str]] = []
    for viewer in matrix.viewers:
        documents: list[tuple[str, dict[str, Any]]] = [
            (LIST, {"first": 3}),
            (LIST, {"filter": {"archived": True}}),
            (LITERAL, {}),
        ]
        if viewer.label in SAMPLE:  # every filter for a member of each kind
            documents += [(LIST, {"first": 4, "filter": f}) for f in FILTERS]
            documents += [(SEARCH, {"search": text}) for text in SEARCHES]
        runs += [(viewer.label, q, v, viewer.session.access) for q, v in documents]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    assert tried > 200


async def test_searches_find_what_they_name(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """What the searches above find, as a user would check it, on both paths and both
    databases (on SQLite the ordinary path answers both times)."""
    owner = (await register(api)).access
    await tricky_contacts(api, owner)
    expected = {
        "%": ["100% pure_ co"],
        "_": ["100% pure_ co"],
        "\\": ["Back\\slash Co"],
        "ü": ["Müller & Söhne"],
        "🏠": ["🏠 Home Co"],
        "7946 0": ["Back\\slash Co", "Müller & Söhne"],
        'q"': ['Quote "Q" Ltd'],
        "hauptstraße": [],  # that address is archived
        "yard 0": ["Müller & Söhne"],  # the contact's other one is not
        "same name": ["Same Name"],  # its twin is archived
    }
    for text, names in expected.items():
        ordinary, answer = await both(api, SEARCH, {"search": text}, owner)
        assert ordinary == answer, text
        found = [edge["node"]["name"] for edge in answer["data"]["contacts"]["edges"]]
        assert found == names, text
    assert len(compiled) == (len(expected) if backend == "postgres" else 0)


async def test_one_statement_for_a_contact_search(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    token = (await register(api)).access
    await tricky_contacts(api, token)
    await api.post(SEARCH, {"search": "co"}, token)  # authentication's cache warmed
    texts = set()
    for text in ("co", "same", "7946"):
        with count_statements() as counter:
            answer = await api.post(SEARCH, {"search": text}, token)
        assert answer["data"]["contacts"]["edges"], answer
        found = [s for s in counter.statements if s.startswith("WITH visible")]
        assert len(found) == 1, counter.statements
        assert len(counter.statements) <= 2, counter.statements  # plus authentication's
        texts.add(found[0].rsplit(": [", 1)[0])
    assert len(texts) == 1, texts  # the search is a parameter, not part of the text
    assert "same" not in texts.pop()


MEMBERS = """
query Members($first: Int, $after: String, $role: Role, $search: String) {
  team: members(first: $first, after: $after, role: $role, search: $search) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { __typename id name role title active } }
  }
}"""
MEMBER_ARGUMENTS: list[dict[str, Any]] = [
    {"first": 3},
    {"role": "STAFF", "first": 2},
    {"role": "CLIENT"},
    {"search": "example.test"},  # e-mail addresses
    {"search": "%", "role": None},
    {"search": "  ", "first": 100},
    {"search": "o", "role": "CONTRACTOR"},
]


async def test_compiled_members_equal_the_executor_for_every_role(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """Portal members list nobody, staff the whole company: the same both ways."""
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    runs = [
        (viewer.label, MEMBERS, variables, viewer.session.access)
        for viewer in matrix.viewers
        for variables in MEMBER_ARGUMENTS
    ]
    tried, differences = await walk_all(api, runs)
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried  # every one of them went the compiled way
    owner = await api.ok(MEMBERS, {"first": 100}, matrix.world.owner.access)
    assert owner["team"]["totalCount"] >= 11  # the owner, heads, staff and portal members


UNCOMPILED = [
    """{ members { edges { node { id email } } } }""",  # its rule reads the user
    """{ members { edges { node { id manager { id } } } } }""",
    """{ contacts(filter: {skill: "windows"}) { totalCount } }""",
    """{ contacts { edges { node { id manager { id } } } } }""",
    """{ contacts { edges { node { id skills } } } }""",
    """{ contacts { edges { node { id addresses { latitude } } } } }""",
    """{ contacts(first: 0) { totalCount } }""",
    """{ contacts(after: "not a cursor") { totalCount } }""",
    """{ contacts(filter: {kind: NOPE}) { totalCount } }""",
]


async def test_uncompiled_contact_documents_go_the_ordinary_way(
    api: Api, compiled: list[dict[str, Any]]
) -> None:
    token = (await register(api)).access
    for query in UNCOMPILED:
        ordinary, answer = await both(api, query, {}, token)
        assert ordinary == answer, query
    assert compiled == []


def drawn_searches(count: int) -> list[str]:
    """`count` search texts drawn by hypothesis (derandomized: the same ones each run), any
    characters but NUL and lone surrogates, which a JSON body cannot carry to the database;
    LIKE's own characters and the tricky names' pieces drawn more often."""
    from hypothesis import strategies

    alphabet = strategies.one_of(
        strategies.sampled_from([*"%_\\\"'üÖЁ🏠 ", "same", "co", "79"]),
        strategies.characters(codec="utf-8", exclude_characters="\x00"),
    )
    texts: list[str] = drawn(strategies.lists(alphabet, max_size=4).map("".join), count)
    return texts


async def test_drawn_searches_answer_the_same_both_ways(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await tricky_contacts(api, matrix.world.owner.access)
    viewers = [v for v in matrix.viewers if v.label in ("owner", "client1.member0")]
    differences: list[str] = []
    tried = found_some = 0
    for text in drawn_searches(40):
        for viewer in viewers:
            variables = {"first": 4, "filter": {"search": text}}
            sent, found = await walk(api, LIST, variables, viewer.session.access)
            tried += sent
            if found:
                differences.append(f"{viewer.label} {text!r}: {found}")
        answer = await api.post(SEARCH, {"search": text}, viewers[0].session.access)
        found_some += bool(answer["data"]["contacts"]["edges"])
    assert differences == [], f"{len(differences)} of {tried}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried + 40
    assert found_some >= 5  # not only searches that find nothing


CONTACT_NODE = """
query One($id: ID!) { one: node(id: $id) { ... on Contact {
  id name kind email phone notes archived addresses { text archived }
} __typename } }"""
MEMBER_NODE = """
query One($id: ID!) { one: node(id: $id) { id ... on Member { name role title active } } }"""


async def test_compiled_contact_and_member_nodes_equal_the_executor_for_every_role(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    """Each contact and member by its id, as every member of the matrix: a client's portal
    member sees its own contact only; another company's and made-up ids are null."""
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    owner = matrix.world.owner
    await tricky_contacts(api, owner.access)
    contacts = await api.ok(LIST, {"first": 100, "filter": {"archived": None}}, owner.access)
    members = await api.ok(MEMBERS, {"first": 100}, owner.access)
    stranger = await register(api)
    viewers = {viewer.label: viewer.session.access for viewer in matrix.viewers}
    compiled.clear()
    tried = 0
    for document, listed, theirs, made_up in (
        (CONTACT_NODE, contacts["book"], None, to_global_id("Contact", 2_000_000_000)),
        (MEMBER_NODE, members["team"], stranger.member_id, to_global_id("Member", 2_000_000_000)),
    ):
        ids = [e["node"]["id"] for e in listed["edges"]] + [made_up] + ([theirs] if theirs else [])
        sent, differences = await node_differences(api, document, ids, viewers)
        tried += sent
        assert differences == [], f"{len(differences)} of {sent}:\n" + "\n".join(differences[:5])
    assert len(compiled) == tried > 250
    client = next(v for v in matrix.viewers if v.label == "client1.member0")
    ids = [e["node"]["id"] for e in contacts["book"]["edges"]]
    seen = [(await api.ok(CONTACT_NODE, {"id": pk}, client.session.access))["one"] for pk in ids]
    assert [s["id"] for s in seen if s] == [matrix.world.clients[1].id]
