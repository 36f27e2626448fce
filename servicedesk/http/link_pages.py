"""The pages behind the links the service mails: `GET /invite/<token>` (accept an invitation)
and `GET /reset/<token>` (set a new password), with their script and stylesheet at
`/pages/<file>`.

Plain HTML with one same-origin script that calls the public mutations (acceptInvitation,
resetPassword) on /graphql; no framework, no build step. The token stays in the page's path:
the script reads it from `location.pathname` and sends it only to the mutation. Because the
URL is a credential, the page is never stored (`no-store`), never sent as a Referer
(`no-referrer`), never framed, and runs no inline script (the policy allows 'self' only).
A path that cannot be a token (not the URL-safe alphabet of permissions/tokens.py, or
longer than 200 characters) gets a 404 that says so, never the page.

When APP_URL is set the mail points there instead (resolvers/links.py); these pages stay
for links mailed before, and for companies without an app of their own.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from config.settings import Settings

STATIC = Path(__file__).resolve().parent.parent / "static" / "pages"
# Opaque tokens are secrets.token_urlsafe (43 characters); the cap leaves room for others.
TOKEN_FORM = re.compile(r"[A-Za-z0-9_-]{1,200}")
PAGES = {"invite": "invite.html", "reset": "reset.html"}
ASSETS = {
    "pages.js": "text/javascript; charset=utf-8",
    "pages.css": "text/css; charset=utf-8",
}
APP_LINK = "%APP_LINK%"  # the page's placeholder for where "Open the app" points

POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        # The form is sent by the script; a browser without it never posts the password.
        "form-action 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
# The URL holds the token: not cached, not a Referer, not framed.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}


@cache
def _template(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def app_link(settings: Settings) -> str:
    """Where a joined member goes next: the company's app, else (development) GraphiQL; an
    empty string in production without APP_URL (the page then only says to log in)."""
    if settings.app_url:
        return settings.app_url
    return "" if settings.production else "/graphql"


def not_found(reason: str) -> PlainTextResponse:
    return PlainTextResponse(f"Not Found: {reason}", status_code=404, headers=PAGE_HEADERS)


def loggable_path(path: str) -> str:
    """The path for the access log: a mailed link's token is a credential, so it is left out
    (`/invite/…`); other paths as they are."""
    for kind in (*PAGES, "rate", "unsubscribe"):
        prefix = f"/{kind}/"
        if path.startswith(prefix):
            return prefix + "…"
    return path


async def link_page(request: Request) -> Response:
    kind = request.url.path.split("/", 2)[1]
    token = request.path_params["token"]
    if len(token) > 200:
        return not_found("this link is too long to be one the service mailed.")
    if not TOKEN_FORM.fullmatch(token):
        return not_found("this link is not one the service mailed (check it was copied whole).")
    link = html.escape(app_link(request.app.state.settings), quote=True)
    page = _template(PAGES[kind]).replace(APP_LINK, link)
    return HTMLResponse(page, headers=PAGE_HEADERS)


async def page_asset(request: Request) -> Response:
    """`/pages/<file>`: the pages' script and stylesheet by exact name, nothing else on disk."""
    name = request.path_params["name"]
    if name not in ASSETS:
        return PlainTextResponse("Not Found", status_code=404)
    return FileResponse(
        STATIC / name,
        media_type=ASSETS[name],
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


# `:path` so that a token with a slash gets the reason too, not a bare 404.
ROUTES = [
    Route("/invite/{token:path}", link_page, methods=["GET"]),
    Route("/reset/{token:path}", link_page, methods=["GET"]),
    Route("/pages/{name}", page_asset, methods=["GET"]),
]
