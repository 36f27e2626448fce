"""What a refused document costs.

    .venv/bin/python -m bench.query_bomb [--repeat 200]

For fragment bombs of 10, 20 and 30 levels (`fragment Fi on Query { ...Fi+1 ...Fi+1 }`,
about 40 bytes a level, 2^levels paths to the last fragment), and for documents within the
token limit that graphql-core's OverlappingFieldsCanBeMerged rule would take seconds over,
prints the median time of:

- the analysis alone (schema/limits.py: depth, aliases, estimate, expanded fields, root
  fields and the overlap bound, each fragment once);
- the whole refusal through the schema, as an anonymous request meets it (parse with the
  token limit, the gate, no validation, no execution), each time a new text (a comment
  differs), as an attacker would send it, so the parser cache does not help;
- parsing alone (part of the refusal: a document of 2,000 tokens costs its parse);
- graphql-core's own validation of the same document, for comparison (the gate spares it).

In process, no server or database: the refusal touches neither.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from types import SimpleNamespace

from graphql import parse, validate

from compat.strawberry import core_schema
from schema import build_schema
from schema.limits import analyse, limit_error


def bomb(levels: int) -> str:
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    last = f"fragment F{levels} on Query {{ __typename }}"
    return " ".join(["query Q { ...F0 }", *fragments, last])


def overlapping(outer: int, inner: int) -> str:
    field = "manager { " + "manager { name } " * inner + "}"
    return "{ me { " + " ".join([field] * outer) + " } }"


DOCUMENTS = {
    "bomb, 10 levels": bomb(10),
    "bomb, 20 levels": bomb(20),
    "bomb, 30 levels": bomb(30),
    "20 x 20 same-named fields": overlapping(20, 20),
    "490 x `me { name }`": "{ " + " ".join(["me { name }"] * 490) + " }",
}


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def main(repeat: int) -> None:
    schema = build_schema(production=True)
    core = core_schema(schema)
    anonymous = SimpleNamespace(actor=None, visitor=None, widget_origin=None, request_id="-")
    print(
        f"{'document':28} {'bytes':>6} {'parse':>10} {'analysis':>10} {'refusal':>10}"
        f" {'validation':>11}"
    )
    for name, query in DOCUMENTS.items():
        document = parse(query)

        def analysis(document: object = document) -> object:
            found = analyse(core, document, None, {})  # type: ignore[arg-type]
            assert found is not None
            return limit_error(found)

        assert analysis() is not None, f"{name} is not refused"
        refusals = []
        for attempt in range(repeat):
            started = time.perf_counter()
            result = await schema.execute(f"{query}\n# {attempt}", context_value=anonymous)
            refusals.append(time.perf_counter() - started)
            assert result.errors, result
            assert result.data is None, result
        validation = median_ms(lambda: validate(core, document), 1)  # noqa: B023 (run at once)
        parsing = median_ms(lambda: parse(query), repeat)  # noqa: B023 (run at once)
        print(
            f"{name:28} {len(query):6} {parsing:8.3f}ms {median_ms(analysis, repeat):8.3f}ms"
            f" {statistics.median(refusals) * 1000:8.3f}ms {validation:9.1f}ms"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    asyncio.run(main(parser.parse_args().repeat))
