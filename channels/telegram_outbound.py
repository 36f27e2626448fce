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
_FORGET_AFTER = 10_000  # chats remembered for pacing before the idle ones are forgotten


async def _pace(chat_id: int) -> None:
    """At most one message a second per chat from this process (Telegram's limit)."""
    wait = _last.get(chat_id, 0.0) + PER_CHAT_SECONDS - time.monotonic()
    if wait > 0:
        await asyncio.sleep(wait)
    now = time.monotonic()
    if len(_last) > _FORGET_AFTER:
        for chat in [c for c, at in _last.items() if at < now - PER_CHAT_SECONDS]:
            del _last[chat]
    _last[chat_id] = now


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


async def _failed(row: OutboundMessage, key: str, **values: object) -> DeliveryFailed:
    """The reason in the company's language: staff read it on Order.outbound."""
    company = await Company.get(id=row.company_id)
    return DeliveryFailed(t(pick_locale(company.locale), key, **values))


async def send_telegram(row: OutboundMessage) -> None:
    """The TELEGRAM sender (channels/outbound_senders.py's Sender): two statements for a
    message, two more for a rating request (its order and recipient)."""
    chat_id = int(row.to) if row.to.lstrip("-").isdigit() else None
    if chat_id is None or not await _still_tied(row, chat_id):
        raise await _failed(row, "telegram.failed.no_chat")
    config = await ChannelConfig.get_or_none(company_id=row.company_id)
    if config is None or not config.telegram_token:
        raise await _failed(row, "telegram.failed.not_connected")
    api = api_for(config)
    params: dict[str, Any] = {"chat_id": chat_id, "text": row.text}
    if row.order_id is not None and await _rates_it(row):
        params["reply_markup"] = rating_keyboard(row.company_id, row.order_id, chat_id)
    await _pace(chat_id)
    try:
        _ = await api.call("sendMessage", params)
    except TelegramError as error:
        if error.code == 429:
            raise RetryLater(error.description, error.retry_after or 1.0) from None
        if error.code == 403:
            raise await _failed(row, "telegram.failed.blocked") from None
        if 400 <= error.code < 500:
            values = {"code": error.code, "description": error.description}
            raise await _failed(row, "telegram.failed.refused", **values) from None
        raise RetryLater(error.description) from None  # unreachable (0) or Telegram's 5xx


def install() -> None:
    """Register the TELEGRAM sender (app start)."""
    register_outbound_sender(DeliveryChannel.TELEGRAM, send_telegram)
