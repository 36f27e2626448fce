"""POSTing one webhook delivery to a partner's URL, safely.

The host is resolved and checked (permissions/outgoing_hosts.py) at EVERY attempt, and the
connection goes to the address checked: the URL is pinned to that address, the name kept for
the Host header and TLS (httpx's `sni_hostname`, against which the certificate is verified),
so a DNS answer that changes after the check (rebinding) cannot redirect it. Redirects are
not followed. The whole attempt (resolve, connect, send, read) is bounded by `seconds`, and
at most MAX_BODY bytes of the answer are read before the connection is closed: a receiver
that answers slowly or endlessly never holds a worker longer.

The reason returned for a failure is a few words a user can act on; it never quotes the URL's
credentials or more than EXCERPT characters of what the receiver said.

Within `connections()` (a sender round) the sends to one (scheme, name, checked address,
port) share a client, so a burst to one receiver reuses its keep-alive connections instead of
connecting for each event; the name is still resolved and checked at every send, a connection
only ever goes to the address its own send checked, cookies are never kept, and the clients
are closed when the round ends. Outside it, each send has a client of its own.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx

from channels.tls import shared_tls
from domain.errors import DomainError
from permissions.outgoing_hosts import HostRefused, resolve
from permissions.webhooks import check_webhook_url_syntax
from resolvers.webhook_delivery import SendResult

log = logging.getLogger("servicedesk.webhooks")

MAX_BODY = 64 * 1024
EXCERPT = 200

NOT_ALLOWED = "the URL's host resolves to an address that is not allowed (a private network)"
NOT_RESOLVED = "the URL's host does not resolve"
NO_CONNECTION = "could not connect to the receiver"
TIMED_OUT = "the receiver did not answer in time"
BAD_URL = "the URL cannot be used"


# (scheme, host name, checked address, port): the round's client for it.
_Key = tuple[str, str, str, int]
_round: contextvars.ContextVar[dict[_Key, httpx.AsyncClient] | None] = contextvars.ContextVar(
    "webhook_connections", default=None
)


def _client() -> httpx.AsyncClient:
    no_cookies = CookieJar(DefaultCookiePolicy(allowed_domains=[]))  # a receiver's stay its own
    return httpx.AsyncClient(
        follow_redirects=False,
        trust_env=False,
        timeout=None,
        verify=shared_tls(),
        cookies=no_cookies,
        limits=httpx.Limits(max_keepalive_connections=16, keepalive_expiry=5.0),
    )


@asynccontextmanager
async def connections() -> AsyncIterator[None]:
    """Sends in this block reuse connections per receiver address; all closed at its end."""
    clients: dict[_Key, httpx.AsyncClient] = {}
    token = _round.set(clients)
    try:
        yield
    finally:
        _round.reset(token)
        for client in clients.values():
            await client.aclose()


@asynccontextmanager
async def _client_for(key: _Key) -> AsyncIterator[httpx.AsyncClient]:
    clients = _round.get()
    if clients is None:
        async with _client() as client:
            yield client
        return
    if key not in clients:
        clients[key] = _client()
    yield clients[key]


def retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After in seconds: a number of seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def _excerpt(data: bytes) -> str:
    text = data[: EXCERPT * 4].decode("utf-8", "replace")
    return "".join(c if c.isprintable() else " " for c in text)[:EXCERPT].strip()


async def _post(url: httpx.URL, headers: dict[str, str], body: bytes) -> SendResult:
    https = url.scheme == "https"
    if url.scheme not in ("http", "https") or not url.host:
        return SendResult(None, BAD_URL)
    try:  # the rules of creation, as they are now (plain http only while private hosts are)
        check_webhook_url_syntax(str(url))
    except DomainError as refusal:
        return SendResult(None, f"the URL is not allowed now: {refusal.message}")
    try:
        [first, *_] = await resolve(url.host, url.port or (443 if https else 80))
    except HostRefused as error:
        log.warning("webhook refused: %s", error)
        return SendResult(None, NOT_ALLOWED)
    except (OSError, UnicodeError):
        return SendResult(None, NOT_RESOLVED)
    pinned = url.copy_with(host=first.address)
    extensions = {"sni_hostname": url.host} if https else {}
    sent = {**headers, "Host": url.netloc.decode("ascii")}
    key = (url.scheme, url.host, first.address, url.port or (443 if https else 80))
    async with (
        _client_for(key) as client,
        client.stream("POST", pinned, headers=sent, content=body, extensions=extensions) as answer,
    ):
        read = b""
        async for chunk in answer.aiter_raw():
            read += chunk
            if len(read) >= MAX_BODY:
                break  # leaving the block closes the connection: the rest is never read
        return SendResult(
            answer.status_code,
            retry_after=retry_after(answer.headers.get("retry-after"), datetime.now(UTC)),
            excerpt=_excerpt(read[:MAX_BODY]),
        )


async def post(url: str, headers: dict[str, str], body: bytes, seconds: float) -> SendResult:
    """POST `body` to `url`; what the receiver answered, or why there was no answer."""
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return SendResult(None, BAD_URL)
    try:
        async with asyncio.timeout(seconds):
            return await _post(target, headers, body)
    except TimeoutError:
        return SendResult(None, TIMED_OUT)
    except (httpx.HTTPError, OSError, socket.gaierror) as error:
        log.info("webhook not delivered: %s", type(error).__name__)
        return SendResult(None, NO_CONNECTION)
