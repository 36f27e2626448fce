"""The printed schema against the contract, and deny by default: everything is classified."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

from graphql import GraphQLObjectType

from permissions.operations import FIELD_RULES, WITH_OBJECT, operation_access
from schema import schema

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "contract_check.py"
NOT_BUILT = ROOT / "tests" / "contract_not_built.txt"
ROOTS = ("Query", "Mutation", "Subscription")


def test_schema_matches_the_contract() -> None:
    printed = subprocess.run(
        [sys.executable, "-c", "from schema import schema; print(schema)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    checked = subprocess.run(
        [sys.executable, str(CHECKER), "-", "--not-built", str(NOT_BUILT)],
        input=printed,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("contract: ok")


def _object_types() -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in schema._schema.type_map.items()
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
