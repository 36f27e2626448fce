"""No name suggestions in production, and every unexpected error,
on every transport and at every step (context, authentication, execution, a subscription's
stream, `connection_init`), answered the same way: "internal error (request id …)" with code
INTERNAL_SERVER_ERROR (or SERVICE_UNAVAILABLE with 503 and Retry-After when a backing service
is away), never its text, always as GraphQL JSON, logged with its traceback."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
import pytest_asyncio
import strawberry
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from starlette.applications import Starlette
from starlette.routing import Route, WebSocketRoute
from strawberry.extensions import SchemaExtension
from strawberry.file_uploads import Upload

import servicedesk.http.reports_csv
import servicedesk.transport.endpoint
from config.settings import Settings
from schema.base import ServiceSchema
from schema.extensions import ErrorShaping
from servicedesk.app import create_app
from servicedesk.transport.endpoint import GraphQLEndpoint, graphql_endpoint
from tests.support.api import Api, register
from tests.support.ws import PROTOCOL, GraphQLSocket, client, socket

SECRET = "invalid literal for int() with base 10: 'secret-detail-42'"
# What a refused database connection says: its address, not only the port, marks a leak, since
# "5432" can turn up in a request id's hex digits.
REFUSED = "Connect call failed ('127.0.0.1', 5432)"


def leaks(text: str) -> bool:
    return "secret" in text or "127.0.0.1" in text or "Connect call" in text


MASKED = re.compile(r"^internal error \(request id [0-9a-f]{16}\)$")


def _fail() -> int:
    raise ValueError(SECRET)


@strawberry.type
class BoomQuery:
    @strawberry.field
    def boom(self) -> int:
        return _fail()

    @strawberry.field
    def fine(self) -> int:
        return 1


@strawberry.type
class BoomMutation:
    @strawberry.mutation
    def upload(self, file: Upload) -> int:
        return _fail()


@strawberry.type
class BoomSubscription:
    @strawberry.subscription
    async def midway(self) -> AsyncGenerator[int, None]:
        """Fails while it streams, after a first event."""
        yield 1
        _fail()

    @strawberry.subscription
    async def at_once(self) -> AsyncGenerator[int, None]:
        """Fails before its first event."""
        _fail()
        yield 1  # pragma: no cover


class FailingHook(SchemaExtension):
    """An extension whose hook fails, as the write budget's does while Redis is away."""

    def on_execute(self) -> Iterator[None]:
        name = self.execution_context.operation_name
        if name == "Broken":
            _fail()
        if name == "Away":
            raise ConnectionRefusedError(111, "Error 111 connecting to 127.0.0.1:6379")
        yield


def boom_schema() -> ServiceSchema:
    """A test-only schema with the production schema's error shaping."""
    return ServiceSchema(
        query=BoomQuery,
        mutation=BoomMutation,
        subscription=BoomSubscription,
        extensions=[ErrorShaping, FailingHook],
    )


@pytest_asyncio.fixture
async def boom_app(app: Starlette, settings: Settings) -> AsyncIterator[Starlette]:
    """The real app (every middleware, the real endpoint class) serving the test schema; the
    session's `app` keeps the database and realtime running."""
    probe = create_app(settings)
    endpoints = {
        getattr(route, "endpoint", None)
        for route in probe.routes
        if getattr(route, "path", None) == "/graphql"
    }
    [endpoint] = [e for e in endpoints if isinstance(e, GraphQLEndpoint)]
    endpoint.schema = boom_schema()
    yield probe


def masked(error: dict[str, Any]) -> None:
    assert MASKED.match(error["message"]), error
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert SECRET not in json.dumps(error)


def logged_with_traceback(caplog: pytest.LogCaptureFixture) -> None:
    records = [r for r in caplog.records if r.exc_info and SECRET in str(r.exc_info[1])]
    assert records, "the unexpected error was not logged with its traceback"


