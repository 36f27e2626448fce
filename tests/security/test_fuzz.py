"""A schema-driven fuzz test: hypothesis-graphql generates queries and
mutations from the printed schema, every ID argument one of the real ids of two companies
(or an id at the edge of its type), and each document is sent through the app as the OWNER,
a STAFF member, a CLIENT and a CONTRACTOR portal member of company A, and anonymously.

Asserted for every answer: no internal error (no INTERNAL_SERVER_ERROR, no "internal error"
message, no 5xx), no field the README's role table hides from a portal role (a CLIENT never reads a
non-null internalNote or contractorFee, a CONTRACTOR never a price, internalNote or feedback),
and no id of company B anywhere in the data company A's members (or anyone) get back.

Documents start with each root query and mutation field in turn; generated selections of an
Order are also asked of real orders through `node`, since short documents from the root
rarely reach the fields the rules guard, and the test checks each portal role did read the
money field it may (so the checks had something to check). They are drawn with a fixed seed
(derandomize), so CI sends the same ones every time; the ids they carry are this run's,
picked by position from the same world. About 15 s per database.
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from graphql import DocumentNode, StringValueNode, Visitor, print_ast, visit
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries
from starlette.applications import Starlette

from compat.strawberry import core_schema
from schema import build_schema
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.tasks import CREATE_TEMPLATE, new_task
from tests.support.webchat import REPLY, client_at, configure, send, visitor_token, webchats
from tests.support.world import COMMENT, contact, create_order, portal_member

# One xdist worker runs both databases' runs, so the second reuses the first's draws.
pytestmark = [pytest.mark.asyncio, pytest.mark.xdist_group("fuzz")]

# Documents drawn per root field (each document may select more fields after it).
PER_QUERY = 5
PER_MUTATION = 4
PER_FIELD = {"node": 10}
# Generated selections of an Order, each sent as `node(id: <order>) { ... on Order {…} }`:
# short documents from the root rarely reach the fields the portal rules guard.
ORDER_SELECTIONS = 80
# Mutations that reach hosts on the internet (the Telegram API, SMTP and IMAP servers): the
# test suite makes no outside connections. Their input edges have tests of their own.
OFFLINE = {"configureTelegram", "configureEmail"}
SHOP = "https://fuzz-shop.example.test"
_addresses = itertools.count(1)

# What a portal role never reads (the README's role table, "Who sees what").
HIDDEN = {
    "CLIENT": {"internalNote", "contractorFee"},
    "CONTRACTOR": {"price", "internalNote", "feedback"},
}


@dataclass
class Company:
    owner: Session
    staff: Session
    client: Session
    contractor: Session
    ids: set[str] = field(default_factory=set)
    orders: list[str] = field(default_factory=list)

    def roles(self) -> dict[str, str | None]:
        return {
            "OWNER": self.owner.access,
            "STAFF": self.staff.access,
            "CLIENT": self.client.access,
            "CONTRACTOR": self.contractor.access,
            "ANONYMOUS": None,
        }


def ids_in(value: Any) -> Iterator[str]:
    """Every `id` (and `key`, `conversationId`) string in an answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("id", "key", "conversationId") and isinstance(item, str):
                yield item
            else:
                yield from ids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from ids_in(item)


