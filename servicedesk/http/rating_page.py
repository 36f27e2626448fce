"""`GET /rate/<token>`: the page behind a finished order's rating link, with its script and
stylesheet at `/pages/rate/<file>`.

Like the invitation and reset pages (link_pages.py, whose headers it uses: no-store,
no-referrer, not framed, scripts from 'self' only), plain HTML and one script that calls the
public `rateOrderByLink`. The page is rendered here, in the client's language, with the
order's number and title and nothing else of it (never a price or a fee); a link that is
spent, expired or for an order rated meanwhile shows why instead of the form. Opening the
page changes nothing: mail scanners open links too.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from domain.texts import t
from resolvers.rating_links import MAX_TOKEN, LinkState, RatingLinkView, view_rating_link
from servicedesk.http.link_pages import PAGE_HEADERS, STATIC, TOKEN_FORM, not_found

ASSETS = {
    "rate.js": "text/javascript; charset=utf-8",
    "rate.css": "text/css; charset=utf-8",
}
PLACEHOLDER = re.compile(r"%([A-Z0-9_]+)%")


@cache
def _template() -> str:
    return (STATIC / "rate.html").read_text(encoding="utf-8")


def render(view: RatingLinkView) -> str:
    """The page in the link's language; every value escaped (a title is the client's text)."""
    lang = view.locale
    open_link = view.state is LinkState.OPEN
    error = "" if open_link else t(lang, f"rate.error.{view.state.value}")
    order = (
        ""
        if view.number is None
        else t(lang, "rate.page.order", number=view.number, title=view.title or "")
    )
    values = {
        "LANG": lang,
        "TITLE": t(lang, "rate.page.title"),
        "ORDER": order,
        "ERROR": error,
        "ERROR_HIDDEN": "" if error else " hidden",
        "FORM_HIDDEN": "" if open_link else " hidden",
        "NOSCRIPT": t(lang, "rate.page.noscript"),
        "QUESTION": t(lang, "rate.page.question"),
        "FEEDBACK": t(lang, "rate.page.feedback"),
        "SEND": t(lang, "rate.page.send"),
        "PICK": t(lang, "rate.page.pick"),
        "FAILED": t(lang, "rate.page.failed"),
        "DONE": t(lang, "rate.page.done"),
        **{f"STAR{n}": t(lang, f"rate.star.{n}") for n in range(1, 6)},
    }
    filled = {
        name: value if name.endswith("_HIDDEN") else html.escape(value, quote=True)
        for name, value in values.items()
    }
    # One pass: a placeholder's spelling inside a title stays text.
    return PLACEHOLDER.sub(lambda found: filled[found.group(1)], _template())


async def rating_page(request: Request) -> Response:
    token = request.path_params["token"]
    if len(token) > MAX_TOKEN:
        return not_found("this link is too long to be one the service mailed.")
    if not TOKEN_FORM.fullmatch(token):
        return not_found("this link is not one the service mailed (check it was copied whole).")
    view = await view_rating_link(token)
    status = 404 if view.state is LinkState.UNKNOWN else 200
    return HTMLResponse(render(view), status_code=status, headers=PAGE_HEADERS)


async def rating_asset(request: Request) -> Response:
    """`/pages/rate/<file>`: the page's script and stylesheet by exact name."""
    name = request.path_params["name"]
    if name not in ASSETS:
        return PlainTextResponse("Not Found", status_code=404)
    return FileResponse(
        Path(STATIC) / name,
        media_type=ASSETS[name],
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


ROUTES = [
    Route("/rate/{token:path}", rating_page, methods=["GET"]),
    Route("/pages/rate/{name}", rating_asset, methods=["GET"]),
]
