"""IMAP polling: new mail of the companies that gave IMAP settings, every IMAP_POLL_SECONDS.

Each mailbox is taken by one poller at a time across processes (a lease: a conditional update
of `imap_claimed_until`), read with the standard library's imaplib in a worker thread,
opened read-only (EXAMINE, BODY.PEEK: nothing is marked read or moved), and followed by UID:
the first poll only notes where the mailbox stands (no import of old mail), later polls take
the messages above the last UID seen, at most BATCH a round, each handed to
channels.email_inbound.receive_mail for that company. A new UIDVALIDITY starts over the same
way. Port 993 is TLS from the first byte; another port needs STARTTLS unless the server is
on this host. The password never reaches a log or `imap_last_error`.

The host is one users configure: it passes permissions/outgoing_hosts.py before every poll,
and imaplib connects to the address checked there (its documented `open` override), never
to the name again; TLS still checks the certificate against the name. `imap_last_error`
holds one of a few generic sentences, the details go to the log.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import ipaddress
import logging
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from channels.email_inbound import receive_mail
from channels.email_out import LOGIN_REFUSED, NO_CONNECTION, NOT_ALLOWED
from models import ChannelConfig
from permissions.channel_secrets import SecretUnreadable, decrypt
from permissions.outgoing_hosts import HostRefused, Target, connect_blocking, resolve

log = logging.getLogger("servicedesk.email")

BATCH = 50
LEASE = timedelta(minutes=5)
TIMEOUT = 30.0
IMAP_PORT, IMAPS_PORT = 143, 993
MAILBOX_FAILED = "the mail server did not open the inbox"


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Fetched:
    uid_validity: int
    last_uid: int
    messages: list[tuple[int, bytes]]


class _Pinned(imaplib.IMAP4):
    """IMAP4 connected to checked addresses (`open` is imaplib's documented override)."""

    def __init__(self, host: str, port: int, targets: list[Target], timeout: float) -> None:
        self._targets = targets
        super().__init__(host, port, timeout)

    def open(self, host: str = "", port: int = IMAP_PORT, timeout: float | None = None) -> None:
        self.host, self.port = host, port
        self.sock = connect_blocking(self._targets, timeout or TIMEOUT)
        self.file = self.sock.makefile("rb")


class _PinnedSSL(imaplib.IMAP4_SSL):
    """IMAP4 over TLS from the first byte, connected to checked addresses."""

    def __init__(self, host: str, port: int, targets: list[Target], timeout: float) -> None:
        self._targets = targets
        super().__init__(host, port, ssl_context=ssl.create_default_context(), timeout=timeout)

    def open(
        self, host: str = "", port: int | None = IMAPS_PORT, timeout: float | None = None
    ) -> None:
        self.host, self.port = host, port or IMAPS_PORT
        plain = connect_blocking(self._targets, timeout or TIMEOUT)
        self.sock = self.ssl_context.wrap_socket(plain, server_hostname=host)
        self.file = self.sock.makefile("rb")


def _local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _number(client: imaplib.IMAP4, name: str) -> int | None:
    _, data = client.response(name)
    for item in data or []:
        if isinstance(item, bytes) and item.strip().isdigit():
            return int(item.strip())
    return None


def fetch_new(
    box: Mailbox, targets: list[Target], uid_validity: int | None, last_uid: int
) -> Fetched:
    """Blocking: the messages above `last_uid` (or none on a first or reset poll), from the
    checked `targets` of the box's host."""
    client: imaplib.IMAP4
    if box.port == IMAPS_PORT:
        client = _PinnedSSL(box.host, box.port, targets, TIMEOUT)
    else:
        client = _Pinned(box.host, box.port, targets, TIMEOUT)
        if "STARTTLS" in client.capabilities:
            _ = client.starttls(ssl.create_default_context())
        elif not _local(box.host):
            client.shutdown()
            raise imaplib.IMAP4.error("the server offers no TLS; use port 993 or STARTTLS")
    try:
        _ = client.login(box.username, box.password)
        status, _ = client.select("INBOX", readonly=True)
        if status != "OK":
            raise imaplib.IMAP4.error("INBOX cannot be opened")
        validity = _number(client, "UIDVALIDITY") or 0
        uid_next = _number(client, "UIDNEXT")
        if validity != uid_validity:  # a first poll, or the mailbox was rebuilt
            if uid_next is None:
                _, data = client.uid("SEARCH", "ALL")
                uids = [int(x) for x in (data[0] or b"").split()]
                uid_next = max(uids, default=0) + 1
            return Fetched(validity, uid_next - 1, [])
        _, data = client.uid("SEARCH", f"UID {last_uid + 1}:*")
        uids = sorted(int(x) for x in (data[0] or b"").split() if int(x) > last_uid)[:BATCH]
        messages: list[tuple[int, bytes]] = []
        for uid in uids:
            _, parts = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
            raw = next((p[1] for p in parts if isinstance(p, tuple) and len(p) > 1), None)
            if isinstance(raw, bytes):
                messages.append((uid, raw))
        return Fetched(validity, last_uid, messages)
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            _ = client.logout()


def _reason(error: BaseException) -> str:
    """The generic sentence kept for `error` (never the server's words or the password)."""
    if isinstance(error, HostRefused):
        return NOT_ALLOWED
    if isinstance(error, imaplib.IMAP4.error):
        text = str(error).upper()
        if "AUTHENTICATIONFAILED" in text or "LOGIN" in text or "CREDENTIALS" in text:
            return LOGIN_REFUSED
        return MAILBOX_FAILED
    return NO_CONNECTION


async def poll_company(config: ChannelConfig, now: datetime | None = None) -> int:
    """One poll of one company's mailbox, if no other poller holds it; messages recorded."""
    now = now or datetime.now(UTC)
    if not (config.imap_host and config.imap_username and config.imap_password):
        return 0
    mine = ChannelConfig.filter(company_id=config.company_id)
    free = Q(imap_claimed_until=None) | Q(imap_claimed_until__lte=now)
    if not await mine.filter(free).update(imap_claimed_until=now + LEASE):
        return 0
    try:
        password = decrypt(config.imap_password)
    except SecretUnreadable:
        _ = await mine.update(
            imap_claimed_until=None, imap_last_error="The IMAP password must be entered again"
        )
        return 0
    box = Mailbox(config.imap_host, config.imap_port or IMAPS_PORT, config.imap_username, password)
    taken = 0
    try:
        targets = await resolve(box.host, box.port)
        fetched = await asyncio.to_thread(
            fetch_new, box, targets, config.imap_uid_validity, config.imap_last_uid
        )
        last = fetched.last_uid
        for uid, raw in fetched.messages:
            _ = await receive_mail(raw, None, company_id=config.company_id)
            last, taken = uid, taken + 1
            _ = await mine.update(imap_last_uid=last)
        _ = await mine.update(
            imap_uid_validity=fetched.uid_validity, imap_last_uid=last, imap_last_error=None
        )
    except (imaplib.IMAP4.error, OSError, ssl.SSLError, HostRefused, UnicodeError) as error:
        reason = _reason(error)
        detail = f"{type(error).__name__}: {error}".replace(password, "***") if password else ""
        log.warning("IMAP poll of company %s failed (%s): %s", config.company_id, reason, detail)
        _ = await mine.update(imap_last_error=reason)
    finally:
        _ = await mine.update(imap_claimed_until=None)
    return taken


async def poll_mailboxes() -> int:
    """A round over every company with IMAP settings."""
    configs = await ChannelConfig.filter(imap_host__not_isnull=True, email_address__not_isnull=True)
    taken = 0
    for config in configs:
        taken += await poll_company(config)
    return taken
