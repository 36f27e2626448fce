"""How a channel plugs into the inbox.

Inbound: an adapter turns what arrived into an `Inbound` (resolvers/inbound.py, with its
files as media/attachments.py's `InboundFile`) and calls
`resolvers.inbound.record_inbound(inbound)`: "record an inbound message for company X,
channel C, thread key K (where replies go), sender name N". The conversation is found by the
message ids it refers to (`references`, e-mail), else by (company, channel, thread key) when
the channel keeps one thread per key (`Inbound.one_thread_per_key`: Telegram chats, chat
visitors), else a new one is opened; a closed one is reopened.

Outbound: an adapter registers a `Sender` for its channel with `register_sender`. The
delivery queue (channels/delivery.py) claims each PENDING outbound message once and calls
`send(outbound)`; returning marks it SENT (with the channel's id of it, if any), raising
`RetryLater` tries again after a delay (the channel's own, e.g. Telegram's retry_after, or
the queue's backoff), `DeliveryFailed` gives up at once and shows FAILED. Any other
exception counts as a failed attempt with backoff. A channel without a sender leaves its
messages PENDING until one is registered, then FAILED after the attempts run out: a failure
is always visible, never silent. A channel the company has not connected (`not_connected`)
leaves them PENDING, with the reason as their deliveryError, until it is connected.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from models import Channel, ChannelConfig, Conversation, Message

log = logging.getLogger("servicedesk.delivery")

# How often a reply waiting for its channel to be connected looks again.
NOT_CONNECTED_RECHECK_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Outbound:
    """What a sender gets: the message, its conversation, earlier messages' ids (e-mail
    threading) and the company's channel settings (None when it has none)."""

    message: Message
    conversation: Conversation
    config: ChannelConfig | None
    thread_ids: Sequence[str] = ()


class RetryLater(Exception):
    """Not delivered now; try again after `seconds` (None: the queue's backoff)."""

    def __init__(self, reason: str, seconds: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.seconds = seconds


class DeliveryFailed(Exception):
    """Never deliverable (a refused recipient, a blocked bot): FAILED at once."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def not_connected(outbound: Outbound, reason: str) -> RetryLater:
    """The company has not connected the channel the conversation came on (the demo connects
    no mail server; an owner may disconnect one): the reply is not the client's fault and not
    lost. It waits, PENDING with `reason` (what the owner must do) as its deliveryError, looked
    at again every minute without using up its attempts, and goes out once the channel is
    connected. Logged once per message, at WARNING: someone can act on it."""
    if outbound.message.last_error != reason:
        log.warning("message %s waits for its channel: %s", outbound.message.id, reason)
    return RetryLater(reason, NOT_CONNECTED_RECHECK_SECONDS)


class Sender(Protocol):
    async def send(self, outbound: Outbound) -> str | None:
        """Deliver; return the channel's id of the message sent, if it has one."""


_senders: dict[Channel, Sender] = {}


def register_sender(channel: Channel, sender: Sender) -> None:
    _senders[channel] = sender


def sender_for(channel: Channel) -> Sender | None:
    return _senders.get(channel)
