"""The per-request context: the actor, data loaders and request facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from permissions.actor import Actor
from permissions.errors import Unauthenticated
from schema.loaders import Loaders


@dataclass(slots=True)  # one per open socket: no __dict__
class Context:
    request: Request | WebSocket
    response: Response | None
    actor: Actor | None
    request_id: str
    client_address: str | None
    loaders: Loaders = field(default_factory=Loaders)
    # The payload of a WebSocket's `connection_init` (strawberry sets it).
    connection_params: dict[str, object] | None = None
    # One clock per request, so `overdue` in filters and in fields agree.
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated
        return self.actor


Info = strawberry.Info[Context, None]
