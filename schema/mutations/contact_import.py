"""Importing clients or contractors from a CSV or XLSX file (resolvers/contact_import.py)."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload

from config.settings import current
from resolvers import contact_import
from schema.contacts import ContactKind
from schema.context import Info
from schema.errors import UserError, payload_of
from schema.mutations.photos import incoming


@strawberry.type
class ImportRowError:
    row: int = strawberry.field(description="The row in the file, the header row being 1.")
    column: str | None
    message: str


@strawberry.type
class ImportPayload:
    rows: int = strawberry.field(description="Rows read, not counting the header.", default=0)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    row_errors: list[ImportRowError] = strawberry.field(
        description="Rows refused; with dryRun nothing is written, without it the other rows are.",
        default_factory=list,
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ContactImportMutations:
    @strawberry.mutation(
        description="CSV or XLSX with a header row (name, kind-specific columns, address...); "
        "matched to existing contacts by e-mail, then phone."
    )
    async def import_contacts(
        self, info: Info, file: Upload, kind: ContactKind, dry_run: bool | None = True
    ) -> ImportPayload:
        async def act() -> ImportPayload:
            sent = incoming(file)
            result = await contact_import.import_contacts(
                info.context.require_actor(),
                sent.content,
                sent.size,
                kind,
                dry_run is not False,  # null is the default: a dry run
                current().photo_max_bytes,  # the transport's cap on any uploaded file
            )
            return ImportPayload(
                rows=result.rows,
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                row_errors=[
                    ImportRowError(row=e.row, column=e.column, message=e.message)
                    for e in result.row_errors
                ],
            )

        return await payload_of(ImportPayload, act)
