"""Tortoise configuration and schema migrations (aerich, one history per SQL dialect)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from servicedesk.settings import Settings

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
    "models.webchat",
]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def tortoise_config(settings: Settings, *, with_aerich: bool = True) -> dict[str, Any]:
    url = settings.database_url
    if settings.dialect == "postgres":
        joiner = "&" if "?" in url else "?"
        url = f"{url}{joiner}minsize=1&maxsize={settings.db_pool_size}"
    models: list[str] = [*MODEL_MODULES, *(["aerich.models"] if with_aerich else [])]
    return {
        "connections": {"default": url},
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
