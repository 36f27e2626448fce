"""Rate limits: failed logins counted per e-mail and per client address, and website chats
started per client address (a script cannot fill the inbox with empty chats).

Counted in the database, so the limit holds across all API processes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import LoginFailure
from models.webchat import ChatStart
from permissions.errors import DomainError, ErrorCode
from servicedesk.settings import current


def _keys(email: str, address: str | None) -> list[tuple[str, int]]:
    settings = current()
    keys = [(f"email:{email.lower()}", settings.login_failures_per_email)]
    if address:
        keys.append((f"addr:{address}", settings.login_failures_per_address))
    return keys


async def check_login_allowed(email: str, address: str | None) -> None:
    since = datetime.now(UTC) - timedelta(minutes=current().login_window_minutes)
    for key, limit in _keys(email, address):
        if await LoginFailure.filter(key=key, at__gte=since).count() >= limit:
            raise DomainError(ErrorCode.RATE_LIMITED, "Too many failed attempts; try again later")


async def record_login_failure(email: str, address: str | None) -> None:
    await LoginFailure.bulk_create([LoginFailure(key=key) for key, _ in _keys(email, address)])
    cutoff = datetime.now(UTC) - timedelta(minutes=current().login_window_minutes)
    await LoginFailure.filter(at__lt=cutoff).delete()


async def check_chat_start_allowed(address: str | None) -> None:
    """At most CHAT_STARTS_PER_ADDRESS chats per address in CHAT_START_WINDOW_MINUTES; the
    start is counted at once, so concurrent starts count too."""
    if not address:
        return
    settings = current()
    now = datetime.now(UTC)
    since = now - timedelta(minutes=settings.chat_start_window_minutes)
    if (
        await ChatStart.filter(address=address, at__gte=since).count()
        >= settings.chat_starts_per_address
    ):
        raise DomainError(ErrorCode.RATE_LIMITED, "Too many chats started; try again later")
    _ = await ChatStart.create(address=address)
    _ = await ChatStart.filter(at__lt=since).delete()
