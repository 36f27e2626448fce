"""A GraphQL client for tests: the real ASGI app over HTTP, as a client uses it."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator, Iterator, MutableMapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from json import dumps as json_dumps
from json import loads as json_loads
from typing import Any, TypeVar

import httpx
from starlette.types import ASGIApp

_serial = itertools.count(1)
H = TypeVar("H", bound=logging.Handler)
PASSWORD = "correct horse battery"


def unique(prefix: str) -> str:
    return f"{prefix}{next(_serial)}"


def unique_email(prefix: str = "user") -> str:
    return f"{unique(prefix)}@example.test"


class GraphQLFailure(AssertionError):
    pass


@dataclass
class Api:
    http: httpx.AsyncClient
    # The app behind `http`'s ASGITransport and the client address that transport gives: set,
    # GraphQL posts skip httpx (see `_post_in_process`); None for a server in a process.
    app: ASGIApp | None = None
    peer: tuple[str, int] = ("203.0.113.10", 50000)

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """The whole response body (data and errors)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        payload = {"query": query, "variables": variables or {}}
        if self.app is not None:
            return await self._post_in_process(payload, headers)
        response = await self.http.post("/graphql", json=payload, headers=headers)
        body: dict[str, Any] = response.json()
        return body

    async def _post_in_process(
        self, payload: dict[str, Any], headers: dict[str, str]
    ) -> dict[str, Any]:
        """What `http.post` with `json=payload` sends through httpx's ASGITransport, handed
        to the app directly: the same ASGI scope, headers (the client's own, Host, the JSON
        body's) and body, with the same receive and send as that transport. httpx's building
        of the request and response objects cost about 0.35 ms a request, a tenth of the
        suite's CPU; tests/test_test_client.py checks that the app cannot tell the two
        apart."""
        assert self.app is not None
        body = json_dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        content = body.encode()
        url = self.http.base_url
        raw_headers = [
            (b"host", url.raw_host),
            *((name.lower(), value) for name, value in self.http.headers.raw),
            *((name.lower().encode(), value.encode()) for name, value in headers.items()),
            (b"content-length", str(len(content)).encode()),
            (b"content-type", b"application/json"),
        ]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "headers": raw_headers,
            "scheme": url.scheme,
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "server": (url.host, url.port),
            "client": self.peer,
            "root_path": "",
        }
        # httpx's stream: the body, then an empty last chunk; after that, a disconnect once
        # the answer is complete.
        chunks = [(content, True), (b"", False)]
        answered = asyncio.Event()
        parts: list[bytes] = []

        async def receive() -> dict[str, Any]:
            if not chunks:
                await answered.wait()
                return {"type": "http.disconnect"}
            chunk, more = chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": more}

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    answered.set()

        await self.app(scope, receive, send)
        assert answered.is_set(), "the app ended without finishing its answer"
        answer: dict[str, Any] = json_loads(b"".join(parts))
        return answer

    async def ok(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """`data` of a response that must have no GraphQL errors."""
        body = await self.post(query, variables, token)
        if body.get("errors"):
            raise GraphQLFailure(body["errors"])
        data: dict[str, Any] = body["data"]
        return data


@asynccontextmanager
async def api_of(app: ASGIApp) -> AsyncIterator[Api]:
    """A client of `app` like the `api` fixture's (tests/conftest.py), for fixtures wider
    than one test (a module's shared world)."""
    async with in_process_client(app) as http:
        yield Api(http, app)


@asynccontextmanager
async def in_process_client(app: ASGIApp) -> AsyncIterator[httpx.AsyncClient]:
    """httpx over the app in this process, from the address `Api.peer` names."""
    transport = httpx.ASGITransport(app=app, client=Api.peer)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@dataclass
class Session:
    """A logged-in member: its tokens and identity."""

    access: str
    refresh: str
    member_id: str
    email: str
    company_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


AUTH_FIELDS = "accessToken refreshToken member { id name role company { id name } } errors { field message code }"

REGISTER = f"""
mutation($input: RegisterInput!) {{ register(input: $input) {{ {AUTH_FIELDS} }} }}
"""
LOGIN = f"""
mutation($email: String!, $password: String!, $companyId: ID) {{
  login(email: $email, password: $password, companyId: $companyId) {{ {AUTH_FIELDS} }}
}}
"""
INVITE = """
mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    invitation { id email role } inviteUrl token errors { field message code }
  }
}
"""
ACCEPT = f"""
mutation($input: AcceptInvitationInput!) {{ acceptInvitation(input: $input) {{ {AUTH_FIELDS} }} }}
"""


def session_of(payload: dict[str, Any], email: str) -> Session:
    assert payload["errors"] == [], payload["errors"]
    return Session(
        access=payload["accessToken"],
        refresh=payload["refreshToken"],
        member_id=payload["member"]["id"],
        email=email,
        company_id=payload["member"]["company"]["id"],
    )


async def register(api: Api, email: str | None = None, company: str | None = None) -> Session:
    email = email or unique_email("owner")
    data = await api.ok(
        REGISTER,
        {
            "input": {
                "companyName": company or unique("Company "),
                "name": "Olga Owner",
                "email": email,
                "password": PASSWORD,
            }
        },
    )
    return session_of(data["register"], email)


async def invite_and_accept(
    api: Api,
    inviter: Session,
    name: str,
    manager_id: str | None = None,
    email: str | None = None,
    password: str = PASSWORD,
) -> Session:
    email = email or unique_email(name.lower().replace(" ", "."))
    invited = await api.ok(
        INVITE, {"input": {"email": email, "managerId": manager_id}}, inviter.access
    )
    assert invited["inviteMember"]["errors"] == [], invited["inviteMember"]["errors"]
    token = invited["inviteMember"]["token"]
    data = await api.ok(ACCEPT, {"input": {"token": token, "name": name, "password": password}})
    return session_of(data["acceptInvitation"], email)


BACKGROUND = "background:"  # the name prefix of the app's background tasks


class StatementCounter(logging.Handler):
    """Counts the SQL statements Tortoise sends (it logs each at DEBUG) for requests, leaving
    out the app's background work (outbox relay, hub poll), which runs at its own pace."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        task = asyncio.current_task()
        if task is not None and task.get_name().startswith(BACKGROUND):
            return
        message = record.getMessage()
        if message.split(None, 1)[0].upper() in {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}:
            self.statements.append(message)


@contextmanager
def sql_log(handler: H) -> Iterator[H]:
    """`handler` receives each SQL statement Tortoise sends (it logs them at DEBUG) while the
    block runs."""
    logger = logging.getLogger("tortoise.db_client")
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def count_statements() -> Iterator[StatementCounter]:
    with sql_log(StatementCounter()) as counter:
        yield counter
