"""The TELEGRAM sender of the outbound queue (channels/outbound_senders.py): a message to a
person goes to the chat tied to them (createTelegramLink) through the company's bot.

The chat is checked again when the message goes: a row queued for a chat that is no longer
tied to its contact or member (tied since to another chat) fails, said why, rather than reach
whoever holds the old chat. A rating request to the order's client carries the buttons 1..5
(channels/telegram_people.py). At most one message a second per chat from a process, as the
inbox's replies. Telegram's answers: 429 waits its retry_after (the attempt not counted); 403
(the person blocked the bot or left the chat) FAILED at once; other 4xx FAILED with
Telegram's words; the Bot API unreachable or 5xx retried with the queue's backoff.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from channels.base import DeliveryFailed, RetryLater
from channels.outbound_senders import register_outbound_sender
from channels.telegram import PER_CHAT_SECONDS, api_for
from channels.telegram_api import TelegramError
from channels.telegram_people import rating_keyboard
from domain.texts import pick_locale, t
from models import (
    ChannelConfig,
    Company,
    Contact,
    DeliveryChannel,
    Membership,
    NotificationKind,
    Order,
    OutboundMessage,
    Role,
)

_last: dict[int, float] = {}


async def _pace(chat_id: int) -> None:
    wait = _last.get(chat_id, 0.0) + PER_CHAT_SECONDS - time.monotonic()
    if wait > 0:
        await asyncio.sleep(wait)
    _last[chat_id] = time.monotonic()


async def _still_tied(row: OutboundMessage, chat_id: int) -> bool:
    if row.member_id is not None:
        return await Membership.filter(id=row.member_id, telegram_chat_id=chat_id).exists()
    return await Contact.filter(id=row.contact_id or 0, telegram_chat_id=chat_id).exists()


async def _rates_it(row: OutboundMessage) -> bool:
    """Whether the recipient is the order's client, who may rate it (buttons, then)."""
    if row.kind != NotificationKind.RATING_REQUESTED or row.order_id is None:
        return False
    order = await Order.get_or_none(id=row.order_id, company_id=row.company_id)
    if order is None:
        return False
    if row.member_id is not None:
        return await Membership.filter(
            id=row.member_id, role=Role.CLIENT, contact_id=order.client_id
        ).exists()
    return row.contact_id == order.client_id


async def send_telegram(row: OutboundMessage) -> None:
    """The TELEGRAM sender (channels/outbound_senders.py's Sender)."""
    company = await Company.get(id=row.company_id)
    locale = pick_locale(company.locale)  # the reason is read by staff
    try:
        chat_id = int(row.to)
    except ValueError:
        raise DeliveryFailed(t(locale, "telegram.failed.no_chat")) from None
    if not await _still_tied(row, chat_id):
        raise DeliveryFailed(t(locale, "telegram.failed.no_chat"))
    config = await ChannelConfig.get_or_none(company_id=row.company_id)
    if config is None or config.telegram_token is None:
        raise DeliveryFailed(t(locale, "telegram.failed.not_connected"))
    api = api_for(config)
    params: dict[str, Any] = {"chat_id": chat_id, "text": row.text}
    if await _rates_it(row):
        assert row.order_id is not None
        params["reply_markup"] = rating_keyboard(row.company_id, row.order_id, chat_id)
    await _pace(chat_id)
    try:
        _ = await api.call("sendMessage", params)
    except TelegramError as error:
        if error.code == 429:
            raise RetryLater(error.description, error.retry_after or 1.0) from None
        if error.code == 403:
            raise DeliveryFailed(t(locale, "telegram.failed.blocked")) from None
        if 400 <= error.code < 500:
            reason = t(
                locale, "telegram.failed.refused", code=error.code, description=error.description
            )
            raise DeliveryFailed(reason) from None
        raise RetryLater(error.description) from None  # unreachable (0) or Telegram's 5xx


def install() -> None:
    """Register the TELEGRAM sender (app start)."""
    register_outbound_sender(DeliveryChannel.TELEGRAM, send_telegram)
