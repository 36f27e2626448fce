"""The GraphQL endpoint: Strawberry's ASGI app with our context and protocol settings."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.http import GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage
from strawberry.types import ExecutionResult

from config.settings import Settings
from domain.errors import DomainError, ErrorCode
from permissions.authenticate import authenticate, bearer_token
from permissions.tokens import is_api_token, read_access_token
from permissions.webchat import authenticate_visitor, check_visitor
from resolvers import json_input
from schema import build_schema
from schema.context import Context
from servicedesk.http.failures import close_failed_socket, unavailable
from servicedesk.http.widget_cors import WIDGET_ORIGIN_STATE
from servicedesk.transport import response_size
from servicedesk.transport.graphiql_page import graphiql_response
from servicedesk.transport.live_socket import LiveSocketHandler, LiveSockets
from servicedesk.transport.media_type import GraphQLOverHTTP
from servicedesk.transport.persisted_queries import PersistedQueries
from servicedesk.transport.uploads import close_form, csrf_refusal, upload_adapter
from servicedesk.transport.websocket_auth import (
    SocketRefused,
    forbidden,
    guard,
    log_close,
    origin_allowed,
    socket_token,
    unauthorized,
)

MAX_SUBSCRIPTIONS_PER_SOCKET = 100
CONNECTION_INIT_SECONDS = 3
NO_TOKEN = "Authentication required: send a token in connection_init"
BAD_TOKEN = "Invalid, expired or revoked token"
STAFF_ELSEWHERE = "This origin may not use a staff token"


class SocketHandler(LiveSocketHandler):
    """Strawberry closes every refused `connection_init` with 4403 "Forbidden"; a refusal
    raised as `SocketRefused` closes with its own code and reason instead, and is logged."""

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        try:
            await super().handle_connection_init(message)
        except SocketRefused as refusal:
            self.connection_init_timeout_task = None
            await self.websocket.close(refusal.code, refusal.reason)
            if isinstance(self.context.request, WebSocket):
                log_close(self.context.request, refusal.code, refusal.reason)


class GraphQLEndpoint(GraphQLOverHTTP):
    graphql_transport_ws_handler_class = SocketHandler

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            build_schema(production=settings.production),
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=CONNECTION_INIT_SECONDS),
            multipart_uploads_enabled=True,
        )
        self.max_subscriptions_per_connection = MAX_SUBSCRIPTIONS_PER_SOCKET
        self.live_sockets = LiveSockets()
        self.settings = settings
        self.persisted_queries = PersistedQueries()
        self.request_adapter_class = upload_adapter(settings.photo_max_bytes)

    def encode_json(self, data: object) -> str:
        """orjson, a tenth of `json.dumps`'s time on a page of 50 orders; text, not
        bytes, so WebSocket frames stay text frames. Anything orjson refuses goes the old way.
        An answer past MAX_RESPONSE_BYTES is replaced by an error (servicedesk/transport/response_size.py)."""
        try:
            encoded = orjson.dumps(data)
        except TypeError:
            encoded = str(super().encode_json(data)).encode()
        if len(encoded) > response_size.MAX_RESPONSE_BYTES:
            return orjson.dumps(response_size.refusal(data, len(encoded))).decode()
        return encoded.decode()

    def decode_json(self, data: str | bytes) -> object:
        """Bounded (resolvers/json_input.py): bodies, GET variables and WebSocket messages."""
        return json_input.loads(data)

    def parse_json(self, data: str | bytes) -> Any:
        """400 with the reason (too deep, a lone surrogate, bad syntax)."""
        try:
            return self.decode_json(data)
        except json.JSONDecodeError as error:
            raise HTTPException(400, f"Unable to parse request body as JSON: {error}") from None

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        """A GET with a persisted query's hash and no query is an operation, not a visit
        (Apollo Client sends `Accept: */*`)."""
        if "extensions" in request.query_params:
            return False
        return super().should_render_graphql_ide(request)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """A persisted query's text is looked up first, and a new one kept only once it ran
        (servicedesk/transport/persisted_queries.py)."""
        refusal = self.persisted_queries.resolve(request_data)
        if refusal is not None:
            return ExecutionResult(data=None, errors=[refusal])
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        self.persisted_queries.keep(request_data, result)
        unavailable(result, sub_response)
        return result

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        """Uploads (servicedesk/transport/uploads.py): refused before their body is read without a
        CSRF-preflight header."""
        refusal = csrf_refusal(request.headers)
        if refusal is not None:
            raise HTTPException(400, refusal)
        return await super().parse_multipart(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except Exception as error:
            if scope["type"] != "websocket":
                raise  # HTTP: servicedesk/http/failures.py answers
            await close_failed_socket(scope, send, error)
        finally:
            await close_form(scope)

    async def render_graphql_ide(self, request: Request) -> Response:
        """Development only, with a Content-Security-Policy (servicedesk/transport/graphiql_page.py)."""
        return graphiql_response(self.graphql_ide_html)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        token = bearer_token(request.headers.get("authorization"))
        actor = await authenticate(token)
        state = request.scope.get("state", {})
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            actor=actor,
            request_id=state.get("request_id", "-"),
            client_address=request.client.host if request.client else None,
            visitor=None if actor is not None else await authenticate_visitor(token),
            widget_origin=state.get(WIDGET_ORIGIN_STATE),
        )

    def is_websocket_origin_allowed(self, request: WebSocket, origin: str) -> bool:
        """Strawberry's own check knows one fixed list; a chat widget's origins are per
        company and looked up: `on_ws_connect` decides for every origin, with the token."""
        return True

    async def on_ws_connect(self, context: Context) -> None:
        """The token comes in `connection_init`: without a valid one the socket closes 4401.
        A page on another origin than ours may open a socket only with a chat visitor's
        token, from one of that visitor's company's widget origins; a staff token or a
        visitor's from elsewhere closes it 4403."""
        websocket = context.request
        assert isinstance(websocket, WebSocket)
        token = socket_token(context.connection_params, websocket.headers)
        if token is None:
            raise unauthorized(NO_TOKEN)
        origin = websocket.headers.get("origin")
        if origin_allowed(websocket, self.settings.allowed_origins, self.settings.public_url):
            context.actor = await authenticate(token)
        elif is_api_token(token) or read_access_token(token) is not None:
            raise forbidden(STAFF_ELSEWHERE)
        else:
            context.widget_origin = origin
        if context.actor is None:
            context.visitor = await authenticate_visitor(token)
        if context.actor is None and context.visitor is None:
            raise unauthorized(BAD_TOKEN)
        if context.visitor is not None:
            try:
                await check_visitor(context.visitor, origin)
            except DomainError as error:
                refusal = forbidden if error.code is ErrorCode.FORBIDDEN else unauthorized
                raise refusal(error.message) from None
            guard.expire(websocket, context.visitor.expires_at)
            return
        guard.add(websocket, token)


def graphql_endpoint(settings: Settings) -> GraphQLEndpoint:
    return GraphQLEndpoint(settings)
