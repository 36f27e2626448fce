"""The bot's updates about people rather than the inbox (called from channels/telegram.py):

- "/start <token>" from a createTelegramLink deep link ties the chat to the link's contact or
  member (resolvers/telegram_links.py) and answers in that person's language; a token used
  twice, expired or of another company's bot is answered in words and ties nothing. None of
  these becomes an inbox conversation; a plain "/start" stays the inbox's, as before.
- a rating button (`callback_query` with data "rate:<order>:<stars>:<signature>") from the
  chat the request was sent to rates the order as its client would, once. The signature
  (HMAC of company, order and chat under SECRET_KEY) makes data made up elsewhere, or copied
  to another chat, worthless; the rule is checked again when the button is pressed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from typing import Any

from channels.base import DeliveryFailed
from channels.telegram_api import TelegramApi, TelegramError
from config.settings import current
from domain.texts import t
from models import ChannelConfig
from resolvers.telegram_links import RateOutcome, chat_locale, rate_from_chat, tie_chat

log = logging.getLogger("servicedesk.telegram")

START = re.compile(r"^/start(?:@\w+)?[ \t]+(\S+)\s*$")
NO_BUTTONS: dict[str, Any] = {"inline_keyboard": []}
CALLBACK = re.compile(r"^rate:(\d{1,10}):(\d):([A-Za-z0-9_-]{22})$")


def _signature(company_id: int, order_id: int, chat_id: int) -> str:
    key = hashlib.sha256(f"telegram-rating:{current().secret_key}".encode()).digest()
    mac = hmac.new(key, f"{company_id}:{order_id}:{chat_id}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()[:16]).decode().rstrip("=")


def rating_keyboard(company_id: int, order_id: int, chat_id: int) -> dict[str, Any]:
    """Inline buttons 1..5 whose data only this chat can use for this order (<= 64 bytes)."""
    sign = _signature(company_id, order_id, chat_id)
    buttons = [
        {"text": f"{n}\u2b50", "callback_data": f"rate:{order_id}:{n}:{sign}"} for n in range(1, 6)
    ]
    return {"inline_keyboard": [buttons]}


async def handle_people_update(company_id: int, update: dict[str, Any]) -> bool:
    """True when the update was a deep-link start or a rating button, now handled."""
    callback = update.get("callback_query")
    if isinstance(callback, dict):
        await _rate(company_id, await _api(company_id), callback)
        return True
    message = update.get("message")
    if not isinstance(message, dict):
        return False
    chat, sender, text = message.get("chat"), message.get("from"), message.get("text")
    if not isinstance(chat, dict) or not isinstance(sender, dict) or not isinstance(text, str):
        return False
    found = START.match(text)
    chat_id = chat.get("id")
    if found is None or type(chat_id) is not int or sender.get("is_bot"):
        return False
    answer = await tie_chat(company_id, chat_id, found.group(1), _spoken(sender))
    await _say(
        await _api(company_id),
        "sendMessage",
        {"chat_id": chat_id, "text": t(answer.locale, answer.outcome)},
    )
    return True


def _spoken(sender: object) -> str | None:
    """The language of the person's Telegram app ("ru", "en-GB"), a fallback."""
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return code.split("-")[0] if isinstance(code, str) else None


async def _rate(company_id: int, api: TelegramApi | None, callback: dict[str, Any]) -> None:
    sender = callback.get("from")
    message = callback.get("message")
    chat = message.get("chat") if isinstance(message, dict) else None
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    data = callback.get("data")
    found = CALLBACK.match(data) if isinstance(data, str) else None
    outcome: str = RateOutcome.REFUSED
    if found is not None and type(chat_id) is int:
        order_id, stars = int(found.group(1)), int(found.group(2))
        genuine = hmac.compare_digest(found.group(3), _signature(company_id, order_id, chat_id))
        if genuine:
            outcome = await rate_from_chat(company_id, order_id, chat_id, stars)
    spoken = _spoken(sender)
    locale = await chat_locale(company_id, chat_id, spoken) if type(chat_id) is int else spoken
    text = t(locale or "", outcome)
    await _say(api, "answerCallbackQuery", {"callback_query_id": callback.get("id"), "text": text})
    if outcome != RateOutcome.REFUSED and isinstance(message, dict):
        # The order is rated (now or before): its buttons go.
        params = {"chat_id": chat_id, "message_id": message.get("message_id")}
        await _say(api, "editMessageReplyMarkup", {**params, "reply_markup": NO_BUTTONS})


async def _say(api: TelegramApi | None, method: str, params: dict[str, Any]) -> None:
    """An answer that does not arrive is logged, not retried: what it answers is done."""
    if api is None:
        return
    try:
        _ = await api.call(method, params)
    except TelegramError as error:
        log.warning("Telegram %s not taken: %s", method, error)


async def _api(company_id: int) -> TelegramApi | None:
    """The company's bot; None when its token can no longer be read (entered again later)."""
    from channels.telegram import api_for  # channels/telegram.py calls this module

    try:
        return api_for(await ChannelConfig.get(company_id=company_id))
    except DeliveryFailed as error:
        log.warning("Telegram answer not sent: %s", error.reason)
        return None
