"""The build declares what the code imports, and the locks install exactly that.

A distribution that is imported but reaches the environment only as someone else's dependency
disappears the day that one stops needing it; a lock that misses a declared requirement, or pins
another version than the environment the suite ran in, installs something untested on a fresh
machine. `make lock` rewrites both locks after a change of pyproject.toml's dependencies.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = canonicalize_name(PYPROJECT["project"]["name"])
# Installed with the project (what `make run` installs), and never installed (tests, benchmarks).
SERVED = [p.rstrip("*") for p in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]]
NOT_INSTALLED = ["tests", "bench"]
LOCKS = {"requirements.lock": [], "requirements-test.lock": ["test"]}
RELOCK = "run `make lock` (pip-compile) and commit both locks"
# Which installed distributions provide each top-level module (scans every installed one).
DISTRIBUTIONS = functools.cache(importlib.metadata.packages_distributions)


def declared(extras: list[str]) -> dict[str, Requirement]:
    """pyproject.toml's requirements, with those of the given extras, by canonical name."""
    texts = list(PYPROJECT["project"]["dependencies"])
    for extra in extras:
        texts += PYPROJECT["project"]["optional-dependencies"][extra]
    found: dict[str, Requirement] = {}
    for text in texts:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found[canonicalize_name(requirement.name)] = requirement
    return found


@functools.cache
def top_level_imports(path: Path) -> list[tuple[str, bool]]:
    """(top-level module, imported only for the type checker) of each absolute import."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend((alias.name.partition(".")[0], typing_only) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.partition(".")[0], typing_only))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            for statement in node.body:
                visit(statement, True)
            for statement in node.orelse:
                visit(statement, typing_only)
        else:
            for child in ast.iter_child_nodes(node):
                visit(child, typing_only)

    visit(ast.parse(path.read_text(), str(path)), False)
    return found


def undeclared_imports(folders: list[str], allowed: set[str], *, typing_too: bool) -> list[str]:
    """Each import in `folders` (of the type checker's too, if `typing_too`) whose distribution
    is not in `allowed`, as 'file: module (owners)'. Only the given folders count as local."""
    distributions = DISTRIBUTIONS()
    problems = set()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for module, typing_only in top_level_imports(path):
                if typing_only and not typing_too:
                    continue
                if module in sys.stdlib_module_names or module in folders:
                    continue
                owners = {canonicalize_name(d) for d in distributions.get(module, [])}
                if not owners & allowed:
                    where = ", ".join(sorted(owners)) or "no installed distribution"
                    problems.add(f"{path.relative_to(ROOT)}: {module} ({where})")
    return sorted(problems)


def test_served_code_imports_only_declared_dependencies() -> None:
    """What `make run` installs covers every import of the installed packages (type-checking
    imports aside: mypy runs with the test tools)."""
    allowed = set(declared([])) | {PROJECT}
    problems = undeclared_imports(SERVED, allowed, typing_too=False)
    assert problems == [], "not in pyproject.toml's dependencies:\n" + "\n".join(problems)


def test_every_imported_distribution_is_declared() -> None:
    """Tests, benchmarks and type-checking imports may use the extras too."""
    allowed = set(declared(list(PYPROJECT["project"]["optional-dependencies"]))) | {PROJECT}
    problems = undeclared_imports(SERVED + NOT_INSTALLED, allowed, typing_too=True)
    assert problems == [], "declared nowhere in pyproject.toml:\n" + "\n".join(problems)


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: int


def read_lock(name: str) -> tuple[dict[str, Pin], list[str]]:
    """The pins of a lock by canonical name, and its option lines (index URLs and the like)."""
    pins: dict[str, Pin] = {}
    options = []
    current = ""
    for line in (ROOT / name).read_text().splitlines():
        text = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if not text:
            continue
        if line[0].isspace() and current:
            hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text))
            pins[current] = Pin(pins[current].version, pins[current].hashes + hashes)
        elif text.startswith("-"):
            options.append(text)
        else:
            pin = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)(?:\s+--hash=\S+)*", text)
            assert pin is not None, f"{name}: not a pinned requirement: {text!r}"
            current = canonicalize_name(pin[1])
            pins[current] = Pin(pin[2], len(re.findall(r"--hash=", text)))
    return pins, options


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_pins_every_declared_requirement_within_its_bounds(lock: str) -> None:
    pins, _ = read_lock(lock)
    problems = []
    for name, requirement in declared(LOCKS[lock]).items():
        if name not in pins:
            problems.append(f"{requirement} is not in {lock}")
        elif not requirement.specifier.contains(pins[name].version, prereleases=True):
            problems.append(f"{lock} pins {name}=={pins[name].version}, outside {requirement}")
    assert problems == [], "\n".join([*problems, RELOCK])


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_is_hashed_and_names_no_index(lock: str) -> None:
    """Hash-checked pins only: an index URL or a local folder is the machine's pip
    configuration, and would send a fresh machine to a place it does not have."""
    pins, options = read_lock(lock)
    assert options == []
    assert "file://" not in (ROOT / lock).read_text()
    assert [name for name, pin in pins.items() if pin.hashes == 0] == []


def test_run_and_test_locks_pin_the_same_versions() -> None:
    run, _ = read_lock("requirements.lock")
    test, _ = read_lock("requirements-test.lock")
    assert {name: pin.version for name, pin in run.items() if test.get(name) != pin} == {}, RELOCK


def test_the_suite_runs_on_the_locked_versions() -> None:
    """What the tests run against is what the lock installs on a fresh machine."""
    pins, _ = read_lock("requirements-test.lock")
    drifted = {}
    for name, pin in pins.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = "missing"
        if installed != pin.version:
            drifted[name] = f"{installed}, locked {pin.version}"
    assert drifted == {}, "reinstall: rm .venv/.installed-test && make install-test"
