"""The per-request context: the actor, data loaders and request facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from domain.errors import Unauthenticated
from permissions.actor import Actor
from permissions.webchat import Visitor
from schema.loaders import Loaders


@dataclass(slots=True)  # one per open socket: no __dict__
class Context:
    request: Request | WebSocket
    response: Response | None
    actor: Actor | None
    request_id: str
    client_address: str | None
    loaders: Loaders = field(default_factory=Loaders)
    # A website chat visitor's token (never together with `actor`).
    visitor: Visitor | None = None
    # The Origin of a request from a company's chat widget origin rather than one of
    # ALLOWED_ORIGINS: only the widget's operations run for it (servicedesk/http/widget_cors.py).
    widget_origin: str | None = None
    # The payload of a WebSocket's `connection_init` (strawberry sets it).
    connection_params: dict[str, object] | None = None
    # One clock per request, so `overdue` in filters and in fields agree.
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def require_visitor(self) -> Visitor:
        if self.visitor is None:
            raise Unauthenticated
        return self.visitor

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated
        return self.actor


Info = strawberry.Info[Context, None]
