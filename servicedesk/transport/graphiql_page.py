"""GraphiQL (development only) with a Content-Security-Policy: the page runs its own inline
script, allowed by its hash (computed from the page Strawberry ships, so an upgrade keeps
working), and unpkg's scripts, pinned by their integrity attributes; nothing else runs, and
no other site may frame it."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from starlette.responses import HTMLResponse

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
CDN = "https://unpkg.com"


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


@cache
def policy(html: str) -> str:
    scripts = " ".join(_hash(body) for body in INLINE_SCRIPT.findall(html))
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {scripts} {CDN}",
            # React sets style attributes; GraphiQL's stylesheets come from the CDN.
            f"style-src 'unsafe-inline' {CDN}",
            f"font-src {CDN} data:",
            "img-src 'self' data:",
            # 'self' covers the same origin's ws:/wss: (CSP level 3), for subscriptions.
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )


def graphiql_response(html: str) -> HTMLResponse:
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": policy(html),
            "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )
