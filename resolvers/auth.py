"""Registration, login, logout and switching between a person's companies."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import DomainError, ErrorCode, invalid, not_found
from domain.texts import pick_locale, t
from models import Company, EventCounter, Membership, OrderCounter, Role, User
from permissions.actor import Actor
from permissions.counters import reserve
from permissions.passwords import hash_password, password_problem, verify_password
from permissions.throttle import reserve_login_attempt, reserve_registration
from resolvers import validation
from resolvers.mail import queue_email
from resolvers.sessions import Credentials, revoke_session, session_of_refresh_token, start_session

WRONG_LOGIN = "Wrong e-mail or password"
DEACTIVATED = "Your access to this company has been deactivated: ask its owner or your manager"
MAX_EMAIL = 254  # User.email's length


def check_password(password: str, *field: str) -> None:
    problem = password_problem(password)
    if problem:
        raise invalid(problem, *field)


async def prove_login(
    user: User | None,
    email: str,
    password: str,
    client_address: str | None,
    error: DomainError,
) -> User:
    """The login of `email` if `password` is its password. The guess is counted before the
    hash is checked (so concurrent guesses cannot all pass) and given back when right."""
    attempt = await reserve_login_attempt(email, client_address)
    if not await verify_password(user.password_hash if user else None, password) or user is None:
        raise error
    await attempt.succeeded()
    return user


async def create_membership(**fields: Any) -> Membership:
    """A membership with its org-tree path: below its manager, or a root of its own."""
    membership = await Membership.create(path="/", **fields)
    manager_path = "/"
    if membership.manager_id is not None:
        manager_path = (await Membership.get(id=membership.manager_id)).path
    membership.path = f"{manager_path}{membership.id}/"
    await membership.save(update_fields=["path"])
    return membership


async def register(
    company_name: str,
    name: str,
    email: str,
    password: str,
    timezone: str | None,
    client_address: str | None,
) -> Credentials:
    """A new company with its OWNER.

    Whether the e-mail has a login is looked at last, after the input is checked and the
    address's registration counted, and costs one argon2 call either way: a new e-mail's
    password is hashed, a taken one's checked. A taken e-mail with its login's password adds
    the company to that login (as accepting an invitation does); with any other password the
    answer is a login's ("Wrong e-mail or password", counted like a login guess) and the
    address's owner is told by mail. Registering hands out tokens at once, so that one answer
    cannot match a new e-mail's: it comes only after a guess that is counted and reported.
    """
    company_name = validation.required_name(company_name, 200, "input", "companyName")
    name = validation.required_name(name, 200, "input", "name")
    email = validation.email_address(email, "input", "email")
    zone = validation.timezone_name(timezone, "input", "timezone")
    check_password(password, "input", "password")
    await reserve_registration(client_address)
    user = await User.get_or_none(email=email)
    if user is None:
        password_hash = await hash_password(password)
    else:
        error = DomainError(ErrorCode.INVALID_CREDENTIALS, WRONG_LOGIN, ["input", "password"])
        try:
            user = await prove_login(user, email, password, client_address, error)
        except DomainError as refused:
            if refused is error:
                await tell_owner_of_registration(email)
            raise
    async with in_transaction():
        if user is None:
            user = await User.create(email=email, password_hash=password_hash)
        company = await Company.create(name=company_name, timezone=zone)
        _ = await OrderCounter.create(company=company)
        _ = await EventCounter.create(company=company)
        owner = await create_membership(company=company, user=user, role=Role.OWNER, name=name)
    return await start_session(owner)


async def tell_owner_of_registration(email: str) -> None:
    """Mail the owner of `email` that someone tried to register with it (at most once per
    REGISTRATION_WINDOW_MINUTES: the mail must not become a way to flood a mailbox)."""
    settings = current()
    notice = await reserve(f"register-notice:{email}", 1, settings.registration_window_minutes * 60)
    if notice is None:
        return
    # In the language of the login's company (its most recent membership), else English.
    known = await Membership.filter(user__email=email).order_by("-last_login_at", "-id").first()
    company = None if known is None else await Company.get_or_none(id=known.company_id)
    lang = pick_locale(known.locale if known else None, company.locale if company else None)
    _ = await queue_email(
        None,
        email,
        t(lang, "mail.registration_notice.subject"),
        t(lang, "mail.registration_notice.body", link=settings.public_url),
    )


async def login(
    email: str, password: str, company_id: int | None, client_address: str | None
) -> Credentials:
    """Log in to `company_id`, or to the most recently used active membership. A deactivated
    membership is refused, and said so only after the password proved right."""
    email = email.strip().lower()
    user = await prove_login(
        # Longer than any login's: no lookup (the column would refuse it), a wrong guess all
        # the same (counted, and as slow).
        None if len(email) > MAX_EMAIL else await User.get_or_none(email=email),
        email,
        password,
        client_address,
        DomainError(ErrorCode.INVALID_CREDENTIALS, WRONG_LOGIN),
    )
    memberships = Membership.filter(user_id=user.id)
    if company_id is not None:
        memberships = memberships.filter(company_id=company_id)
    candidates = list(await memberships)
    if not candidates:
        raise not_found("Company", ["companyId"])
    active = [m for m in candidates if m.active]
    if not active:  # said only to whoever knows the password
        raise DomainError(ErrorCode.FORBIDDEN, DEACTIVATED)
    membership = most_recent(active)
    return await start_session(membership)


def most_recent(memberships: list[Membership]) -> Membership:
    """The membership a login without a company lands in: the one used last (login, and a
    password reset's login)."""
    return max(memberships, key=_recency)


def _recency(membership: Membership) -> tuple[float, int]:
    used = membership.last_login_at
    return (used.timestamp() if used else 0.0, membership.id)


async def logout(actor: Actor, refresh_token: str) -> bool:
    """Revoke the session of `refresh_token` if it is the caller's own."""
    session = await session_of_refresh_token(refresh_token)
    if session is None or session.membership.user_id != actor.user_id:
        return False
    await revoke_session(session.id)
    return True


async def switch_company(actor: Actor, company_id: int | None) -> Credentials:
    membership = (
        None
        if company_id is None
        else await Membership.get_or_none(user_id=actor.user_id, company_id=company_id)
    )
    if membership is None:
        raise not_found("Company", ["companyId"])
    if not membership.active:
        raise DomainError(ErrorCode.FORBIDDEN, DEACTIVATED, ["companyId"])
    return await start_session(membership)


async def my_memberships(actor: Actor) -> list[Membership]:
    return list(await Membership.filter(user_id=actor.user_id).order_by("company_id"))
