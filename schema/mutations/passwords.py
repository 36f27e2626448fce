"""Password reset and change (public reset request, logged-in change)."""

from __future__ import annotations

import strawberry


@strawberry.type
class PasswordMutations:
    pass
