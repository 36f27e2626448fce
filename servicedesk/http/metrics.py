"""The process's Prometheus metrics, served at `/metrics` (servicedesk/http/metrics_route.py).

With one process each metric lives in memory. `servicedesk serve --workers N` (N > 1) sets
`PROMETHEUS_MULTIPROC_DIR` before the workers start, so prometheus-client keeps every
worker's values in files there and a scrape of any worker sums them all: a scrape that the
kernel hands to one worker still counts every worker's requests. The variable must be set
before any module that defines a metric is imported, which a spawned worker's environment guarantees.

A lower layer's metric is defined beside what it counts (realtime/outbox.py's events
published, resolvers/deadline_watch.py's rounds and claims); `/metrics` serves them all.

Labels stay few: routes are the app's route templates, operation names are capped
(`OperationNames`), statuses are HTTP codes.
"""

from __future__ import annotations

import re

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "servicedesk_http_requests",
    "HTTP requests answered, by route template, method and status code.",
    ["route", "method", "status"],
)
GRAPHQL_SECONDS = Histogram(
    "servicedesk_graphql_operation_seconds",
    "Time from a GraphQL HTTP request's arrival to its answer, by operation name and type.",
    ["operation", "type"],
)
WEBSOCKETS_OPEN = Gauge(
    "servicedesk_websockets_open",
    "GraphQL WebSockets open (graphql-transport-ws), acknowledged or not yet.",
    multiprocess_mode="livesum",
)
ROUTES = ("/graphql", "/healthz", "/metrics", "/reports/orders.csv")


def route_label(path: str) -> str:
    """The route template a path matched; every other path is `other`."""
    if path in ROUTES:
        return path
    if path.startswith("/media/"):
        return "/media/{key}"
    return "other"


MAX_OPERATION_NAMES = 100
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")


class OperationNames:
    """Operation names as labels: the first `limit` names of executed operations a process
    sees keep their own series, later ones and those of refused operations count as `other`, nameless ones as
    `anonymous`. A client inventing names cannot grow the series without end (at most
    `limit` per process)."""

    def __init__(self, limit: int = MAX_OPERATION_NAMES) -> None:
        self.limit = limit
        self._known: set[str] = set()

    def label(self, name: str | None, executed: bool) -> str:
        if not name:
            return "anonymous"
        if name in self._known:
            return name
        if not executed or len(self._known) >= self.limit or not _NAME.fullmatch(name):
            return "other"
        self._known.add(name)
        return name


operation_names = OperationNames()
