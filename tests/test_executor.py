"""The lean executor (schema/executor.py) answers exactly as graphql-core does: fields in the
order asked, aliases, `__typename`, enums and scalars coerced, and a null in a non-null field
an error at its path that nulls the nearest nullable parent."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import Enum
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


@strawberry.enum
class Shade(Enum):
    LIGHT = "LIGHT"
    DARK = "DARK"


@strawberry.type
class Row:
    key: strawberry.ID | None
    label: str
    count: int
    share: float | None
    shade: Shade
    at: datetime | None


def _rows(broken: str) -> list[Row | None]:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    rows: list[Row | None] = [
        Row(key=strawberry.ID("7"), label="a", count=1, share=0.5, shade=Shade.DARK, at=at),
        Row(key=None, label="b", count=0, share=None, shade=Shade.LIGHT, at=None),
    ]
    if broken == "null label":
        rows.append(Row(key=None, label=None, count=2, share=None, shade=Shade.DARK, at=None))  # type: ignore[arg-type]
    elif broken == "null item":
        rows.append(None)
    elif broken == "bad enum":
        rows.append(Row(key=None, label="c", count=3, share=None, shade="GREY", at=None))  # type: ignore[arg-type]
    return rows


@strawberry.type
class RowQuery:
    @strawberry.field
    def rows(self, broken: str = "") -> list[Row]:
        return _rows(broken)  # type: ignore[return-value]

    @strawberry.field
    def maybe_rows(self, broken: str = "") -> list[Row | None] | None:
        return _rows(broken)


@pytest.mark.parametrize("field", ["rows", "maybeRows"])
@pytest.mark.parametrize("broken", ["", "null label", "null item", "bad enum"])
@pytest.mark.parametrize(
    "selection",
    [
        "key label count share shade at",
        "__typename z: count label k: key a: label",
        "shade { __typename }",  # invalid: the same validation error
    ],
)
async def test_lists_of_plain_objects_answer_as_graphql_core_does(
    field: str, broken: str, selection: str
) -> None:
    """A list whose items' selected fields are all plain is completed in one pass: values,
    key order, `__typename`, enums and times coerced; a null in a non-null field or item, or
    a value its enum refuses, is graphql-core's error at the same path with the same nulls."""
    query = f'{{ {field}(broken: "{broken}") {{ {selection} }} }}'
    lean = strawberry.Schema(query=RowQuery, execution_context_class=LeanExecutor)
    plain = strawberry.Schema(query=RowQuery)
    ours, theirs = await lean.execute(query), await plain.execute(query)
    assert json.dumps(ours.data) == json.dumps(theirs.data)  # key order too
    mine = [(e.message, e.path) for e in ours.errors or []]
    assert mine == [(e.message, e.path) for e in theirs.errors or []]


async def test_the_plain_list_path_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Any] = []
    original = LeanExecutor.plain_items

    def spy(self: LeanExecutor, *args: Any) -> Any:
        found = original(self, *args)
        built.append(found)
        return found

    monkeypatch.setattr(LeanExecutor, "plain_items", spy)
    lean = strawberry.Schema(query=RowQuery, execution_context_class=LeanExecutor)
    result = await lean.execute("{ rows { label count } }")
    assert result.data == {"rows": [{"label": "a", "count": 1}, {"label": "b", "count": 0}]}
    assert built == [[{"label": "a", "count": 1}, {"label": "b", "count": 0}]]


async def test_fields_are_shortcut_when_no_extension_wraps_resolvers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Strawberry builds a middleware manager on every request, most often empty: an empty
    one must not turn the shortcuts off (it did, unseen, until this test)."""
    taken: list[str] = []
    original = LeanExecutor.shortcut_field

    def spy(self: LeanExecutor, how: Any, *args: Any) -> Any:
        taken.append(type(how).__name__)
        return original(self, how, *args)

    monkeypatch.setattr(LeanExecutor, "shortcut_field", spy)
    lean = strawberry.Schema(query=BoxQuery, execution_context_class=LeanExecutor)
    result = await lean.execute("{ boxes { n doubled } }", context_value={"offset": 1})
    assert result.data is not None
    assert taken.count("Plain") == 3
    assert taken.count("Direct") == 3
