"""The printed schema against the contract, and deny by default: everything is classified."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from graphql import GraphQLObjectType

from compat.strawberry import core_schema
from permissions.operations import FIELD_RULES, WITH_OBJECT, operation_access
from schema import schema

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "contract_check.py"
NOT_BUILT = ROOT / "tests" / "contract_not_built.txt"
SNAPSHOT = ROOT / "schema.graphql"
ROOTS = ("Query", "Mutation", "Subscription")
REPRINT = "python -c 'from schema import schema; print(schema)' > schema.graphql"


def _printed() -> str:
    """In a fresh interpreter, as a client's code generator would read it."""
    return subprocess.run(
        [sys.executable, "-c", "from schema import schema; print(schema)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout


def test_schema_prints_the_committed_snapshot() -> None:
    """schema.graphql is the API as built; a change to it is a change to review."""
    assert _printed() == SNAPSHOT.read_text(), f"the schema changed: review it, then {REPRINT}"


@pytest.mark.skipif(
    not CHECKER.exists(), reason=f"no contract checker at {CHECKER} (a bare clone has no ../shared)"
)
def test_schema_matches_the_contract() -> None:
    checked = subprocess.run(
        [sys.executable, str(CHECKER), "-", "--not-built", str(NOT_BUILT)],
        input=_printed(),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert checked.stderr == ""
    differences = [line for line in checked.stdout.splitlines() if not line.startswith("contract:")]
    waived = [
        line.removeprefix("= ")
        for line in NOT_BUILT.read_text().splitlines()
        if line.startswith("= ")
    ]
    assert differences == waived, "\n".join(differences)


def _object_types() -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in core_schema(schema).type_map.items()
        if isinstance(t, GraphQLObjectType) and not name.startswith("__")
    }


def test_every_operation_is_classified() -> None:
    unclassified = [
        f"{root}.{field}"
        for root, t in _object_types().items()
        if root in ROOTS
        for field in t.fields
        if operation_access(f"{root}.{field}") is None
    ]
    assert unclassified == []


def test_every_object_field_is_classified() -> None:
    unclassified = [
        f"{name}.{field}"
        for name, t in _object_types().items()
        if name not in ROOTS
        for field in t.fields
        if f"{name}.{field}" not in FIELD_RULES
    ]
    assert unclassified == []


def test_field_rules_name_real_permission_functions() -> None:
    for rule in set(FIELD_RULES.values()) - {WITH_OBJECT}:
        module, _, function = rule.rpartition(".")
        assert module.startswith("permissions.")
        assert callable(getattr(import_module(module), function)), rule
