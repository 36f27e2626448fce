"""IMAP polling: new mail of the companies that gave IMAP settings, every IMAP_POLL_SECONDS.

Each mailbox is taken by one poller at a time across processes (a lease: a conditional update
of `imap_claimed_until`), read with the standard library's imaplib in a worker thread,
opened read-only (EXAMINE, BODY.PEEK: nothing is marked read or moved), and followed by UID:
the first poll only notes where the mailbox stands (no import of old mail), later polls take
the messages above the last UID seen, at most BATCH a round, each handed to
channels.email_inbound.receive_mail for that company. A new UIDVALIDITY starts over the same
way. Port 993 is TLS from the first byte; another port needs STARTTLS unless the server is
on this host. The password never reaches a log or `imap_last_error`.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import ipaddress
import logging
import re
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from channels.email_inbound import receive_mail
from channels.secrets import SecretUnreadable, decrypt
from models import ChannelConfig

log = logging.getLogger("servicedesk.email")

BATCH = 50
LEASE = timedelta(minutes=5)
TIMEOUT = 30.0


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


def fetch_new(box: Mailbox, uid_validity: int | None, last_uid: int) -> Fetched:
    """Blocking: the messages above `last_uid` (or none on a first or reset poll)."""
    client: imaplib.IMAP4
    if box.port == 993:
        client = imaplib.IMAP4_SSL(box.host, box.port, timeout=TIMEOUT)
    else:
        client = imaplib.IMAP4(box.host, box.port, timeout=TIMEOUT)
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


def _reason(error: BaseException, box: Mailbox) -> str:
    text = f"{type(error).__name__}: {error}"
    return re.sub(re.escape(box.password), "***", text)[:500] if box.password else text[:500]


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
    box = Mailbox(config.imap_host, config.imap_port or 993, config.imap_username, password)
    taken = 0
    try:
        fetched = await asyncio.to_thread(
            fetch_new, box, config.imap_uid_validity, config.imap_last_uid
        )
        last = fetched.last_uid
        for uid, raw in fetched.messages:
            _ = await receive_mail(raw, None, company_id=config.company_id)
            last, taken = uid, taken + 1
            _ = await mine.update(imap_last_uid=last)
        _ = await mine.update(
            imap_uid_validity=fetched.uid_validity, imap_last_uid=last, imap_last_error=None
        )
    except (imaplib.IMAP4.error, OSError, ssl.SSLError) as error:
        reason = _reason(error, box)
        log.warning("IMAP poll of company %s failed: %s", config.company_id, reason)
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
