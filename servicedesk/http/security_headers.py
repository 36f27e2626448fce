"""Headers every HTTP answer needs on the open internet.

- Answers that depend on a credential are never kept by a shared cache: `Cache-Control:
  private, no-store` and `Vary: Authorization` on every GraphQL answer (POST and GET,
  persisted or not) and on any answer to a request that carries an Authorization header (the
  CSV report, /metrics with its token). No GraphQL query is public: the operations open
  without a token are all mutations, which GET refuses, so there is no anonymous read worth
  caching and every GraphQL answer is `no-store`. Media and attachment links keep their own
  `private, max-age` (the signed URL is the credential, and expires).
- Production: HSTS, so browsers never again reach the service over plain HTTP. Not in
  development, where it would bind http://localhost to HTTPS for a year.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = "max-age=31536000; includeSubDomains"
NOT_STORED = "private, no-store"
# Answers that always depend on who asks.
CREDENTIALED_PATHS = frozenset({"/graphql", "/reports/orders.csv"})


class SecurityHeaders:
    def __init__(self, app: ASGIApp, production: bool) -> None:
        self.app = app
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        credentialed = scope["path"] in CREDENTIALED_PATHS or "authorization" in Headers(
            scope=scope
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if credentialed:
                    headers["Cache-Control"] = NOT_STORED
                    headers.add_vary_header("Authorization")
                if self.production:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
