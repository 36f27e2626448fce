"""The channels' background work, started by the app's one lifespan (servicedesk/app.py):
each a task named "background:*", and each only when configured.

- background:channel-delivery  the delivery queue (DELIVERY_POLL_SECONDS > 0)
- background:telegram-updates  webhook updates a dead process left unprocessed (same switch)
- background:inbound-smtp      the SMTP listener (INBOUND_SMTP_PORT set)
- background:imap-poll         companies' IMAP mailboxes (IMAP_POLL_SECONDS > 0)

`install_senders` registers each channel's outbound sender with the delivery queue
(channels/base.py); a channel built elsewhere registers its own the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from channels.base import register_sender
from channels.delivery import run_delivery
from channels.email_inbound import run_smtp_listener
from channels.email_out import EmailSender
from channels.imap_poll import poll_mailboxes
from channels.telegram import TelegramSender, process_pending
from models import Channel
from servicedesk.settings import Settings

log = logging.getLogger("servicedesk.channels")

TELEGRAM_SWEEP_SECONDS = 5.0


def install_senders() -> None:
    register_sender(Channel.EMAIL, EmailSender())
    register_sender(Channel.TELEGRAM, TelegramSender())


async def every(seconds: float, work: Callable[[], Awaitable[object]], what: str) -> None:
    """Run `work` every `seconds` until cancelled; a failed round is logged and retried."""
    while True:
        try:
            _ = await work()
        except asyncio.CancelledError:
            raise
        except Exception:  # the database or a server may be away for a moment
            log.exception("%s failed; retrying", what)
        await asyncio.sleep(seconds)


def channel_tasks(settings: Settings) -> list[asyncio.Task[None]]:
    install_senders()
    work: dict[str, Coroutine[Any, Any, None]] = {}
    if settings.delivery_poll_seconds:
        work["channel-delivery"] = run_delivery(settings.delivery_poll_seconds)
        work["telegram-updates"] = every(
            TELEGRAM_SWEEP_SECONDS, process_pending, "Telegram update sweep"
        )
    if settings.inbound_smtp_port is not None:
        work["inbound-smtp"] = run_smtp_listener(settings)
    if settings.imap_poll_seconds:
        work["imap-poll"] = every(settings.imap_poll_seconds, poll_mailboxes, "IMAP poll")
    return [asyncio.create_task(job, name=f"background:{name}") for name, job in work.items()]