def fields_with_values(value: Any) -> Iterator[str]:
    """The names of the non-null fields in an answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if item is not None:
                yield key
            yield from fields_with_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from fields_with_values(item)


def forbidden_values(value: Any, hidden: set[str], path: str = "") -> Iterator[str]:
    """`path=value` for every non-null field of `hidden` in an answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in hidden and item is not None:
                yield f"{path}.{key}={item!r}"
            yield from forbidden_values(item, hidden, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from forbidden_values(item, hidden, f"{path}[{n}]")


async def company(app: Starlette, api: Api, name: str) -> Company:
    """An owner, a staff member, a client and a contractor with portal logins, three orders
    (two assigned, each with price, fee and note), comments, a task, a template and a website
    chat with a reply: each kind of row the schema can name by id."""
    owner = await register(api, company=f"Fuzz {name}")
    staff = await invite_and_accept(api, owner, f"Staff {name}")
    client_card = await contact(api, owner, "CLIENT", f"Client {name}", manager_id=staff.member_id)
    contractor_card = await contact(api, owner, "CONTRACTOR", f"Contractor {name}")
    client = await portal_member(api, owner, client_card, f"Client Portal {name}")
    contractor = await portal_member(api, owner, contractor_card, f"Contractor Portal {name}")
    found = Company(owner, staff, client, contractor)
    found.ids |= {owner.company_id, owner.member_id, staff.member_id, client.member_id}
    found.ids |= {contractor.member_id, client_card.id, contractor_card.id}
    found.ids |= {*client_card.address_ids, *contractor_card.address_ids}
    money = {"price": "1500.00", "contractorFee": "900.00", "internalNote": "door code 1234"}
    for assigned in (False, True, True):
        order = await create_order(
            api,
            owner,
            clientId=client_card.id,
            addressId=client_card.address_ids[0],
            responsibleId=staff.member_id,
            **money,
            **({"contractorId": contractor_card.id} if assigned else {}),
        )
        found.ids.add(order["id"])
        found.orders.append(order["id"])
        for visibility in ("INTERNAL", "CLIENT", "CONTRACTOR"):
            data = await api.ok(
                COMMENT, {"o": order["id"], "b": visibility, "v": visibility}, owner.access
            )
            found.ids.add(data["addComment"]["comment"]["id"])
    found.ids.add((await new_task(api, owner, title="Fuzz", assigneeId=staff.member_id))["id"])
    template = await api.ok(
        CREATE_TEMPLATE,
        {
            "input": {
                "kind": "ORDER",
                "name": f"T {name}",
                "title": "T",
                "description": "D",
                "deadlineInHours": 24,
            }
        },
        owner.access,
    )
    found.ids.add(template["createTemplate"]["template"]["id"])
    key = await configure(api, owner, SHOP)
    async with client_at(app, f"192.0.2.{next(_addresses)}") as http:
        token = await visitor_token(http, key, SHOP)
        found.ids.add((await send(http, token, "Hello", SHOP))["message"]["id"])
    [chat] = await webchats(api, owner)
    found.ids.add(chat["id"])
    reply = await api.ok(REPLY, {"c": chat["id"], "b": "Hi"}, owner.access)
    found.ids.add(reply["replyToConversation"]["message"]["id"])
    # Whatever else the owner sees by id (notifications, invitations, ...).
    everything = await api.ok(
        """query { members(first: 50) { edges { node { id } } }
        invitations { id } notifications(first: 50) { edges { node { id } } }
        contacts(first: 50) { edges { node { id addresses { id } } } } }""",
        token=owner.access,
    )
    found.ids |= set(ids_in(everything))
    return found


def edge_ids() -> list[str]:
    """Ids at the edges of their type: past the column, not digits, of no type."""

    def encoded(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    return [
        encoded("Order:2147483648"),
        encoded("Order:" + "9" * 400),
        encoded("Order:\u00b2"),
        encoded("Order:-1"),
        "",
        "not base64 !",
        encoded("Nothing:1"),
    ]


def value_strategies(ids: list[str]) -> dict[str, st.SearchStrategy[Any]]:
    """Values for the ID and custom scalars: real ids, dates and amounts (edges included)."""
    string = nodes.String
    dates = st.one_of(
        st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
        ).map(lambda d: d.isoformat()),
        st.sampled_from(["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00", "yesterday"]),
    )
    days = st.one_of(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)).map(date.isoformat),
        st.sampled_from(["2026-02-30", "20261203", "tomorrow"]),
    )
    clocks = st.one_of(
        st.times().map(lambda t: t.isoformat(timespec="seconds")),
        st.sampled_from(["25:00", "09:60", "9am", "", "23:59:59"]),
    )
    amounts = st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        st.sampled_from(["9999999999.995", "-0", "1e400", "NaN", str(Decimal("0.01"))]),
    )
    return {
        "ID": st.sampled_from(ids).map(string),
        "DateTime": dates.map(string),
        "Date": days.map(string),
        "Time": clocks.map(string),
        "Decimal": amounts.map(string),
        "Upload": st.just(StringValueNode(value="not a file")),
    }


