"""Connecting a company's Telegram bot: the token is checked with Telegram (getMe), the
webhook registered at PUBLIC_URL with a new random secret (setWebhook), then the token is
kept encrypted and only the secret's hash stored (the webhook finds the company by it).

It lives with the channel because it talks to Telegram; the settings' shape and who may
change them are resolvers/channel_settings.py's and permissions/'s.
"""

from __future__ import annotations

import re
import secrets

from channels.telegram_api import TelegramApi, TelegramError
from config.settings import current
from domain.errors import invalid
from permissions.actor import Actor
from permissions.channel_secrets import encrypt
from permissions.conversations import check_may_configure_channels
from permissions.tokens import hash_token
from resolvers.channel_settings import ChannelSettingsView, config_of

WEBHOOK_PATH = "/telegram/webhook"
BOT_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,100}$")


async def configure_telegram(actor: Actor, bot_token: str) -> ChannelSettingsView:
    """Check the token (getMe), register the webhook at PUBLIC_URL with a new random secret
    (setWebhook), then keep the token encrypted and the secret's hash."""
    check_may_configure_channels(actor)
    token = bot_token.strip()
    field = ["input", "botToken"]
    if not BOT_TOKEN.match(token):
        raise invalid("This is not a bot token (from @BotFather: 123456:ABC...)", *field)
    settings = current()
    api = TelegramApi(settings.telegram_api_url, token)
    try:
        me = await api.get_me()
        secret = secrets.token_urlsafe(32)
        await api.set_webhook(f"{settings.public_url}{WEBHOOK_PATH}", secret)
    except TelegramError as error:
        raise invalid(f"Telegram refused the bot: {error.description}", *field) from None
    config = await config_of(actor.company_id)
    config.telegram_token = encrypt(token)
    config.telegram_bot_name = str(me.get("username") or me.get("first_name") or "bot")[:100]
    config.telegram_secret_hash = hash_token(secret)
    await config.save()
    return ChannelSettingsView.of(config)
