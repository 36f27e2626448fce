"""Permission rules are found by their names and written once, in `permissions/`.

Two source scans: (1) the org subtree (`path__startswith`) is written only in
`permissions/subtree.py`, so no resolver or schema module re-derives who is at or below whom;
(2) every public name in a rule module of `permissions/` reads as one of a few verbs:

- `access_<thing>_by_id`: load one row the actor may see, or raise NOT_FOUND;
- `visible_<things>` / `listed_<things>`: a queryset (or filter) of what the actor sees / is listed;
- `can_<...>`: an in-memory yes or no;
- `check_<...>`: raise a DomainError unless allowed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    *("config", "compat", "models", "domain", "permissions", "realtime", "media"),
    *("resolvers", "channels", "schema", "servicedesk"),
)

VERBS = re.compile(r"^(access_\w+_by_id|visible_\w+|listed_\w+|can_\w+|check_\w+)$")

# Modules of permissions/ that hold mechanisms, not rules about who sees or does what.
MECHANISMS = {
    "actor.py": "the Actor type and its role shorthands",
    "authenticate.py": "turning a bearer token into an Actor",
    "budgets.py": "write budgets: counting, not deciding visibility",
    "channel_secrets.py": "encrypting channel secrets at rest",
    "counters.py": "Redis and in-process counters under the rate limits",
    "media.py": "signing and checking expiring media links",
    "outgoing_hosts.py": "which outgoing hosts may be reached: network plumbing",
    "passwords.py": "hashing and checking passwords",
    "throttle.py": "rate limits per address and account",
    "tokens.py": "issuing and reading tokens, hashing them",
}

# Public names of rule modules that are data or helpers, not rules.
NOUNS = {
    "audience.py": {"path_ids": "parses a materialised path into member ids"},
    "credentials.py": {
        "refusal_to_mint": "the reason text both can_mint and check_may_mint_for give",
        "member_grant": "builds the Grant value of an existing member",
        "invitation_grant": "builds the Grant value of an invitation",
    },
    "orders.py": {
        "comment_visibilities": "the comment kinds an actor reads: a value put in loader keys",
        "default_comment_visibility": "the kind a new comment gets when none is given",
        "client_of_new_order": "the client id a new order gets (refused when not the actor's)",
    },
    "operations.py": {
        "operation_access": "the classification table's entry for an operation",
        "refusal": "the reason an operation is refused, for the error message",
    },
    "webchat.py": {
        "authenticate_visitor": "turns a chat token into the visitor, like authenticate.py",
        "normalise_origin": "spells an Origin header one way",
        "widget_origin_allowed": "CORS: whether a page may embed a widget (no actor)",
        "visitor_address": "the network address a visitor is counted by",
        "configured_widget_origins": "a cache of configured origins for CORS preflights",
        "forget_widget_origins": "clears that cache",
    },
}


def sources() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def public_names(path: Path) -> list[str]:
    """Top-level functions and aliases of functions that do not start with `_`."""
    tree = ast.parse(path.read_text())
    functions = {
        node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    names = [name for name in functions if not name.startswith("_")]
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign) else None
        if isinstance(value, ast.Name) and value.id in functions:
            assert isinstance(node, ast.Assign)
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return sorted(names)


def test_the_subtree_is_written_only_in_permissions_subtree() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources()
        if path != ROOT / "permissions" / "subtree.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "path__startswith" in line or "startswith(actor.path)" in line
    ]
    assert found == []


def test_the_scan_sees_the_subtree_rule_where_it_is() -> None:
    """The scan above reads real files: it finds the one definition."""
    assert "path__startswith" in (ROOT / "permissions" / "subtree.py").read_text()
    assert len(sources()) > 100


def test_rule_names_use_the_vocabulary() -> None:
    outliers = [
        f"{path.name}: {name}"
        for path in sorted((ROOT / "permissions").glob("*.py"))
        if path.name not in MECHANISMS
        for name in public_names(path)
        if not VERBS.match(name) and name not in NOUNS.get(path.name, {})
    ]
    assert outliers == []


def test_every_exception_still_exists() -> None:
    """An allow-list entry for a name that is gone would hide the next outlier of that name."""
    stale = [
        f"{module}: {name}"
        for module, names in NOUNS.items()
        for name in names
        if name not in public_names(ROOT / "permissions" / module)
    ]
    assert stale == []
    assert all((ROOT / "permissions" / module).exists() for module in MECHANISMS)