@pytest.mark.asyncio
async def test_unexpected_errors_are_masked_over_post_get_and_multipart(
    boom_app: Starlette, caplog: pytest.LogCaptureFixture
) -> None:
    transport = httpx.ASGITransport(app=boom_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        posted = await http.post("/graphql", json={"query": "{ fine boom }"})
        got = await http.get("/graphql", params={"query": "{ fine boom }"})
        operations = {
            "query": "mutation($f: Upload!) { upload(file: $f) }",
            "variables": {"f": None},
        }
        uploaded = await http.post(
            "/graphql",
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
            files={"0": ("a.txt", b"hello", "text/plain")},
            headers={"Apollo-Require-Preflight": "true"},
        )
    for response in (posted, got, uploaded):
        assert response.headers["content-type"].startswith("application/json")
        [error] = response.json()["errors"]
        masked(error)
        assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert posted.json()["data"] is None  # `boom` is non-null: its error nulls the whole answer
    logged_with_traceback(caplog)


@pytest.mark.asyncio
async def test_a_failing_extension_hook_is_masked_too(
    boom_app: Starlette, caplog: pytest.LogCaptureFixture
) -> None:
    """Strawberry answers an exception from an extension's hook with its text: masked here,
    and a backing service's is a 503 like any other."""
    transport = httpx.ASGITransport(app=boom_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        broken = await http.post("/graphql", json={"query": "query Broken { fine }"})
        away = await http.post("/graphql", json={"query": "query Away { fine }"})
    [error] = broken.json()["errors"]
    masked(error)
    assert error["extensions"]["requestId"] == broken.headers["x-request-id"]
    logged_with_traceback(caplog)
    assert away.status_code == 503
    assert int(away.headers["retry-after"]) > 0
    [error] = away.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "6379" not in away.text


@pytest.mark.asyncio
async def test_subscription_errors_are_masked_over_websocket(
    api: Api, boom_app: Starlette, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await register(api)
    ws: AsyncWebSocketSession
    async with (
        client(boom_app) as http,
        aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws,
    ):
        sock = GraphQLSocket(ws)
        ack = await sock.init({"Authorization": f"Bearer {owner.access}"})
        assert ack["type"] == "connection_ack"
        midway = await sock.subscribe("subscription { midway }")
        assert (await sock.data(midway)) == {"midway": 1}
        failed = await sock.next(midway)
        at_once = await sock.subscribe("subscription { atOnce }")
        failed_at_once = await sock.next(at_once)
        query = await sock.subscribe("{ boom }")
        failed_query = await sock.next(query)
    [error] = failed["payload"]["errors"]
    masked(error)
    for message in (failed_at_once, failed_query):
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        masked(errors[0])
    logged_with_traceback(caplog)


@pytest.mark.asyncio
async def test_connection_init_failures_close_with_a_masked_reason(
    api: Api, boom_app: Starlette, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await register(api)

    async def broken(token: str | None) -> None:
        raise RuntimeError(SECRET)

    async def away(token: str | None) -> None:
        raise ConnectionRefusedError(111, REFUSED)

    closes: list[tuple[int, str]] = []
    ws: AsyncWebSocketSession
    for failure in (broken, away):
        monkeypatch.setattr(servicedesk.transport.endpoint, "authenticate", failure)
        async with (
            client(boom_app) as http,
            aconnect_ws("/graphql", http, subprotocols=[PROTOCOL]) as ws,
        ):
            init = {"Authorization": f"Bearer {owner.access}"}
            await ws.send_json({"type": "connection_init", "payload": init})
            with pytest.raises(WebSocketDisconnect) as closed:
                await ws.receive_json(timeout=5)
        closes.append((closed.value.code, closed.value.reason or ""))
    (internal, internal_reason), (unavailable, unavailable_reason) = closes
    assert internal == 1011  # internal error: clients may retry
    assert MASKED.match(internal_reason), internal_reason
    assert unavailable == 1013  # try again later
    assert unavailable_reason.startswith("service unavailable")
    assert not any(leaks(reason) for _, reason in closes)
    logged_with_traceback(caplog)


@pytest.mark.asyncio
async def test_failures_while_authenticating_over_http_answer_as_graphql_json(
    api: Api, boom_app: Starlette, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The token check runs before execution (the context): its failures too."""

    async def broken(token: str | None) -> None:
        raise RuntimeError(SECRET)

    async def away(token: str | None) -> None:
        raise ConnectionRefusedError(111, REFUSED)

    answers: list[httpx.Response] = []
    transport = httpx.ASGITransport(app=boom_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        for failure in (broken, away):
            monkeypatch.setattr(servicedesk.transport.endpoint, "authenticate", failure)
            answers.append(
                await http.post(
                    "/graphql",
                    json={"query": "{ fine }"},
                    headers={"Authorization": "Bearer whatever"},
                )
            )
    internal, unavailable = answers
    assert internal.status_code == 500
    assert internal.headers["content-type"].startswith("application/json")
    [error] = internal.json()["errors"]
    masked(error)
    assert unavailable.status_code == 503
    assert unavailable.headers["content-type"].startswith("application/json")
    assert int(unavailable.headers["retry-after"]) > 0
    [error] = unavailable.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert not leaks(error["message"])
    logged_with_traceback(caplog)


@pytest.mark.asyncio
async def test_other_paths_fail_as_graphql_json_too(
    api: Api, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Not only /graphql: the CSV report checks its token the same way."""
    owner = await register(api)

    async def away(token: str | None) -> None:
        raise ConnectionRefusedError(111, REFUSED)

    monkeypatch.setattr(servicedesk.http.reports_csv, "authenticate", away)
    response = await api.http.get(
        "/reports/orders.csv",
        params={"from": "2026-01-01", "to": "2026-02-01", "groupBy": "CLIENT"},
        headers={"Authorization": f"Bearer {owner.access}"},
    )
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/json")
    assert int(response.headers["retry-after"]) > 0
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert not leaks(response.text)
    assert any(REFUSED in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


MISSPELT = [
    # a field, an argument, an input field, a type in a fragment, a variable's type, enum
    # values (literal and in a variable: refused while coercing variables, not validating);
    # each with the name graphql-core would suggest.
    ("{ me { nmae } }", {}, "'name'"),
    ("{ orders(frist: 1) { totalCount } }", {}, "'first'"),
    ("{ orders(filter: {statu: [DONE]}) { totalCount } }", {}, "'status'"),
    ("{ ... on Qery { __typename } }", {}, "'Query'"),
    (
        "query($s: [OrderStatu!]) { orders(filter: {status: $s}) { totalCount } }",
        {},
        "'OrderStatus'",
    ),
    ("{ orders(filter: {status: [DON]}) { totalCount } }", {}, "'DONE'"),
    ("{ orders(sort: DEADLINE_AS) { totalCount } }", {}, "'DEADLINE_ASC'"),
    (
        "query($s: [OrderStatus!]) { orders(filter: {status: $s}) { totalCount } }",
        {"s": ["DON"]},
        "'DONE'",
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("query", "variables", "suggested"), MISSPELT)
async def test_production_suggests_no_names(
    api: Api, settings: Settings, query: str, variables: dict[str, Any], suggested: str
) -> None:
    owner = await register(api)

    async def first_error(production: bool) -> str:
        chosen = replace(settings, env="production" if production else "development")
        probe = Starlette(routes=[Route("/graphql", graphql_endpoint(chosen))])
        transport = httpx.ASGITransport(app=probe)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            response = await http.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {owner.access}"},
            )
        message: str = response.json()["errors"][0]["message"]
        return message

    helpful = await first_error(production=False)
    assert "Did you mean" in helpful, helpful
    assert suggested in helpful, helpful
    refused = await first_error(production=True)
    assert "Did you mean" not in refused, refused
    assert suggested not in refused, refused
    assert refused.strip(), "still says what is wrong"


@pytest.mark.asyncio
async def test_production_suggests_no_names_over_websocket(api: Api, settings: Settings) -> None:
    """A subscription is validated as its own result stream: the same rule there."""
    owner = await register(api)
    messages: list[str] = []
    for production in (False, True):
        chosen = replace(settings, env="production" if production else "development")
        endpoint = graphql_endpoint(chosen)
        probe = Starlette(routes=[WebSocketRoute("/graphql", endpoint)])
        async with client(probe) as http, socket(http, owner.access) as sock:
            op = await sock.subscribe('subscription { orderEvents(aftr: "1") { cursor } }')
            message = await sock.next(op)
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        messages.append(errors[0]["message"])
    helpful, refused = messages
    assert "Did you mean 'after'?" in helpful, helpful
    assert "Did you mean" not in refused, refused
    assert "'after'" not in refused, refused
