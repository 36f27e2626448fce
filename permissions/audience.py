"""Who may be told of an order's news, as membership filters: the order's staff (its
responsible member and the managers above it) and the portal members of its client and its
contractor. Each recipient is still checked with the order's own rule (`can_see_order`).
"""

from __future__ import annotations

from collections.abc import Collection

from tortoise.expressions import Q

from models import Role
from permissions.actor import STAFF_ROLES


def path_ids(path: str) -> list[int]:
    """The members on a materialised path, root first: `/1/7/42/` -> [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part.isdigit()]


def listed_managers_up(path: str) -> Q:
    """The staff member with `path` and every staff member above it in the org tree: those
    whose subtree holds it."""
    return Q(id__in=path_ids(path), role__in=list(STAFF_ROLES))


def listed_portal_members(contact_ids: Collection[int], roles: Collection[Role]) -> Q:
    """The members who log in for the contacts `contact_ids` in one of `roles` (a client's
    members act for it only as CLIENT, a contractor's only as CONTRACTOR)."""
    return Q(contact_id__in=list(contact_ids), role__in=list(roles))
