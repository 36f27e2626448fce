"""`GET /widget.js` (the website chat widget, a static script) and `GET /widget-demo` (a page
that embeds it, for trying a widget key: `/widget-demo?key=…`)."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

WIDGET = Path(__file__).resolve().parent.parent / "static" / "widget.js"
# Widget keys are URL-safe tokens (resolvers/webchat.py); anything else is not echoed back.
KEY_FORM = re.compile(r"[A-Za-z0-9_-]{1,64}")


@cache
def _script() -> bytes:
    return WIDGET.read_bytes()


async def widget_js(request: Request) -> Response:
    """Embedded by other sites: cacheable for a while, usable across origins."""
    return Response(
        _script(),
        media_type="text/javascript; charset=utf-8",
        headers={
            "Cache-Control": "public, max-age=300",
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "cross-origin",
        },
    )


DEMO = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Website chat demo</title>
</head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 3em auto">
<h1>Website chat demo</h1>
{body}
</body>
</html>
"""

HOW_TO = """<p>Open this page as <code>/widget-demo?key=YOUR_WIDGET_KEY</code>: the owner gets the
key from the <code>configureWebchat</code> mutation. A website embeds the chat with one tag:</p>
<pre>&lt;script src="{origin}/widget.js" data-widget-key="YOUR_WIDGET_KEY" async&gt;&lt;/script&gt;</pre>
"""

EMBEDDED = """<p>This page embeds the chat widget with one tag, as a website would. Press the
button at the bottom right and write; the message appears in the staff inbox, and staff
replies appear here.</p>
<script src="/widget.js" data-widget-key="{key}" async></script>
"""


async def widget_demo(request: Request) -> HTMLResponse:
    key = request.query_params.get("key", "")
    if KEY_FORM.fullmatch(key):
        body = EMBEDDED.format(key=html.escape(key, quote=True))
    else:
        origin = html.escape(request.app.state.settings.public_url)
        body = HOW_TO.format(origin=origin)
    return HTMLResponse(
        DEMO.format(body=body),
        headers={
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            # Only our own pages may frame the demo (clickjacking); X-Frame-Options for
            # browsers that predate frame-ancestors.
            "Content-Security-Policy": "frame-ancestors 'self'",
            "X-Frame-Options": "SAMEORIGIN",
        },
    )
