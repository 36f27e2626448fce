"""The org tree's one rule: a member's subtree is itself and everyone whose materialised path
starts with its path (`/1/7/` holds `/1/7/` and `/1/7/42/`). Every visibility rule that says
"at or below" is written with these, in the database and in memory alike, so they cannot drift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.expressions import Q

if TYPE_CHECKING:
    from permissions.actor import Actor


def visible_subtree_of(root_path: str, via: str | None = None) -> Q:
    """Rows whose member (the row itself, or the membership reached through the relation
    `via`, e.g. "responsible") is at or below the member with `root_path`."""
    lookup = "path__startswith" if via is None else f"{via}__path__startswith"
    return Q(**{lookup: root_path})


def visible_subtree(actor: Actor, via: str | None = None) -> Q:
    """Rows whose member (through `via`) is the actor or below it in the org tree."""
    return visible_subtree_of(actor.path, via)


def can_reach_path(root_path: str, path: str) -> bool:
    """The member with `path` is the one with `root_path` or below it (the same rule in memory)."""
    return path.startswith(root_path)
