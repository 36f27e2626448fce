"""Deactivating and reactivating members (leavers) and handing over their work."""

from __future__ import annotations

import strawberry


@strawberry.type
class LeaverMutations:
    pass
