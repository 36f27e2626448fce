"""Both read paths side by side: the compiled one (schema/compiled/) switched on and off, and
the first difference between their answers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from schema.compiled import run
from tests.support.api import Api


@contextmanager
def compiled_answers() -> Iterator[list[dict[str, Any]]]:
    """Turns the compiled path on, and records each answer it gave."""
    answers: list[dict[str, Any]] = []
    original, switch = run.compiled_answer, run.SWITCH.enabled

    async def spy(context: Any) -> dict[str, Any] | None:
        answer = await original(context)
        if answer is not None:
            answers.append(answer)
        return answer

    run.compiled_answer = spy
    run.SWITCH.enabled = True
    try:
        yield answers
    finally:
        run.compiled_answer = original
        run.SWITCH.enabled = switch


def difference(ordinary: Any, compiled: Any, path: str = "") -> str | None:
    """The first place the two answers differ, with both values, or None."""
    if isinstance(ordinary, dict) and isinstance(compiled, dict):
        if list(ordinary) != list(compiled):
            return f"{path}: keys {list(ordinary)} != {list(compiled)}"
        found = (difference(ordinary[k], compiled[k], f"{path}.{k}") for k in ordinary)
        return next((d for d in found if d), None)
    if isinstance(ordinary, list) and isinstance(compiled, list) and len(ordinary) == len(compiled):
        found = (
            difference(a, b, f"{path}[{i}]")
            for i, (a, b) in enumerate(zip(ordinary, compiled, strict=True))
        )
        return next((d for d in found if d), None)
    if ordinary != compiled or type(ordinary) is not type(compiled):
        return f"{path}: ordinary {ordinary!r}, compiled {compiled!r}"
    return None


async def both(api: Api, query: str, variables: dict[str, Any], token: str) -> tuple[Any, Any]:
    run.SWITCH.enabled = False
    ordinary = await api.post(query, variables, token)
    run.SWITCH.enabled = True
    return ordinary, await api.post(query, variables, token)


async def walk(
    api: Api, query: str, variables: dict[str, Any], token: str
) -> tuple[int, str | None]:
    """The document sent both ways, page after page while the answer has a next page: the
    requests sent and the first difference."""
    after: str | None = None
    sent = 0
    while True:
        ordinary, answer = await both(api, query, {**variables, "after": after}, token)
        sent += 1
        found = difference(ordinary, answer)
        page = next(iter((ordinary.get("data") or {}).values()), None)
        info = page.get("pageInfo") if isinstance(page, dict) else None
        if found or not info or not info["hasNextPage"]:
            return sent, found
        after = info["endCursor"]


def drawn(strategy: Any, count: int) -> list[Any]:
    """`count` examples of a hypothesis strategy, derandomized: the same ones each run."""
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings

    found: list[Any] = []

    @hypothesis_settings(
        max_examples=count,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def draw(example: Any) -> None:
        found.append(example)

    draw()
    return found


async def walk_all(
    api: Api, runs: list[tuple[str, str, dict[str, Any], str]]
) -> tuple[int, list[str]]:
    """Each (label, document, variables, token) walked both ways (`walk`): the requests sent
    and the differences found, labelled."""
    tried = 0
    differences: list[str] = []
    for label, query, variables, token in runs:
        sent, found = await walk(api, query, variables, token)
        tried += sent
        if found:
            differences.append(f"{label} {variables}: {found}")
    return tried, differences


async def node_differences(
    api: Api, document: str, ids: list[str], viewers: dict[str, str]
) -> tuple[int, list[str]]:
    """`document` (a `node(id: $id)` read) for each id as each viewer (label -> token), both
    ways: the requests sent and the differences found."""
    runs = [(label, document, {"id": pk}, token) for label, token in viewers.items() for pk in ids]
    return await walk_all(api, runs)


async def drawn_differences(api: Api, documents: list[str], tokens: dict[str, str]) -> list[str]:
    """Each document (no variables) sent both ways as each viewer (label -> token): the
    differences found, labelled."""
    differences = []
    for document in documents:
        for label, token in tokens.items():
            ordinary, answer = await both(api, document, {}, token)
            found = difference(ordinary, answer)
            if found:
                differences.append(f"{label} {document}: {found}")
    return differences
