"""The scanner behind tests/test_compat.py: which library internals a module uses.

A library private is an import from a private module, an imported private name, or an
attribute `x._name` (or `getattr(x, "_name")`) whose name our own code never defines; plus
the library names listed here that are internals although their names are not private.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OURS = {
    "bench",
    "channels",
    "compat",
    "config",
    "domain",
    "media",
    "migrations",
    "models",
    "permissions",
    "realtime",
    "resolvers",
    "schema",
    "servicedesk",
    "tests",
}
SKIPPED_DIRS = {".venv", "compat", "node_modules", "servicedesk.egg-info", "data", "build"}

# Underscore names that libraries document as public API.
DOCUMENTED = {
    "_asdict",  # namedtuple
    "_fields",  # namedtuple
    "_make",  # namedtuple
    "_replace",  # namedtuple
    "_exit",  # os._exit
}

# Library names without an underscore that are internals all the same: compat/ wraps them.
INTERNAL_IMPORTS = {
    ("uvicorn.protocols.http.httptools_impl", "HttpToolsProtocol"),
    ("uvicorn.protocols.http.httptools_impl", "RequestResponseCycle"),
    ("uvicorn.protocols.websockets.wsproto_impl", "WSProtocol"),
    ("starlette.formparsers", "MultiPartParser"),
    ("strawberry.schema.schema", "StrawberryGraphQLCoreExecutionContext"),
    ("strawberry.subscriptions.protocols.graphql_transport_ws.handlers", "*"),
    ("tortoise.backends.base.config_generator", "expand_db_url"),
}
INTERNAL_ATTRIBUTES = {
    "cache_map",
    "cached_parse_document",
    "complete_value",
    "execute_fields",
    "handle_field_error",
}


def python_files() -> Iterator[Path]:
    """Our .py files, sorted; skipped folders are pruned, not walked (the virtualenv alone
    holds tens of thousands of files: walking it cost 2 s a run)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".")]
        found.extend(Path(folder, name) for name in files if name.endswith(".py"))
    return iter(sorted(found))


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in python_files():
        relative = path.relative_to(ROOT)
        if relative.as_posix() == "tests/test_compat.py":
            continue  # the shape tests touch the internals on purpose
        try:
            source = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue  # removed while the tree was walked
        yield relative.as_posix(), ast.parse(source, str(relative))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined_names(trees: list[ast.Module]) -> set[str]:
    """Every underscore name our own code defines: functions, classes, variables,
    attributes it assigns, parameters, aliases and `__slots__` entries."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias) and node.asname:
                names.add(node.asname)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if _private(node.value) and node.value.isidentifier():
                    names.add(node.value)  # __slots__, keyword names spelled as strings
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
    return {name for name in names if _private(name)}


def _our_module(module: str | None, level: int) -> bool:
    return level > 0 or (module or "").split(".")[0] in OURS


def touches(tree: ast.Module, ours: set[str]) -> list[str]:
    """The library internals `tree` uses, as source snippets."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not _our_module(node.module, node.level):
            module = node.module or ""
            private_module = any(_private(part) for part in module.split("."))
            for alias in node.names:
                internal = (module, alias.name) in INTERNAL_IMPORTS or (
                    (module, "*") in INTERNAL_IMPORTS
                )
                if private_module or _private(alias.name) or internal:
                    found.append(f"from {module} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not _our_module(alias.name, 0) and any(
                    _private(part) for part in alias.name.split(".")
                ):
                    found.append(f"import {alias.name}")
        elif isinstance(node, ast.Attribute):
            name = node.attr
            if (_private(name) and name not in ours and name not in DOCUMENTED) or (
                name in INTERNAL_ATTRIBUTES
            ):
                found.append(f".{name}")
        elif isinstance(node, ast.FunctionDef) and node.name in INTERNAL_ATTRIBUTES:
            found.append(f"def {node.name}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
            # A bound method's owner: how a library's object is reached through a hook.
            if (
                _private(name) and name not in ours and name not in DOCUMENTED
            ) or name == "__self__":
                found.append(f'{node.func.id}(..., "{name}")')
    return found
