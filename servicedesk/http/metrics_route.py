"""`GET /metrics`: the Prometheus text format, for the scraper only.

With `METRICS_TOKEN` set, the scraper sends it as `Authorization: Bearer <token>`; without
it only a client on this host (loopback) is answered. The outbox lag is read from the
database at scrape time: it is the same for every process, so no process keeps it.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from config.settings import Settings
from models import OrderEvent
from permissions.authenticate import bearer_token

_LIVE_GAUGE_FILE = re.compile(r"gauge_live\w*_(\d+)\.db")


def _refusal(request: Request, token: str | None) -> Response | None:
    if token is not None:
        given = bearer_token(request.headers.get("authorization")) or ""
        if hmac.compare_digest(given.encode(), token.encode()):
            return None
        return PlainTextResponse(
            "Send METRICS_TOKEN as a bearer token",
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    host = request.client.host if request.client else ""
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if local:
        return None
    return PlainTextResponse(
        "Metrics are served to this host only; set METRICS_TOKEN to scrape from elsewhere",
        status_code=403,
    )


async def outbox_lag_seconds(now: datetime) -> float:
    """Seconds since the oldest event not yet published was written; 0 when none waits."""
    oldest = (
        await OrderEvent.filter(published_at=None)
        .order_by("at")
        .limit(1)
        .values_list("at", flat=True)
    )
    if not oldest:
        return 0.0
    at: datetime = oldest[0]  # type: ignore[assignment]
    return max(0.0, (now - at).total_seconds())


def _forget_dead_workers(directory: Path) -> None:
    """A worker that died without saying so leaves its open-socket gauge behind; drop it."""
    for path in directory.glob("gauge_live*_*.db"):
        match = _LIVE_GAUGE_FILE.fullmatch(path.name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, str(directory))  # type: ignore[no-untyped-call]
        except PermissionError:  # alive, someone else's
            pass


def _process_metrics() -> bytes:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return generate_latest(REGISTRY)
    _forget_dead_workers(Path(directory))
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, directory)  # type: ignore[no-untyped-call]
    return generate_latest(registry)


class _Shared:
    """Figures read at scrape time, outside any process's metrics (in multiprocess mode a
    metric object would write a file per process)."""

    def __init__(self, outbox_lag: float) -> None:
        self.outbox_lag = outbox_lag

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "servicedesk_outbox_lag_seconds",
            "Seconds since the oldest order event that is not yet published was written.",
            value=self.outbox_lag,
        )


async def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    refusal = _refusal(request, settings.metrics_token)
    if refusal is not None:
        return refusal
    shared = CollectorRegistry()
    shared.register(_Shared(await outbox_lag_seconds(datetime.now(UTC))))
    return Response(_process_metrics() + generate_latest(shared), media_type=CONTENT_TYPE_LATEST)
