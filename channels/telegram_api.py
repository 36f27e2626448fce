"""A small Telegram Bot API client on httpx: the few methods the inbox uses.

The API base URL is the TELEGRAM_API_URL setting (Telegram's by default), so tests run a
local server that speaks the same methods. Its host passes permissions/outgoing_hosts.py at
every request (public addresses only, unless ALLOW_PRIVATE_HOSTS) and the request goes to the
address checked, with the name kept for the Host header and TLS (httpx's `sni_hostname`).
Failures to connect read "could not connect to the Bot API"; the details go to the log. The bot token sits in the request path, as the
Bot API wants it: it never reaches a log (httpx's request lines go through `_HideToken`;
servicedesk/logs.py redacts the token's shape too), an error message or a repr.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import httpx

from channels.tls import shared_tls
from permissions.outgoing_hosts import HostRefused, resolve

TIMEOUT = 15.0
NO_CONNECTION = "could not connect to the Bot API"
NOT_ALLOWED = "the Bot API's address is not allowed (a private or local network)"
log = logging.getLogger("servicedesk.telegram")
_TOKEN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")


class _HideToken(logging.Filter):
    """httpx logs every request's URL, token included: shown without it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN.sub("[redacted]", str(arg)) if isinstance(arg, httpx.URL | str) else arg
                for arg in record.args
            )
        return True


logging.getLogger("httpx").addFilter(_HideToken())


class TelegramError(Exception):
    """The Bot API said no (`code` is its error_code; 0 when it could not be reached)."""

    def __init__(self, code: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(f"Telegram {code}: {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after


async def _request(method: str, url: str, **options: Any) -> httpx.Response:
    """`method` `url`, sent to the checked address of the URL's host (no second lookup)."""
    target = httpx.URL(url)
    https = target.scheme == "https"
    try:
        [first, *_] = await resolve(target.host, target.port or (443 if https else 80))
    except HostRefused as error:
        log.warning("Bot API refused: %s", error)
        raise TelegramError(0, NOT_ALLOWED) from None
    except (OSError, UnicodeError) as error:
        log.warning("Bot API host not resolved: %s", error)
        raise TelegramError(0, NO_CONNECTION) from None
    pinned = target.copy_with(host=first.address)
    extensions = {"sni_hostname": target.host} if https else {}
    headers = {"Host": target.netloc.decode("ascii")}
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT, verify=shared_tls()) as client:
            return await client.request(
                method, pinned, headers=headers, extensions=extensions, **options
            )
    except httpx.HTTPError as error:
        log.warning("Bot API not reached (%s)", type(error).__name__)  # its text: the URL
        raise TelegramError(0, NO_CONNECTION) from None


@dataclass(frozen=True)
class TelegramApi:
    base_url: str
    token: str = field(repr=False)

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        url = f"{self.base_url.rstrip('/')}/bot{self.token}/{method}"
        response = await _request("POST", url, json=params)
        try:
            body = response.json()
        except ValueError:
            raise TelegramError(response.status_code, "not a Bot API answer") from None
        if not isinstance(body, dict):
            raise TelegramError(response.status_code, "not a Bot API answer")
        if body.get("ok") is True:
            return body.get("result")
        parameters = body.get("parameters") or {}
        retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
        raise TelegramError(
            int(body.get("error_code") or response.status_code),
            _TOKEN.sub("[redacted]", str(body.get("description") or "error")),
            float(retry_after) if isinstance(retry_after, int | float) else None,
        )

    async def get_me(self) -> dict[str, Any]:
        result = await self.call("getMe", {})
        if not isinstance(result, dict):
            raise TelegramError(0, "getMe gave no bot")
        return result

    async def set_webhook(self, url: str, secret_token: str) -> None:
        params = {
            "url": url,
            "secret_token": secret_token,
            "allowed_updates": ["message", "callback_query"],  # rating buttons
            "drop_pending_updates": False,
        }
        _ = await self.call("setWebhook", params)

    async def send_message(self, chat_id: int | str, text: str) -> int | None:
        result = await self.call("sendMessage", {"chat_id": chat_id, "text": text})
        message_id = result.get("message_id") if isinstance(result, dict) else None
        return message_id if isinstance(message_id, int) else None

    async def get_file(self, file_id: str) -> str | None:
        result = await self.call("getFile", {"file_id": file_id})
        path = result.get("file_path") if isinstance(result, dict) else None
        return path if isinstance(path, str) else None

    async def download(self, file_path: str, max_bytes: int) -> bytes:
        url = f"{self.base_url.rstrip('/')}/file/bot{self.token}/{file_path}"
        response = await _request("GET", url)
        if response.status_code != 200 or len(response.content) > max_bytes:
            raise TelegramError(response.status_code, "file not downloaded")
        return response.content
