"""PostgreSQL's trigram indexes for the contact search, which the models cannot declare:
Tortoise and aerich describe an index by its columns, not by an expression with an operator
class (`gin_trgm_ops`). The postgres history creates them (its migration 11); the migration
tests build the models' schema with these added, so a history that differs fails there.

They serve `LIKE '%text%'` on the very expressions Tortoise writes for `__icontains`
(`UPPER(CAST(col AS VARCHAR))`), for a search of three characters or more. SQLite has no
such index and scans, as it always did.
"""

from __future__ import annotations

# pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner may create it.
POSTGRES_SEARCH_INDEXES: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE INDEX IF NOT EXISTS "trgm_contact_name" ON "contact" '
    'USING GIN (UPPER(CAST("name" AS VARCHAR)) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "trgm_contact_email" ON "contact" '
    'USING GIN (UPPER(CAST("email" AS VARCHAR)) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "trgm_contact_phone" ON "contact" '
    'USING GIN (UPPER(CAST("phone" AS VARCHAR)) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "trgm_address_text" ON "address" '
    'USING GIN (UPPER(CAST("text" AS VARCHAR)) gin_trgm_ops)',
)
