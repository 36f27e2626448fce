"""`servicedesk serve` as deployed: one JSON object per log line in production, each request's
line carrying its request id and never a password or token; readable text in development;
with several workers, /metrics counts every worker's requests whichever worker answers."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import TEST_SECRET
from tests.support.api import PASSWORD, Api, register
from tests.support.api_tokens import issue
from tests.support.processes import ApiServer, api_server


def serve(*args: str) -> Callable[[int], list[str]]:
    def command(port: int) -> list[str]:
        return [sys.executable, "-m", "servicedesk.cli", "serve", "--port", str(port), *args]

    return command


def env_of(data: Path, **extra: str) -> dict[str, str]:
    return {
        "DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data / 'db.sqlite3'}",
        "SECRET_KEY": TEST_SECRET,
        "ARGON2_MEMORY_KIB": "64",
        "ARGON2_LANES": "1",
        "PUBLIC_URL": "http://t.test",
        **extra,
    }


def stop(server: ApiServer) -> None:
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(20) == 0


@pytest.mark.asyncio
async def test_production_logs_are_json_lines_with_request_ids_and_no_secrets(
    tmp_path: Path,
) -> None:
    log = tmp_path / "server.log"
    with api_server(env_of(tmp_path, SERVICEDESK_ENV="production"), log, serve()) as server:
        async with httpx.AsyncClient(base_url=server.url) as http:
            api = Api(http)
            owner = await register(api)
            issued = await issue(api, owner, readOnly=False)
            answered = await http.post(
                "/graphql",
                json={"query": "query WhoAmI { me { id } }"},
                headers={"Authorization": f"Bearer {issued.token}"},
            )
            assert answered.status_code == 200
            refused = await http.post(
                "/graphql",
                json={"query": "query WhoAmI { me { id } }"},
                headers={"Authorization": f"Bearer {issued.token}x"},
            )
            assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        stop(server)
    text = log.read_text()
    lines: list[dict[str, Any]] = [json.loads(line) for line in text.splitlines() if line]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    request_id = answered.headers["x-request-id"]
    [access] = [line for line in lines if line.get("request_id") == request_id]
    assert access["logger"] == "servicedesk.access"
    assert access["method"] == "POST"
    assert access["path"] == "/graphql"
    assert access["status"] == 200
    assert access["operation"] == "WhoAmI"
    assert access["duration_ms"] > 0
    messages = [line["message"] for line in lines]
    assert "Application startup complete." in messages
    assert any(m.startswith("migrations applied: ") for m in messages)
    for secret in (PASSWORD, owner.access, owner.refresh, issued.token, issued.token[3:]):
        assert secret not in text


def scraped(http: httpx.Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = http.get("/metrics").text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_two_workers_share_their_metrics_and_log_text(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    # A connection per request (none kept alive): the kernel hands them to either worker.
    # One client for all (`httpx.get` builds an SSL context per call, ~30 ms of CPU).
    fresh = httpx.Limits(max_keepalive_connections=0)
    with (
        api_server(env_of(tmp_path), log, serve("--workers", "2")) as server,
        httpx.Client(base_url=server.url, limits=fresh) as http,
    ):
        for _ in range(20):
            assert http.get("/healthz").status_code == 200
        metrics = scraped(http)
        answered = http.post("/graphql", json={"query": "{ __typename }"})
        stop(server)
    healthz = (("method", "GET"), ("route", "/healthz"), ("status", "200"))
    # 20 and the probe that found the server up, whichever worker answered each.
    assert metrics[("servicedesk_http_requests_total", healthz)] == 21
    workers = {path.stem.rsplit("_", 1)[1] for path in (tmp_path / "metrics").glob("counter_*")}
    assert len(workers) == 2
    text = log.read_text()
    request_id = answered.headers["x-request-id"]
    assert f"servicedesk.access [{request_id}] POST /graphql 200" in text
    assert not text.lstrip().startswith("{")
