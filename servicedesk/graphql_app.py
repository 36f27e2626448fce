"""The GraphQL endpoint: Strawberry's ASGI app with our context and protocol settings."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from permissions.authenticate import authenticate, bearer_token
from schema import build_schema
from schema.context import Context


class GraphQLEndpoint(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        token = bearer_token(request.headers.get("authorization"))
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            actor=await authenticate(token),
            request_id=request.scope.get("state", {}).get("request_id", "-"),
            client_address=request.client.host if request.client else None,
        )


def graphql_endpoint(*, production: bool) -> GraphQLEndpoint:
    return GraphQLEndpoint(
        build_schema(production=production),
        graphql_ide=None if production else "graphiql",
        allow_queries_via_get=True,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
    )
