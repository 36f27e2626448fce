"""What `SMS_URL` says: the SMS provider, its API's address and the key.

    smsru://API_KEY@sms.ru                                   sms.ru's HTTP API
    twilio://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com?from=+15550001111
                                                             Twilio's (or a compatible) REST API

`smsru://KEY@sms.ru?from=NAME` sends from a sender name sms.ru has approved. A scheme with
`+http` or `+https` (`smsru+http://KEY@127.0.0.1:8025`, `twilio+http://SID:TOKEN@host:port`)
sends to that address instead of the provider's own: a local fake provider in tests, a
gateway on the operator's network; settings allow it only with ALLOW_PRIVATE_HOSTS=1. Keys
are percent-decoded. A problem raises `ValueError` whose message never holds the key;
`config.settings` turns it into a `SettingsError` naming the setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

Dialect = Literal["smsru", "twilio"]
DIALECTS: tuple[Dialect, ...] = ("smsru", "twilio")
PROVIDER_URLS: dict[Dialect, str] = {
    "smsru": "https://sms.ru",
    "twilio": "https://api.twilio.com",
}


@dataclass(frozen=True, slots=True)
class SmsProvider:
    dialect: Dialect
    base_url: str  # https://sms.ru, or the `+http(s)` override's scheme://host:port
    key: str = field(repr=False)  # sms.ru's api_id; Twilio's auth token
    account: str | None = None  # Twilio's account SID
    sender: str | None = None  # `from`: Twilio's number, sms.ru's approved sender name
    overridden: bool = False  # sent to the URL's own host, not the provider's

    def __str__(self) -> str:
        """The provider without its key, for logs and error messages."""
        return f"{self.dialect} at {self.base_url}"


def redacted(raw: str) -> str:
    """`raw` with its whole login (sms.ru's key is the user part) replaced by ***."""
    scheme, sep, rest = raw.partition("://")
    _, at, host = rest.rpartition("@")
    if not sep:
        return "***"
    return f"{scheme}://***@{host}" if at else raw


def parse_sms_url(raw: str) -> SmsProvider:
    shown = redacted(raw)
    parts = urlsplit(raw)
    dialect_name, plus, transport = parts.scheme.partition("+")
    if dialect_name not in DIALECTS or (plus and transport not in ("http", "https")):
        raise ValueError(
            f"{shown!r} is not an smsru:// or twilio:// URL (+http or +https for another host)"
        )
    dialect: Dialect = "smsru" if dialect_name == "smsru" else "twilio"
    if not parts.hostname:
        raise ValueError(f"{shown!r} names no host")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{shown!r} has no valid port (1-65535)") from None
    if parts.path not in ("", "/") or parts.fragment:
        raise ValueError(f"{shown!r}: give only the key, the host and ?from=")
    # A + is the number's own (?from=+1555...), not a space as in a form.
    query = parse_qs(parts.query.replace("+", "%2B"), keep_blank_values=True)
    if set(query) - {"from"} or len(query.get("from", [])) > 1:
        raise ValueError(f"{shown!r}: the only parameter is from=")
    sender = (query.get("from") or [""])[0].strip() or None
    user = unquote(parts.username) if parts.username else ""
    password = unquote(parts.password) if parts.password else ""
    if dialect == "smsru":
        if not user or password:
            raise ValueError(f"{shown!r}: write the API key before the @ (smsru://KEY@sms.ru)")
        account, key = None, user
    else:
        if not user or not password:
            raise ValueError(f"{shown!r}: write ACCOUNT_SID:AUTH_TOKEN before the @")
        if sender is None:
            raise ValueError(f"{shown!r}: give the number to send from (?from=+15550001111)")
        account, key = user, password
    if plus:
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        base_url = f"{transport}://{host}" + (f":{port}" if port else "")
    else:
        base_url = PROVIDER_URLS[dialect]
    return SmsProvider(dialect, base_url, key, account, sender, overridden=bool(plus))
