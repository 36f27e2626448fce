"""The actor: who is calling, built once per request from the token."""

from __future__ import annotations

from dataclasses import dataclass

from models import Role
from permissions.subtree import can_reach_path

STAFF_ROLES = frozenset({Role.OWNER, Role.STAFF})


@dataclass(frozen=True, slots=True)
class Actor:
    membership_id: int
    user_id: int
    company_id: int
    role: Role
    path: str
    contact_id: int | None
    session_id: str | None
    # Set when the caller holds an API token (then `session_id` is None).
    api_token_id: int | None = None
    read_only: bool = False

    @property
    def view_key(self) -> tuple[object, ...]:
        """Actors with equal keys see exactly the same data (whatever their session or token),
        so one event's result for one of them serves all."""
        return (self.membership_id, self.company_id, self.role, self.path, self.contact_id)

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    def is_above_or_self(self, path: str) -> bool:
        """True when the member with `path` is this actor or below it in the org tree."""
        return can_reach_path(self.path, path)
