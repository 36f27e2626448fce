""" "A member was deactivated": one broadcast message that every process's socket guard acts
on at once (servicedesk/transport/websocket_auth.py), so that the leaver's open sockets close
within a second in every process, not at the guard's next periodic round.

The message carries only the membership's id; what it means (which sessions and tokens are
dead) every process reads from the database, so a lost or repeated message does no harm: the
periodic round is the fallback.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from compat.broadcaster import Unsubscribed
from realtime.hub import current_hub

log = logging.getLogger("servicedesk.realtime")

CHANNEL = "members:deactivated"

Handler = Callable[[int], Awaitable[None]]

# This process's own handlers, called directly when the broadcast is away, so that at least
# the sockets of the process that deactivated close at once (the others at their round).
_local: set[Handler] = set()


def on_member_deactivated(handler: Handler) -> None:
    """Register this process's handler (the socket guard does, as it starts)."""
    _local.add(handler)


def off_member_deactivated(handler: Handler) -> None:
    """Forget a handler (its guard stopped): a later app in this process is not told twice."""
    _local.discard(handler)


async def publish_member_deactivated(membership_id: int) -> bool:
    """Tell every process (this one included); False when the broadcast is away (this
    process's handlers are then called directly; other processes' rounds close their
    sockets). Never raises: the deactivation is committed."""
    hub = current_hub()
    if hub is None:
        return False
    try:
        await hub.broadcast.publish(CHANNEL, str(membership_id))
    except Exception as error:
        log.warning("publishing a deactivation failed (%s)", type(error).__name__)
        for handler in list(_local):
            await handler(membership_id)
        return False
    return True


async def follow_deactivations(on_deactivated: Handler) -> None:
    """Call `on_deactivated(membership_id)` for each signal, until the broadcast disconnects
    (returns at once when realtime is not running in this process)."""
    hub = current_hub()
    if hub is None:
        return
    async with hub.broadcast.subscribe(CHANNEL) as subscriber:
        while True:
            try:
                message = await subscriber.get()
            except Unsubscribed:
                return
            try:
                membership_id = int(message.message)
            except ValueError:
                log.warning("ignored a malformed deactivation message")
                continue
            await on_deactivated(membership_id)
