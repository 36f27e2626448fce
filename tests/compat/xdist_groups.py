"""`--dist loadgroup` for pytest 9.2: xdist 3.8 marks a grouped test by appending "@group" to
`item._nodeid`, which pytest 9.2 no longer reads (a node's id is `item._id` now), so every
xdist_group was silently ignored: a module that starts servers once for its tests started them
once per worker, and again each time a worker came back to it (test_realtime_processes.py's
cluster: 2-3 times a run). tests/conftest.py's pytest_collection_modifyitems calls this; it
lives in tests/compat/ because it sets pytest's private `_id` (tests/test_compat.py checks
its shape)."""

from __future__ import annotations

import pytest
from _pytest.nodeid import NodeId


def group_names(item: pytest.Item) -> list[str]:
    """The item's xdist_group names, as xdist reads them."""
    names = {
        str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
        for mark in item.iter_markers("xdist_group")
    }
    return sorted(names)


def suffix_groups(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker under `--dist loadgroup`: "@group" after each grouped test's id, which
    is what LoadGroupScheduling groups by (a no-op where xdist's own suffix took)."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = group_names(item)
        suffix = f"@{'_'.join(names)}"
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)
