"""The webhook worker of every process: a round every WEBHOOK_POLL_SECONDS (0: off).

A round turns new order events into deliveries (resolvers/webhook_fanout.py) and sends the
claimed heads, each order's next following its success in the same round, a few at a time
(resolvers/webhook_delivery.py), each body built through the API's own schema
(schema/webhook_payload.py) and POSTed by channels/webhook_http.py over the round's shared
connections. A round that found work goes straight on to the next, so a backlog drains
without waiting a poll per batch. Every process runs it at once: claims make each attempt happen once.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from channels.webhook_http import connections, post
from config.settings import Settings
from resolvers.webhook_delivery import Send, send_due
from resolvers.webhook_fanout import fan_out
from schema.webhook_payload import build_payload

log = logging.getLogger("servicedesk.webhooks")


async def run_round(
    now: datetime | None = None, *, companies: list[int] | None = None, send: Send = post
) -> int:
    """Fan out, then send one batch; the number of deliveries attempted. `now` fixes the
    claim's clock (tests move it on to make retries due); `companies` limits the round."""
    _ = await fan_out(companies)
    async with connections():  # a burst to one receiver reuses its connections
        return await send_due(build_payload, send, now, companies)


async def run_webhook_sender(settings: Settings) -> None:
    """The background loop (started when WEBHOOK_POLL_SECONDS > 0)."""
    if settings.webhook_poll_seconds <= 0:
        return
    while True:
        sent = 0
        try:
            sent = await run_round()
        except asyncio.CancelledError:
            raise
        except Exception:  # the database may be away for a moment; try next round
            log.exception("webhook round failed; retrying")
        if not sent:
            await asyncio.sleep(settings.webhook_poll_seconds)