def draw(strategy: st.SearchStrategy[DocumentNode], count: int) -> list[DocumentNode]:
    """`count` documents from `strategy`, the same ones on every run.

    derandomize seeds the draws from `collect`'s source and signature: its text (`str` too,
    though strategies give DocumentNodes now) stays as it was, or every document would change."""
    drawn: list[Any] = []

    @settings(
        max_examples=count,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(document: str) -> None:
        drawn.append(document)

    collect()
    return drawn


def order_selections(sdl: str, scalars: Any) -> list[DocumentNode]:
    """Generated selections of an Order (drawn from the schema with a root field returning
    one added)."""
    return draw(
        queries(
            f"{sdl}\nextend type Query {{ fuzzOrder: Order! }}\n",
            fields=["fuzzOrder"],
            custom_scalars=scalars,
            print_ast=lambda document: document,
        ),
        ORDER_SELECTIONS,
    )


def order_documents(selections: Sequence[DocumentNode], orders: list[str]) -> list[str]:
    """Each selection asked of one of `orders` by `node`, in turn."""
    documents = []
    for n, selection in enumerate(selections):
        [operation] = selection.definitions
        [fuzz_order] = operation.selection_set.selections  # type: ignore[attr-defined]
        fields = print_ast(fuzz_order.selection_set)
        order = orders[n % len(orders)]
        documents.append(f'{{ node(id: "{order}") {{ ... on Order {fields} }} }}')
    # And the guarded fields of every order, asked outright: which generated selections pick
    # them depends on the whole schema's shape (the draws are fixed per schema), and the
    # checks of each role's hidden fields need rows that have them to look at.
    guarded = "id price contractorFee internalNote feedback"
    documents += [
        f'{{ node(id: "{order}") {{ ... on Order {{ {guarded} }} }} }}' for order in orders
    ]
    return documents


def generated(ids: list[str], orders: list[str]) -> list[str]:
    """For every root query and mutation field, documents that start with it; and
    selections of orders by `node`.

    Drawn once per process (`drawn`) with a stand-in for each id, which is then given its id:
    a strategy picks a value by its position, so the documents print exactly as if drawn with
    the ids themselves. Drawing costs 6 s of CPU; the other database's run reuses it."""
    roots, selections = drawn(len(ids))
    documents = [print_ast(with_ids(document, ids)) for document in roots]
    # The orders' selections first: among the mutations are some that end a role's access
    # (deactivateMember, archiveContact, changePassword), which is theirs to do.
    return order_documents([with_ids(s, ids) for s in selections], orders) + documents


def stand_in(n: int) -> str:
    return f"\0fuzz-id-{n}\0"


class _Ids(Visitor):
    def __init__(self, ids: list[str]) -> None:
        super().__init__()
        self.by_stand_in = {stand_in(n): id_ for n, id_ in enumerate(ids)}

    def enter_string_value(self, node: StringValueNode, *_: Any) -> StringValueNode | None:
        id_ = self.by_stand_in.get(node.value)
        return None if id_ is None else StringValueNode(value=id_)


def with_ids(document: DocumentNode, ids: list[str]) -> DocumentNode:
    """The document with each stand-in's id (a copy: drawn documents are shared)."""
    replaced: DocumentNode = visit(document, _Ids(ids))
    return replaced


@cache
def drawn(id_count: int) -> tuple[tuple[DocumentNode, ...], tuple[DocumentNode, ...]]:
    """Documents from each root field, and Order selections, with `stand_in(n)` for id n."""
    schema = build_schema()
    sdl = schema.as_str()
    scalars = value_strategies([stand_in(n) for n in range(id_count)])
    documents: list[DocumentNode] = []
    kinds: list[tuple[Callable[..., st.SearchStrategy[DocumentNode]], Any, int]] = [
        (queries, core_schema(schema).query_type, PER_QUERY),
        (mutations, core_schema(schema).mutation_type, PER_MUTATION),
    ]
    for strategy, root, count in kinds:
        for name in root.fields:
            if name not in OFFLINE:
                strategy_of_name = strategy(
                    sdl, fields=[name], custom_scalars=scalars, print_ast=lambda d: d
                )
                documents += draw(strategy_of_name, PER_FIELD.get(name, count))
    return tuple(documents), tuple(order_selections(sdl, scalars))


def problems_of(role: str, status: int, body: Any, other_ids: set[str], document: str) -> list[str]:
    found: list[str] = []
    if status >= 500 or not isinstance(body, dict):
        return [f"{role}: HTTP {status}: {body!r}\n{document}"]
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code == "INTERNAL_SERVER_ERROR" or "internal error" in str(error.get("message")):
            found.append(f"{role}: {error}\n{document}")
    data = body.get("data")
    leaked = sorted(set(ids_in(data)) & other_ids)
    if leaked:
        found.append(f"{role}: ids of the other company {leaked}\n{document}")
    shown = list(forbidden_values(data, HIDDEN.get(role, set())))
    if shown:
        found.append(f"{role}: fields it may not read {shown}\n{document}")
    return found


async def test_generated_documents_answer_cleanly_and_leak_nothing(
    app: Starlette, api: Api
) -> None:
    mine = await company(app, api, "A")
    other = await company(app, api, "B")
    ids = sorted(mine.ids) + sorted(other.ids) + edge_ids()
    documents = generated(ids, mine.orders + other.orders[:1])
    problems: list[str] = []
    seen: dict[str, set[str]] = {role: set() for role in mine.roles()}
    for document in documents:
        for role, token in mine.roles().items():
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            response = await api.http.post("/graphql", json={"query": document}, headers=headers)
            try:
                body = response.json()
            except ValueError:
                body = response.text
            problems += problems_of(role, response.status_code, body, other.ids, document)
            if isinstance(body, dict):
                seen[role] |= set(fields_with_values(body.get("data")))
    assert not problems, f"{len(problems)} problems:\n\n" + "\n\n".join(problems[:20])
    # The documents reached the rows whose fields are guarded: each portal role read the
    # money field it may read, so the checks above had something to check.
    assert {"price", "internalNote", "contractorFee"} <= seen["OWNER"]
    assert "price" in seen["CLIENT"]
    assert "contractorFee" in seen["CONTRACTOR"]
