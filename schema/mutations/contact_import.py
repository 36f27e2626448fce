"""Importing clients or contractors from a CSV or XLSX file."""

from __future__ import annotations

import strawberry


@strawberry.type
class ContactImportMutations:
    pass
