"""Connecting a company's channels: its e-mail address and servers, its Telegram bot.

Only the OWNER connects channels; staff may see which are connected. A Telegram bot is
connected by its channel (channels/telegram_setup.py), which talks to Telegram. Secrets are
stored encrypted (permissions/channel_secrets.py) and never read back out: the settings say
only whether a password is set. A password left out of configureEmail keeps the stored one; a
server host left out removes that server's settings. An address is used only once confirmed
with the code mailed to it (resolvers/email_verification.py). Server hosts, and the Bot API,
must be public addresses unless ALLOW_PRIVATE_HOSTS allows others
(permissions/outgoing_hosts.py): checked here for a clear answer, and again at every
connection. The website chat's settings (widget key, allowed origins) live on the same row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from domain.errors import invalid
from models import ChannelConfig
from permissions.actor import Actor
from permissions.channel_secrets import encrypt
from permissions.conversations import (
    check_may_configure_channels,
    check_may_read_channel_settings,
)
from permissions.outgoing_hosts import HostRefused, resolve
from resolvers import email_verification, validation

HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^\[?[0-9A-Fa-f:.]+\]?$")


@dataclass(frozen=True, slots=True)
class ChannelSettingsView:
    email_address: str | None = None  # the address waiting for its code, else the confirmed
    confirmed_email_address: str | None = None
    email_verification_sent_at: datetime | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_username: str | None = None
    smtp_password_set: bool = False
    imap_host: str | None = None
    imap_port: int | None = None
    imap_username: str | None = None
    imap_password_set: bool = False
    telegram_bot_name: str | None = None
    webchat_widget_key: str | None = None
    webchat_allowed_origins: tuple[str, ...] = ()

    @classmethod
    def of(cls, row: ChannelConfig | None) -> ChannelSettingsView:
        if row is None:
            return cls()
        waiting = row.email_pending_address
        return cls(
            email_address=waiting or row.email_address,
            confirmed_email_address=row.email_address,
            email_verification_sent_at=row.email_code_sent_at if row.email_code_hash else None,
            smtp_host=row.smtp_host,
            smtp_port=row.smtp_port,
            smtp_username=row.smtp_username,
            smtp_password_set=row.smtp_password is not None,
            imap_host=row.imap_host,
            imap_port=row.imap_port,
            imap_username=row.imap_username,
            imap_password_set=row.imap_password is not None,
            telegram_bot_name=row.telegram_bot_name if row.telegram_token else None,
            webchat_widget_key=row.webchat_widget_key,
            webchat_allowed_origins=tuple(row.webchat_allowed_origins or ()),
        )

    @property
    def email_address_verified(self) -> bool:
        return self.email_address is not None and self.email_address == (
            self.confirmed_email_address
        )


@dataclass(frozen=True, slots=True)
class EmailSettingsData:
    address: str
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_username: str | None = None
    smtp_password: str | None = None
    imap_host: str | None = None
    imap_port: int | None = None
    imap_username: str | None = None
    imap_password: str | None = None

    def __repr__(self) -> str:
        return f"EmailSettingsData(address={self.address!r}, ...)"


async def config_of(company_id: int) -> ChannelConfig:
    row, _ = await ChannelConfig.get_or_create(company_id=company_id)
    return row


async def read_settings(actor: Actor) -> ChannelSettingsView:
    check_may_read_channel_settings(actor)
    return ChannelSettingsView.of(await ChannelConfig.get_or_none(company_id=actor.company_id))


def _host(value: str | None, *field: str) -> str | None:
    host = (value or "").strip()
    if not host:
        return None
    if not HOST.match(host):
        raise invalid("Not a host name", *field)
    return host


async def check_public(host: str, port: int, *field: str) -> None:
    """INVALID when `host` does not resolve, or resolves to an address not allowed."""
    try:
        _ = await resolve(host, port)
    except HostRefused:
        raise invalid(
            "This host is not allowed: it is on a private or local network", *field
        ) from None
    except (OSError, UnicodeError):
        raise invalid("This host name does not resolve", *field) from None


def _port(value: int | None, default: int, *field: str) -> int:
    if value is None:
        return default
    if not 1 <= value <= 65535:
        raise invalid("A port is 1 to 65535", *field)
    return value


def _server(
    config: ChannelConfig,
    kind: str,
    host: str | None,
    port: int | None,
    username: str | None,
    password: str | None,
    default_port: int,
) -> dict[str, Any]:
    name = kind.capitalize()
    host = _host(host, "input", f"{kind}Host")
    if host is None:
        return {f"{kind}_host": None, f"{kind}_port": None, f"{kind}_username": None}
    user = validation.optional_text(username, 254, "input", f"{kind}Username")
    changes: dict[str, Any] = {
        f"{kind}_host": host,
        f"{kind}_port": _port(port, default_port, "input", f"{kind}Port"),
        f"{kind}_username": user,
    }
    if password:
        changes[f"{kind}_password"] = encrypt(password)
    has_password = bool(password) or getattr(config, f"{kind}_password") is not None
    if kind == "imap" and (user is None or not has_password):
        raise invalid(f"{name}: give the username and password", "input", f"{kind}Username")
    if user is not None and not has_password:
        raise invalid(f"{name}: give the password", "input", f"{kind}Password")
    return changes


async def configure_email(actor: Actor, data: EmailSettingsData) -> ChannelSettingsView:
    check_may_configure_channels(actor)
    address = validation.email_address(data.address, "input", "address")
    config = await config_of(actor.company_id)
    changes: dict[str, Any] = {}
    changes |= _server(
        config,
        "smtp",
        data.smtp_host,
        data.smtp_port,
        data.smtp_username,
        data.smtp_password,
        587,
    )
    changes |= _server(
        config,
        "imap",
        data.imap_host,
        data.imap_port,
        data.imap_username,
        data.imap_password,
        993,
    )
    if changes.get("smtp_host") is None:
        changes["smtp_password"] = None
    if changes.get("imap_host") is None:
        changes["imap_password"] = None
    if (
        changes.get("imap_host") != config.imap_host
        or changes.get("imap_username") != config.imap_username
    ):
        changes |= {"imap_uid_validity": None, "imap_last_uid": 0, "imap_last_error": None}
    for kind in ("smtp", "imap"):
        host, port = changes.get(f"{kind}_host"), changes.get(f"{kind}_port")
        if host is not None and port is not None:
            await check_public(host, port, "input", f"{kind}Host")
    now = datetime.now(UTC)
    requested = email_verification.request_address(config, address, now)
    changes |= requested.changes
    _ = config.update_from_dict(changes)
    async with in_transaction():
        if requested.code is not None:  # first: the one step that may refuse (a mail a minute)
            await email_verification.mail_code(actor.company_id, address, requested.code, now)
        written = [name for name in changes if name != "email_code_sent_at"]  # mail_code's
        await config.save(update_fields=[*written, "updated_at"])
    return ChannelSettingsView.of(config)


async def confirm_email(actor: Actor, code: str) -> ChannelSettingsView:
    check_may_configure_channels(actor)
    return ChannelSettingsView.of(await email_verification.confirm_address(actor.company_id, code))
