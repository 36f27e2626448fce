"""Who sends an `OutboundMessage` on each channel: a registry the outbound queue
(channels/outbound_delivery.py) reads, filled at app start (servicedesk/workers/).

A sender delivers one message and returns; it raises channels.base `DeliveryFailed(reason)`
when the message can never go (a refused address, a blocked bot: FAILED at once, the reason
shown to staff in `Order.outbound`) and `RetryLater(reason, seconds)` to be tried again (its
own pace when `seconds` is given, else the queue's backoff). A channel without a sender
leaves its messages PENDING until one is registered (SMS off while SMS_URL is unset)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from models import DeliveryChannel, OutboundMessage

Sender = Callable[[OutboundMessage], Awaitable[None]]

_senders: dict[DeliveryChannel, Sender] = {}


def register_outbound_sender(channel: DeliveryChannel, sender: Sender) -> None:
    _senders[channel] = sender


def outbound_sender_for(channel: DeliveryChannel) -> Sender | None:
    return _senders.get(channel)
