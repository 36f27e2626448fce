"""The channels' background work, started by the app's one lifespan (servicedesk/app.py):
each a task named "background:*", and each only when configured.

- background:channel-delivery  the delivery queue (DELIVERY_POLL_SECONDS > 0)
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from channels.delivery import run_delivery
from servicedesk.settings import Settings


def channel_tasks(settings: Settings) -> list[asyncio.Task[None]]:
    work: dict[str, Coroutine[Any, Any, None]] = {}
    if settings.delivery_poll_seconds:
        work["channel-delivery"] = run_delivery(settings.delivery_poll_seconds)
    return [asyncio.create_task(job, name=f"background:{name}") for name, job in work.items()]
