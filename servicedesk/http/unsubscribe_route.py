"""`/unsubscribe/<token>`: one-click unsubscribe (RFC 8058) from the e-mails to contacts.

A mail client POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe URL: that turns the
channel off for the contact and answers 200. A GET (a person following the link, or a mail
scanner) changes nothing: it shows a small page whose button sends the same POST, as a plain
form, so it works without a script. A link whose signature does not check is a 404 that
says so. The page is not stored, not sent as a Referer, not framed, and may post to itself only.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from domain.texts import t
from resolvers.unsubscribe import UnsubscribeView, unsubscribe, view_unsubscribe
from servicedesk.http.link_pages import PAGE_HEADERS, POLICY, not_found

# The form posts back to this same URL: 'self' instead of the link pages' 'none'.
HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": POLICY.replace("form-action 'none'", "form-action 'self'"),
}
BAD_LINK = "this unsubscribe link is not one the service mailed (check it was copied whole)."
MAX_BODY = 64 * 1024
ONE_CLICK = ("List-Unsubscribe", "One-Click")


def _page(view: UnsubscribeView, done: bool) -> str:
    lang = view.locale
    title = html.escape(t(lang, "unsubscribe.title"))
    values = {"company": view.company, "channel": view.channel}
    if done:
        body = f'<p role="status">{html.escape(t(lang, "unsubscribe.done", **values))}</p>'
    else:
        question = html.escape(t(lang, "unsubscribe.question", **values))
        button = html.escape(t(lang, "unsubscribe.button"))
        # No action: the form posts to the page's own URL, token and all.
        body = (
            f'<p>{question}</p>\n<form method="post">'
            f'<input type="hidden" name="{ONE_CLICK[0]}" value="{ONE_CLICK[1]}">'
            f'<button type="submit">{button}</button></form>'
        )
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<title>{title}</title>\n<link rel="stylesheet" href="/pages/pages.css">\n'
        f"</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _is_one_click(content_type: str, body: bytes) -> bool:
    """RFC 8058's body, form-urlencoded (the usual) or multipart/form-data (it allows both)."""
    if content_type.startswith("multipart/form-data"):
        return b'name="List-Unsubscribe"' in body and b"One-Click" in body
    fields = parse_qs(body.decode("utf-8", "replace"))
    return ONE_CLICK[1] in fields.get(ONE_CLICK[0], [])


async def _body_up_to(request: Request, most: int) -> bytes:
    """The body, read no further than one byte past `most`: an anonymous POST of any size
    costs at most that much memory (the answer to an oversize one is the same 400)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > most:
            break
    return body


async def unsubscribe_page(request: Request) -> Response:
    token = request.path_params["token"]
    if request.method == "GET":
        view = await view_unsubscribe(token)
        if view is None:
            return not_found(BAD_LINK)
        return HTMLResponse(_page(view, done=False), headers=HEADERS)
    body = await _body_up_to(request, MAX_BODY)
    if len(body) > MAX_BODY or not _is_one_click(request.headers.get("content-type", ""), body):
        view = await view_unsubscribe(token)
        if view is None:
            return not_found(BAD_LINK)
        reason = t(view.locale, "unsubscribe.error.body")
        return Response(reason, status_code=400, media_type="text/plain", headers=HEADERS)
    done = await unsubscribe(token)
    if done is None:
        return not_found(BAD_LINK)
    return HTMLResponse(_page(done, done=True), headers=HEADERS)


ROUTES = [Route("/unsubscribe/{token:path}", unsubscribe_page, methods=["GET", "POST"])]
