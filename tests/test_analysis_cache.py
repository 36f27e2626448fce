"""The operation gate's analysis is kept per document and reused only while the variables it
read (page sizes) have the same values: the same document with a larger page is analysed
again, and refused when too large."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from compat.strawberry import core_schema
from schema import build_schema
from schema.limits import MAX_RESULT_NODES, analyse
from tests.support.api import Api, register

DOCUMENT = """query($n: Int = 5, $search: String) {
  contacts(first: 100, filter: {search: $search}) {
    edges { node { orders(first: $n) { totalCount } } }
  }
}"""


def test_an_analysis_is_reused_only_with_the_same_page_sizes() -> None:
    document = parse(DOCUMENT)
    schema = core_schema(build_schema())

    def analysed(variables: dict[str, Any]) -> Any:
        found = analyse(schema, document, None, variables)
        assert found is not None
        return found

    first = analysed({"search": "a"})
    assert analysed({"search": "b"}) is first  # the search is no page size
    assert analysed({"search": "c", "n": 5}) is first  # the default, sent
    larger = analysed({"n": 500})
    assert larger is not first
    assert larger.shape.nodes > MAX_RESULT_NODES > first.shape.nodes
    assert analysed({"n": 5}).shape.nodes == first.shape.nodes
    assert analysed({"n": 500}).shape.nodes == larger.shape.nodes


@pytest.mark.asyncio
async def test_the_same_document_with_a_larger_page_is_refused(api: Api) -> None:
    owner = await register(api)
    for n, refused in ((5, False), (500, True), (5, False), (None, False), (500, True)):
        variables = {} if n is None else {"n": n}
        answer = await api.post(DOCUMENT, variables, token=owner.access)
        codes = [e.get("extensions", {}).get("code") for e in answer.get("errors", [])]
        assert bool(codes) is refused, (n, answer)
