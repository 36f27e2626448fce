"""Tortoise configuration, schema migrations (aerich, one history per SQL dialect), and the
check before them that the database can be reached, or created when it does not exist yet."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path
from typing import Any

import asyncpg
from tortoise.exceptions import OperationalError

from compat.tortoise import expand_db_url
from config.settings import Settings, masked_url

MODEL_MODULES = [
    "models.people",
    "models.contacts",
    "models.mail",
    "models.orders",
    "models.series",
    "models.tasks",
    "models.events",
    "models.notifications",
    "models.api_tokens",
    "models.conversations",
    "models.channels",
    "models.chat_visitors",
    "models.limits",
    "models.webhooks",
    "models.outbound",
]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

CONNECT_SECONDS = 10
# Where CREATE DATABASE runs: the maintenance database every server has, then the template.
MAINTENANCE_DATABASES = ("postgres", "template1")


class DatabaseUnavailable(Exception):
    """DATABASE_URL names a database this process cannot use; the message says why, in one
    line with the password masked, and what to do."""

    def __init__(self, settings: Settings, problem: str) -> None:
        super().__init__(f"DATABASE_URL {masked_url(settings.database_url)}: {problem}")


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
            # PostgreSQL's JIT compiles a statement whose plan is estimated dear: a generic
            # plan over 100 companies' orders took 1.3 s of compiling for 27 ms of work
            # (the suggest ranking's statement, EXPLAIN ANALYZE). This service's statements
            # are short; none gains from it.
            "server_settings": {"jit": "off"},
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
    """Apply pending migrations; return the names of those applied. A user that may not
    change the schema is `DatabaseUnavailable`, with the statement that gives it the right."""
    from aerich import Command

    command = Command(
        tortoise_config(settings), app="models", location=migrations_location(settings)
    )
    try:
        await command.init()
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    except OperationalError as exc:
        if not isinstance(exc.__cause__, asyncpg.InsufficientPrivilegeError):
            raise
        credentials = expand_db_url(settings.database_url)["credentials"]
        user, database = credentials["user"], credentials["database"]
        raise DatabaseUnavailable(
            settings,
            f"user {user!r} may not change the schema ({exc.__cause__}): as a superuser run "
            f"ALTER DATABASE {_quoted(database)} OWNER TO {_quoted(user)}",
        ) from None
    finally:
        await command.aclose()
    return applied


async def reach_database(settings: Settings, *, create: bool) -> str | None:
    """Connect once before migrating, so each way of failing is one clear line rather than a
    driver's traceback. A missing PostgreSQL database is created when `create` is set (the
    returned line says so), else named with the command that creates it."""
    if settings.dialect == "sqlite":
        _reach_sqlite(settings)
        return None
    credentials = expand_db_url(settings.database_url)["credentials"]
    try:
        connection = await _connect(settings, credentials, credentials["database"])
    except asyncpg.InvalidCatalogNameError:
        if not create:
            raise DatabaseUnavailable(
                settings,
                f"database {credentials['database']!r} does not exist; "
                "`servicedesk migrate` creates it",
            ) from None
        await _create_database(settings, credentials)
        return f"created database {credentials['database']!r}"
    await connection.close()
    return None


def _reach_sqlite(settings: Settings) -> None:
    path = expand_db_url(settings.database_url)["credentials"]["file_path"]
    if path == ":memory:":
        return
    if not Path(path).parent.is_dir():
        raise DatabaseUnavailable(settings, f"folder {str(Path(path).parent)!r} does not exist")
    try:
        sqlite3.connect(path).close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(settings, f"SQLite cannot open {path!r}: {exc}") from None


async def _connect(
    settings: Settings, credentials: dict[str, Any], database: str
) -> asyncpg.Connection:
    host, port = credentials["host"], credentials["port"]
    where = f"{host or 'the local socket'}:{port}"
    try:
        return await asyncpg.connect(
            host=host,
            port=port,
            user=credentials["user"],
            password=credentials["password"],
            database=database,
            ssl=credentials.get("ssl"),
            timeout=CONNECT_SECONDS,
        )
    except asyncpg.InvalidCatalogNameError:
        raise  # a missing database: the caller creates it or says how
    except socket.gaierror:
        problem = f"unknown host {host!r}"
    except ConnectionRefusedError:
        problem = f"nothing listens on {where} (is PostgreSQL running there?)"
    except TimeoutError:
        problem = f"no PostgreSQL answer from {where} within {CONNECT_SECONDS} s"
    except asyncpg.InvalidAuthorizationSpecificationError as exc:
        problem = f"PostgreSQL refused the login: {exc}"
    except OSError as exc:
        problem = f"cannot reach {where}: {exc.strerror or exc}"
    except (asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        problem = f"PostgreSQL at {where} refused the connection: {exc}"
    raise DatabaseUnavailable(settings, problem) from None


async def _create_database(settings: Settings, credentials: dict[str, Any]) -> None:
    name = credentials["database"]
    for maintenance in MAINTENANCE_DATABASES:
        try:
            connection = await _connect(settings, credentials, maintenance)
        except asyncpg.InvalidCatalogNameError:
            continue
        break
    else:
        raise DatabaseUnavailable(
            settings, f"database {name!r} does not exist, nor does 'postgres'"
        )
    quoted = _quoted(name)
    try:
        # UTF-8 whatever the server's default; template0 because template1 may differ.
        await connection.execute(f"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8'")
    except asyncpg.DuplicateDatabaseError:
        pass  # another process created it meanwhile
    except asyncpg.InsufficientPrivilegeError:
        user = credentials["user"]
        raise DatabaseUnavailable(
            settings,
            f"database {name!r} does not exist and user {user!r} may not "
            f"create it: as a superuser run CREATE DATABASE {quoted} OWNER {_quoted(user)}",
        ) from None
    finally:
        await connection.close()


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
