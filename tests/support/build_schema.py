"""Build a database's schema in a process of its own, the two ways the migration tests compare.

    python tests/support/build_schema.py migrate DATABASE_URL    # servicedesk.db.migrate
    python tests/support/build_schema.py generate DATABASE_URL   # Tortoise generate_schemas()
                                                                 # and models.search_indexes

Run as a child process so that Tortoise's and aerich's process-wide state never meets the test
session's (which has its own Tortoise set up for the app). Prints what it did; exits non-zero on
any error. `generate` also prints, after `PYTHON_DEFAULTS_MARK`, a JSON object naming per table the
columns whose model field has a Python-side default (a value Tortoise fills in, not the database).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile

from tortoise import Tortoise, connections

from compat.tortoise import model_meta
from config.settings import Settings, load
from models.search_indexes import POSTGRES_SEARCH_INDEXES
from servicedesk.db import migrate, tortoise_config

PYTHON_DEFAULTS_MARK = "PYTHON_DEFAULTS "


def _settings(database_url: str, data_dir: str) -> Settings:
    return load({"DATA_DIR": data_dir, "DATABASE_URL": database_url, "DB_POOL_SIZE": "1"})


async def _generate(settings: Settings) -> dict[str, list[str]]:
    await Tortoise.init(config=tortoise_config(settings, with_aerich=False))
    try:
        await Tortoise.generate_schemas(safe=False)
        if settings.dialect == "postgres":
            connection = connections.get("default")
            for statement in POSTGRES_SEARCH_INDEXES:
                await connection.execute_script(statement)
        defaults: dict[str, list[str]] = {}
        apps = Tortoise.apps
        assert apps is not None
        for model in apps.get_models_iterable():
            meta = model_meta(model)
            defaults[meta.db_table] = sorted(
                column
                for name, column in meta.fields_db_projection.items()
                if meta.fields_map[name].default is not None
            )
        return defaults
    finally:
        await Tortoise.close_connections()


async def _build(action: str, database_url: str) -> str:
    with tempfile.TemporaryDirectory(prefix="servicedesk-schema-") as data_dir:
        settings = _settings(database_url, data_dir)
        if action == "migrate":
            applied = await migrate(settings)
            return f"applied {len(applied)} migration(s): {', '.join(applied)}"
        defaults = await _generate(settings)
        return f"generated the models' schema\n{PYTHON_DEFAULTS_MARK}{json.dumps(defaults)}"


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] not in ("migrate", "generate"):
        sys.exit("usage: build_schema.py migrate|generate DATABASE_URL")
    print(asyncio.run(_build(argv[0], argv[1])))


if __name__ == "__main__":
    main(sys.argv[1:])
