"""The channels' outbound senders, registered with the delivery queue (channels/base.py) when
the app starts its workers (servicedesk/workers/); a channel built elsewhere registers its
own the same way. The channels' background loops are listed and started there too.
"""

from __future__ import annotations

from channels.base import register_sender
from channels.email_out import EmailSender
from channels.telegram import TelegramSender
from models import Channel


def install_senders() -> None:
    register_sender(Channel.EMAIL, EmailSender())
    register_sender(Channel.TELEGRAM, TelegramSender())
