"""GraphQL over HTTP's two response media types, chosen from the request's Accept header.

`application/json` is the legacy type: every well-formed GraphQL response is a 200, a document
that does not parse included. `application/graphql-response+json` is the spec's own type, which
current clients list first: a request error (the document does not parse or validate, its
variables do not coerce, its operation cannot be found, a persisted query's hash is unknown, our
size limits refuse it) is a 400 whose body has `errors` and no `data` entry, so a client can tell
"nothing ran" from "a field failed" (200, with `data`); a mutation refused by the write budget
(RATE_LIMITED, nothing ran either) is a 429. Without an Accept header, or with one
that only matches through `*/*` or `application/*`, the legacy type answers: that is what
clients written before the new type expect. An Accept header that allows neither type (nor a
streaming one Strawberry serves) is a 406.

The gate's authorization refusals (UNAUTHENTICATED, FORBIDDEN) are decided before execution but
stay 200 with `data: null` on both types: they answer the caller, not the document, and a client
handles them where it handles the same codes from a field. The gate answers an unknown root field
as it answers one not available to the caller (FORBIDDEN), so neither may its status differ."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import overload

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from schema.context import Context
from schema.masking import INTERNAL, UNAVAILABLE

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
# Served by Strawberry's own streaming transports; an Accept of only these is not refused.
STREAMING = ("multipart/mixed", "text/event-stream")
RESPONSE_CONTENT_TYPE = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
# Errors decided before execution that still answer 200 with `data: null` (see module text).
NOT_REQUEST_ERRORS = frozenset({"UNAUTHENTICATED", "FORBIDDEN", INTERNAL, UNAVAILABLE})
# A request error's status: 400 unless one of its codes names another.
REQUEST_ERROR_STATUS = {"RATE_LIMITED": 429}
# Where the chosen type and a request error's status wait for the response (scope state).
MEDIA_TYPE_STATE = "graphql_media_type"
REQUEST_ERROR_STATE = "graphql_request_error"


@dataclass(frozen=True, slots=True)
class _Range:
    kind: str  # "type/subtype", "type/*" or "*/*"
    q: float
    position: int


def _ranges(accept: str) -> list[_Range]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        kind, *params = (piece.strip() for piece in part.split(";"))
        if not kind:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(_Range(kind.lower(), q, position))
    return ranges


def _specificity(kind: str, media_type: str) -> int:
    """2 for an exact match, 1 for `type/*`, 0 for `*/*`, -1 when the range does not match."""
    if kind == media_type:
        return 2
    if kind == "*/*":
        return 0
    if kind.endswith("/*") and media_type.startswith(kind[:-1]):
        return 1
    return -1


def _preference(ranges: list[_Range], media_type: str) -> tuple[float, int, int] | None:
    """(q, specificity, -position) of the most specific range matching `media_type` (RFC 9110:
    the most specific range decides its q); None when nothing matches or q is 0."""
    best: tuple[int, _Range] | None = None
    for accept_range in ranges:
        specificity = _specificity(accept_range.kind, media_type)
        if specificity >= 0 and (best is None or specificity > best[0]):
            best = (specificity, accept_range)
    if best is None or best[1].q <= 0:
        return None
    return best[1].q, best[0], -best[1].position


def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header: the higher q wins; then a type named
    outright beats one matched by a wildcard, then the one listed first. The new type must be
    named to be chosen, unless the legacy one is refused: a header of wildcards alone (`*/*`,
    `application/*`) or none at all gives `application/json`. None: neither is allowed."""
    if accept is None or not accept.strip():
        return JSON
    ranges = _ranges(accept)
    new = _preference(ranges, GRAPHQL_RESPONSE_JSON)
    legacy = _preference(ranges, JSON)
    if new is None:
        return JSON if legacy is not None else None
    if legacy is None or (new[1] == 2 and new > legacy):
        return GRAPHQL_RESPONSE_JSON
    return JSON


def _streaming_accepted(accept: str) -> bool:
    return any(r.q > 0 and r.kind in STREAMING for r in _ranges(accept))


def request_error_status(result: ExecutionResult) -> int | None:
    """The status of a request error, None for any other result. A request error ran nothing:
    no data, no error from a field (a field's error has a path), and none of the refusals that
    answer the caller (module text)."""
    errors = result.errors
    if result.data is not None or not errors:
        return None
    if any(error.path or _code(error) in NOT_REQUEST_ERRORS for error in errors):
        return None
    return max(REQUEST_ERROR_STATUS.get(str(_code(error)), 400) for error in errors)


def _code(error: GraphQLError) -> object:
    return (error.extensions or {}).get("code")


def _state(request: Request) -> dict[str, object]:
    state: dict[str, object] = request.scope.setdefault("state", {})
    return state


class GraphQLOverHTTP(GraphQL[Context, None]):
    """Strawberry's ASGI view answering in the media type the client prefers."""

    @overload
    async def run(
        self, request: Request, context: Context = UNSET, root_value: None = UNSET
    ) -> Response: ...

    @overload
    async def run(
        self, request: WebSocket, context: Context = UNSET, root_value: None = UNSET
    ) -> WebSocket: ...

    async def run(
        self,
        request: Request | WebSocket,
        context: Context = UNSET,
        root_value: None = UNSET,
    ) -> Response | WebSocket:
        if isinstance(request, WebSocket):
            return await super().run(request, context, root_value)
        accept = request.headers.get("accept")
        media_type = negotiate(accept)
        if media_type is None:
            adapter = self.request_adapter_class(request)
            if not (accept and _streaming_accepted(accept)) and not (
                self.graphql_ide and self.should_render_graphql_ide(adapter)
            ):
                raise HTTPException(
                    406, f"Not Acceptable: send Accept: {GRAPHQL_RESPONSE_JSON} or {JSON}"
                )
        _state(request)[MEDIA_TYPE_STATE] = media_type
        if media_type != GRAPHQL_RESPONSE_JSON:
            return await super().run(request, context, root_value)
        try:
            response = await super().run(request, context, root_value)
        except HTTPException as error:
            # The view's own refusals (JSON that does not parse, no query, an operation name
            # the document lacks, a mutation over GET): a GraphQL response without `data`.
            body = {"errors": [{"message": error.reason}]}
            return Response(orjson.dumps(body), error.status_code, media_type=RESPONSE_CONTENT_TYPE)
        if response.headers.get("content-type") == JSON:
            response.headers["content-type"] = RESPONSE_CONTENT_TYPE
            status = _state(request).get(REQUEST_ERROR_STATE)
            if response.status_code == 200 and isinstance(status, int):
                response.status_code = status
        return response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        state = _state(request)
        if state.get(MEDIA_TYPE_STATE) != GRAPHQL_RESPONSE_JSON:
            return processed
        status = request_error_status(result)
        if status is None:
            return processed
        state[REQUEST_ERROR_STATE] = status
        return _without_data(processed)


def _without_data(processed: Mapping[str, object]) -> GraphQLHTTPResponse:
    response: GraphQLHTTPResponse = {
        key: value for key, value in processed.items() if key != "data"
    }  # type: ignore[assignment]
    return response
