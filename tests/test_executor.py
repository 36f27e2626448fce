"""The lean executor (schema/executor.py) answers exactly as graphql-core does: fields in the
order asked, aliases, `__typename`, enums and scalars coerced, and a null in a non-null field
an error at its path that nulls the nearest nullable parent."""

from __future__ import annotations

import json
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from schema.executor import LeanExecutor, context_only
from tests.support.api import Api, register
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

PAGE = """
query {
  orders(first: 5) { edges { node {
    status zz: number __typename title id aa: title deadline
    client { name __typename id kind }
  } } }
}"""


async def test_fields_come_in_the_order_asked_with_aliases(api: Api) -> None:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Order Of Fields")
    await create_order(
        api, owner, clientId=client.id, addressId=client.address_ids[0], title="Windows"
    )
    response = await api.http.post(
        "/graphql", json={"query": PAGE}, headers={"Authorization": f"Bearer {owner.access}"}
    )
    node = json.loads(response.content)["data"]["orders"]["edges"][0]["node"]
    assert list(node) == ["status", "zz", "__typename", "title", "id", "aa", "deadline", "client"]
    assert node["status"] == "NEW"
    assert isinstance(node["zz"], int)
    assert node["title"] == node["aa"] == "Windows"
    assert node["__typename"] == "Order"
    assert node["deadline"].endswith("+00:00")
    assert list(node["client"]) == ["name", "__typename", "id", "kind"]
    assert node["client"]["kind"] == "CLIENT"


@strawberry.type
class Thing:
    name: str
    tags: list[str]
    note: str | None


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        broken = Thing(name=None, tags=["x"], note=None)  # type: ignore[arg-type]
        return [Thing(name="a", tags=["t", "u"], note="n"), broken]


async def test_a_null_in_a_non_null_field_is_the_same_error_as_before() -> None:
    query = "{ things { name tags note } }"
    lean = strawberry.Schema(query=Query, execution_context_class=LeanExecutor)
    plain = strawberry.Schema(query=Query)
    ours, theirs = await lean.execute(query), await plain.execute(query)
    assert (
        ours.data
        == theirs.data
        == {"things": [{"name": "a", "tags": ["t", "u"], "note": "n"}, None]}
    )
    assert ours.errors is not None
    assert theirs.errors is not None
    assert [(e.message, e.path) for e in ours.errors] == [
        (e.message, e.path) for e in theirs.errors
    ]
    assert ours.errors[0].path == ["things", 1, "name"]


@strawberry.type
class Part:
    label: str


@strawberry.type
class Box:
    n: int

    @strawberry.field
    @context_only
    def doubled(self, info: strawberry.Info) -> int:
        if self.n == 3:
            raise ValueError("three is not allowed")
        offset: int = info.context["offset"]
        return self.n * 2 + offset

    @strawberry.field
    @context_only
    def missing(self) -> int:
        return None  # type: ignore[return-value]

    @strawberry.field
    @context_only
    def part(self) -> Part:
        return Part(label=None if self.n == 2 else f"p{self.n}")  # type: ignore[arg-type]

    @strawberry.field
    @context_only
    def later(self) -> Part | None:
        async def part() -> Part:
            return Part(label="later")

        return part()  # type: ignore[return-value]


@strawberry.type
class BoxQuery:
    @strawberry.field
    def boxes(self) -> list[Box | None]:
        return [Box(n=n) for n in (1, 2, 3)]


@pytest.mark.parametrize(
    "query",
    [
        "{ boxes { n doubled } }",
        "{ boxes { n missing } }",
        "{ boxes { part { label } } }",
        "{ boxes { n later { label } } }",
        "{ boxes { a: doubled b: part { label } n } }",
    ],
)
async def test_context_only_resolvers_answer_as_graphql_core_does(query: str) -> None:
    """Values, errors, their paths and the nulls they cause are the same as without the
    shortcut (a raising resolver, a null in a non-null field, an awaitable returned)."""
    lean = strawberry.Schema(query=BoxQuery, execution_context_class=LeanExecutor)
    plain = strawberry.Schema(query=BoxQuery)
    ours = await lean.execute(query, context_value={"offset": 1})
    theirs = await plain.execute(query, context_value={"offset": 1})
    assert ours.data == theirs.data
    mine = [(e.message, e.path) for e in ours.errors or []]
    assert mine == [(e.message, e.path) for e in theirs.errors or []]


async def test_an_extension_that_wraps_resolvers_still_sees_every_field() -> None:
    seen: list[str] = []

    class Watch(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    query = "{ boxes { n doubled } }"
    lean = strawberry.Schema(
        query=BoxQuery, execution_context_class=LeanExecutor, extensions=[Watch]
    )
    _ = await lean.execute(query, context_value={"offset": 1})
    with_shortcuts = list(seen)
    seen.clear()
    _ = await strawberry.Schema(query=BoxQuery, extensions=[Watch]).execute(
        query, context_value={"offset": 1}
    )
    assert with_shortcuts == seen
    assert seen.count("n") == 3
