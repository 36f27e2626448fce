"""Settings, the command line, the health check and production defaults."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from config.settings import Settings, SettingsError, load
from servicedesk.app import healthz
from servicedesk.transport.endpoint import graphql_endpoint
from tests.support.api import Api

ROOT = Path(__file__).resolve().parent.parent


# Installed only with `.[test]`; `make run` installs the project alone.
TEST_ONLY = {
    "pytest",
    "httpx_ws",
    "asgi_lifespan",
    "mypy",
    "hypothesis",
    "moto",
    "types_aiobotocore_s3",
    "playwright",
}


def test_serving_needs_no_test_tool() -> None:
    """What `servicedesk serve` loads (the app, the command line, the WebSocket protocol it
    names) imports nothing that only the test extra installs."""
    probe = (
        "import sys, servicedesk.app, servicedesk.cli, servicedesk.transport.ws_protocol; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(TEST_ONLY)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_defaults_need_no_settings(tmp_path: Path) -> None:
    settings = load({"DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite://{tmp_path / 'servicedesk.sqlite3'}"
    assert settings.redis_url is None
    assert not settings.production
    # The generated secret key is kept, so tokens survive a restart.
    assert load({"DATA_DIR": str(tmp_path)}).secret_key == settings.secret_key
    assert len(settings.secret_key) >= 32


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"REDIS_URL": "http://x"}, "REDIS_URL"),
        ({"SERVICEDESK_ENV": "staging"}, "SERVICEDESK_ENV"),
        ({"SERVICEDESK_ENV": "production", "PUBLIC_URL": "https://x.test"}, "SECRET_KEY"),
        ({"SERVICEDESK_ENV": "production", "SECRET_KEY": "k" * 40}, "PUBLIC_URL"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DB_POOL_SIZE": "many"}, "DB_POOL_SIZE"),
        ({"PUBLIC_URL": "desk.example.com"}, "PUBLIC_URL"),
        ({"S3_URL": "s3://key:secret@host/bucket"}, "S3_URL"),
        ({"S3_URL": "https://host/bucket"}, "S3_URL"),
        ({"S3_URL": "https://key:secret@host/"}, "S3_URL"),
        ({"PHOTO_MAX_BYTES": "10MB"}, "PHOTO_MAX_BYTES"),
        ({"MEDIA_LINK_SECONDS": "0"}, "MEDIA_LINK_SECONDS"),
        ({"ARGON2_MEMORY_KIB": "16"}, "ARGON2_MEMORY_KIB"),  # argon2 would refuse to hash
        ({"ARGON2_LANES": "1", "ARGON2_MEMORY_KIB": "7"}, "ARGON2_MEMORY_KIB"),  # 8 KiB a lane
        ({"ARGON2_LANES": "0"}, "ARGON2_LANES"),
        ({"ARGON2_LANES": "256"}, "ARGON2_LANES"),
    ],
)
def test_bad_settings_name_the_setting(tmp_path: Path, env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load({"DATA_DIR": str(tmp_path), **env})
    assert caught.value.name == name
    assert str(caught.value).startswith(f"invalid setting {name}: ")


def test_command_line_stops_with_one_clear_line(tmp_path: Path) -> None:
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DATABASE_URL": "mysql://db/x"}
    done = subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", "migrate"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "servicedesk: invalid setting DATABASE_URL: scheme 'mysql' is not sqlite:// or postgres://"
    ]


def _command(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "servicedesk.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_migrate_and_demo_commands_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "ARGON2_MEMORY_KIB": "1024",
        "ARGON2_LANES": "1",
    }
    env.pop("DATABASE_URL", None)
    migrate = _command(env, "migrate")
    assert migrate.returncode == 0, migrate.stderr
    assert "migrations applied" in migrate.stdout
    demo = _command(env, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "Demo company 'Demo Cleaning' created." in demo.stdout
    assert "owner@demo.servicedesk.test        OWNER       Olga Owner" in demo.stdout
    assert "sergey@contractor.test             CONTRACTOR  for Sergey Cleaner" in demo.stdout
    token = demo.stdout.split("(shown this once):")[1].split()[0]
    assert token.startswith("sd_")
    database = tmp_path / "servicedesk.sqlite3"
    with closing(sqlite3.connect(database)) as db:
        statuses = {row[0] for row in db.execute('SELECT status FROM "order"')}
        overdue = db.execute(
            "SELECT COUNT(*) FROM \"order\" WHERE deadline < datetime('now') "
            "AND status NOT IN ('DONE', 'CANCELLED')"
        ).fetchone()[0]
        photos = db.execute("SELECT COUNT(*) FROM photo").fetchone()[0]
        orders = db.execute('SELECT COUNT(*) FROM "order"').fetchone()[0]
    assert statuses == {"NEW", "ASSIGNED", "IN_PROGRESS", "DONE", "CANCELLED"}
    assert overdue == 2
    assert photos == 3
    assert len(list((tmp_path / "photos").rglob("*.jpg"))) == 6  # each with its thumbnail
    # Again: nothing changes but a new API token (the first is stored hashed); logins again.
    again = _command(env, "demo")
    assert again.returncode == 0, again.stderr
    assert "Demo company 'Demo Cleaning' already exists" in again.stdout
    assert "owner@demo.servicedesk.test" in again.stdout
    second = again.stdout.split("(shown this once):")[1].split()[0]
    assert second.startswith("sd_")
    assert second != token
    with closing(sqlite3.connect(database)) as db:
        # Seven one-off orders and those the series made ahead; the second run made none.
        assert db.execute('SELECT COUNT(*) FROM "order"').fetchone()[0] == orders > 7
        # As if the first run had stopped before its last step.
        _ = db.execute("DELETE FROM api_token")
        db.commit()
    refused = _command(env, "demo")
    assert refused.returncode == 1
    last_line = refused.stderr.strip().splitlines()[-1]
    assert last_line.startswith(
        "servicedesk demo: owner@demo.servicedesk.test exists, but not a complete demo company"
    )


@pytest.mark.asyncio
async def test_health_check_reports_both_backends(api: Api, settings: Settings) -> None:
    response = await api.http.get("/healthz")
    assert response.status_code == 200
    expected = "redis" if settings.redis_url else "memory"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broadcast": "ok",
        "broadcast_backend": expected,
        "storage": "ok",
    }


@pytest.mark.asyncio
async def test_health_check_is_503_when_redis_is_down(api: Api, settings: Settings) -> None:
    probe = Starlette(routes=[Route("/healthz", healthz)])
    probe.state.settings = replace(settings, redis_url="redis://127.0.0.1:1/0")
    transport = httpx.ASGITransport(app=probe)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["database"] == "ok"
    assert body["broadcast"].startswith("down")


@pytest.mark.asyncio
async def test_production_turns_off_graphiql_introspection_and_suggestions(
    settings: Settings,
) -> None:
    async def call(production: bool, **kwargs: object) -> httpx.Response:
        chosen = replace(settings, env="production" if production else "development")
        app = Starlette(routes=[Route("/graphql", graphql_endpoint(chosen))])
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            if kwargs:
                return await client.post("/graphql", json=kwargs)
            return await client.get("/graphql", headers={"Accept": "text/html"})

    assert (await call(False)).status_code == 200
    assert "graphiql" in (await call(False)).text.lower()
    assert (await call(True)).status_code != 200
    introspection = {"query": "{ __schema { queryType { name } } }"}
    assert (await call(False, **introspection)).json()["data"]["__schema"]
    assert (await call(True, **introspection)).json()["errors"]
    # A field of a public operation (an unknown root field is refused by the gate first).
    typo = {"query": 'mutation { login(email: "a@b.test", password: "x") { errrors { code } } }'}
    assert "Did you mean" in (await call(False, **typo)).json()["errors"][0]["message"]
    assert "Did you mean" not in (await call(True, **typo)).json()["errors"][0]["message"]
