"""A real browser for tests: Debian's headless Chromium driven by Playwright (the `playwright`
package of the test extra; its own browser downloads are never used), and static pages served
from origins of their own.

Chromium comes from the system: Debian's `chromium-headless-shell` (Chromium's own headless
build, the one Playwright runs headless by default) when installed, which `.ci/run` installs,
else the full `chromium` in its headless mode. Measured on the four browser modules: 21 CPU-s
with the shell, 34 with the full browser, the same tests passing. Without either, browser tests
skip, or fail when services are required (tests/support/databases.py `service_missing`).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, async_playwright

from tests.support.databases import service_missing

CHROMIUM_PATHS = (
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
)


def chromium_path() -> str:
    found = (shutil.which(name) or "" for name in ("chromium-headless-shell", "chromium"))
    for path in (*CHROMIUM_PATHS, *found):
        if path and Path(path).exists():
            return path
    service_missing(
        "Chromium is not installed (apt-get install chromium-headless-shell): browser tests skipped"
    )


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """A headless Chromium of the system's, closed at the end."""
    executable = chromium_path()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            # Containers run tests as root, where Chromium's sandbox cannot start.
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield browser
        finally:
            await browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on a free port of 127.0.0.1; yields the site's origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
