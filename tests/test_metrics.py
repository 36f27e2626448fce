"""`/metrics` as a Prometheus scraper reads it: who may scrape, and that each figure moves when
what it counts happens (requests, GraphQL timings per operation, open WebSockets, events
published, outbox lag, deadline-watch rounds)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.routing import Route

from config.settings import Settings
from models import OrderEvent
from resolvers.deadline_watch import watch_once
from schema.ids import decode_id
from servicedesk.http.metrics import operation_names
from servicedesk.http.metrics_route import metrics
from tests.support.api import Api, register, unique
from tests.support.world import contact, create_order
from tests.support.ws import client, socket

pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def scraper(app: Starlette, address: str = "127.0.0.1") -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


class Scrape:
    def __init__(self, text: str) -> None:
        self.samples = {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }

    def value(self, name: str, **labels: str) -> float:
        return self.samples.get((name, tuple(sorted(labels.items()))), 0.0)

    def label_values(self, name: str, label: str) -> set[str]:
        return {dict(labels)[label] for (n, labels) in self.samples if n == name}


async def scrape(app: Starlette) -> Scrape:
    async with scraper(app) as http:
        response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=")
    return Scrape(response.text)


async def test_only_this_host_scrapes_without_a_token(app: Starlette, api: Api) -> None:
    refused = await api.http.get("/metrics")  # the api fixture is a remote client
    assert refused.status_code == 403
    assert "METRICS_TOKEN" in refused.text
    local = await scrape(app)  # from this host
    assert (
        local.value("servicedesk_http_requests_total", route="/metrics", method="GET", status="403")
        >= 1
    )


async def test_with_a_token_every_scraper_must_send_it(settings: Settings) -> None:
    probe = Starlette(routes=[Route("/metrics", metrics)])
    probe.state.settings = replace(settings, metrics_token="scrape-token-0123456789")
    for address in ("127.0.0.1", "203.0.113.7"):
        async with scraper(probe, address) as http:
            assert (await http.get("/metrics")).status_code == 401
            wrong = await http.get("/metrics", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 401
            assert wrong.headers["www-authenticate"] == "Bearer"
            right = await http.get(
                "/metrics", headers={"Authorization": "Bearer scrape-token-0123456789"}
            )
            assert right.status_code == 200
            assert "servicedesk_outbox_lag_seconds" in right.text


async def test_requests_and_graphql_timings_per_operation(app: Starlette, api: Api) -> None:
    # The first 100 names a process sees get series; the tests run before this one in the
    # same process (which ones depends on the order and the xdist worker) may have used them
    # up, and then the probe counts as `other` (as the server's first call would decide).
    probe = operation_names.label("MetricsProbe", executed=True)
    owner = await register(api)
    before = await scrape(app)
    for _ in range(3):
        _ = await api.ok("query MetricsProbe { me { id } }", token=owner.access)
    _ = await api.ok("{ me { id } }", token=owner.access)
    _ = await api.post("query BrokenProbe { nope }", token=owner.access)
    assert (await api.http.get("/healthz")).status_code == 200
    after = await scrape(app)

    def moved(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    seconds = "servicedesk_graphql_operation_seconds_count"
    if probe == "MetricsProbe":
        assert moved(seconds, operation="MetricsProbe", type="query") == 3
    else:
        assert moved(seconds, operation="other", type="query") >= 3
    assert moved(seconds, operation="anonymous", type="query") >= 1
    # A query that fails validation is timed, but its name gets no series of its own.
    assert moved(seconds, operation="other", type="query") >= 1
    assert "BrokenProbe" not in after.label_values(seconds, "operation")
    requests = "servicedesk_http_requests_total"
    assert moved(requests, route="/healthz", method="GET", status="200") == 1
    assert moved(requests, route="/graphql", method="POST", status="200") >= 5
    bucket = "servicedesk_graphql_operation_seconds_bucket"
    assert after.value(bucket, operation=probe, type="query", le="+Inf") >= 3


async def test_operation_names_are_capped(app: Starlette, api: Api) -> None:
    owner = await register(api)
    for _ in range(110):
        _ = await api.ok(f"query {unique('Invented')} {{ me {{ id }} }}", token=owner.access)
    names = (await scrape(app)).label_values(
        "servicedesk_graphql_operation_seconds_count", "operation"
    )
    assert len(names - {"anonymous", "other"}) <= 100
    assert "other" in names


async def test_open_websockets(app: Starlette, api: Api) -> None:
    owner = await register(api)
    before = (await scrape(app)).value("servicedesk_websockets_open")
    async with client(app) as http, socket(http, owner.access), socket(http, owner.access):
        assert (await scrape(app)).value("servicedesk_websockets_open") == before + 2
    assert (await scrape(app)).value("servicedesk_websockets_open") == before


async def test_events_published_and_outbox_lag(app: Starlette, api: Api) -> None:
    owner = await register(api)
    card = await contact(api, owner, "CLIENT", "Lag Client")
    before = await scrape(app)
    order = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
    after = await scrape(app)
    published = "servicedesk_events_published_total"
    assert after.value(published) >= before.value(published) + 1
    # An event that waited 90 s unpublished shows as lag; the relay (each second) may publish
    # it between the update and the scrape, so try again when it did.
    event = await OrderEvent.filter(order_id=decode_id(order["id"], "Order")).first()
    assert event is not None
    for _ in range(5):
        waited = datetime.now(UTC) - timedelta(seconds=90)
        _ = await OrderEvent.filter(id=event.id).update(published_at=None, at=waited)
        lag = (await scrape(app)).value("servicedesk_outbox_lag_seconds")
        if await OrderEvent.filter(id=event.id, published_at=None).exists():
            break
    assert lag >= 90


async def test_deadline_watch_rounds(app: Starlette, api: Api) -> None:
    owner = await register(api)
    before = await scrape(app)
    company = decode_id(owner.company_id, "Company")
    _ = await watch_once(datetime.now(UTC), timedelta(hours=2), companies=[company])
    after = await scrape(app)
    runs = "servicedesk_deadline_watch_runs_total"
    assert after.value(runs, outcome="ok") == before.value(runs, outcome="ok") + 1
