"""SMS out through the provider SMS_URL names (config/sms_url.py): sms.ru or a Twilio-compatible
REST API, over httpx.

`send(to, text)` delivers one message to an E.164 number and returns the provider's id of it.
A provider's "not now" (HTTP 429 with its Retry-After, a 5xx, a timeout, no connection, sms.ru's
"service busy" codes) raises `RetryLater`; a refusal (a 4xx, sms.ru's error codes: a number it
cannot reach, no money on the account, a wrong key) raises `DeliveryFailed` with the
provider's own words. Each process sends at most SMS_PER_SECOND messages a second (`Pacer`),
so a burst of reminders never trips the provider's rate limit.

The key never reaches a log or an error: sms.ru's goes in the POST body (not the URL, which
httpx logs), Twilio's in the Basic auth header; reasons name the provider by dialect and host.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from datetime import UTC, datetime
from typing import Any

import httpx

from channels.base import DeliveryFailed, RetryLater
from channels.tls import shared_tls
from channels.webhook_http import retry_after
from config.settings import current
from config.sms_url import SmsProvider, parse_sms_url
from domain.texts import t

log = logging.getLogger("servicedesk.sms")

TIMEOUT = 15.0
EXCERPT = 200
# sms.ru's codes that mean "not now": service busy (220), its server's error (500), the same
# text to the same number too often (231, a minute). Any other code but 100 is a refusal.
SMSRU_TEMPORARY: dict[int, float | None] = {220: None, 500: None, 231: 60.0}
SMSRU_SENT = 100


class Pacer:
    """At most `per_second` starts a second: each caller gets the next free slot and sleeps
    until it (no lock: taking a slot has no await in it)."""

    def __init__(self, per_second: int) -> None:
        self.interval = 1.0 / per_second
        self.next_slot = 0.0

    async def wait(self) -> None:
        now = time.monotonic()
        slot = max(now, self.next_slot)
        self.next_slot = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)


@functools.cache
def pacer(per_second: int) -> Pacer:
    return Pacer(per_second)


@functools.cache
def _parsed(url: str) -> SmsProvider:
    return parse_sms_url(url)


def configured_provider() -> SmsProvider | None:
    """The provider SMS_URL names; None when SMS is off."""
    url = current().sms_url
    return None if url is None else _parsed(url)


def _excerpt(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)[:EXCERPT].strip()


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


async def send(
    to: str, text: str, provider: SmsProvider | None = None, locale: str = "en"
) -> str | None:
    """Send `text` to `to` (E.164); the provider's id of the message. RetryLater or
    DeliveryFailed as the module says, their reason in `locale` (the staff's, who read it)."""
    provider = provider or configured_provider()
    if provider is None:
        raise DeliveryFailed(t(locale, "sms.not_configured"))
    await pacer(current().sms_per_second).wait()
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT, verify=shared_tls()) as http:
            if provider.dialect == "smsru":
                response = await _post_smsru(http, provider, to, text)
            else:
                response = await _post_twilio(http, provider, to, text)
    except httpx.TimeoutException:
        log.warning("SMS: %s timed out", provider)
        raise RetryLater(t(locale, "sms.timed_out")) from None
    except httpx.HTTPError as exc:
        log.warning("SMS: %s unreachable (%s)", provider, type(exc).__name__)
        raise RetryLater(t(locale, "sms.no_connection")) from None
    _raise_for_http(response, locale)
    if provider.dialect == "smsru":
        return _smsru_result(_json(response), to, locale)
    sid = _json(response).get("sid")
    return str(sid) if sid else None


async def _post_smsru(
    http: httpx.AsyncClient, provider: SmsProvider, to: str, text: str
) -> httpx.Response:
    form = {"api_id": provider.key, "to": to.lstrip("+"), "msg": text, "json": "1"}
    if provider.sender:
        form["from"] = provider.sender
    return await http.post(f"{provider.base_url}/sms/send", data=form)


async def _post_twilio(
    http: httpx.AsyncClient, provider: SmsProvider, to: str, text: str
) -> httpx.Response:
    account = provider.account or ""
    url = f"{provider.base_url}/2010-04-01/Accounts/{account}/Messages.json"
    form = {"To": to, "From": provider.sender or "", "Body": text}
    return await http.post(url, data=form, auth=(account, provider.key))


def _detail(said: object, code: object, locale: str) -> str:
    said = _excerpt(str(said))
    return t(locale, "sms.detail", said=said, code=code) if code else said


def _raise_for_http(response: httpx.Response, locale: str) -> None:
    status = response.status_code
    if status < 400:
        return
    if status == 429:
        wait = retry_after(response.headers.get("retry-after"), datetime.now(UTC))
        raise RetryLater(t(locale, "sms.slow_down"), wait)
    if status >= 500:
        raise RetryLater(t(locale, "sms.unavailable", status=status))
    body = _json(response)
    said = body.get("message") or body.get("status_text") or response.reason_phrase
    detail = _detail(said, body.get("code"), locale)
    raise DeliveryFailed(t(locale, "sms.refused", detail=detail))


def _smsru_result(body: dict[str, Any], to: str, locale: str) -> str | None:
    """sms.ru answers 200 with its verdict inside: overall, then per number."""
    if not body:
        raise RetryLater(t(locale, "sms.unreadable"))
    verdict = body
    numbers = body.get("sms")
    if body.get("status") == "OK" and isinstance(numbers, dict):
        verdict = numbers.get(to.lstrip("+")) or next(iter(numbers.values()), {})
    code = verdict.get("status_code")
    if verdict.get("status") == "OK" and code in (SMSRU_SENT, None):
        sms_id = verdict.get("sms_id")
        return str(sms_id) if sms_id else None
    detail = _detail(verdict.get("status_text") or "?", code, locale)
    if isinstance(code, int) and code in SMSRU_TEMPORARY:
        raise RetryLater(t(locale, "sms.busy", detail=detail), SMSRU_TEMPORARY[code])
    raise DeliveryFailed(t(locale, "sms.refused", detail=detail))
