"""Passwords: a reset link mailed to a login's address, setting the password through it, and
changing it while logged in.

A reset request answers the same for every e-mail (the mutation returns true whatever
happened), and in the same time: the limits are counted, a token made and hashed and the login
looked up either way. A login's link and mail are then written to the outbox by a background
task, WRITE_DELAY_SECONDS after the answer: written before it, their commit made a known
e-mail's answer some 4 ms slower (median on SQLite), enough to tell which e-mails have a
login; written at once after it, they still delayed its last steps (about 1 ms). The request itself
never talks SMTP. A successful reset uses up every open link of the login and ends every
session of every membership of it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import DomainError, ErrorCode, forbidden, invalid
from domain.texts import pick_locale, t
from models import Membership, PasswordReset, User
from permissions.actor import Actor
from permissions.passwords import (
    hash_password,
    is_breached,
    reserve_password_reset,
    verify_password,
)
from permissions.tokens import hash_token, new_opaque_token
from resolvers.auth import DEACTIVATED, MAX_EMAIL, check_password, most_recent, prove_login
from resolvers.links import mailed_link
from resolvers.mail import queue_email
from resolvers.sessions import Credentials, renew_session, revoke_login_sessions, start_session

log = logging.getLogger("servicedesk.passwords")

# A token is secrets.token_urlsafe(32): 43 characters. Anything much longer is not one.
MAX_TOKEN = 200

BAD_LINK = "This reset link is not valid or was used already: ask for a new one"
OLD_LINK = "This reset link has expired: ask for a new one"
BREACHED = "This password is in a list of leaked passwords: choose another"
SAME = "The new password must differ from the old one"

# How long after the answer a link is written: its commit must not share the answer's time.
WRITE_DELAY_SECONDS = 0.05
# Links being written after their request was answered (held here so none is collected early).
_writing: set[asyncio.Task[None]] = set()


async def request_password_reset(email: str, client_address: str | None) -> None:
    """Mail the login of `email` a single-use link, unless a limit is used up (then, as for
    an unknown e-mail, nothing is sent and nothing said)."""
    email = email.strip().lower()
    if not await reserve_password_reset(email, client_address):
        return
    token, token_hash = new_opaque_token()
    user = None if len(email) > MAX_EMAIL else await User.get_or_none(email=email)
    if user is None:
        return
    task = asyncio.create_task(
        _write_link(user, token, token_hash), name="background:password-reset-mail"
    )
    _writing.add(task)
    task.add_done_callback(_writing.discard)


async def _write_link(user: User, token: str, token_hash: str) -> None:
    await asyncio.sleep(WRITE_DELAY_SECONDS)  # the answer goes out first, unhindered
    settings = current()
    minutes = settings.password_reset_minutes
    try:
        lang = await _login_locale(user.id)
        body = t(
            lang,
            "mail.password_reset.body",
            site=settings.app_url or settings.public_url,
            minutes=minutes,
            url=mailed_link("reset", token),
        )
        async with in_transaction():
            _ = await PasswordReset.create(
                user_id=user.id,
                token_hash=token_hash,
                expires_at=datetime.now(UTC) + timedelta(minutes=minutes),
            )
            subject = t(lang, "mail.password_reset.subject")
            _ = await queue_email(None, user.email, subject, body)
    except Exception:  # the person asks again; nothing half-written
        log.exception("the reset link for login %s was not written", user.id)


async def _login_locale(user_id: int) -> str:
    """The language of the login's most recently used active membership (the one a reset
    logs in to): its own, its contact's, its company's; English without one."""
    rows = await Membership.filter(user_id=user_id, active=True).values(
        "id", "last_login_at", "locale", "contact__locale", "company__locale"
    )
    if not rows:
        return pick_locale()
    latest = max(rows, key=lambda r: (r["last_login_at"] is not None, r["last_login_at"], r["id"]))
    return pick_locale(latest["locale"], latest["contact__locale"], latest["company__locale"])


async def links_written() -> None:
    """Wait until the reset links requested so far are written (tests; shutdown).

    Only this loop's unfinished writes are waited for: a finished one whose discard callback
    never ran (its loop closed first: an app of an earlier test) would otherwise keep the set
    non-empty and this a busy loop that never returns (seen as a lifespan shutdown timeout).
    """
    loop = asyncio.get_running_loop()
    while True:
        _writing.difference_update([task for task in _writing if task.done()])
        pending = [task for task in _writing if task.get_loop() is loop]
        if not pending:
            return
        _ = await asyncio.gather(*pending, return_exceptions=True)


async def check_new_password(password: str, old_hash: str | None, field: str) -> None:
    """The rules for a new password: register's length rules, not in the breach list, and
    (with `old_hash`, one argon2 call) not the password it replaces."""
    check_password(password, field)
    if await is_breached(password):
        raise invalid(BREACHED, field)
    if old_hash is not None and await verify_password(old_hash, password):
        raise invalid(SAME, field)


async def reset_password(token: str, password: str) -> Credentials:
    """Set the login's password through a mailed link and log in to its most recently used
    active membership (as `login` chooses). Nothing changes unless all of it succeeds."""
    now = datetime.now(UTC)
    reset = (
        None
        if len(token) > MAX_TOKEN
        else await PasswordReset.get_or_none(token_hash=hash_token(token))
    )
    if reset is None or reset.used_at is not None:
        raise DomainError(ErrorCode.NOT_FOUND, BAD_LINK, ["token"])
    if reset.expires_at <= now:
        raise DomainError(ErrorCode.EXPIRED, OLD_LINK, ["token"])
    user = await User.get(id=reset.user_id)
    await check_new_password(password, user.password_hash, "password")
    membership = await _membership_to_log_into(user.id)
    password_hash = await hash_password(password)
    async with in_transaction():
        # Conditional: of two uses at once, one claims the link and the other changes nothing.
        claimed = await PasswordReset.filter(id=reset.id, used_at=None, expires_at__gt=now).update(
            used_at=now
        )
        if not claimed:
            raise DomainError(ErrorCode.NOT_FOUND, BAD_LINK, ["token"])
        _ = await PasswordReset.filter(user_id=user.id, used_at=None).update(used_at=now)
        _ = await User.filter(id=user.id).update(password_hash=password_hash)
        _ = await revoke_login_sessions(user.id)
    return await start_session(membership)


async def _membership_to_log_into(user_id: int) -> Membership:
    candidates = list(await Membership.filter(user_id=user_id, active=True))
    if not candidates:
        raise DomainError(ErrorCode.FORBIDDEN, DEACTIVATED)  # as `login` refuses it
    return most_recent(candidates)


async def change_password(
    actor: Actor, current_password: str, new_password: str, client_address: str | None
) -> Credentials:
    """Change the caller's login's password. A wrong current password counts as a failed
    login. Every other session of the login ends; the caller's stays, its tokens renewed (as
    `refreshSession` renews them); API tokens stay, being no sessions."""
    if actor.api_token_id is not None or actor.session_id is None:
        raise forbidden("An API token cannot change a password: log in as a person")
    check_password(new_password, "newPassword")
    user = await User.get(id=actor.user_id)
    wrong = DomainError(
        ErrorCode.INVALID_CREDENTIALS, "The current password is wrong", ["currentPassword"]
    )
    user = await prove_login(user, user.email, current_password, client_address, wrong)
    if new_password == current_password:
        raise invalid(SAME, "newPassword")
    await check_new_password(new_password, None, "newPassword")
    password_hash = await hash_password(new_password)
    membership = await Membership.get(id=actor.membership_id)
    async with in_transaction():
        _ = await User.filter(id=user.id).update(password_hash=password_hash)
        _ = await revoke_login_sessions(user.id, actor.session_id)
        # A reset link mailed before the change would undo it: used up with the old password.
        _ = await PasswordReset.filter(user_id=user.id, used_at=None).update(
            used_at=datetime.now(UTC)
        )
    return await renew_session(actor.session_id, membership)
