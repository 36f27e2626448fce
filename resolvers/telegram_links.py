"""Telegram deep links for people (createTelegramLink) and what the bot does with them.

A link is https://t.me/<the company's bot>?start=<token>: Telegram hands the token to the bot
as "/start <token>" when the person presses Start. The token is random (43 characters of
[A-Za-z0-9_-], inside Telegram's 64), stored only as its hash, used once, for 7 days. Using
it ties that chat to the contact or member (`telegram_chat_id`), from which on the outbound
queue reaches them there. A rating button pressed in a tied chat rates the order as its
client would through rateOrder, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode
from domain.texts import pick_locale
from models import ChannelConfig, Company, Contact, Membership, Order, OrderEventKind, OrderStatus
from models.outbound import TelegramLink
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id
from permissions.telegram_links import can_rate_from_chat, check_may_link_telegram
from permissions.tokens import hash_token, new_opaque_token
from realtime.outbox import publish
from resolvers import events

LINK_DAYS = 7
MAX_TOKEN = 64  # Telegram's limit of a start parameter
NO_BOT = "Connect the company's Telegram bot first (configureTelegram)"


async def create_telegram_link(actor: Actor, contact_id: int | None) -> str:
    """A new single-use link for the contact (`contact_id`) or, without one, the caller."""
    check_may_link_telegram(actor, contact_id is not None)
    contact = None
    if contact_id is not None:
        contact = await access_contact_by_id(actor, contact_id, ["contactId"])
    config = await ChannelConfig.get_or_none(company_id=actor.company_id)
    if config is None or not config.telegram_token or not config.telegram_bot_name:
        raise DomainError(ErrorCode.CONFLICT, NO_BOT)
    token, token_hash = new_opaque_token()
    _ = await TelegramLink.create(
        company_id=actor.company_id,
        contact_id=None if contact is None else contact.id,
        member_id=actor.membership_id if contact is None else None,
        token_hash=token_hash,
        expires_at=datetime.now(UTC) + timedelta(days=LINK_DAYS),
    )
    return f"https://t.me/{config.telegram_bot_name}?start={token}"


class StartOutcome(StrEnum):
    """How a /start <token> went; each is a text of domain/locales/*/telegram.po."""

    LINKED = "telegram.start.linked"
    USED = "telegram.start.used"
    EXPIRED = "telegram.start.expired"
    UNKNOWN = "telegram.start.unknown"


@dataclass(frozen=True, slots=True)
class Answer:
    outcome: str
    locale: str


async def _company_locale(company_id: int) -> str | None:
    company = await Company.get_or_none(id=company_id)
    return None if company is None else company.locale


async def person_locale(
    company_id: int, contact_id: int | None, member_id: int | None, spoken: str | None
) -> str:
    """The person's own language, then its contact's (a member), then the language its
    Telegram app speaks, then the company's."""
    own: str | None = None
    contact_locale: str | None = None
    if member_id is not None:
        member = await Membership.get_or_none(id=member_id).values("locale", "contact_id")
        if member is not None:
            own, contact_id = member["locale"], member["contact_id"]
    if contact_id is not None:
        contact = await Contact.get_or_none(id=contact_id)
        contact_locale = None if contact is None else contact.locale
    return pick_locale(own, contact_locale, spoken, await _company_locale(company_id))


async def tie_chat(company_id: int, chat_id: int, token: str, spoken: str | None) -> Answer:
    """Tie the chat to the link's person: once (a conditional update claims the link), before
    it expires, and only with a link of this company's bot. Anything else ties nothing."""
    now = datetime.now(UTC)
    link = None
    if len(token) <= MAX_TOKEN:
        link = await TelegramLink.get_or_none(company_id=company_id, token_hash=hash_token(token))
    if link is None:
        return Answer(StartOutcome.UNKNOWN, await person_locale(company_id, None, None, spoken))
    locale = await person_locale(company_id, link.contact_id, link.member_id, spoken)
    if link.used_at is not None:
        return Answer(StartOutcome.USED, locale)
    if link.expires_at <= now:
        return Answer(StartOutcome.EXPIRED, locale)
    try:
        async with in_transaction():
            claimed = await TelegramLink.filter(id=link.id, used_at=None).update(used_at=now)
            if not claimed:  # another process took it a moment ago
                return Answer(StartOutcome.USED, locale)
            if link.contact_id is not None:
                tied = await Contact.filter(id=link.contact_id).update(telegram_chat_id=chat_id)
            else:
                tied = await Membership.filter(id=link.member_id, active=True).update(
                    telegram_chat_id=chat_id
                )
            if not tied:  # a leaver's link: nobody to reach any more; the claim rolls back
                raise _Untied()
    except _Untied:
        return Answer(StartOutcome.UNKNOWN, locale)
    return Answer(StartOutcome.LINKED, locale)


class _Untied(Exception):
    """Rolls the link's claim back."""


class RateOutcome(StrEnum):
    RATED = "telegram.rate.thanks"
    ALREADY = "telegram.rate.already"
    REFUSED = "telegram.rate.refused"


async def chat_locale(company_id: int, chat_id: int, spoken: str | None) -> str:
    """The language of whoever this chat is tied to (a contact first, then a member)."""
    contact = await Contact.filter(company_id=company_id, telegram_chat_id=chat_id).first()
    if contact is not None:
        return await person_locale(company_id, contact.id, None, spoken)
    member = await Membership.filter(company_id=company_id, telegram_chat_id=chat_id).first()
    member_id = None if member is None else member.id
    return await person_locale(company_id, None, member_id, spoken)


async def rate_from_chat(company_id: int, order_id: int, chat_id: int, rating: int) -> str:
    """Rate a DONE order from a chat tied to its client, as rateOrder would, once: a rating
    already given (here, through rateOrder or a rating link) is kept."""
    order = await Order.get_or_none(id=order_id, company_id=company_id)
    if order is None or not 1 <= rating <= 5 or not await can_rate_from_chat(order, chat_id):
        return RateOutcome.REFUSED
    member = await Membership.filter(
        company_id=company_id, contact_id=order.client_id, telegram_chat_id=chat_id, active=True
    ).first()
    responsible = await Membership.get(id=order.responsible_id)
    async with in_transaction():
        rated = await Order.filter(
            id=order.id, status=OrderStatus.DONE, rating__isnull=True
        ).update(rating=rating, updated_at=datetime.now(UTC))
        if not rated:
            return RateOutcome.ALREADY
        await order.refresh_from_db()
        event = await events.record(
            order, OrderEventKind.UPDATED, None if member is None else member.id, None, responsible
        )
    await publish([event])
    return RateOutcome.RATED
