"""Rate limits on what anyone on the internet may try: login guesses per e-mail and per client
address, registrations and website chats started per client address, a chat's messages per
minute.

Each use is reserved before the work it guards (permissions/counters.py: one atomic
statement), so concurrent attempts cannot all read the same old count and pass. Every
per-address limit counts `address_key(address)`, never the raw address.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass

from config.settings import current
from domain.errors import DomainError, ErrorCode
from permissions.counters import Reservation, release, reserve

IPV6_SUBJECT_PREFIX = 64
MAX_SUBJECT = 300  # rate_counter.bucket holds 400
# A visitor writes like a person: more than this in a minute is a script.
CHAT_MESSAGES_PER_MINUTE = 30


def address_key(address: str | None) -> str | None:
    """Whom a per-address limit counts: an IPv4 address, or the /64 network of an IPv6 one
    (a subscriber is given a whole /64, so single addresses would count nothing), an
    IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) as its IPv4 address. Anything that is not
    an IP address (a unix socket's name) counts as it is; None when there is no address."""
    text = (address or "").strip()
    if not text:
        return None
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])  # a zone (`fe80::1%eth0`) is local
    except ValueError:
        return text[:100]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_SUBJECT_PREFIX), strict=False))
    return str(ip)


def _bucket(limit: str, subject: str) -> str:
    """The counter's name: a subject longer than any real one (an e-mail typed into a login
    form is not checked first) by its digest, so the name fits the counter's column."""
    if len(subject) > MAX_SUBJECT:
        subject = "sha256:" + hashlib.sha256(subject.encode()).hexdigest()
    return f"{limit}:{subject}"


async def _reserve_all(limits: list[tuple[str, int, int]], message: str) -> list[Reservation]:
    """Reserve one use of each (bucket, limit, seconds), or none: RATE_LIMITED."""
    taken: list[Reservation] = []
    for bucket, limit, seconds in limits:
        reservation = await reserve(bucket, limit, seconds)
        if reservation is None:
            for earlier in taken:
                await release(earlier)
            raise DomainError(ErrorCode.RATE_LIMITED, message)
        taken.append(reservation)
    return taken


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    """A login guess counted as a failure until `succeeded` gives it back."""

    reservations: list[Reservation]

    async def succeeded(self) -> None:
        for reservation in self.reservations:
            await release(reservation)


async def reserve_login_attempt(email: str, address: str | None) -> LoginAttempt:
    """Count a guess against LOGIN_FAILURES_PER_EMAIL and LOGIN_FAILURES_PER_ADDRESS in
    LOGIN_WINDOW_MINUTES before the password is checked; a right password gives it back."""
    settings = current()
    seconds = settings.login_window_minutes * 60
    email_bucket = _bucket("login-email", email.strip().lower())
    limits = [(email_bucket, settings.login_failures_per_email, seconds)]
    subject = address_key(address)
    if subject is not None:
        limits.append(
            (_bucket("login-address", subject), settings.login_failures_per_address, seconds)
        )
    message = "Too many failed attempts; try again later"
    return LoginAttempt(await _reserve_all(limits, message))


async def reserve_registration(address: str | None) -> None:
    """At most REGISTRATIONS_PER_ADDRESS companies registered per address (or tries with a
    taken e-mail) in REGISTRATION_WINDOW_MINUTES."""
    subject = address_key(address)
    if subject is None:
        return
    settings = current()
    limit = (
        _bucket("register-address", subject),
        settings.registrations_per_address,
        settings.registration_window_minutes * 60,
    )
    _ = await _reserve_all([limit], "Too many registrations from this address; try again later")


async def reserve_chat_start(address: str | None) -> None:
    """At most CHAT_STARTS_PER_ADDRESS chats per address in CHAT_START_WINDOW_MINUTES (a
    script cannot fill the inbox with empty chats)."""
    subject = address_key(address)
    if subject is None:
        return
    settings = current()
    limit = (
        _bucket("chat-start", subject),
        settings.chat_starts_per_address,
        settings.chat_start_window_minutes * 60,
    )
    _ = await _reserve_all([limit], "Too many chats started; try again later")


async def reserve_chat_message(conversation_id: int) -> None:
    """At most CHAT_MESSAGES_PER_MINUTE visitor messages per chat a minute."""
    limit = (f"chat-message:{conversation_id}", CHAT_MESSAGES_PER_MINUTE, 60)
    _ = await _reserve_all([limit], "Too many messages; wait a moment")
