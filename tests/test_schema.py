"""The printed schema against the contract, and deny by default: everything is classified."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphql import GraphQLObjectType
from strawberry.schema.schema_converter import GraphQLCoreConverter

from compat.strawberry import core_schema
from permissions.field_rules import FIELD_RULES, FieldRule, RowFilter
from permissions.operations import operation_access
from schema import schema
from schema.executor import Direct, fast_fields
from schema.guard import field_key, is_guarded, rule_of

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


def _guarded_fields() -> dict[str, FieldRule]:
    """`Type.field` of every field resolved through the guard, with the rule it applies."""
    guarded: dict[str, FieldRule] = {}
    for name, t in _object_types().items():
        for field_name, field in t.fields.items():
            definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
            base = getattr(definition, "base_resolver", None)
            resolver = getattr(base, "wrapped_func", None)
            if resolver is None or not is_guarded(resolver):
                continue
            origin = t.extensions[GraphQLCoreConverter.DEFINITION_BACKREF].origin
            assert field_key(origin, resolver) == f"{name}.{field_name}"
            guarded[f"{name}.{field_name}"] = rule_of(origin, resolver)
    return guarded


def test_every_field_rule_guards_its_field_through_the_guard() -> None:
    """A `FieldRule` entry without its guarded field, or a guarded field whose entry is no
    `FieldRule`, fails here; each guarded field applies the very rule of its entry."""
    guarded = _guarded_fields()
    ruled = {key for key, access in FIELD_RULES.items() if isinstance(access, FieldRule)}
    assert set(guarded) == ruled
    for key, rule in guarded.items():
        assert rule is FIELD_RULES[key], key


def test_guarded_context_only_fields_stay_on_the_fast_path() -> None:
    """The guard keeps a `@context_only` resolver a direct synchronous call of the executor."""
    types = _object_types()
    direct = []
    for key in _guarded_fields():
        name, field = key.split(".")
        definition = types[name].fields[field].extensions[GraphQLCoreConverter.DEFINITION_BACKREF]
        if getattr(definition.base_resolver.wrapped_func, "_context_only", False):
            assert isinstance(fast_fields(types[name])[field], Direct), key
            direct.append(key)
    assert {"Order.price", "Contact.email"} <= set(direct)


def test_field_rules_name_only_fields_of_the_schema() -> None:
    fields = {
        f"{name}.{field}"
        for name, t in _object_types().items()
        if name not in ROOTS
        for field in t.fields
    }
    assert set(FIELD_RULES) - fields == set()


def test_field_rules_are_permission_functions() -> None:
    for key, access in FIELD_RULES.items():
        if isinstance(access, FieldRule | RowFilter):
            assert access.name.startswith("permissions."), key
