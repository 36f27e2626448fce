"""Every background worker of an API process, listed and started in one place: the app's one
lifespan calls `start_workers` after the database, broadcast and storage are up, and cancels
the tasks it returns at shutdown. Each is a task named "background:<what>" and runs in every
process at once (each item is claimed with a row lock, so it happens once), and each only
when configured:

- outbox-relay        re-publishes committed events not yet marked sent; prunes old ones
- deadline-watch      tells of overdue and due-soon orders and overdue tasks
                      (DEADLINE_WATCH_SECONDS > 0)
- socket-guard        ends WebSockets whose token expired or was revoked
- orphan-sweep        deletes uploaded photos no order took (ORPHAN_SWEEP_SECONDS > 0)
- channel-delivery    the channels' delivery queue (DELIVERY_POLL_SECONDS > 0)
- telegram-updates    webhook updates a dead process left unprocessed (same switch)
- inbound-smtp        the SMTP listener (INBOUND_SMTP_PORT set)
- imap-poll           companies' IMAP mailboxes (IMAP_POLL_SECONDS > 0)
- mail-sender         the e-mail outbox (SMTP_URL set; without it e-mails stay there)
- series-round        makes recurring series' orders ahead (SERIES_ROUND_SECONDS > 0)
- webhook-sender      partner webhooks' deliveries (WEBHOOK_POLL_SECONDS > 0)
- outbound-sender     messages to people outside the app (OUTBOUND_POLL_SECONDS > 0)
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from channels.delivery import run_delivery
from channels.email_inbound import run_smtp_listener
from channels.imap_poll import poll_mailboxes
from channels.runtime import install_senders
from channels.sms_outbound import install as install_sms
from channels.telegram import process_pending
from channels.telegram_outbound import install as install_telegram
from config.settings import Settings
from realtime.outbox import run_relay
from resolvers.deadline_watch import run_deadline_watch
from resolvers.photo_sweep import run_orphan_sweep
from servicedesk.transport.websocket_auth import guard
from servicedesk.workers.mail_sender import run_mail_sender
from servicedesk.workers.outbound_sender import install as install_outbound
from servicedesk.workers.outbound_sender import run_outbound_sender
from servicedesk.workers.series_round import run_series_round
from servicedesk.workers.webhook_sender import run_webhook_sender

log = logging.getLogger("servicedesk.channels")

TELEGRAM_SWEEP_SECONDS = 5.0


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


def workers(settings: Settings) -> dict[str, Coroutine[Any, Any, None]]:
    """The configured workers by name, not yet started."""
    work: dict[str, Coroutine[Any, Any, None]] = {
        "outbox-relay": run_relay(timedelta(days=settings.event_retention_days)),
        "deadline-watch": run_deadline_watch(settings),
        "socket-guard": guard.run(),
        "orphan-sweep": run_orphan_sweep(settings),
    }
    if settings.delivery_poll_seconds:
        work["channel-delivery"] = run_delivery(settings.delivery_poll_seconds)
        work["telegram-updates"] = every(
            TELEGRAM_SWEEP_SECONDS, process_pending, "Telegram update sweep"
        )
    if settings.inbound_smtp_port is not None:
        work["inbound-smtp"] = run_smtp_listener(settings)
    if settings.imap_poll_seconds:
        work["imap-poll"] = every(settings.imap_poll_seconds, poll_mailboxes, "IMAP poll")
    if settings.series_round_seconds:
        work["series-round"] = run_series_round(settings)
    if settings.smtp_url:
        work["mail-sender"] = run_mail_sender(settings)
    if settings.webhook_poll_seconds:
        work["webhook-sender"] = run_webhook_sender(settings)
    if settings.outbound_poll_seconds:
        work["outbound-sender"] = run_outbound_sender(settings)
    return work


def start_workers(settings: Settings) -> list[asyncio.Task[None]]:
    """Register the channels' senders, then start every configured worker."""
    install_senders()
    install_outbound()
    install_sms()
    install_telegram()
    return [
        asyncio.create_task(job, name=f"background:{name}")
        for name, job in workers(settings).items()
    ]
