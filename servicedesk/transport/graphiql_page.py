"""GraphiQL (development only), working offline, with a Content-Security-Policy.

Strawberry's page loads React and GraphiQL from unpkg; a developer without network access got
a blank page. The same files, byte for byte, ship in the package (servicedesk/static/graphiql/,
with their versions and licences) and are served at `/graphiql/<file>`, so the page names
those instead, keeping Strawberry's `integrity` hashes, which the browser checks. A file
Strawberry names that is not vendored (after an upgrade) stays on the CDN, which the policy
then allows, and a warning says which.

The policy lets run the page's own inline script, by its hash (computed from the page
Strawberry ships, so an upgrade keeps working), and the files above; nothing else runs, and
no other site may frame it."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

log = logging.getLogger("servicedesk")

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
CDN = "https://unpkg.com"
CDN_URL = re.compile(r"https://unpkg\.com/[^\"'\s]+")
STATIC = Path(__file__).resolve().parent.parent / "static" / "graphiql"
ROUTE = "/graphiql/"
# Versioned names: a file's content never changes under its URL, so browsers keep it a year.
CACHED = "public, max-age=31536000, immutable"
ASSETS = {
    f"{CDN}/react@18.2.0/umd/react.production.min.js": "react-18.2.0.production.min.js",
    f"{CDN}/react-dom@18.2.0/umd/react-dom.production.min.js": "react-dom-18.2.0.production.min.js",
    f"{CDN}/js-cookie@3.0.5/dist/js.cookie.min.js": "js-cookie-3.0.5.min.js",
    f"{CDN}/graphiql@3.8.3/graphiql.min.js": "graphiql-3.8.3.min.js",
    f"{CDN}/graphiql@3.8.3/graphiql.min.css": "graphiql-3.8.3.min.css",
    f"{CDN}/@graphiql/plugin-explorer@1.0.2/dist/index.umd.js": (
        "graphiql-plugin-explorer-1.0.2.umd.js"
    ),
    f"{CDN}/@graphiql/plugin-explorer@1.0.2/dist/style.css": "graphiql-plugin-explorer-1.0.2.css",
}
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
FILES = frozenset(ASSETS.values())


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _local(match: re.Match[str]) -> str:
    name = ASSETS.get(match.group(0))
    return match.group(0) if name is None else ROUTE + name


@cache
def local_page(html: str) -> str:
    """Strawberry's page naming the vendored files; any other CDN file it names is logged."""
    page = CDN_URL.sub(_local, html)
    left = CDN_URL.findall(page)
    if left:
        log.warning("GraphiQL loads %s from the CDN: not vendored, needs network access", left)
    return page


@cache
def policy(html: str) -> str:
    scripts = " ".join(_hash(body) for body in INLINE_SCRIPT.findall(html))
    cdn = f" {CDN}" if CDN_URL.search(html) else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' {scripts}{cdn}",
            # React sets style attributes; GraphiQL's stylesheets are files.
            f"style-src 'self' 'unsafe-inline'{cdn}",
            f"font-src 'self' data:{cdn}",
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
    page = local_page(html)
    return HTMLResponse(
        page,
        headers={
            "Content-Security-Policy": policy(page),
            "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


async def graphiql_asset(request: Request) -> Response:
    """`GET /graphiql/<file>`: one of the vendored files by its exact name (nothing else on
    disk is reachable); none in production, where there is no GraphiQL."""
    name = request.path_params["name"]
    if name not in FILES or request.app.state.settings.production:
        return PlainTextResponse("Not Found", status_code=404)
    return FileResponse(
        STATIC / name,
        media_type=MEDIA_TYPES[Path(name).suffix],
        headers={"Cache-Control": CACHED, "X-Content-Type-Options": "nosniff"},
    )
