"""Tortoise configuration and schema migrations (aerich, one history per SQL dialect)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise.backends.base.config_generator import expand_db_url

from config.settings import Settings

MODEL_MODULES = [
    "models.people",
    "models.contacts",
    "models.mail",
    "models.orders",
    "models.tasks",
    "models.events",
    "models.notifications",
    "models.api_tokens",
    "models.conversations",
    "models.channels",
    "models.chat_visitors",
    "models.limits",
]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


async def _keep_session(connection: object) -> None:
    """asyncpg's pool `reset`: nothing beyond what asyncpg always does on release (roll back
    a transaction left open). Its default also runs `pg_advisory_unlock_all(); CLOSE ALL;
    UNLISTEN *; RESET ALL` for every statement outside a transaction, one more round trip
    each (3.6% of the orders page's profile); this service takes no session-level advisory
    lock, keeps no cursor, listens on nothing and sets nothing, so it has nothing to undo."""


def tortoise_config(settings: Settings, *, with_aerich: bool = True) -> dict[str, Any]:
    connection: str | dict[str, Any] = settings.database_url
    if settings.dialect == "postgres":
        connection = expand_db_url(settings.database_url)
        connection["credentials"] |= {
            "minsize": 1,
            "maxsize": settings.db_pool_size,
            "reset": _keep_session,
        }
    models: list[str] = [*MODEL_MODULES, *(["aerich.models"] if with_aerich else [])]
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def migrations_location(settings: Settings) -> str:
    return str(MIGRATIONS_DIR / settings.dialect)


async def migrate(settings: Settings) -> list[str]:
    """Apply pending migrations; return the names of those applied."""
    from aerich import Command

    command = Command(
        tortoise_config(settings), app="models", location=migrations_location(settings)
    )
    try:
        await command.init()
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    finally:
        await command.aclose()
    return applied
