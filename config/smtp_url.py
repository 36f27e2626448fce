"""What `SMTP_URL` and `SMTP_FROM` say: the mail server, its TLS mode and login, the sender.

    smtp://user:pass@host:587    STARTTLS when the server offers it, then AUTH
    smtps://user:pass@host:465   TLS from the first byte (implicit TLS)
    smtp://host:25               no login

Without a port, smtp:// means 25 and smtps:// 465. User and password are percent-decoded
(`%40` for `@`, `%3A` for `:`), so any password can be written. Problems raise `ValueError`
with a message that never contains the password; `config.settings` turns it into a
`SettingsError` naming the setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


@dataclass(frozen=True, slots=True)
class SmtpServer:
    host: str
    port: int
    implicit_tls: bool
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        """The URL without its password, for logs and error messages."""
        scheme = "smtps" if self.implicit_tls else "smtp"
        login = f"{self.username}:***@" if self.username is not None else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{login}{host}:{self.port}"


def redacted(raw: str) -> str:
    """`raw` with whatever stands between `:` and `@` of its login replaced by ***."""
    scheme, sep, rest = raw.partition("://")
    if not sep:
        return "***" if "@" in raw else raw
    login, at, host = rest.rpartition("@")
    if not at:
        return raw
    user, colon, _ = login.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def parse_smtp_url(raw: str) -> SmtpServer:
    shown = redacted(raw)
    parts = urlsplit(raw)
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError(f"{shown!r} is not an smtp:// or smtps:// URL")
    if not parts.hostname:
        raise ValueError(f"{shown!r} names no host")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{shown!r} has no valid port (1-65535)") from None
    if port == 0:
        raise ValueError(f"{shown!r} has no valid port (1-65535)")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{shown!r}: give only user, password, host and port")
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if (username is None) != (password is None) or password == "":
        raise ValueError(f"{shown!r}: give both a user and a password, or neither")
    return SmtpServer(
        host=parts.hostname,
        port=port or DEFAULT_PORTS[parts.scheme],
        implicit_tls=parts.scheme == "smtps",
        username=username,
        password=password,
    )


def parse_sender(raw: str) -> str:
    """A From address, `desk@example.com` or `Service Desk <desk@example.com>`, as given."""
    if "\r" in raw or "\n" in raw:
        raise ValueError("must be one line")
    _, address = parseaddr(raw)
    local, at, domain = address.rpartition("@")
    if not at or not local or ("." not in domain.strip(".") and domain != "localhost"):
        raise ValueError(f"{raw!r} is not an e-mail address")
    return raw.strip()


def default_sender(public_url: str) -> str:
    """`servicedesk@` and the host of PUBLIC_URL."""
    return f"servicedesk@{urlsplit(public_url).hostname or 'localhost'}"
