"""Corrections of the contact book: addresses updated or archived, contacts archived."""

from __future__ import annotations

import strawberry


@strawberry.type
class CorrectionMutations:
    pass
