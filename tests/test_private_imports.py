"""No module of the app imports another of its modules' underscore names: a name two modules
share is an interface and is named as one (the outbound EMAIL sender imported the mail
sender's `_connect` and `_verdict`). Libraries' private names are compat/'s (test_compat)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "channels",
    "compat",
    "config",
    "domain",
    "media",
    "models",
    "permissions",
    "realtime",
    "resolvers",
    "schema",
    "servicedesk",
)


def private_imports(source: str) -> list[str]:
    """`module.name` of each underscore name `source` imports from an app module."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module.split(".")[0] not in PACKAGES:
            continue
        found += [
            f"{node.module}.{alias.name}"
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.startswith("__")
        ]
    return found


def test_the_scan_sees_a_private_import_over_several_lines() -> None:
    source = "from servicedesk.workers.mail_sender import (\n    connect,\n    _verdict,\n)\n"
    assert private_imports(source) == ["servicedesk.workers.mail_sender._verdict"]
    assert private_imports("from aiosmtplib import _private\nfrom x import __all__\n") == []


def test_no_app_module_imports_another_ones_private_names() -> None:
    found = {
        str(path.relative_to(ROOT)): names
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (names := private_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}
