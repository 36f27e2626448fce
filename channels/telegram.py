"""Telegram: the webhook endpoint (inbound) and the sender of replies (outbound).

Webhook (`POST /telegram/webhook`, registered by configureTelegram with a random secret):
- the `X-Telegram-Bot-Api-Secret-Token` header names the company (its SHA-256 is stored);
  missing or wrong: 401, nothing read;
- the update is stored under its unique (company, update_id), so a repeat is answered 200
  and dropped; the answer is 200 at once, and the update is worked on after the response
  (a background task); updates left unprocessed (a process that died) are taken up by
  `process_pending`, which the app runs every few seconds;
- text and photos (the largest size under the attachment limit, through getFile) of
  messages from people (not bots) are recorded with resolvers.inbound: one conversation
  per chat, the sender's @username finds its contact; a deep link's "/start <token>" and
  rating buttons are channels/telegram_people.py's instead.

Replies go out with sendMessage to the conversation's chat, at most one a second per chat
from a process (Telegram's limit), and a 429 is retried after its retry_after.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.exceptions import IntegrityError

from channels.base import DeliveryFailed, Outbound, RetryLater, not_connected
from channels.telegram_api import TelegramApi, TelegramError
from channels.telegram_people import handle_people_update
from config.settings import current
from media.attachments import InboundFile
from models import Channel, ChannelConfig, TelegramUpdate
from permissions.channel_secrets import SecretUnreadable, decrypt
from permissions.tokens import hash_token
from resolvers import json_input
from resolvers.inbound import Inbound, record_inbound

log = logging.getLogger("servicedesk.telegram")

TELEGRAM_NOT_CONNECTED = (
    "Telegram is not connected (configureTelegram): the reply goes out once it is"
)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PER_CHAT_SECONDS = 1.0
STALE = timedelta(seconds=10)
MAX_PHOTO_BYTES = 10 * 1024 * 1024


def api_for(config: ChannelConfig) -> TelegramApi:
    if config.telegram_token is None:
        raise DeliveryFailed("Telegram is not connected (configureTelegram)")
    try:
        token = decrypt(config.telegram_token)
    except SecretUnreadable:
        raise DeliveryFailed("The bot token must be entered again") from None
    return TelegramApi(current().telegram_api_url, token)


async def webhook(request: Request) -> Response:
    secret = request.headers.get(SECRET_HEADER)
    if not secret:
        return JSONResponse({"error": "missing secret token"}, 401)
    config = await ChannelConfig.get_or_none(telegram_secret_hash=hash_token(secret))
    if config is None or config.telegram_token is None:
        return JSONResponse({"error": "wrong secret token"}, 401)
    try:
        update = json_input.loads(await request.body())  # bounded depth, no NUL for jsonb
        update_id = update["update_id"]
        if type(update_id) is not int or not 0 <= update_id < 2**63:  # a BIGINT column
            raise ValueError(update_id)
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": "not a Telegram update"}, 400)
    try:
        row = await TelegramUpdate.create(
            company_id=config.company_id, update_id=update_id, payload=update
        )
    except IntegrityError:  # Telegram sent it again: done already, or being done
        return JSONResponse({"ok": True, "duplicate": True})
    return JSONResponse({"ok": True}, background=BackgroundTask(process_update, row.id))


async def process_update(row_id: int) -> None:
    """Claim the stored update (once, whoever comes first) and record its message."""
    now = datetime.now(UTC)
    claimed = await TelegramUpdate.filter(id=row_id, processed_at=None).update(processed_at=now)
    if not claimed:
        return
    row = await TelegramUpdate.get(id=row_id)
    try:
        await _record(row.company_id, row.payload)
    except Exception:
        log.exception("Telegram update %s failed; it is tried again", row.update_id)
        _ = await TelegramUpdate.filter(id=row_id).update(processed_at=None)


async def process_pending(now: datetime | None = None) -> int:
    """Updates stored a while ago and still not processed (their process died)."""
    cutoff = (now or datetime.now(UTC)) - STALE
    rows = await TelegramUpdate.filter(processed_at=None, received_at__lt=cutoff).values_list("id")
    for row in rows:
        await process_update(int(row[0]))
    return len(rows)


def _name(sender: dict[str, Any]) -> str | None:
    username = sender.get("username")
    if isinstance(username, str) and username:
        return f"@{username}"
    parts = [sender.get("first_name"), sender.get("last_name")]
    name = " ".join(p for p in parts if isinstance(p, str) and p)
    return name or None


async def _photo(config: ChannelConfig, photos: list[Any]) -> InboundFile | None:
    sizes = [p for p in photos if isinstance(p, dict) and isinstance(p.get("file_id"), str)]
    sizes = [p for p in sizes if int(p.get("file_size") or 0) <= MAX_PHOTO_BYTES]
    if not sizes:
        return None
    best = max(sizes, key=lambda p: int(p.get("width") or 0) * int(p.get("height") or 0))
    api = api_for(config)
    path = await api.get_file(str(best["file_id"]))
    if path is None:
        return None
    data = await api.download(path, MAX_PHOTO_BYTES)
    return InboundFile(path.rsplit("/", 1)[-1] or "photo.jpg", "image/jpeg", data)


async def _record(company_id: int, update: dict[str, Any]) -> None:
    if await handle_people_update(company_id, update):
        return  # a deep-link /start or a rating button: not the inbox's
    message = update.get("message")
    if not isinstance(message, dict):
        return  # edits, channel posts, callbacks: not taken
    chat = message.get("chat") or {}
    sender = message.get("from") or {}
    if not isinstance(chat, dict) or "id" not in chat or not isinstance(sender, dict):
        return
    if sender.get("is_bot"):
        return
    text = message.get("text") or message.get("caption") or ""
    files: list[InboundFile] = []
    photos = message.get("photo")
    if isinstance(photos, list) and photos:
        config = await ChannelConfig.get(company_id=company_id)
        try:
            photo = await _photo(config, photos)
        except (TelegramError, DeliveryFailed) as error:
            log.warning("a Telegram photo was not downloaded: %s", error)
            photo = None
        if photo is not None:
            files.append(photo)
        text = text or "(photo)"
    if not text:
        return  # stickers, voice, locations: nothing to show yet
    username = sender.get("username")
    _ = await record_inbound(
        Inbound(
            company_id=company_id,
            channel=Channel.TELEGRAM,
            thread_key=str(chat["id"]),
            body=str(text),
            sender_name=_name(sender),
            external_id=f"tg:{chat['id']}:{message.get('message_id')}",
            contact_telegram=username if isinstance(username, str) else None,
            files=files,
        )
    )


class TelegramSender:
    """sendMessage to the conversation's chat, one a second per chat from this process."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}

    async def _pace(self, chat: str) -> None:
        wait = self._last.get(chat, 0.0) + PER_CHAT_SECONDS - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        self._last[chat] = time.monotonic()

    async def send(self, outbound: Outbound) -> str | None:
        if outbound.config is None or outbound.config.telegram_token is None:
            raise not_connected(outbound, TELEGRAM_NOT_CONNECTED)
        api = api_for(outbound.config)
        chat = outbound.conversation.external_key
        await self._pace(chat)
        try:
            message_id = await api.send_message(chat, outbound.message.body)
        except TelegramError as error:
            if error.code == 429:
                raise RetryLater(error.description, error.retry_after or 1.0) from None
            if error.code in (400, 401, 403, 404):
                raise DeliveryFailed(f"Telegram {error.code}: {error.description}") from None
            if error.code == 0:  # not reached: channels/telegram_api.py's generic sentence
                raise RetryLater(error.description) from None
            raise RetryLater(f"Telegram {error.code}: {error.description}") from None
        return f"tg:{chat}:{message_id}" if message_id is not None else None
