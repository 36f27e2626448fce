"""Rating links: a finished order's client rates it from a mailed link, without logging in.

The link is single use and stored only as a hash (models.RatingLink). It rates that one order
under `rateOrder`'s rules (DONE only, 1 to 5, the same feedback limit) and nothing else; the
link is used up in the rating's own transaction, so of two sends at once one rates and the
other changes nothing. An order rated another way meanwhile (the portal, Telegram's buttons)
keeps that rating: the link then says so and changes nothing. Its errors are written in the
client's language (the contact's locale, else the company's), as the page around them is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.transactions import in_transaction

from domain.errors import DomainError, ErrorCode
from domain.texts import pick_locale, t
from models import Company, Contact, Order, OrderEventKind, OrderStatus
from models.outbound import RatingLink
from permissions.tokens import hash_token, new_opaque_token
from realtime.outbox import publish
from resolvers import events, validation
from resolvers.links import mailed_link

RATING_LINK_DAYS = 30
# A token is secrets.token_urlsafe(32): 43 characters. Anything much longer is not one.
MAX_TOKEN = 200
MAX_FEEDBACK = 5000  # rateOrder's limit


class LinkState(StrEnum):
    OPEN = "open"
    UNKNOWN = "unknown"  # never made, altered, or its order is gone
    USED = "used"
    EXPIRED = "expired"
    RATED = "rated"  # rated another way
    NOT_DONE = "not_done"  # reopened since the link was sent


@dataclass(frozen=True, slots=True)
class RatingLinkView:
    """What the rating page shows: the order's number and title only (never money)."""

    state: LinkState
    locale: str
    number: int | None = None
    title: str | None = None


async def new_rating_link(order_id: int, company_id: int) -> str:
    """A new single-use link (PUBLIC_URL/rate/<token>, or APP_URL's) to rate the order."""
    token, token_hash = new_opaque_token()
    _ = await RatingLink.create(
        company_id=company_id,
        order_id=order_id,
        token_hash=token_hash,
        expires_at=datetime.now(UTC) + timedelta(days=RATING_LINK_DAYS),
    )
    return mailed_link("rate", token)


async def _find(token: str) -> tuple[RatingLink | None, Order | None]:
    if len(token) > MAX_TOKEN:
        return None, None
    link = await RatingLink.get_or_none(token_hash=hash_token(token))
    if link is None:
        return None, None
    order = await Order.get_or_none(id=link.order_id, company_id=link.company_id)
    return link, order


async def _locale(order: Order | None, link: RatingLink | None) -> str:
    if order is not None:
        contact = await Contact.get(id=order.client_id).only("id", "locale")
        company = await Company.get(id=order.company_id).only("id", "locale")
        return pick_locale(contact.locale, company.locale)
    if link is not None:
        company = await Company.get(id=link.company_id).only("id", "locale")
        return pick_locale(company.locale)
    return pick_locale()


def _state(link: RatingLink | None, order: Order | None, now: datetime) -> LinkState:
    if link is None or order is None:
        return LinkState.UNKNOWN
    if link.used_at is not None:
        return LinkState.USED
    if link.expires_at <= now:
        return LinkState.EXPIRED
    if order.rating is not None:
        return LinkState.RATED
    if order.status != OrderStatus.DONE:
        return LinkState.NOT_DONE
    return LinkState.OPEN


async def view_rating_link(token: str) -> RatingLinkView:
    """The link's state for the page, changing nothing (mail scanners open links too)."""
    link, order = await _find(token)
    state = _state(link, order, datetime.now(UTC))
    locale = await _locale(order, link)
    if order is None or state is LinkState.UNKNOWN:
        return RatingLinkView(state, locale)
    return RatingLinkView(state, locale, order.number, order.title)


_ERRORS = {
    LinkState.UNKNOWN: ErrorCode.NOT_FOUND,
    LinkState.USED: ErrorCode.NOT_FOUND,
    LinkState.EXPIRED: ErrorCode.EXPIRED,
    LinkState.RATED: ErrorCode.CONFLICT,
    LinkState.NOT_DONE: ErrorCode.INVALID,
}


def link_error(state: LinkState, locale: str) -> DomainError:
    return DomainError(_ERRORS[state], t(locale, f"rate.error.{state.value}"), ["token"])


async def rate_by_link(token: str, rating: int, feedback: str | None) -> Order:
    """Rate the link's order as its client would; nothing changes unless all of it does."""
    now = datetime.now(UTC)
    link, order = await _find(token)
    state = _state(link, order, now)
    locale = await _locale(order, link)
    if link is None or order is None or state is not LinkState.OPEN:
        raise link_error(state, locale)
    if not 1 <= rating <= 5:
        raise DomainError(ErrorCode.INVALID, t(locale, "rate.error.rating"), ["rating"])
    try:
        words = validation.optional_text(feedback, MAX_FEEDBACK, "feedback")
    except DomainError as error:  # rateOrder's rule, said in the client's language
        raise DomainError(error.code, t(locale, "rate.error.feedback"), ["feedback"]) from None
    async with in_transaction():
        # Both conditional: a second send, or a rating from elsewhere in between, loses here.
        claimed = await RatingLink.filter(id=link.id, used_at=None, expires_at__gt=now).update(
            used_at=now
        )
        if not claimed:
            raise link_error(LinkState.USED, locale)
        rated = await Order.filter(id=order.id, rating=None, status=OrderStatus.DONE).update(
            rating=rating, feedback=words, updated_at=now
        )
        if not rated:  # raising rolls the claim back
            now_rated = await Order.filter(id=order.id, rating__not_isnull=True).exists()
            raise link_error(LinkState.RATED if now_rated else LinkState.NOT_DONE, locale)
        _ = order.update_from_dict({"rating": rating, "feedback": words, "updated_at": now})
        event = await events.record(order, OrderEventKind.UPDATED, None)
    await publish([event])
    return order
