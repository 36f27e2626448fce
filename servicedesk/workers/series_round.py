"""The series round in the background: every SERIES_ROUND_SECONDS, in every process, it
makes the orders of the series' visits up to the horizon (resolvers/series_round.py; the
unique key on a series' day makes each visit's order once whichever process gets there)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from config.settings import Settings
from resolvers.series_round import run_round

log = logging.getLogger("servicedesk.series")


async def run_series_round(settings: Settings) -> None:
    """Right away (the process may have been down past a horizon), then every few minutes;
    a failed round is logged and tried again at the next."""
    while True:
        try:
            _ = await run_round(datetime.now(UTC), settings.series_horizon_days)
        except asyncio.CancelledError:
            raise
        except Exception:  # the database may be away for a moment
            log.exception("series round failed; retrying")
        await asyncio.sleep(settings.series_round_seconds)
