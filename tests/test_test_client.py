"""The tests' GraphQL client hands its posts to the app directly (tests/support/api.py's
`Api._post_in_process`, to spare httpx's per-request cost): the app must not be able to tell
that from a post through httpx's ASGITransport. Both ways are sent to a recording app in front
of the real one, and what it receives, and what the caller gets back, must be the same."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send

from tests.support.api import Api, in_process_client, register

pytestmark = pytest.mark.asyncio


class Recorder:
    """Each request's scope and the messages the app received, then the real app's answer."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.seen: list[tuple[dict[str, Any], list[Message]]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        messages: list[Message] = []
        self.seen.append((dict(scope), messages))

        async def recorded() -> Message:
            message = await receive()
            messages.append(message)
            return message

        await self.app(scope, recorded, send)


QUERIES = [
    ("{ me { id name role } }", None),
    ("query($n: Int) { orders(first: $n) { totalCount } }", {"n": 3}),
    ("{ nosuchfield }", None),  # a validation error's answer too
    ('mutation { login(email: "ü@example.test", password: "x") { errors { code } } }', None),
]


async def test_the_app_sees_the_same_request_and_the_caller_the_same_answer(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    recorder = Recorder(app)
    async with in_process_client(recorder) as http:
        through_httpx, direct = Api(http), Api(http, recorder)
        for query, variables in QUERIES:
            for token in (None, owner.access):
                first = await through_httpx.post(query, variables, token)
                second = await direct.post(query, variables, token)
                assert second == first, query
    assert len(recorder.seen) == 2 * 2 * len(QUERIES)
    for (scope, received), (direct_scope, direct_received) in zip(
        recorder.seen[::2], recorder.seen[1::2], strict=True
    ):
        assert direct_scope == scope
        assert direct_received == received
        assert received[0]["type"] == "http.request"
        assert received[0]["body"]
